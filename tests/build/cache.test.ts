import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, assertBuilt, buildSite, listFiles, type BuildResult } from './helpers.ts';

// Two builds of the real content that share one cache folder (each build's own folder is wiped by
// buildSite): the second must take the compressed copies, the social images and the search index from the cache,
// produce the same bytes, and drop cache entries it no longer needs.

const cacheDir = join(TMP, 'cache-shared');
const precompressCache = join(cacheDir, 'precompress');
const socialCache = join(cacheDir, 'social-images');
const STALE = 'f'.repeat(64);
let first: BuildResult;
let second: BuildResult;
let socialBefore = new Map<string, number>();

/** SHA-256 of every compressed copy and social image of a build, by path. */
const outputs = (outDir: string) =>
  Object.fromEntries(
    listFiles(outDir)
      .filter((file) => /\.(br|gz)$/.test(file) || file.startsWith('og/'))
      .map((file) => [file, createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex')]),
  );
const inodes = (dir: string) => new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).ino]));

beforeAll(async () => {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const env = { ASTRO_CACHE_DIR: cacheDir };
  first = await buildSite('cache-first', { env });
  assertBuilt(first);
  socialBefore = inodes(socialCache);
  // Entries no build uses any more (a changed page, a renamed post): gone after the next build.
  const old = new Date(Date.now() - 86_400_000);
  writeFileSync(join(precompressCache, `${STALE}.br`), 'alt');
  writeFileSync(join(socialCache, `${STALE}.png`), 'alt');
  utimesSync(join(socialCache, `${STALE}.png`), old, old);
  second = await buildSite('cache-second', { env });
  assertBuilt(second);
});

describe('a rebuild with the cache of an earlier one', () => {
  it('takes every compressed copy from the cache', () => {
    const counts = (output: string) => output.match(/(\d+) Dateien vorkomprimiert, davon (\d+) aus dem Cache/)?.slice(1).map(Number);
    const [files, cached] = counts(second.output) ?? [];
    expect(files).toBeGreaterThan(20);
    expect(counts(first.output)).toEqual([files, 0]);
    expect(cached).toBe(files);
  });

  it('reuses every social image without drawing it again', () => {
    const cards = listFiles(second.outDir).filter((file) => file.startsWith('og/') && file !== 'og/logo.png');
    expect(cards.length).toBeGreaterThan(5);
    expect(socialBefore.size).toBe(cards.length);
    // A redrawn card would be a new file renamed into place, with a new inode.
    expect(inodes(socialCache)).toEqual(socialBefore);
  });

  it('writes the same bytes as the build that made the cache', () => {
    const before = outputs(first.outDir);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(outputs(second.outDir)).toEqual(before);
  });

  it('takes the search index from the cache, file for file the one the first build wrote', () => {
    const reused = 'aus dem Cache (keine durchsuchte Seite geändert)';
    expect(first.output).toMatch(/\[suchindex\] .* Beiträge/);
    expect(first.output).not.toContain(reused);
    expect(second.output).toContain(reused);
    const index = (outDir: string) =>
      Object.fromEntries(
        listFiles(outDir)
          .filter((file) => file.startsWith('pagefind/'))
          .map((file) => [file, createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex')]),
      );
    expect(Object.keys(index(first.outDir)).length).toBeGreaterThan(5);
    expect(index(second.outDir)).toEqual(index(first.outDir));
  });

  it('deletes cache entries the build did not use', () => {
    expect(readdirSync(precompressCache)).not.toContain(`${STALE}.br`);
    expect(readdirSync(socialCache)).not.toContain(`${STALE}.png`);
    expect(second.output).toMatch(/; 1 veraltete Cache-Einträge gelöscht/);
    expect(second.output).toMatch(/1 nicht mehr gebrauchte Vorschaubilder aus dem Cache gelöscht/);
  });
});
