import { pruneEntries } from '#lib/build/cache.ts';

/**
 * Leeway for file systems that keep modification times to the second (or two): an entry used
 * early in this build must not look older than its start.
 */
export const MTIME_LEEWAY_MS = 2_000;

/** Whether a cache entry was written or read since `buildStart`, i.e. by this build. */
export const isUsedSince = (buildStart: number, mtimeMs: number): boolean => mtimeMs >= buildStart - MTIME_LEEWAY_MS;

/**
 * Keeps the social images' cache folder `dir` (src/lib/social-image/render.ts) to what this
 * build drew or reused; returns how many entries were deleted. The images are drawn in the built
 * pages' code, which cannot report back to the integration; each use refreshes an entry's
 * modification time instead, and everything older than the build's start goes.
 */
export const pruneSocialImages = (dir: string, buildStart: number): Promise<number> =>
  pruneEntries(dir, (entry) => isUsedSince(buildStart, entry.mtimeMs));
