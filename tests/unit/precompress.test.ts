import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES, isWorthKeeping, precompressDir, shouldCompress } from '../../src/integrations/precompress.ts';
import { TMP } from '../build/helpers.ts';

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
