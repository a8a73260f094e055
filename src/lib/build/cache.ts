// A content-addressed file cache in the build cache folder (also Astro's cacheDir), kept between builds, so a rebuild
// skips expensive work (compressing, rasterizing) whose input did not change.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The build cache's folder, relative to the project root. Not Astro's default
 * (`node_modules/.astro/`): `npm ci`, the first command of every fresh build, deletes
 * node_modules, and with it every encoded image, so each build after it started cold.
 */
export const DEFAULT_CACHE_DIR = '.cache/build';

/**
 * The build cache's folder as an absolute path: `ASTRO_CACHE_DIR` (tests, benchmarks) or
 * `DEFAULT_CACHE_DIR`, relative to the project root (the working directory of every build). astro.config.mjs
 * passes this to Astro, so code that cannot see the config (a page's endpoint) gets the same folder.
 */
export const buildCacheDir = (env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string =>
  resolve(cwd, env['ASTRO_CACHE_DIR'] || DEFAULT_CACHE_DIR);

/**
 * Astro's record of an incremental build in the cache folder (keys and outputs of each path),
 * written at the end of a successful build. Without it, the next build renders every path.
 */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';

/**
 * A hex SHA-256 of `parts`, each length-prefixed, so ("ab", "c") and ("a", "bc") differ.
 * Hashing is cheap next to the work a cache entry saves.
 */
export function cacheKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The bytes of a cache entry, or undefined when there is none. */
export async function readEntry(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes a cache entry atomically: a temporary file renamed over the entry, so a build that is
 * interrupted, or one running at the same time, never reads half an entry.
 */
export async function writeEntry(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The entry at `path`, or else what `make` returns, stored there for the next build. A hit
 * refreshes the entry's modification time, which marks it as used by this build (`pruneEntries`).
 */
export async function throughCache(path: string, make: () => Promise<Buffer>): Promise<{ data: Buffer; hit: boolean }> {
  const cached = await readEntry(path);
  if (cached) {
    const now = new Date();
    // Gone already? Another build sharing the folder pruned it; the bytes read are still good.
    await utimes(path, now, now).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return { data: cached, hit: true };
  }
  const data = await make();
  await writeEntry(path, data);
  return { data, hit: false };
}

/** A file in a cache folder, as `pruneEntries` shows it. */
export interface CacheEntry {
  name: string;
  mtimeMs: number;
}

/**
 * Deletes every file in `dir` that `keep` rejects (stale entries, leftover temporary files) and
 * returns how many; a missing folder has nothing to delete.
 */
export async function pruneEntries(dir: string, keep: (entry: CacheEntry) => boolean): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || keep({ name, mtimeMs: info.mtimeMs })) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}
