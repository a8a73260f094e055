import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCacheDir, cacheKey, pruneEntries, readEntry, throughCache, writeEntry } from '#lib/build/cache.ts';
import { TMP } from '../../build/helpers.ts';

describe('buildCacheDir', () => {
  const cwd = resolve('/projekt');
  it.each([
    ['outside node_modules (which npm ci deletes) without ASTRO_CACHE_DIR', {}, join(cwd, '.cache/build')],
    ['the same for an empty ASTRO_CACHE_DIR', { ASTRO_CACHE_DIR: '' }, join(cwd, '.cache/build')],
    ['an absolute ASTRO_CACHE_DIR as it is', { ASTRO_CACHE_DIR: resolve('/srv/blog-cache') }, resolve('/srv/blog-cache')],
    ['a relative ASTRO_CACHE_DIR from the project root', { ASTRO_CACHE_DIR: 'tests/.tmp/x/cache' }, join(cwd, 'tests/.tmp/x/cache')],
  ])('%s', (_, env, expected) => {
    expect(buildCacheDir(env, cwd)).toBe(expected);
  });
});

describe('cacheKey', () => {
  it('is a hex SHA-256, the same for the same parts', () => {
    expect(cacheKey('a', Buffer.from('b'))).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('a', Buffer.from('b'))).toBe(cacheKey('a', 'b'));
  });

  it.each([
    [['ab', 'c'], ['a', 'bc']],
    [['a', ''], ['a']],
    [['Größe'], ['Grösse']],
  ])('%j and %j differ', (one, other) => {
    expect(cacheKey(...one)).not.toBe(cacheKey(...other));
  });
});

describe('cache entries', () => {
  const dir = join(TMP, 'unit-build-cache');

  it('writes atomically into a new folder and reads back; a missing entry is undefined', async () => {
    rmSync(dir, { recursive: true, force: true });
    const path = join(dir, 'sub', 'eintrag.bin');
    expect(await readEntry(path)).toBeUndefined();
    await writeEntry(path, Buffer.from('Inhalt'));
    expect((await readEntry(path))?.toString()).toBe('Inhalt');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['eintrag.bin']);
  });

  it('throughCache makes an entry once, then reuses it and marks it as used', async () => {
    rmSync(dir, { recursive: true, force: true });
    const path = join(dir, 'karte.png');
    let made = 0;
    const make = async () => Buffer.from(`Bild ${++made}`);
    expect(await throughCache(path, make)).toEqual({ data: Buffer.from('Bild 1'), hit: false });
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(path, old, old);
    expect(await throughCache(path, make)).toEqual({ data: Buffer.from('Bild 1'), hit: true });
    expect(made).toBe(1);
    expect(statSync(path).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pruneEntries deletes what keep rejects, files only; a missing folder is fine', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'ordner'), { recursive: true });
    for (const name of ['behalten.br', 'alt.br', 'x.br.123-ab.tmp']) writeFileSync(join(dir, name), name);
    expect(await pruneEntries(dir, (entry) => entry.name === 'behalten.br')).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['behalten.br', 'ordner']);
    expect(readFileSync(join(dir, 'behalten.br'), 'utf8')).toBe('behalten.br');
    expect(await pruneEntries(join(dir, 'fehlt'), () => false)).toBe(0);
    expect(existsSync(join(dir, 'fehlt'))).toBe(false);
  });
});
