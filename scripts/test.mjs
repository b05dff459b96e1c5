#!/usr/bin/env node
// `npm test`: the unit tests, the browser tests in Chromium against a fresh build, then the closing summary
// (scripts/test-summary.mjs: the ten slowest files, `N passed, N failed`).
//
// The machine is the limit (two cores), so nothing waits that need not:
// - the two builds the browser tests serve (scripts/build-sites.mjs) start at once, beside the unit tests;
// - the browser files start as soon as the builds are ready, while the unit tests finish. The unit run has the lowest
//   priority (nice 19), so the builds and the browser tests go first and the unit tests fill the time the others
//   leave idle (a browser test waiting on a page); at nice 5 they would take a quarter of the contended CPU. Its
//   output is printed as it comes; the browser run's is held until the unit run ends, then follows it, so the log
//   reads as two runs;
// - the timing tests (project `browser-timed`: main-thread CPU per task while demos train) start only when both
//   are done, so that nothing else runs beside them.
// A failed unit run or build still lets the runs already started finish; the summary says what failed and the exit
// code is 1. KEEP_TEST_DIST=1 keeps the builds (dist-tests/run-<pid>/).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSites } from './build-sites.mjs';

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
/** `nice` where there is one: the unit run yields the CPU to the builds and the browser tests. */
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
let built = false;
const browserRun = buildSites(site).then(
  () => {
    built = true;
    held.write(process.stdout, `[npm test] builds ready ${seconds(started)} s after the start\n`);
    return run(npm, project('browser'), { env: browserEnv, held });
  },
  (error) => {
    held.write(process.stderr, `${String(error.message ?? error)}\n`);
    return 1;
  },
);
const [unit, browser] = await Promise.all([unitRun, browserRun]);
let timed = 1;
if (built) {
  console.log(`[npm test] timing tests start ${seconds(started)} s after the start, alone`);
  timed = await run(npm, project('browser-timed'), { env: browserEnv });
}
if (process.env.KEEP_TEST_DIST !== '1') rmSync(runDir, { recursive: true, force: true });

const summary = await run(process.execPath, ['scripts/test-summary.mjs']);
process.exit(unit === 0 && browser === 0 && timed === 0 && summary === 0 ? 0 : 1);
