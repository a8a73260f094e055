import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDayKey } from '#lib/site/dates.ts';
import { site } from '#src/site.ts';
import { assertBuilt, sharedSite, contentPages, fileForPath, listFiles, readPage, textOf } from './helpers.ts';

let outDir = '';

beforeAll(async () => {
  const result = await sharedSite();
  assertBuilt(result);
  outDir = result.outDir;
});

const isArticle = (path: string) => /^\/blog\/\d{4}\/[^/]+\/$/.test(path);
const isNoindex = (page: HTMLElement) => page.querySelector('meta[name="robots"]')?.getAttribute('content')?.includes('noindex') === true;
/** Pages meant for search engines and sharing: every page a reader reads except noindex ones (404). */
const indexablePages = () => contentPages(outDir).filter((path) => !isNoindex(readPage(outDir, path)));

const meta = (page: HTMLElement, key: string) =>
  page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const metaAll = (page: HTMLElement, key: string) =>
  page.querySelectorAll(`meta[property="${key}"]`).map((tag) => tag.getAttribute('content'));
/** Every JSON-LD block of a page, parsed. */
const jsonLd = (page: HTMLElement) =>
  page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent) as Record<string, any>);
/** Root-relative path of a URL on the site; fails for another origin. */
const localPath = (url: string) => {
  expect(url.startsWith(`${new URL(site.url).origin}/`), url).toBe(true);
  return new URL(url).pathname;
};

describe('Open Graph and Twitter card', () => {
  it('every indexable page has title, description, url = canonical, site name, locale and an image', () => {
    const pages = indexablePages();
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const page = readPage(outDir, path);
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(meta(page, 'og:url'), path).toBe(canonical);
      expect(meta(page, 'og:title')?.trim(), path).toBeTruthy();
      expect(meta(page, 'og:description'), path).toBe(page.querySelector('meta[name="description"]')?.getAttribute('content'));
      expect(meta(page, 'og:type'), path).toBe(isArticle(path) ? 'article' : 'website');
      expect(meta(page, 'og:site_name'), path).toBe(site.name);
      expect(meta(page, 'og:locale'), path).toBe('de_DE');
      expect(meta(page, 'og:image:alt')?.trim(), path).toBeTruthy();
      expect(meta(page, 'twitter:card'), path).toBe('summary_large_image');
      expect(fileForPath(outDir, localPath(meta(page, 'og:image') ?? '')), path).toBeDefined();
    }
  });

  it('the 404 page, kept out of search engines, has none', () => {
    const page = readPage(outDir, '/404');
    expect(page.querySelector('meta[property^="og:"]')).toBeNull();
    expect(page.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('og:image has the size it claims; articles without a cover get a generated 1200 × 630 PNG', async () => {
    let generated = 0;
    let covers = 0;
    for (const path of indexablePages()) {
      const page = readPage(outDir, path);
      const file = fileForPath(outDir, localPath(meta(page, 'og:image')!))!;
      const { format, width, height } = await sharp(file).metadata();
      expect([width, height], path).toEqual([Number(meta(page, 'og:image:width')), Number(meta(page, 'og:image:height'))]);
      expect(`image/${format}`, path).toBe(meta(page, 'og:image:type'));
      if (!isArticle(path)) continue;
      const cover = page.querySelector('main header picture img');
      if (cover) {
        covers++;
        expect(meta(page, 'og:image:alt'), path).toBe(cover.getAttribute('alt'));
        expect(format, path).toBe('jpeg');
        expect(width, path).toBeLessThanOrEqual(1200);
      } else {
        generated++;
        expect(localPath(meta(page, 'og:image')!), path).toBe(`/og${path.slice(0, -1)}.png`);
        expect({ format, width, height }, path).toEqual({ format: 'png', width: 1200, height: 630 });
        expect(meta(page, 'og:image:alt'), path).toContain(`„${textOf(page.querySelector('h1'))}“`);
      }
    }
    expect(generated).toBeGreaterThan(0);
    expect(covers).toBeGreaterThan(0);
  });

  it('articles carry their dates (the Berlin day of the byline), topics and author', () => {
    for (const path of indexablePages().filter(isArticle)) {
      const page = readPage(outDir, path);
      const [published, updated] = page.querySelectorAll('main .byline time').map((time) => time.getAttribute('datetime'));
      const publishedTime = meta(page, 'article:published_time')!;
      const modifiedTime = meta(page, 'article:modified_time')!;
      expect(publishedTime, path).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(toDayKey(new Date(publishedTime)), path).toBe(published);
      expect(toDayKey(new Date(modifiedTime)), path).toBe(updated ?? published);
      const topics = page.querySelectorAll('main .byline a[href^="/thema/"]').map((a) => textOf(a));
      if (topics.length > 0) expect(metaAll(page, 'article:tag'), path).toEqual(topics);
      const author = page.querySelector('main .byline a[rel="author"]');
      expect(meta(page, 'article:author'), path).toBe(author ? new URL(author.getAttribute('href')!, site.url).href : undefined);
    }
  });
});

describe('JSON-LD', () => {
  it('is valid JSON on every indexable page that has it, with a schema.org context', () => {
    for (const path of indexablePages()) {
      for (const data of jsonLd(readPage(outDir, path))) expect(data['@context'], path).toBe('https://schema.org');
    }
  });

  it('describes each article as a BlogPosting with headline, Berlin dates, author, image and publisher', () => {
    const articles = indexablePages().filter(isArticle);
    expect(articles.length).toBeGreaterThan(5);
    for (const path of articles) {
      const page = readPage(outDir, path);
      const blocks = jsonLd(page);
      expect(blocks, path).toHaveLength(1);
      const data = blocks[0]!;
      expect(data['@type'], path).toBe('BlogPosting');
      expect(data['headline'], path).toBe(textOf(page.querySelector('h1')));
      expect(data['description'], path).toBe(meta(page, 'og:description'));
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(data['mainEntityOfPage']['@id'], path).toBe(canonical);
      const [published, updated] = page.querySelectorAll('main .byline time').map((time) => time.getAttribute('datetime'));
      for (const key of ['datePublished', 'dateModified']) {
        expect(data[key], `${path} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      }
      expect(toDayKey(new Date(data['datePublished'])), path).toBe(published);
      expect(data['datePublished'].slice(0, 10), path).toBe(published);
      expect(toDayKey(new Date(data['dateModified'])), path).toBe(updated ?? published);
      expect(data['image'], path).toEqual([meta(page, 'og:image')]);
      const author = page.querySelector('main .byline a[rel="author"]');
      if (author) {
        expect(data['author'], path).toEqual({ '@type': 'Person', name: textOf(author), url: new URL(author.getAttribute('href')!, site.url).href });
        expect(fileForPath(outDir, author.getAttribute('href')!), path).toBeDefined();
      } else {
        expect(data['author']['@type'], path).toBe('Organization');
      }
      expect(data['publisher'], path).toMatchObject({ '@type': 'Organization', name: site.cooperative, url: new URL('/', site.url).href });
    }
  });

  it('describes the home page as web site and blog of the cooperative, whose logo is a PNG', async () => {
    const [data] = jsonLd(readPage(outDir, '/'));
    const graph = data!['@graph'] as Record<string, any>[];
    expect(graph.map((node) => node['@type']).sort()).toEqual(['Blog', 'Organization', 'WebSite']);
    const organization = graph.find((node) => node['@type'] === 'Organization')!;
    expect(organization['name']).toBe(site.cooperative);
    const logo = fileForPath(outDir, localPath(organization['logo'].url))!;
    expect(await sharp(logo).metadata()).toMatchObject({ format: 'png', width: 512, height: 512 });
    expect(graph.find((node) => node['@type'] === 'WebSite')!['url']).toBe(new URL('/', site.url).href);
  });
});

describe('sitemap and robots.txt', () => {
  const xml = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url', parseTagValue: false });
  const read = (file: string) => xml.parse(readFileSync(join(outDir, file), 'utf8'));
  /** Every `<url>` of every sitemap the index names. */
  const sitemapEntries = (): { loc: string; lastmod?: string }[] =>
    (read('sitemap-index.xml').sitemapindex.sitemap as { loc: string }[]).flatMap(({ loc }) => read(localPath(loc).slice(1)).urlset.url);

  it('robots.txt points to the sitemap index by its absolute URL', () => {
    const robots = readFileSync(join(outDir, 'robots.txt'), 'utf8');
    const line = robots.split('\n').find((l) => l.startsWith('Sitemap:'));
    expect(line).toBe(`Sitemap: ${new URL('/sitemap-index.xml', site.url).href}`);
    expect(existsSync(join(outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('lists every page readers read, each once, and nothing else: no 404, no redirect page, no file', () => {
    const listed = sitemapEntries().map((entry) => localPath(entry.loc));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...indexablePages()].sort());
    // The pages of the index, articles, authors and legal pages, and those of topics, archive and search once built.
    for (const path of ['/', '/seite/2/', '/impressum/', '/datenschutz/', '/archiv/', '/themen/', '/suche/']) {
      if (fileForPath(outDir, path)) expect(listed, path).toContain(path);
    }
    expect(listed.filter((path) => path.startsWith('/autor/')).length).toBeGreaterThan(0);
    expect(listed).not.toContain('/404/');
    for (const path of listed) expect(isNoindex(readPage(outDir, path)), path).toBe(false);
  });

  it('gives every article its last change (updated, else date) as lastmod', () => {
    const entries = sitemapEntries();
    const articles = entries.filter((entry) => isArticle(localPath(entry.loc)));
    expect(articles.length).toBe(indexablePages().filter(isArticle).length);
    for (const { loc, lastmod } of articles) {
      const [published, updated] = readPage(outDir, localPath(loc))
        .querySelectorAll('main .byline time')
        .map((time) => time.getAttribute('datetime'));
      expect(lastmod, loc).toBeDefined();
      expect(toDayKey(new Date(lastmod!)), loc).toBe(updated ?? published);
    }
  });

  it('leaves the build inputs (alias list, sitemap facts) out of the site', () => {
    const files = listFiles(outDir);
    expect(files.filter((file) => /^(aliases|sitemap-facts)\.json/.test(file))).toEqual([]);
  });
});
