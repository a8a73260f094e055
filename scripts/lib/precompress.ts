import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cacheKey, pruneEntries, throughCache } from '#lib/build/cache.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.xml', '.json', '.svg', '.txt', '.webmanifest']);
/** Below this size the saving is smaller than the cost of a second file and a rewrite. */
export const MIN_BYTES = 1024;
/** A compressed copy must be at most this share of the original to be kept. */
export const MAX_RATIO = 0.9;

/**
 * From this size on, brotli runs at quality 8 instead of 11. Pages and feeds change with every
 * new post (pagination, neighbours, related posts), so many of them are compressed again in every
 * build; stylesheets and scripts below this size keep quality 11 and are compressed once in their
 * life (the build cache keeps them).
 *
 * On the benchmark's pages and feeds, quality 8 takes a small fraction of quality 10's CPU time
 * for files only a few percent larger, and a compressed page reaches the reader in the same
 * round trips either way (figures in the README's performance section).
 */
export const LARGE_BYTES = 8 * 1024;

/** Brotli quality of files of at least `LARGE_BYTES`. */
export const LARGE_FILE_QUALITY = 8;

/** Whether a file of this name and size gets `.br` and `.gz` siblings. */
export const shouldCompress = (path: string, size: number): boolean =>
  size >= MIN_BYTES && COMPRESSIBLE.has(extname(path).toLowerCase());

/** Whether a compressed copy saves enough to be worth serving. */
export const isWorthKeeping = (originalBytes: number, compressedBytes: number): boolean =>
  compressedBytes <= originalBytes * MAX_RATIO;

/** Brotli quality for a file of `size` bytes: the best for small files, `LARGE_FILE_QUALITY` for large ones. */
export const brotliQuality = (size: number): number =>
  size >= LARGE_BYTES ? LARGE_FILE_QUALITY : constants.BROTLI_MAX_QUALITY;

/** gzip level of the `.gz` copies (gzip -9). */
export const GZIP_LEVEL = constants.Z_BEST_COMPRESSION;

/**
 * Everything besides the input that decides the bytes of a compressed copy: format, settings and
 * the library's version (a Node update may change brotli's or zlib's output). Part of the cache key.
 */
export const compressionSettings = (
  format: 'br' | 'gz',
  size: number,
  versions: { brotli?: string | undefined; zlib?: string | undefined } = process.versions,
): string =>
  format === 'br'
    ? `brotli ${versions.brotli} quality ${brotliQuality(size)} text-mode size-hint`
    : `gzip zlib ${versions.zlib} level ${GZIP_LEVEL}`;

/** Name of the cache entry holding the `format` copy of a file whose bytes hash to `digest`. */
export const cacheEntryName = (format: 'br' | 'gz', size: number, digest: string): string =>
  `${cacheKey(compressionSettings(format, size), digest)}.${format}`;

export interface PrecompressStats {
  /** Files that got at least one compressed copy. */
  files: number;
  /** Of these, files whose copies all came from the cache. */
  cached: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  /** Cache entries deleted because this build did not use them. */
  pruned: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

const compress = (format: 'br' | 'gz', data: Buffer): Promise<Buffer> =>
  format === 'br'
    ? brotli(data, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length),
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      })
    : gzipAsync(data, { level: GZIP_LEVEL });

/**
 * Writes `<file>.br` (brotli, see `brotliQuality`) and `<file>.gz` (gzip -9) beside every text
 * file in `dir` that is large enough and compresses well, so Apache serves them without
 * compressing on each request (see the rewrite rules in public/.htaccess).
 *
 * With `cacheDir`, compressed copies are kept there by a hash of the input and the settings, and
 * taken from there when a file is unchanged since an earlier build; at the end, entries this run
 * did not use are deleted, so the cache holds one build's worth.
 */
export async function precompressDir(dir: string, options: { cacheDir?: string } = {}): Promise<PrecompressStats> {
  const { cacheDir } = options;
  const stats: PrecompressStats = { files: 0, cached: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0, pruned: 0 };
  const used = new Set<string>();
  const queue: string[] = [];
  for await (const path of walk(dir)) {
    if (shouldCompress(path, (await stat(path)).size)) queue.push(path);
  }

  /** The `format` copy of `data`, from the cache if there, else compressed (and cached). */
  const compressed = async (format: 'br' | 'gz', data: Buffer, digest: string) => {
    if (cacheDir === undefined) return { data: await compress(format, data), hit: false };
    const name = cacheEntryName(format, data.length, digest);
    used.add(name);
    return throughCache(join(cacheDir, name), () => compress(format, data));
  };

  const compressOne = async (path: string) => {
    const data = await readFile(path);
    const digest = cacheDir === undefined ? '' : cacheKey(data);
    const [br, gz] = await Promise.all([compressed('br', data, digest), compressed('gz', data, digest)]);
    let kept = false;
    if (isWorthKeeping(data.length, br.data.length)) {
      await writeFile(`${path}.br`, br.data);
      stats.brotliBytes += br.data.length;
      kept = true;
    }
    if (isWorthKeeping(data.length, gz.data.length)) {
      await writeFile(`${path}.gz`, gz.data);
      stats.gzipBytes += gz.data.length;
      kept = true;
    }
    if (kept) {
      stats.files += 1;
      stats.bytes += data.length;
      if (br.hit && gz.hit) stats.cached += 1;
    }
  };
  // zlib works on libuv's thread pool. Four files per core keep the cores busy while others wait
  // on the disk.
  const workers = Array.from({ length: 4 * availableParallelism() }, async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) await compressOne(path);
  });
  await Promise.all(workers);
  // Only after every file succeeded: a failed run leaves the cache as it was.
  if (cacheDir !== undefined) stats.pruned = await pruneEntries(cacheDir, (entry) => used.has(entry.name));
  return stats;
}

/** `12 KiB`, as the build log gives sizes. */
export const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

/** The build log's line: how much was compressed, how much came from the cache. */
export const summary = (stats: PrecompressStats): string =>
  `${stats.files} Dateien vorkomprimiert, davon ${stats.cached} aus dem Cache: ` +
  `${kib(stats.bytes)} → brotli ${kib(stats.brotliBytes)}, gzip ${kib(stats.gzipBytes)}` +
  (stats.pruned > 0 ? `; ${stats.pruned} veraltete Cache-Einträge gelöscht` : '');
