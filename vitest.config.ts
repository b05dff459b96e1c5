import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of `src/core` and friends, and browser tests that build the site once
// (tests/browser/global-setup.ts) and drive Debian's Chromium against it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/reference/**/*.test.ts', 'tests/parity/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          // Both cores: the parity and export files each train hundreds of tf.layers steps.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // One Chromium at a time: the machines have two cores, and the training demos need one.
          fileParallelism: false,
        },
      },
    ],
  },
});
