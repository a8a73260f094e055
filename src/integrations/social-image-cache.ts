import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneEntries } from '#lib/build/cache.ts';
import { SOCIAL_IMAGE_CACHE } from '#lib/social-image/cache-key.ts';

/**
 * Leeway for file systems that keep modification times to the second (or two): an entry used
 * early in this build must not look older than its start.
 */
export const MTIME_LEEWAY_MS = 2_000;

/** Whether a cache entry was written or read since `buildStart`, i.e. by this build. */
export const isUsedSince = (buildStart: number, mtimeMs: number): boolean => mtimeMs >= buildStart - MTIME_LEEWAY_MS;

/**
 * Keeps the social images' cache (src/lib/social-image/render.ts) to what the last successful
 * build drew or reused. The images are drawn in the built pages' code, which cannot report back to
 * an integration; each use refreshes an entry's modification time instead, and after the build
 * everything older than its start is deleted.
 */
export const socialImageCache = (): AstroIntegration => {
  let dir = '';
  let buildStart = 0;
  return {
    name: 'blog-social-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        dir = join(fileURLToPath(config.cacheDir), SOCIAL_IMAGE_CACHE);
      },
      'astro:build:start': () => {
        buildStart = Date.now();
      },
      'astro:build:done': async ({ logger }) => {
        const pruned = await pruneEntries(dir, (entry) => isUsedSince(buildStart, entry.mtimeMs));
        if (pruned > 0) logger.info(`${pruned} nicht mehr gebrauchte Vorschaubilder aus dem Cache gelöscht`);
      },
    },
  };
};
