#!/usr/bin/env node
// `npm test`: the unit tests, then the browser tests in Chromium against a fresh build, then the closing summary
// (scripts/test-summary.mjs: the ten slowest files, `N passed, N failed`). The two builds the browser tests serve
// (scripts/build-sites.mjs) start at once and run while the unit tests do: the unit run ends on a few long files
// that leave a core idle, and each build spends most of its time in one thread. The browser run then reuses them
// (DIST_DIR). A failed unit run skips the browser run, as a failed build does; either way the summary says so and
// the exit code is 1. KEEP_TEST_DIST=1 keeps the builds (dist-tests/run-<pid>/).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSites } from './build-sites.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Run a command with this terminal; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

// No Chromium: say so now, not after the unit tests.
if ((await run(process.execPath, ['scripts/require-chromium.mjs'])) !== 0) process.exit(1);
await run(process.execPath, ['scripts/test-summary.mjs', '--reset']);

const runDir = resolve('dist-tests', `run-${process.pid}`);
const site = resolve(runDir, 'site');
const started = Date.now();
const built = buildSites(site).then(
  () => null,
  (error) => error,
);

const unit = await run(npm, ['run', 'test:unit']);
let browser = 1;
if (unit === 0) {
  const buildError = await built;
  if (buildError) console.error(String(buildError.message ?? buildError));
  else {
    console.log(`[npm test] builds ready ${((Date.now() - started) / 1000).toFixed(0)} s after the start`);
    browser = await run(npm, ['run', 'test:browser'], { ...process.env, DIST_DIR: site });
  }
} else {
  await built;
}
if (process.env.KEEP_TEST_DIST !== '1') rmSync(runDir, { recursive: true, force: true });

const summary = await run(process.execPath, ['scripts/test-summary.mjs']);
process.exit(unit === 0 && browser === 0 && summary === 0 ? 0 : 1);
