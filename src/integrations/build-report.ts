import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Names the file into which Astro's process writes the output folder it builds into. Set by
 * `npm run build` (scripts/build.ts), which then indexes, compresses or removes exactly that
 * folder, however it was given (`--outDir`, `--out-dir`, `--root`, a config file).
 */
export const BUILD_REPORT_ENV = 'BLOG_BUILD_REPORT';

/** Reports the output folder to `npm run build`, and warns when a build runs without it. */
export const buildReport = (): AstroIntegration => ({
  name: 'blog-build-report',
  hooks: {
    'astro:config:done': ({ config }) => {
      const file = process.env[BUILD_REPORT_ENV];
      if (file) writeFileSync(file, fileURLToPath(config.outDir));
    },
    'astro:build:done': ({ logger }) => {
      if (!process.env[BUILD_REPORT_ENV]) {
        logger.warn('Ohne Suchindex und ohne .br/.gz-Kopien gebaut: die ganze Website baut `npm run build`.');
      }
    },
  },
});
