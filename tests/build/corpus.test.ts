import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { site } from '#src/site.ts';
import { TMP, assertBuilt, buildSite, fileForPath, htmlPages, readPage, textOf } from './helpers.ts';
import { writeCorpus, type CorpusPost } from './corpus.ts';

const COUNT = 40;
let outDir = '';
let corpus: CorpusPost[] = [];

beforeAll(async () => {
  const contentDir = join(TMP, 'corpus-content');
  corpus = writeCorpus(contentDir, COUNT);
  const result = await buildSite('corpus', { contentDir });
  assertBuilt(result);
  outDir = result.outDir;
});

const published = () =>
  corpus
    .filter((post) => !post.draft && !post.future)
    .sort((a, b) => b.day.localeCompare(a.day) || a.title.localeCompare(b.title, 'de'));

describe('a generated corpus of 40 posts', () => {
  it('has drafts, scheduled posts, shared days and posts without marker to test', () => {
    expect(corpus.filter((p) => p.draft).length).toBeGreaterThan(1);
    expect(corpus.filter((p) => p.future).length).toBeGreaterThan(1);
    expect(corpus.filter((p) => !p.marker).length).toBeGreaterThan(1);
    expect(new Set(published().map((p) => p.day)).size).toBeLessThan(published().length);
  });

  it('lists each published post exactly once across the index pages, in order', () => {
    const expected = published();
    const pages = Math.ceil(expected.length / site.postsPerPage);
    const paths = Array.from({ length: pages }, (_, i) => (i === 0 ? '/' : `/seite/${i + 1}/`));
    const listed = paths.flatMap((path) =>
      readPage(outDir, path).querySelectorAll('main article h2 a').map((a) => a.getAttribute('href')),
    );
    expect(listed).toEqual(expected.map((p) => p.url));
    expect(fileForPath(outDir, `/seite/${pages + 1}/`)).toBeUndefined();
    expect(textOf(readPage(outDir, paths.at(-1)!).querySelector('nav.pager'))).toContain(`Seite ${pages} von ${pages}`);
    // More pages than the pager lists: it shows the first, the last and the current one's neighbours.
    expect(pages).toBeGreaterThanOrEqual(7);
    for (const [i, path] of paths.entries()) {
      const numbers = readPage(outDir, path).querySelectorAll('nav.pager a[aria-label]').map((a) => Number(textOf(a)));
      expect(numbers, path).toEqual(expect.arrayContaining([1, i + 1, pages]));
      expect(numbers.length, path).toBeLessThanOrEqual(7);
      if (i === 0) expect(numbers.length, 'the first page leaves out pages in the middle').toBeLessThan(pages);
    }
  });

  it('builds an article for each published post and none for drafts or scheduled posts', () => {
    const articles = htmlPages(outDir).filter((path) => path.startsWith('/blog/'));
    expect(articles.sort()).toEqual(published().map((p) => p.url).sort());
    for (const post of corpus.filter((p) => p.draft || p.future)) {
      expect(fileForPath(outDir, post.url), post.title).toBeUndefined();
    }
  });

  it('takes the teaser up to the marker, or the first paragraph', () => {
    const teasers = new Map<string, string>();
    for (const path of htmlPages(outDir).filter((p) => p === '/' || p.startsWith('/seite/'))) {
      for (const article of readPage(outDir, path).querySelectorAll('main article')) {
        teasers.set(article.querySelector('h2 a')!.getAttribute('href')!, article.querySelector('.teaser-body')!.innerHTML);
      }
    }
    for (const post of published()) {
      const teaser = teasers.get(post.url)!;
      const n = post.title.split(':')[0]!.replace('Beitrag ', '');
      expect(teaser).toContain(`Erster Absatz von Beitrag ${n} mit <a href="/">einem Link</a> und <em>Betonung</em>.`);
      if (post.marker) expect(teaser).toContain(`Zweiter Absatz von Beitrag ${n}.`);
      else expect(teaser).not.toContain('Zweiter Absatz');
      expect(teaser).not.toContain('Weiter im Text');
    }
  });

  it('puts the newest posts into the feed, newest first, up to the feed size', () => {
    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(join(outDir, 'rss.xml'), 'utf8'));
    const links = (feed.rss.channel.item as { link: string }[]).map((item) => item.link);
    expect(published().length).toBeGreaterThan(site.feedItems);
    expect(links).toEqual(published().slice(0, site.feedItems).map((p) => new URL(p.url, site.url).href));
  });
});

describe('topics, archive and feeds of the generated corpus', () => {
  const slug = (tag: string) =>
    tag.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

  it('every topic page lists exactly its posts, newest first, paginated five a page', () => {
    const byTopic = new Map<string, string[]>();
    for (const post of published()) for (const tag of post.tags) byTopic.set(slug(tag), [...(byTopic.get(slug(tag)) ?? []), post.url]);
    expect(byTopic.get('allgemein')!.length).toBeGreaterThan(site.postsPerPage * 2);
    for (const [topic, urls] of byTopic) {
      const pages = Math.ceil(urls.length / site.postsPerPage);
      const listed = Array.from({ length: pages }, (_, i) => (i === 0 ? `/thema/${topic}/` : `/thema/${topic}/seite/${i + 1}/`)).flatMap((path) =>
        readPage(outDir, path).querySelectorAll('main article h2 a').map((a) => a.getAttribute('href')),
      );
      expect(listed, topic).toEqual(urls);
      expect(fileForPath(outDir, `/thema/${topic}/seite/${pages + 1}/`)).toBeUndefined();
      // The pager of a topic page leads to the topic's own pages.
      const pagerLinks = readPage(outDir, `/thema/${topic}/`).querySelectorAll('nav.pager a').map((a) => a.getAttribute('href'));
      for (const href of pagerLinks) expect(href, topic).toMatch(new RegExp(`^/thema/${topic}/(seite/\\d+/)?$`));
    }
    const overview = readPage(outDir, '/themen/');
    const counts = Object.fromEntries(
      overview.querySelectorAll('main li').map((li) => [li.querySelector('a')!.getAttribute('href'), Number(/\((\d+) Beitr/.exec(textOf(li))?.[1])]),
    );
    expect(counts).toEqual(Object.fromEntries([...byTopic].map(([topic, urls]) => [`/thema/${topic}/`, urls.length])));
  });

  it('the archive lists every published post once, under its month, with matching counts', () => {
    const page = readPage(outDir, '/archiv/');
    const listed: string[] = [];
    for (const year of page.querySelectorAll('main section.year')) {
      const yearText = textOf(year.querySelector('h2'));
      const yearPosts = year.querySelectorAll('li a').map((a) => a.getAttribute('href')!);
      expect(yearText).toMatch(new RegExp(`^\\d{4} \\(${yearPosts.length === 1 ? '1 Beitrag' : `${yearPosts.length} Beiträge`}\\)$`));
      for (const month of year.querySelectorAll('section.month')) {
        const key = month.querySelector('h3')!.getAttribute('id')!.replace('monat-', '');
        for (const li of month.querySelectorAll('li')) {
          expect(li.querySelector('time')!.getAttribute('datetime')!.slice(0, 7)).toBe(key);
          listed.push(li.querySelector('a')!.getAttribute('href')!);
        }
      }
    }
    expect(listed).toEqual(published().map((p) => p.url));
  });

  it('RSS, Atom, JSON Feed and each topic feed agree on items and order', () => {
    const rssLinks = (file: string) =>
      (new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(join(outDir, file), 'utf8')).rss.channel.item as { link: string }[]).map((i) => i.link);
    const newest = published().slice(0, site.feedItems);
    const expected = newest.map((p) => new URL(p.url, site.url).href);
    expect(rssLinks('rss.xml')).toEqual(expected);
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(readFileSync(join(outDir, 'atom.xml'), 'utf8'));
    expect((atom.feed.entry as { id: string }[]).map((e) => e.id)).toEqual(expected);
    const json = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items: { id: string; url: string; date_published: string }[] };
    expect(json.items.map((i) => i.url)).toEqual(expected);
    expect(json.items.map((i) => i.date_published.slice(0, 10))).toEqual(newest.map((p) => p.day));
    const allgemein = published().filter((p) => p.tags.includes('Allgemein')).map((p) => new URL(p.url, site.url).href);
    expect(allgemein.length).toBeGreaterThan(site.feedItems / 2);
    expect(rssLinks('thema/allgemein/rss.xml')).toEqual(allgemein.slice(0, site.feedItems));
  });
});
