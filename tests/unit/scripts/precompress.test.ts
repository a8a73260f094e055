import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  LARGE_BYTES,
  MIN_BYTES,
  brotliQuality,
  cacheEntryName,
  compressionSettings,
  isWorthKeeping,
  precompressDir,
  shouldCompress,
  summary,
} from '../../../scripts/lib/precompress.ts';
import { TMP } from '../../build/helpers.ts';

describe('shouldCompress', () => {
  it.each([
    ['index.html', 20_000, true],
    ['_astro/BaseLayout.abc.css', 4_000, true],
    ['rss.xml', 50_000, true],
    ['feed.json', 2_000, true],
    ['favicon.svg', 222, false],
    ['klein.html', MIN_BYTES - 1, false],
    ['genau.html', MIN_BYTES, true],
    ['Seite.HTML', 5_000, true],
    ['_astro/bild.webp', 50_000, false],
    ['index.html.br', 5_000, false],
    ['.htaccess', 8_000, false],
  ])('%s (%i bytes) → %s', (path, size, expected) => {
    expect(shouldCompress(path, size)).toBe(expected);
  });
});

describe('isWorthKeeping', () => {
  it.each([
    [10_000, 3_000, true],
    [10_000, 9_000, true],
    [10_000, 9_500, false],
    [10_000, 10_400, false],
  ])('%i → %i bytes: %s', (original, compressed, expected) => {
    expect(isWorthKeeping(original, compressed)).toBe(expected);
  });
});

describe('precompressDir', () => {
  it('writes .br and .gz beside text files that shrink, and nothing beside the rest', async () => {
    const dir = join(TMP, 'unit-precompress');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'blog'), { recursive: true });
    const html = `<!doctype html><p>${'Genossenschaft '.repeat(500)}</p>`;
    writeFileSync(join(dir, 'blog/index.html'), html);
    writeFileSync(join(dir, 'klein.css'), 'p{margin:0}');
    writeFileSync(join(dir, 'zufall.txt'), randomBytes(4096));

    const stats = await precompressDir(dir);

    expect(brotliDecompressSync(readFileSync(join(dir, 'blog/index.html.br'))).toString()).toBe(html);
    expect(gunzipSync(readFileSync(join(dir, 'blog/index.html.gz'))).toString()).toBe(html);
    expect(existsSync(join(dir, 'klein.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'zufall.txt.gz'))).toBe(false);
    expect(stats.files).toBe(1);
    expect(stats.bytes).toBe(Buffer.byteLength(html));
    expect(stats.brotliBytes).toBeLessThan(stats.gzipBytes);
  });
});

describe('brotliQuality', () => {
  it.each([
    [MIN_BYTES, 11],
    [LARGE_BYTES - 1, 11],
    [LARGE_BYTES, 8],
    [5_000_000, 8],
  ])('%i bytes → quality %i', (size, quality) => {
    expect(brotliQuality(size)).toBe(quality);
  });
});

describe('cacheEntryName', () => {
  const digest = 'a'.repeat(64);

  it('is the same for the same input, format and settings', () => {
    expect(cacheEntryName('br', 2_000, digest)).toBe(cacheEntryName('br', 2_000, digest));
    expect(cacheEntryName('br', 2_000, digest)).toMatch(/^[0-9a-f]{64}\.br$/);
    expect(cacheEntryName('gz', 2_000, digest)).toMatch(/^[0-9a-f]{64}\.gz$/);
  });

  it.each([
    ['another input', cacheEntryName('br', 2_000, 'b'.repeat(64))],
    ['another format', cacheEntryName('gz', 2_000, digest).replace(/gz$/, 'br')],
    ['another brotli quality', cacheEntryName('br', LARGE_BYTES, digest)],
  ])('changes with %s', (_, other) => {
    expect(other).not.toBe(cacheEntryName('br', 2_000, digest));
  });

  it('settings name the library version, so a Node update does not reuse old bytes', () => {
    expect(compressionSettings('br', 2_000, { brotli: '1.1.0' })).not.toBe(compressionSettings('br', 2_000, { brotli: '1.2.0' }));
    expect(compressionSettings('gz', 2_000, { zlib: '1.3.1' })).not.toBe(compressionSettings('gz', 2_000, { zlib: '1.3.2' }));
  });
});

describe('precompressDir with a cache', () => {
  const root = join(TMP, 'unit-precompress-cache');
  const site = join(root, 'dist');
  const cacheDir = join(root, 'cache');
  const page = (word: string) => `<!doctype html><p>${`${word} `.repeat(400)}</p>`;
  const copies = () =>
    Object.fromEntries(
      ['a.html', 'b.html'].flatMap((name) => ['br', 'gz'].map((ext) => [`${name}.${ext}`, readFileSync(join(site, `${name}.${ext}`)).toString('hex')])),
    );

  it('compresses once, reuses unchanged files, redoes changed ones and forgets what is gone', async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'a.html'), page('Genossenschaft'));
    writeFileSync(join(site, 'b.html'), page('Mitglieder'));

    const first = await precompressDir(site, { cacheDir });
    expect(first).toMatchObject({ files: 2, cached: 0, pruned: 0 });
    expect(readdirSync(cacheDir).sort()).toHaveLength(4);
    const firstCopies = copies();

    const second = await precompressDir(site, { cacheDir });
    expect(second).toMatchObject({ files: 2, cached: 2, pruned: 0 });
    expect({ ...second, cached: 0 }).toEqual(first);
    expect(copies()).toEqual(firstCopies);

    // b.html changes: its copies are compressed anew, its old entries are pruned.
    writeFileSync(join(site, 'b.html'), page('Vorstand'));
    const third = await precompressDir(site, { cacheDir });
    expect(third).toMatchObject({ files: 2, cached: 1, pruned: 2 });
    expect(brotliDecompressSync(readFileSync(join(site, 'b.html.br'))).toString()).toBe(page('Vorstand'));
    expect(readdirSync(cacheDir)).toHaveLength(4);
  });

  it('takes a cached copy as it is, without compressing again', async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'a.html'), page('Genossenschaft'));
    await precompressDir(site, { cacheDir });
    const brEntry = readdirSync(cacheDir).find((name) => name.endsWith('.br'))!;
    writeFileSync(join(cacheDir, brEntry), 'aus dem Cache');
    await precompressDir(site, { cacheDir });
    expect(readFileSync(join(site, 'a.html.br'), 'utf8')).toBe('aus dem Cache');
  });
});

describe('summary', () => {
  it('says how many files came from the cache, and how many entries were pruned', () => {
    const stats = { files: 1500, cached: 1480, bytes: 51_200 * 1024, brotliBytes: 5_120 * 1024, gzipBytes: 7_168 * 1024, pruned: 0 };
    expect(summary(stats)).toBe('1500 Dateien vorkomprimiert, davon 1480 aus dem Cache: 51200 KiB → brotli 5120 KiB, gzip 7168 KiB');
    expect(summary({ ...stats, pruned: 40 })).toMatch(/; 40 veraltete Cache-Einträge gelöscht$/);
  });
});
