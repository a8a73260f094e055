import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/check-posts.ts';
import { formatProblem } from '../lib/content-checks.ts';
import { contentPaths, readContentFromDisk } from '../lib/content-source.ts';

/** Skips the check: for tests that compare it with the deploy's verification of a built site. */
export const SKIP_CHECK_ENV = 'BLOG_SKIP_CONTENT_CHECK';

/**
 * Runs the editors' content checks (`npm run check`) first thing in `astro build`, so a broken
 * post stops the build before anything is written, with the same one-line German messages
 * instead of a bundler's error about generated code. `astro dev` shows problems in its overlay.
 */
export const contentCheck = (): AstroIntegration => ({
  name: 'blog-content-check',
  hooks: {
    'astro:config:setup': async ({ command, config, logger }) => {
      if (command !== 'build') return;
      if (process.env[SKIP_CHECK_ENV] === '1') {
        // Only for tests that show what the deploy's verification finds without this check.
        logger.warn(`${SKIP_CHECK_ENV}=1: Beiträge NICHT geprüft – dieser Build ist nicht zum Veröffentlichen gedacht.`);
        return;
      }
      const root = fileURLToPath(config.root);
      const snapshot = readContentFromDisk(contentPaths(root, process.env, fileURLToPath(config.publicDir)));
      const problems = await checkContent(snapshot, new Date(), fileURLToPath(config.cacheDir));
      for (const warning of problems.filter((problem) => problem.severity === 'warning')) {
        logger.warn(formatProblem(warning));
      }
      const errors = problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0) {
        throw new Error(
          `Fehler in den Beiträgen (${errors.length}), nichts gebaut:\n${errors.map(formatProblem).join('\n')}`,
        );
      }
      logger.info(`${snapshot.posts.length} Beiträge geprüft, keine Fehler`);
    },
  },
});
