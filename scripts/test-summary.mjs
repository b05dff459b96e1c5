#!/usr/bin/env node
// Closing lines for CI logs, from the JSON reports `npm test` writes to test-results/ (vitest prints a summary per
// run, and `npm test` is three runs: unit and browser side by side, then the timing tests alone): each run's wall
// time, the ten slowest test files (files run two at a time, so their times add up to more than a run's), then
// `N passed, N failed`.
// Exits 1 when a test failed or a run left no report, so `npm test` can print this and still fail.
//   node scripts/test-summary.mjs          summarise
//   node scripts/test-summary.mjs --reset  remove the previous reports first (a run that dies writes none)
import { readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

const RUNS = ['unit', 'browser', 'browser-timed'];
const SLOWEST = 10;

if (process.argv.includes('--reset')) {
  for (const run of RUNS) rmSync(`test-results/${run}.json`, { force: true });
  process.exit(0);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const files = [];
let missing = 0;
for (const run of RUNS) {
  let report;
  try {
    report = JSON.parse(readFileSync(`test-results/${run}.json`, 'utf8'));
  } catch {
    console.log(`${run}: not run (no test-results/${run}.json)`);
    missing += 1;
    continue;
  }
  const passed = report.numPassedTests ?? 0;
  // Files that fail to load (syntax error, failing setup) count as failures even with no test inside them.
  const failed = report.numFailedTests ?? 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const broken = brokenFiles ? `, ${brokenFiles} file(s) failed to run` : '';
  const ends = (report.testResults ?? []).map((file) => file.endTime).filter(Number.isFinite);
  const wall =
    ends.length > 0 && Number.isFinite(report.startTime) ? (Math.max(...ends) - report.startTime) / 1000 : NaN;
  const took = Number.isFinite(wall) ? ` in ${wall.toFixed(0)} s` : '';
  console.log(`${run}: ${passed} passed, ${failed} failed${broken}, ${skipped} skipped${took}`);
  totals.passed += passed;
  totals.failed += failed + brokenFiles;
  totals.skipped += skipped;
  for (const file of report.testResults ?? []) {
    const seconds = (file.endTime - file.startTime) / 1000;
    if (Number.isFinite(seconds)) files.push({ run, name: relative(process.cwd(), file.name), seconds });
  }
}

if (files.length > 0) {
  files.sort((a, b) => b.seconds - a.seconds);
  console.log(`slowest test files:`);
  for (const { run, name, seconds } of files.slice(0, SLOWEST)) {
    console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name} (${run})`);
  }
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || missing > 0 ? 1 : 0);
