/** Environment variables between `npm run build` (scripts/build.ts), tests and the integration. */

/** Skips the content check: for tests that compare it with the deploy's verification of a built site. */
export const SKIP_CHECK_ENV = 'BLOG_SKIP_CONTENT_CHECK';

/**
 * Set by `npm run build`, which writes the search index and the `.br`/`.gz` copies after Astro's
 * process has ended; a plain `astro build` warns that its site lacks them.
 */
export const BUILD_SCRIPT_ENV = 'BLOG_BUILD_SCRIPT';
