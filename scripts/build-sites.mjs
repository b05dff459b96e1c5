// The two builds the browser tests serve: the site with base `/`, and the same site with `BASE=/sub/` (every link
// and asset must follow the base). Used by tests/browser/global-setup.ts and by `npm test` (scripts/test.mjs),
// which starts them while the unit tests run.
//   buildSites(dir)  builds `${dir}` (base /) and `${dir}-sub` (base /sub/) side by side: each build spends much of
//                    its time in one thread (Rollup, then Pagefind). Resolves when both are done; rejects with the
//                    failing build's own error output. `dir` must lie inside the project: Astro stages a build
//                    whose outDir is elsewhere in ./.astro/, which two builds at once would share (one then copies
//                    the other's pages).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

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
 * Build the site into `outDir` under `base`.
 * @param {string} outDir
 * @param {string} base
 * @returns {Promise<void>}
 */
export function buildSite(outDir, base) {
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

/**
 * Both builds, side by side: `dir` with base `/`, `${dir}-sub` with base `/sub/`.
 * @param {string} dir
 * @returns {Promise<void>}
 */
export async function buildSites(dir) {
  if (!resolve(dir).startsWith(process.cwd())) throw new Error(`buildSites: ${dir} is outside the project`);
  await Promise.all([buildSite(dir, '/'), buildSite(`${dir}-sub`, SUB_BASE)]);
}
