#!/usr/bin/env node
// One closing line for CI logs, `N passed, N failed`, from the JSON reports `npm test` writes to test-results/
// (vitest prints a summary per run, and `npm test` is two runs: unit, then browser).
import { readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const run of ['unit', 'browser']) {
  let report;
  try {
    report = JSON.parse(readFileSync(`test-results/${run}.json`, 'utf8'));
  } catch {
    console.log(`${run}: not run (no test-results/${run}.json)`);
    continue;
  }
  const passed = report.numPassedTests ?? 0;
  // Files that fail to load (syntax error, failing setup) count as failures even with no test inside them.
  const failed = report.numFailedTests ?? 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${run}: ${passed} passed, ${failed} failed${brokenFiles ? `, ${brokenFiles} file(s) failed to run` : ''}, ${skipped} skipped`);
  totals.passed += passed;
  totals.failed += failed + brokenFiles;
  totals.skipped += skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
