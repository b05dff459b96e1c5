import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each slow file took in a measured run (3 Dec 2026, the shared 2-core machine under load), used only to
 * start the longest files first, so that both workers finish together; a fresh clone has no timings of its own
 * (vitest's cache, preferred when present). Files not listed count as `DEFAULT_SECONDS`; a stale entry costs only
 * balance.
 */
const MEASURED_SECONDS: Record<string, number> = {
  'tests/unit/engine/bit-identity.test.ts': 139,
  'tests/unit/labs/init-experiment.test.ts': 112,
  'tests/parity/one-hidden-layer.more.test.ts': 74,
  'tests/unit/engine/session.test.ts': 63,
  'tests/parity/one-hidden-layer.seed-set.test.ts': 60,
  'tests/parity/deep-stack.test.ts': 60,
  'tests/unit/engine/deep-trainer.test.ts': 52,
  'tests/unit/labs/export-tfjs.test.ts': 50,
  'tests/unit/settings/engine-cli.test.ts': 38,
  'tests/unit/engine/engine.test.ts': 35,
  'tests/unit/labs/export-python.test.ts': 30,
  'tests/reference/reference.test.ts': 29,
  'tests/browser/page-sweep.test.ts': 209,
  'tests/browser/hostile.test.ts': 93,
  'tests/browser/budgets.test.ts': 87,
  'tests/browser/many-seeds.test.ts': 66,
  'tests/browser/further-deep.test.ts': 49,
  'tests/browser/failure.test.ts': 41,
  'tests/browser/further-universal.test.ts': 41,
  'tests/browser/site.test.ts': 40,
  'tests/browser/a11y.test.ts': 40,
  'tests/browser/further-init.test.ts': 36,
  'tests/browser/worker.test.ts': 22,
  'tests/browser/fitlab.test.ts': 21,
};
const DEFAULT_SECONDS = 20;

/** Longest first: vitest's own timing of the file when it has one, else the table above. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => {
      const path = relative(file.project.config.root, file.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`);
      return cached ? cached.duration / 1000 : (MEASURED_SECONDS[path] ?? DEFAULT_SECONDS);
    };
    return (await super.sort(files)).sort((a, b) => seconds(b) - seconds(a));
  }
}

/**
 * Browser files that measure timing itself (main-thread CPU per task while demos train) run on their own, after
 * the others; every other browser file runs two at a time. A task's CPU time is not immune to a neighbour: beside
 * another Chromium, single tasks of 96 and 122 ms were seen in demos whose heaviest is otherwise 25–35 ms, and a
 * 53 ms slice in the main-thread fallback's deep demo (otherwise 22–38 ms); with these files two at a time, a 166 ms
 * task in a Fit Lab whose heaviest is otherwise 12–19 ms. So both files that judge tasks run here, one at a time.
 */
const TIMED = ['tests/browser/responsiveness.test.ts', 'tests/browser/failure.test.ts'];

const browserProject = {
  environment: 'node' as const,
  // A worker's files share one Chromium and its reusable tabs (harness.ts); no browser file leaves module state
  // that another reads.
  isolate: false,
  globalSetup: ['tests/browser/global-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 300_000,
};

// Three projects: unit tests of `src/core` and friends; the browser tests, which build the site once
// (tests/browser/global-setup.ts) and drive Debian's Chromium against it, two files at a time; and, once those are
// done, the timing browser tests one at a time. `npm run test:browser` runs both browser projects.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/reference/**/*.test.ts', 'tests/parity/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          // Both cores: the parity and export files each train hundreds of tf.layers steps.
          maxWorkers: 2,
          // A worker loads tfjs and the engine once, not once per file (a fifth less CPU): no unit file leaves
          // module state that another reads, and they pass in any order (`--sequence.shuffle.files`).
          isolate: false,
        },
      },
      {
        test: {
          ...browserProject,
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...TIMED],
          // Two Chromiums at a time: most of a browser test is one renderer thread, or a worker training.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          ...browserProject,
          name: 'browser-timed',
          include: TIMED,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
