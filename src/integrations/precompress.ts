import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.xml', '.json', '.svg', '.txt', '.webmanifest']);
/** Below this size the saving is smaller than the cost of a second file and a rewrite. */
export const MIN_BYTES = 1024;
/** A compressed copy must be at most this share of the original to be kept. */
export const MAX_RATIO = 0.9;

/** Whether a file of this name and size gets `.br` and `.gz` siblings. */
export const shouldCompress = (path: string, size: number): boolean =>
  size >= MIN_BYTES && COMPRESSIBLE.has(extname(path).toLowerCase());

/** Whether a compressed copy saves enough to be worth serving. */
export const isWorthKeeping = (originalBytes: number, compressedBytes: number): boolean =>
  compressedBytes <= originalBytes * MAX_RATIO;

export interface PrecompressStats {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside every text file in
 * `dir` that is large enough and compresses well, so Apache serves them without compressing on
 * each request (see the rewrite rules in public/.htaccess).
 */
export async function precompressDir(dir: string): Promise<PrecompressStats> {
  const stats: PrecompressStats = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const queue: string[] = [];
  for await (const path of walk(dir)) {
    if (shouldCompress(path, (await stat(path)).size)) queue.push(path);
  }
  const compressOne = async (path: string) => {
    const data = await readFile(path);
    const [br, gz] = await Promise.all([
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    let kept = false;
    if (isWorthKeeping(data.length, br.length)) {
      await writeFile(`${path}.br`, br);
      stats.brotliBytes += br.length;
      kept = true;
    }
    if (isWorthKeeping(data.length, gz.length)) {
      await writeFile(`${path}.gz`, gz);
      stats.gzipBytes += gz.length;
      kept = true;
    }
    if (kept) {
      stats.files += 1;
      stats.bytes += data.length;
    }
  };
  // zlib works on libuv's thread pool; a few files at a time keep it busy without piling up buffers.
  const workers = Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) await compressOne(path);
  });
  await Promise.all(workers);
  return stats;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

/**
 * Precompresses the built site. Keep it last among the integrations, so it also sees what
 * others write in their `astro:build:done` (sitemap, search index, `.htaccess` rules).
 */
export const precompress = (): AstroIntegration => ({
  name: 'blog-precompress',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const stats = await precompressDir(fileURLToPath(dir));
      logger.info(
        `${stats.files} Dateien vorkomprimiert: ${kib(stats.bytes)} → brotli ${kib(stats.brotliBytes)}, gzip ${kib(stats.gzipBytes)}`,
      );
    },
  },
});
