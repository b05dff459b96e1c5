#!/usr/bin/env node
// `npm test`: the unit tests, the browser tests in Chromium against a fresh build, then the closing summary
// (scripts/test-summary.mjs: the ten slowest files, `N passed, N failed`).
//
// The machine is the limit (two cores), so nothing waits that need not, and the timing tests still get a quiet one:
// - the site is built first, with the unit tests beside it at the lowest priority (`nice -n 19`), so they take only
//   the CPU the build leaves idle;
// - then the timing tests (project `browser-timed`: main-thread CPU per task while demos train), with no other
//   Chromium beside them: a second browser sharing the cores has pushed single tasks from ~35 ms to over 50. What
//   runs beside them is the unit tests and the `BASE=/sub/` build, both at the lowest priority, in the core the
//   timing tests leave idle;
// - then the other browser files, two at a time, once the sub-path build is ready too.
// The unit run's output is printed as it comes; the browser runs' is held until the unit run ends, then follows
// it, so the log reads as separate runs.
// A failed unit run or build still lets the runs already started finish; the summary says what failed and the exit
// code is 1. KEEP_TEST_DIST=1 keeps the builds (dist-tests/run-<pid>/).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite, SUB_BASE } from './build-sites.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const vitest = ['exec', '--', 'vitest', 'run', '--reporter=default', '--reporter=json'];

/**
 * Run a command; resolves with its exit code. With `held`, its output is kept until `held.release()` is called,
 * then written out, and passed through from then on.
 */
function run(command, args, { env = process.env, held } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: held ? ['inherit', 'pipe', 'pipe'] : 'inherit', env });
    if (held) {
      child.stdout.on('data', (chunk) => held.write(process.stdout, chunk));
      child.stderr.on('data', (chunk) => held.write(process.stderr, chunk));
    }
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Output kept back until released, in the order it came, each chunk to its own stream. */
function holdOutput() {
  let kept = [];
  return {
    write(stream, chunk) {
      if (kept) kept.push([stream, chunk]);
      else stream.write(chunk);
    },
    release() {
      for (const [stream, chunk] of kept ?? []) stream.write(chunk);
      kept = null;
    },
  };
}

/** A browser project's run (`npm run test:browser` runs both at once; here they run apart). */
const project = (name) => [...vitest, '--project', name, `--outputFile.json=test-results/${name}.json`];
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(0);
/** The unit run at the lowest priority where `nice` exists: it yields the CPU to the builds and the browser tests. */
const niced = (command, args) =>
  process.platform === 'linux' ? ['nice', ['-n', '19', command, ...args]] : [command, args];

// No Chromium: say so now, not after the unit tests.
if ((await run(process.execPath, ['scripts/require-chromium.mjs'])) !== 0) process.exit(1);
await run(process.execPath, ['scripts/test-summary.mjs', '--reset']);

const runDir = resolve('dist-tests', `run-${process.pid}`);
const site = resolve(runDir, 'site');
const browserEnv = { ...process.env, DIST_DIR: site };
const started = Date.now();
const held = holdOutput();

const unitRun = run(...niced(npm, ['run', 'test:unit'])).then((code) => {
  held.release();
  console.log(`[npm test] unit tests done ${seconds(started)} s after the start`);
  return code;
});
const mainBuild = buildSite(site, '/');
const subBuild = mainBuild.then(() => buildSite(`${site}-sub`, SUB_BASE, { lowPriority: true }));
// Awaited only once the timing tests are done; a failure is reported then.
subBuild.catch(() => {});
const builtOrSaid = (build) =>
  build.then(
    () => true,
    (error) => {
      held.write(process.stderr, `${String(error.message ?? error)}\n`);
      return false;
    },
  );
const say = (words) => held.write(process.stdout, `[npm test] ${words} ${seconds(started)} s after the start\n`);

const browserRuns = (async () => {
  if (!(await builtOrSaid(mainBuild))) return { timed: 1, browser: 1 };
  say('site built; the timing tests start, beside the unit tests and the sub-path build (both niced),');
  // The timing files never open the sub-path build, which is still being built.
  const timed = await run(npm, project('browser-timed'), { env: { ...browserEnv, SERVE_SUB: '0' }, held });
  if (!(await builtOrSaid(subBuild))) return { timed, browser: 1 };
  say('timing tests done; the other browser files start');
  const browser = await run(npm, project('browser'), { env: browserEnv, held });
  return { timed, browser };
})();
const [unit, { timed, browser }] = await Promise.all([unitRun, browserRuns]);
if (process.env.KEEP_TEST_DIST !== '1') rmSync(runDir, { recursive: true, force: true });

const summary = await run(process.execPath, ['scripts/test-summary.mjs']);
process.exit(unit === 0 && browser === 0 && timed === 0 && summary === 0 ? 0 : 1);
