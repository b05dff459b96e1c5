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
 * the sub-path copy is still built). `DIST_DIR=/tmp/x` does the same with `/tmp/x` and `/tmp/x-sub` (build those
 * one after the other: Astro stages a build outside the project in ./.astro/, which two at once share), so one
 * engineer's build can serve many single-file runs without touching `dist/` (`npm test` builds that way while the
 * unit tests run). `KEEP_TEST_DIST=1` keeps the run's output for inspection.
 *
 * The browser tests are two projects (vitest.config.ts) that share this one build and its servers: the first
 * project to start builds and serves, and the last to finish closes them.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build-sites.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { SUB_BASE } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    subBaseUrl: string;
  }
}

interface Site {
  baseUrl: string;
  subBaseUrl: string;
  projects: number;
  close(): Promise<void>;
}

async function buildAndServe(): Promise<Site> {
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
    builds.push(buildSite(mainDir, '/'));
  }
  if (!skip || !existsSync(join(subDir, 'index.html'))) {
    subDir = join(runDir, 'sub');
    mkdirSync(runDir, { recursive: true });
    builds.push(buildSite(subDir, SUB_BASE));
  }
  await Promise.all(builds);

  // Served as hosts that read `_headers` serve it: its CSP on top of each page's own, so both are enforced.
  const main = await startServer({ root: mainDir, base: '/', port: 0, hostHeaders: true });
  const sub = await startServer({ root: subDir, base: SUB_BASE, port: 0, hostHeaders: true });
  return {
    baseUrl: main.url,
    subBaseUrl: sub.url,
    projects: 0,
    close: async () => {
      await Promise.all([main.close(), sub.close()]);
      if (process.env.KEEP_TEST_DIST !== '1') rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** One site per vitest process, whichever project's setup asks first (projects load this file separately). */
const SITE = Symbol.for('activations-intuitively.browser-test-site');
const shared = globalThis as { [SITE]?: Promise<Site> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared[SITE] ??= buildAndServe();
  const site = await shared[SITE];
  site.projects += 1;
  project.provide('baseUrl', site.baseUrl);
  project.provide('subBaseUrl', site.subBaseUrl);

  return async () => {
    site.projects -= 1;
    if (site.projects > 0) return;
    delete shared[SITE];
    await site.close();
  };
}
