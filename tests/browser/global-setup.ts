/**
 * Browser-test global setup: build the site once per `vitest run`, serve it on 127.0.0.1, and hand the URLs to
 * the tests through `inject('baseUrl')` / `inject('subBaseUrl')` (see harness.ts).
 *
 * - `baseUrl`:    the site built with the default base `/`, e.g. `http://127.0.0.1:41234/`.
 * - `subBaseUrl`: the same site built with `BASE=/sub/`, served only under `/sub/`, e.g. `http://127.0.0.1:41235/sub/`.
 *
 * Each run builds into its own `dist-tests/run-<pid>/` (git-ignored via `dist-*`) so engineers running tests in
 * the same checkout never overwrite each other's output or `dist/`; it is removed afterwards.
 * `SKIP_BUILD=1` reuses an existing `dist/` (and `dist-sub/`, built with `BASE=/sub/`, if present; otherwise
 * the sub-path copy is still built). `DIST_DIR=/tmp/x` does the same with `/tmp/x` and `/tmp/x-sub`, so one
 * engineer's build can serve many single-file runs without touching `dist/`. `KEEP_TEST_DIST=1` keeps the run's
 * output for inspection.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';
import { SUB_BASE } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    subBaseUrl: string;
  }
}

/**
 * Vitest puts Vite's own variables (BASE_URL=/, MODE=test, NODE_ENV=test, …) into process.env; passed on, they
 * would override the build's base path and mode, so the build gets the environment without them.
 */
function buildEnv(base: string): NodeJS.ProcessEnv {
  const leaked = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !leaked.has(key) && !key.startsWith('VITEST')),
  );
  return { ...env, BASE: base };
}

/** Build the site into `outDir` under `base`; resolves when done, rejects with the build's own error output. */
function build(outDir: string, base: string): Promise<void> {
  const started = Date.now();
  return new Promise((resolveBuild, rejectBuild) => {
    execFile(
      'npx',
      ['astro', 'build', '--outDir', outDir],
      { env: buildEnv(base), maxBuffer: 64 * 1024 * 1024 },
      (error, _out, err) => {
        if (error) return rejectBuild(new Error(`astro build (base ${base}) failed:\n${err}`));
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`[browser tests] built ${outDir} (base ${base}) in ${seconds} s`);
        resolveBuild();
      },
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = process.cwd();
  const runDir = resolve(root, 'dist-tests', `run-${process.pid}`);
  const reuse = process.env.DIST_DIR;
  const skip = process.env.SKIP_BUILD === '1' || !!reuse;

  let mainDir = resolve(root, reuse ?? 'dist');
  let subDir = resolve(root, reuse ? `${reuse}-sub` : 'dist-sub');
  // The two builds run side by side: each spends much of its time in one thread (Rollup, then Pagefind).
  const builds: Promise<void>[] = [];
  if (!skip || !existsSync(join(mainDir, 'index.html'))) {
    mainDir = join(runDir, 'main');
    builds.push(build(mainDir, '/'));
  }
  if (!skip || !existsSync(join(subDir, 'index.html'))) {
    subDir = join(runDir, 'sub');
    mkdirSync(runDir, { recursive: true });
    builds.push(build(subDir, SUB_BASE));
  }
  await Promise.all(builds);

  // Served as hosts that read `_headers` serve it: its CSP on top of each page's own, so both are enforced.
  const main = await startServer({ root: mainDir, base: '/', port: 0, hostHeaders: true });
  const sub = await startServer({ root: subDir, base: SUB_BASE, port: 0, hostHeaders: true });
  project.provide('baseUrl', main.url);
  project.provide('subBaseUrl', sub.url);

  return async () => {
    await Promise.all([main.close(), sub.close()]);
    if (process.env.KEEP_TEST_DIST !== '1') rmSync(runDir, { recursive: true, force: true });
  };
}
