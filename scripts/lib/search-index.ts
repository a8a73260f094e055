import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { cacheKey } from '#lib/build/cache.ts';
import { listFiles } from '#lib/content/files.ts';

/** Folder of the search index inside the built site; the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pagefind's prebuilt search interfaces and its highlighter. The search page has its own markup
 * and German strings on top of Pagefind's JS API (`pagefind.js`), so these are never loaded;
 * removing them keeps unused script out of every deploy.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface SearchIndexStats {
  /** Pages Pagefind indexed: only those with `data-pagefind-body`, i.e. the articles. */
  pages: number;
  /** Languages of the index (`de`); another one means a page lost its `lang`, and its stemming. */
  languages: string[];
  /** Files and bytes of the written index. */
  files: number;
  bytes: number;
  /** True when the index was taken from the build cache: no page that Pagefind reads had changed. */
  reused: boolean;
}

/** Pagefind's version, from its package.json (which its exports do not list). */
const pagefindVersion = async (): Promise<string> =>
  (JSON.parse(await readFile(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** The stats file stored beside a cached index. */
const CACHED_STATS = 'stats.json';

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Page count per language, from the `pagefind-entry.json` Pagefind writes beside its script. */
async function readEntry(outputPath: string): Promise<Record<string, number>> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
}

const failOn = (step: string, errors: readonly string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind (${step}): ${errors.join('; ')}`);
};

/**
 * Indexes the built site in `outDir` with Pagefind and writes the index to `<outDir>/pagefind/`.
 * The language (and so the stemmer) comes from `<html lang="de">`; pages without
 * `data-pagefind-body` (index pages, legal pages, 404, redirects) are left out by Pagefind itself.
 */
async function indexSite(outDir: string): Promise<Omit<SearchIndexStats, 'reused'>> {
  try {
    const { index, errors } = await createIndex({});
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind: no index created');
    const added = await index.addDirectory({ path: outDir });
    failOn('addDirectory', added.errors);
    const outputPath = join(outDir, SEARCH_INDEX_DIR);
    const written = await index.writeFiles({ outputPath });
    failOn('writeFiles', written.errors);
    for (const name of await readdir(outputPath)) {
      if (UNUSED_BUNDLE_FILE.test(name)) await rm(join(outputPath, name));
    }
    // addDirectory's page_count counts every HTML file it read, indexed or not; the entry file
    // counts what is searchable.
    const languages = await readEntry(outputPath);
    const pages = Object.values(languages).reduce((sum, count) => sum + count, 0);
    return { pages, languages: Object.keys(languages), ...(await folderSize(outputPath)) };
  } finally {
    // Stops Pagefind's native service, so the build process can exit.
    await close();
  }
}

/**
 * The key of a site's index: Pagefind's version, what this module removes from its output, and
 * every HTML file Pagefind reads (its path and bytes). Pagefind has no update of single pages,
 * but the same pages give the same index, so an unchanged site takes the index of the last build.
 */
async function indexKey(outDir: string): Promise<string> {
  const parts: (string | Uint8Array)[] = [await pagefindVersion(), String(UNUSED_BUNDLE_FILE)];
  for (const file of listFiles(outDir, /\.html$/)) {
    parts.push(file, await readFile(join(outDir, file)));
  }
  return cacheKey(...parts);
}

/** A temporary entry older than this was left by a killed build. */
const ABANDONED_MS = 3_600_000;

/**
 * Keeps the index at `outputPath` as the entry `key` of `cacheDir`, in place of the entries before
 * it. Written under a temporary name and renamed, so that no build reads half an entry; another
 * build's temporary entry is left alone unless it was abandoned.
 */
async function storeIndex(cacheDir: string, key: string, outputPath: string, stats: Omit<SearchIndexStats, 'reused'>): Promise<void> {
  const temporary = join(cacheDir, `${key}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(temporary, { recursive: true });
  try {
    await cp(outputPath, join(temporary, SEARCH_INDEX_DIR), { recursive: true });
    await writeFile(join(temporary, CACHED_STATS), JSON.stringify(stats));
    for (const name of await readdir(cacheDir)) {
      const path = join(cacheDir, name);
      if (path === temporary) continue;
      if (name.endsWith('.tmp') && Date.now() - (await stat(path)).mtimeMs < ABANDONED_MS) continue;
      await rm(path, { recursive: true, force: true });
    }
    await rename(temporary, join(cacheDir, key));
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * `indexSite`, or with `cacheDir` the index of an earlier build of the same pages, copied from
 * `<cacheDir>/<key>/`. Only the newest index is kept there. An entry that vanished while it was
 * read (another build sharing the folder replaced it) means indexing anew.
 */
export async function writeSearchIndex(outDir: string, options: { cacheDir?: string } = {}): Promise<SearchIndexStats> {
  const { cacheDir } = options;
  if (cacheDir === undefined) return { ...(await indexSite(outDir)), reused: false };
  const key = await indexKey(outDir);
  const entry = join(cacheDir, key);
  const outputPath = join(outDir, SEARCH_INDEX_DIR);
  await rm(outputPath, { recursive: true, force: true });
  try {
    const stats = JSON.parse(await readFile(join(entry, CACHED_STATS), 'utf8')) as Omit<SearchIndexStats, 'reused'>;
    await cp(join(entry, SEARCH_INDEX_DIR), outputPath, { recursive: true });
    return { ...stats, reused: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await rm(outputPath, { recursive: true, force: true });
  }
  const stats = await indexSite(outDir);
  await storeIndex(cacheDir, key, outputPath, stats).catch(() => {
    // Only the next build's time depends on the entry; it indexes anew without it.
  });
  return { ...stats, reused: false };
}
