import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#lib/checks/content.ts';
import { formatProblem } from '#lib/checks/problem.ts';
import { contentPaths, readContentFromDisk } from '#lib/content/source.ts';
import { writeCorpus } from '../../../bench/corpus-writer.ts';
import {
  chartSvg,
  createRandom,
  dayAt,
  editedSource,
  fileSlug,
  generateCorpus,
  generatePost,
  newestPost,
} from '../../../bench/corpus.ts';

describe('benchmark corpus', () => {
  const corpus = generateCorpus(300, { authors: ['redaktion', 'michael-hierweck'] });

  it('is deterministic, and a larger corpus starts with the smaller one', () => {
    expect(generateCorpus(300, { authors: ['redaktion', 'michael-hierweck'] })).toEqual(corpus);
    expect(generateCorpus(50, { authors: ['redaktion', 'michael-hierweck'] })).toEqual(corpus.slice(0, 50));
    expect(generatePost(0, { seed: 2 }).source).not.toBe(generatePost(0, { seed: 1 }).source);
  });

  it('gives every post its own path and valid frontmatter', () => {
    expect(new Set(corpus.map((post) => post.path)).size).toBe(corpus.length);
    for (const post of corpus) {
      expect(post.path).toMatch(/^[a-z0-9-]+(?:\/index)?\.mdx$/);
      expect(post.source).toMatch(/^---\ntitle: "[^"]+"\ndate: \d{4}-\d{2}-\d{2}\n(?:[a-z]+: .+\n)*---\n\n/);
      expect(post.source).toContain(`date: ${post.day}\n`);
      expect(post.day >= '2015-01-01' && post.day <= '2024-12-31').toBe(true);
    }
  });

  it('mixes the features posts use in realistic shares', () => {
    const share = (test: (source: string) => boolean) =>
      corpus.filter((post) => test(post.source)).length / corpus.length;
    expect(share((s) => s.includes('{/* more */}'))).toBeGreaterThan(0.75);
    expect(share((s) => s.includes('<Note title='))).toBeGreaterThan(0.2);
    expect(share((s) => s.includes('```'))).toBeGreaterThan(0.35);
    expect(share((s) => /\n## /.test(s))).toBe(1);
    expect(share((s) => /\n(?:-|1\.) /.test(s))).toBeGreaterThan(0.5);
    expect(share((s) => /\]\((?:https?:)?\//.test(s))).toBeGreaterThan(0.5);
    expect(share((s) => /^tags: \[/m.test(s))).toBeGreaterThan(0.8);
    expect(share((s) => /^author: "(?:redaktion|michael-hierweck)"$/m.test(s))).toBeGreaterThan(0.5);
    expect(new Set(corpus.map((post) => post.day.slice(0, 4))).size).toBe(10);
  });

  it('puts images only beside folder posts and links each one', () => {
    const withImages = corpus.filter((post) => post.images.length > 0);
    expect(withImages.length / corpus.length).toBeGreaterThan(0.05);
    for (const post of corpus) {
      expect(post.images.length > 0).toBe(post.path.endsWith('/index.mdx'));
      for (const image of post.images) {
        expect(image.path.startsWith(post.path.replace(/index\.mdx$/, ''))).toBe(true);
        expect(post.source).toContain(`](./${image.path.split('/').at(-1)})`);
      }
    }
  });

  it('names no author when the site has none, without changing the rest', () => {
    const anonymous = generatePost(7);
    expect(anonymous.source).not.toMatch(/^author:/m);
    const named = generatePost(7, { authors: ['redaktion'] });
    const strip = (source: string) => source.replace(/^author: .*\n/m, '');
    expect(strip(named.source)).toBe(anonymous.source);
  });

  it.each([
    ['Grüße aus der Größenplanung', 'gruesse-aus-der-groessenplanung'],
    ['Datenschutz: Was sich ändert', 'datenschutz-was-sich-aendert'],
    ['So funktioniert die Überwachung (TLS)', 'so-funktioniert-die-ueberwachung-tls'],
  ])('turns the title %j into the file name %j', (title, slug) => {
    expect(fileSlug(title)).toBe(slug);
  });

  it.each([
    [0, '2015-01-01'],
    [365, '2016-01-01'],
    [3652, '2024-12-31'],
  ])('day %i after the start is %s', (offset, day) => {
    expect(dayAt(offset)).toBe(day);
  });

  it('draws an SVG of the requested size', () => {
    const svg = chartSvg(createRandom(3), 960, 540);
    expect(svg).toMatch(/^<svg [^>]*width="960" height="540"/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('edits a post after its teaser and finds the newest post', () => {
    const post = newestPost(corpus);
    expect(corpus.every((other) => other.day <= post.day)).toBe(true);
    const edited = editedSource(post.source, 2);
    expect(edited.startsWith(post.source)).toBe(true);
    expect(edited).not.toBe(editedSource(post.source, 3));
    expect(() => newestPost([])).toThrow();
  });

  it('passes the content check, so that the benchmark builds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    try {
      const blogDir = join(dir, 'blog');
      await writeCorpus(blogDir, generateCorpus(120, { authors: ['redaktion', 'michael-hierweck'] }), 1);
      const root = join(import.meta.dirname, '../../..');
      const snapshot = readContentFromDisk(contentPaths(root, { BLOG_CONTENT_DIR: blogDir }));
      const errors = (await checkContent(snapshot, new Date(), join(dir, 'cache'))).filter((problem) => problem.severity === 'error');
      expect(errors.map(formatProblem)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
