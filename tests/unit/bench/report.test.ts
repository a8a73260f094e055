import { describe, expect, it } from 'vitest';
import { hasExecutableScript, parseCpuTime, processTree } from '../../../bench/measure.ts';
import { packageOf, summariseProfile } from '../../../bench/profile.ts';
import { formatRatio, median, parseBuildLog, parseDuration, parseSizes } from '../../../bench/report.ts';

const LOG = `05:16:55 [content] Synced content
05:16:55 [types] Generated 796ms
05:16:55 [build] Collecting build info...
05:16:55 [build] ✓ Completed in 812ms.
05:16:56 [vite] ✓ built in 1.42s
05:16:56 [vite] ✓ built in 19ms

 generating static routes 
05:16:56   ├─ /index.html (+3ms) 
05:16:56 ✓ Completed in 2m 3.5s.

 generating optimized images 
05:16:56   ▶ /_astro/a.webp (reused cache entry) (+1ms) (1/3)
05:16:56   ▶ /_astro/b.avif (before: 13kB, after: 5kB) (+84ms) (2/3)
05:16:56   ▶ /_astro/b.webp (before: 13kB, after: 9kB) (+84ms) (3/3)
05:16:56 ✓ Completed in 170ms.

05:16:56 [build] 15 page(s) built in 1.48s
[suchindex] 1.20 s: 12 Beiträge, 30 Dateien, 200 KiB (/pagefind/)
[vorkomprimiert] 0.80 s: 40 Dateien vorkomprimiert, davon 0 aus dem Cache: 900 KiB → brotli 100 KiB, gzip 150 KiB
`;

describe('benchmark report helpers', () => {
  it.each([
    [[], Number.NaN],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    ['796ms', 796],
    ['1.48s', 1480],
    ['2m 3.5s', 123_500],
    ['soon', undefined],
  ])('reads the duration %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reads phases and image counts from an Astro build log', () => {
    expect(parseBuildLog(LOG)).toEqual({
      syncMs: 796,
      bundleMs: 1439,
      routesMs: 123_500,
      imagesMs: 170,
      totalMs: 1480,
      imagesEncoded: 2,
      imagesReused: 1,
      pagesBuilt: 15,
      searchIndexMs: 1200,
      precompressMs: 800,
    });
  });

  it('parses size lists and rejects nonsense', () => {
    expect(parseSizes('100, 1_000,5000')).toEqual([100, 1000, 5000]);
    expect(() => parseSizes('100,zehn')).toThrow('zehn');
    expect(formatRatio(1, 0)).toBe('–');
    expect(formatRatio(1, 2)).toBe('0.50×');
  });

  it.each([
    ['<p>no script</p>', false],
    ['<script type="application/ld+json">{}</script>', false],
    ['<script type="module" src="/a.js"></script>', true],
    ['<script>alert(1)</script>', true],
  ])('%j runs JavaScript: %s', (html, expected) => {
    expect(hasExecutableScript(html)).toBe(expected);
  });

  it.each([
    ['12.50 3.25\n', 15_750],
    ['Command exited with non-zero status 1\n0.40 0.10\n', 500],
    ['', undefined],
  ])('reads the CPU time from %j', (text, ms) => {
    expect(parseCpuTime(text)).toBe(ms);
  });

  it('walks a process tree from its root', () => {
    const parents = new Map([
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 9],
    ]);
    expect(processTree(2, parents).sort()).toEqual([2, 3, 4]);
  });

  it('sums CPU profile self time by package', () => {
    expect(packageOf('file:///x/node_modules/@astrojs/mdx/dist/a.js', 'f')).toBe('@astrojs/mdx');
    expect(packageOf('node:internal/fs', 'f')).toBe('node:internal');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: { functionName: 'parse', url: 'file:///r/node_modules/node-html-parser/dist/a.js', lineNumber: 9 } },
        { id: 2, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      samples: [1, 1, 2],
      timeDeltas: [1000, 2000, 1000],
    });
    expect(summary.totalMs).toBe(4);
    expect(summary.packages[0]).toEqual({ name: 'node-html-parser', selfMs: 3, share: 0.75 });
    expect(summary.functions[0]?.name).toBe('parse node-html-parser/dist/a.js:10');
  });
});
