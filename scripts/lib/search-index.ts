import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

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
}

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
export async function writeSearchIndex(outDir: string): Promise<SearchIndexStats> {
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
