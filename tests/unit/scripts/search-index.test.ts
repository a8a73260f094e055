import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_DIR, writeSearchIndex } from '../../../scripts/lib/search-index.ts';
import { TMP, listFiles } from '../../build/helpers.ts';

const WORK = join(TMP, 'unit-search-index');
const cacheDir = join(WORK, 'cache');

/** A built site of two articles (what Pagefind indexes) and a page it leaves out. */
function site(name: string, secondTitle = 'Zweiter Beitrag'): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="de"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
  const pages: [string, string][] = [
    ['blog/erster/index.html', page('Erster Beitrag', 'Die Genossenschaft betreibt ihre Server selbst.')],
    ['blog/zweiter/index.html', page(secondTitle, 'Datensicherung jede Nacht, verschlüsselt.')],
    ['index.html', '<!doctype html><html lang="de"><head><title>Start</title></head><body>Übersicht</body></html>'],
  ];
  for (const [path, html] of pages) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

/** Every file of a site's index with the hash of its bytes. */
const indexFiles = (dir: string) =>
  Object.fromEntries(
    listFiles(join(dir, SEARCH_INDEX_DIR)).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, SEARCH_INDEX_DIR, file))).digest('hex')]),
  );

beforeEach(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('writeSearchIndex with a cache', () => {
  it('indexes a site once, and gives a site with the same pages the same index from the cache', async () => {
    const first = await writeSearchIndex(site('a'), { cacheDir });
    expect(first).toMatchObject({ pages: 2, languages: ['de'], reused: false });
    const second = await writeSearchIndex(site('b'), { cacheDir });
    expect(second).toEqual({ ...first, reused: true });
    expect(indexFiles(join(WORK, 'b'))).toEqual(indexFiles(join(WORK, 'a')));
    expect(Object.keys(indexFiles(join(WORK, 'a'))).length).toBeGreaterThan(3);
  });

  it('indexes anew when a page changed, and keeps only the newest index', async () => {
    await writeSearchIndex(site('a'), { cacheDir });
    const changed = await writeSearchIndex(site('b', 'Zweiter Beitrag, überarbeitet'), { cacheDir });
    expect(changed.reused).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    // The changed title is searchable: the index is not the first site's.
    expect(indexFiles(join(WORK, 'b'))).not.toEqual(indexFiles(join(WORK, 'a')));
    expect((await writeSearchIndex(site('c', 'Zweiter Beitrag, überarbeitet'), { cacheDir })).reused).toBe(true);
  });

  it('leaves another build’s unfinished entry alone, and removes one a killed build left long ago', async () => {
    mkdirSync(join(cacheDir, 'laufend.123-ab.tmp'), { recursive: true });
    mkdirSync(join(cacheDir, 'verwaist.456-cd.tmp'), { recursive: true });
    const old = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(join(cacheDir, 'verwaist.456-cd.tmp'), old, old);
    await writeSearchIndex(site('a'), { cacheDir });
    const entries = readdirSync(cacheDir);
    expect(entries).toContain('laufend.123-ab.tmp');
    expect(entries).not.toContain('verwaist.456-cd.tmp');
    expect(entries.filter((name) => !name.endsWith('.tmp'))).toHaveLength(1);
  });
});
