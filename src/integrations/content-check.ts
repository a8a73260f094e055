import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContentAndList } from '#lib/checks/content.ts';
import { setBuildFacts } from './build-facts.ts';
import { BUILD_TIME_ENV } from '#lib/content/posts.ts';
import { formatProblem } from '#lib/checks/body.ts';
import { contentPaths, readContentFromDisk } from '#lib/content/source.ts';

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
      const root = fileURLToPath(config.root);
      const snapshot = readContentFromDisk(contentPaths(root, process.env, fileURLToPath(config.publicDir)));
      const now = new Date();
      process.env[BUILD_TIME_ENV] = now.toISOString();
      const { problems, published } = await checkContentAndList(snapshot, now, fileURLToPath(config.cacheDir));
      setBuildFacts({
        articles: published.map(({ url, data }) => ({ url, date: data.date, updated: data.updated })),
        redirects: published.flatMap(({ url, data }) => data.aliases.map((from) => ({ from, to: url }))),
      });
      if (process.env[SKIP_CHECK_ENV] === '1') {
        // Only for tests that show what the deploy's verification finds without this check.
        logger.warn(`${SKIP_CHECK_ENV}=1: Beiträge NICHT geprüft – dieser Build ist nicht zum Veröffentlichen gedacht.`);
        return;
      }
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
