/**
 * Names one `vitest run`: vitest.config.ts sets it once, and every worker and global setup
 * inherits it, so the test files of one run can share a build (tests/build/helpers.ts
 * `sharedSite`) and two runs in one working tree never do.
 */
export const TEST_RUN_ENV = 'BLOG_TEST_RUN';
