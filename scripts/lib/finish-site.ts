import { join } from 'node:path';
import { site } from '#src/site.ts';
import { kib, precompressDir, summary } from './precompress.ts';
import { SEARCH_INDEX_DIR, writeSearchIndex } from './search-index.ts';

/** Folder of the last search index in the build cache (search-index.ts). */
const SEARCH_INDEX_CACHE = 'search-index';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The steps after `astro build` that work on the whole finished site, in this order:
 *
 * 1. the search index (Pagefind) over the built articles, into `<outDir>/pagefind/`, or the last
 *    build's index from `<cacheDir>/search-index/` when no HTML page changed;
 * 2. `.br` and `.gz` copies of every text file, Pagefind's scripts included, with the cache in
 *    `<cacheDir>/precompress/`.
 *
 * Run by scripts/build.ts after Astro's process has ended (see there why). Throws on any failure.
 */
export async function finishSite(
  outDir: string,
  options: { cacheDir: string; log?: (line: string) => void },
): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  let started = performance.now();
  const search = await writeSearchIndex(outDir, { cacheDir: join(options.cacheDir, SEARCH_INDEX_CACHE) });
  if (search.languages.some((lang) => lang !== site.lang)) {
    log(`[suchindex] Warnung: Seiten in anderen Sprachen als „${site.lang}“: ${search.languages.join(', ')} (fehlt <html lang>?)`);
  }
  log(
    `[suchindex] ${seconds(performance.now() - started)}: ${search.pages} Beiträge, ` +
      `${search.files} Dateien, ${kib(search.bytes)} (/${SEARCH_INDEX_DIR}/)` +
      (search.reused ? ', aus dem Cache (keine durchsuchte Seite geändert)' : ''),
  );
  started = performance.now();
  const compressed = await precompressDir(outDir, { cacheDir: join(options.cacheDir, 'precompress') });
  log(`[vorkomprimiert] ${seconds(performance.now() - started)}: ${summary(compressed)}`);
}
