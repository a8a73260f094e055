import { defineConfig } from 'vitest/config';
import { TEST_RUN_ENV } from './tests/test-run.ts';

process.env[TEST_RUN_ENV] ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Each file builds the site once or more; builds are CPU-bound, so run files one by one.
          // (Vitest runs such a project without a group order last, one file at a time.)
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'apache',
          include: ['tests/apache/**/*.test.ts'],
          // Serves the run's shared build with a real Apache on loopback (skipped without Apache
          // outside CI). After the browser tests, one file at a time, so builds do not compete.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'deploy',
          include: ['tests/deploy/**/*.test.ts'],
          // Builds and publishes into temporary target folders, one file at a time.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Provides the run's shared build of the real content to every file.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One Chromium at a time, with no other test file beside it.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
