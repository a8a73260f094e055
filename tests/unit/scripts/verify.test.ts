import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pagePath, verifyBuild } from '../../../scripts/lib/verify.ts';
import { TMP } from '../../build/helpers.ts';

const dir = join(TMP, 'unit-verify');
const outDir = join(dir, 'dist');
const contentDir = join(dir, 'content');
const options = { contentDir, siteUrl: 'https://blog.example.org' };

const page = (title: string, body = '') =>
  `<!doctype html><html lang="de"><head><title>${title}</title><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://blog.example.org/"></head><body><main>${body}</main></body></html>`;
const feed = (titles: string[] = []) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title>${titles.map((t) => `<item><title>${t}</title></item>`).join('')}</channel></rss>`;

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A small site that passes every check. */
const goodSite = () => ({
  'dist/index.html': page('Start', '<a href="/blog/2022/gut/">Gut</a> <a href="#x">Anker</a> <a href="https://example.com/">Extern</a> <a href="mailto:a@example.org">Mail</a>'),
  'dist/404.html': page('Nicht gefunden', '<a href="/">Start</a>'),
  'dist/blog/2022/gut/index.html': page('Gut', '<img src="/_astro/b.webp" srcset="/_astro/b.webp 1x, /_astro/b2.webp 2x" alt="B"><a href="../../../">Start</a>'),
  'dist/_astro/a.css': 'p{}',
  'dist/_astro/b.webp': 'x',
  'dist/_astro/b2.webp': 'x',
  'dist/rss.xml': feed(['Gut']),
  'dist/.htaccess': 'ErrorDocument 404 /404.html\n',
  'content/gut.mdx': '---\ntitle: "Gut"\ndate: 2022-01-01\n---\nText\n',
  'content/entwurf.mdx': '---\ntitle: "Geheimer Entwurf"\ndate: 2022-01-02\ndraft: true\n---\nText\n',
});

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  write(goodSite());
});

describe('verifyBuild', () => {
  it('passes a complete site', () => {
    expect(verifyBuild(outDir, options)).toEqual([]);
  });

  it.each([
    { name: 'a missing 404 page', remove: 'dist/404.html', expected: '404.html fehlt' },
    { name: 'a missing .htaccess', remove: 'dist/.htaccess', expected: '.htaccess fehlt' },
    { name: 'a missing feed', remove: 'dist/rss.xml', expected: 'rss.xml fehlt' },
  ])('finds $name', ({ remove, expected }) => {
    rmSync(join(dir, remove));
    expect(verifyBuild(outDir, options)).toContain(expected);
  });

  it.each([
    { name: 'a link to a missing page', files: { 'dist/index.html': page('Start', '<a href="/blog/2022/weg/">Weg</a>') }, expected: /index\.html: Link auf \/blog\/2022\/weg\/ führt ins Leere/ },
    { name: 'a missing stylesheet', files: { 'dist/_astro/a.css': null }, expected: /Link auf \/_astro\/a\.css führt ins Leere/ },
    { name: 'a missing srcset image', files: { 'dist/_astro/b2.webp': null }, expected: /Link auf \/_astro\/b2\.webp/ },
    { name: 'an absolute link to a missing page of the site', files: { 'dist/404.html': page('Fehlt', '<a href="https://blog.example.org/fehlt/">x</a>') }, expected: /Link auf https:\/\/blog\.example\.org\/fehlt\// },
    { name: 'a page without title', files: { 'dist/404.html': page('') }, expected: /404\.html: <title> fehlt/ },
    { name: 'broken XML in the feed', files: { 'dist/rss.xml': '<rss><channel><title>x</title></rss>' }, expected: /rss\.xml: kein gültiges XML/ },
    { name: 'a feed that is no RSS', files: { 'dist/rss.xml': '<feed><title>x</title></feed>' }, expected: /kein RSS-Kanal/ },
    { name: 'a published draft page', files: { 'dist/blog/2022/entwurf/index.html': page('Geheimer Entwurf') }, expected: /Entwurf entwurf\.mdx wurde veröffentlicht: \/blog\/2022\/entwurf\// },
    { name: 'a draft in the feed', files: { 'dist/rss.xml': feed(['Gut', 'Geheimer Entwurf']) }, expected: /Entwurf entwurf\.mdx steht im RSS-Feed/ },
  ])('finds $name', ({ files, expected }) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(dir, path));
      else write({ [path]: text });
    }
    const problems = verifyBuild(outDir, options);
    expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it('reports a missing build folder', () => {
    expect(verifyBuild(join(dir, 'nichts'), options)).toEqual([`Ordner ${join(dir, 'nichts')} fehlt`]);
  });
});

describe('pagePath', () => {
  it.each([
    ['index.html', '/'],
    ['blog/2022/x/index.html', '/blog/2022/x/'],
    ['404.html', '/404.html'],
  ])('%s → %s', (file, path) => {
    expect(pagePath(file)).toBe(path);
  });
});
