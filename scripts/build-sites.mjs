// The two builds the browser tests serve: the site with base `/`, and the same site with `BASE=/sub/` (every link
// and asset must follow the base). Used by tests/browser/global-setup.ts and by `npm test` (scripts/test.mjs).
// Two builds at once need output directories inside the project: Astro stages a build whose outDir is elsewhere in
// ./.astro/, which both would share (one then copies the other's pages).
import { execFile } from 'node:child_process';

/** The base path of the second build. */
export const SUB_BASE = '/sub/';

/**
 * Vitest puts Vite's own variables (BASE_URL=/, MODE=test, NODE_ENV=test, …) into process.env; passed on, they
 * would override the build's base path and mode, so a build gets the environment without them.
 */
function buildEnv(base) {
  const leaked = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !leaked.has(key) && !key.startsWith('VITEST')),
  );
  return { ...env, BASE: base };
}

/**
 * Build the site into `outDir` under `base`; resolves when done, rejects with the build's own error output.
 * `lowPriority` runs it under `nice -n 19` (where `nice` exists), so that it takes only CPU nothing else wants.
 * @param {string} outDir
 * @param {string} base
 * @param {{ lowPriority?: boolean }} [options]
 * @returns {Promise<void>}
 */
export function buildSite(outDir, base, { lowPriority = false } = {}) {
  const started = Date.now();
  const astroBuild = ['npx', 'astro', 'build', '--outDir', outDir];
  const [command, ...args] =
    lowPriority && process.platform === 'linux' ? ['nice', '-n', '19', ...astroBuild] : astroBuild;
  return new Promise((resolveBuild, rejectBuild) => {
    execFile(command, args, { env: buildEnv(base), maxBuffer: 64 * 1024 * 1024 }, (error, _out, err) => {
      if (error) return rejectBuild(new Error(`astro build (base ${base}) failed:\n${err}`));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[browser tests] built ${outDir} (base ${base}) in ${seconds} s`);
      resolveBuild();
    });
  });
}
