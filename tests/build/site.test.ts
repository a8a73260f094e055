import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHtml as parse } from '#lib/markdown/html.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { site } from '#src/site.ts';
import { editorPaths } from '#lib/site/routes.ts';
import { ROOT, assertBuilt, sharedSite, contentPages, fileForPath, htmlPages, listFiles, readPage, textOf } from './helpers.ts';
import { readSeed } from './seed.ts';
import { plainMarkdownSource, plainMarkdownSummary } from '#lib/markdown/plain-markdown.ts';
import { splitFrontmatter } from '#lib/checks/body.ts';
import { isCodeClass } from '#lib/markdown/code-highlight.ts';

let outDir = '';
let buildLog = '';
const seed = readSeed();

beforeAll(async () => {
  const result = await sharedSite();
  assertBuilt(result);
  outDir = result.outDir;
  buildLog = result.output;
});

/** Index pages in order: `/`, `/seite/2/`, … */
const indexPaths = () =>
  htmlPages(outDir)
    .filter((path) => path === '/' || path.startsWith('/seite/'))
    .sort((a, b) => (Number(a.split('/')[2]) || 1) - (Number(b.split('/')[2]) || 1));

describe('the seed page', () => {
  it('is reproduced on / : heading, titles, dates, teasers verbatim, order', () => {
    expect(seed.posts).toHaveLength(5);
    const page = readPage(outDir, '/');
    expect(textOf(page.querySelector('main h1'))).toBe(seed.heading);
    const teasers = page.querySelectorAll('main article');
    expect(teasers).toHaveLength(seed.posts.length);
    teasers.forEach((teaser, i) => {
      const expected = seed.posts[i]!;
      expect(textOf(teaser.querySelector('h2'))).toBe(expected.title);
      expect(textOf(teaser.querySelector('.post-meta'))).toMatch(new RegExp(`erschienen am ${expected.date.replace(/\./g, '\\.')}$`));
      const time = teaser.querySelector('time');
      expect(textOf(time)).toBe(expected.date);
      expect(time?.getAttribute('datetime')).toBe(expected.date.split('.').reverse().join('-'));
      const paragraphs = teaser.querySelectorAll('.teaser-body > p').map((p) => textOf(p));
      expect(paragraphs).toEqual(expected.paragraphs.map((p) => p.replace(/\s+/g, ' ')));
    });
  });

  it('gives every teaser a "Weiterlesen" link that names its post and leads to its article', () => {
    for (const teaser of readPage(outDir, '/').querySelectorAll('main article')) {
      const title = textOf(teaser.querySelector('h2'));
      const titleLink = teaser.querySelector('h2 a')?.getAttribute('href');
      const more = teaser.querySelectorAll('a').find((a) => textOf(a).startsWith('Weiterlesen'));
      expect(more, title).toBeDefined();
      expect(textOf(more)).toBe(`Weiterlesen: ${title}`);
      expect(more?.getAttribute('href')).toBe(titleLink);
      expect(titleLink).toMatch(/^\/blog\/\d{4}\/[a-z0-9-]+\/$/);
      expect(textOf(readPage(outDir, titleLink!).querySelector('h1'))).toBe(title);
    }
  });
});

describe('index pages', () => {
  it('list every published post exactly once, newest first, five a page', () => {
    const paths = indexPaths();
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths[0]).toBe('/');
    expect(paths.slice(1)).toEqual(paths.slice(1).map((_, i) => `/seite/${i + 2}/`));
    const listed = paths.flatMap((path) =>
      readPage(outDir, path)
        .querySelectorAll('main article')
        .map((a) => ({ href: a.querySelector('h2 a')?.getAttribute('href'), day: a.querySelector('time')?.getAttribute('datetime') ?? '' })),
    );
    const articles = contentPages(outDir).filter((path) => path.startsWith('/blog/2'));
    expect(listed.map((l) => l.href).sort()).toEqual([...articles].sort());
    expect(new Set(listed.map((l) => l.href)).size).toBe(listed.length);
    const days = listed.map((l) => l.day);
    expect(days).toEqual([...days].sort().reverse());
    paths.forEach((path, i) => {
      const count = readPage(outDir, path).querySelectorAll('main article').length;
      if (i < paths.length - 1) expect(count).toBe(site.postsPerPage);
      else expect(count).toBeGreaterThan(0);
    });
  });

  it('have a pager with page numbers, aria-current and "Seite n von N"', () => {
    const paths = indexPaths();
    paths.forEach((path, i) => {
      const pager = readPage(outDir, path).querySelector('nav.pager');
      expect(pager, path).not.toBeNull();
      expect(textOf(pager)).toContain(`Seite ${i + 1} von ${paths.length}`);
      const current = pager!.querySelectorAll('[aria-current="page"]');
      expect(current).toHaveLength(1);
      expect(current[0]!.getAttribute('href')).toBe(path);
      const newer = pager!.querySelector('a[rel="prev"]')?.getAttribute('href');
      const older = pager!.querySelector('a[rel="next"]')?.getAttribute('href');
      expect(newer).toBe(i === 0 ? undefined : paths[i - 1]);
      expect(older).toBe(i === paths.length - 1 ? undefined : paths[i + 1]);
    });
    expect(fileForPath(outDir, '/seite/1/')).toBeUndefined();
  });
});

describe('rendering', () => {
  it('renders the posts that need no MDX as Markdown, the others as MDX modules', () => {
    const files = listFiles(join(ROOT, 'content/blog')).filter((file) => file.endsWith('.mdx'));
    const plain = files.filter((file) => plainMarkdownSource(splitFrontmatter(readFileSync(join(ROOT, 'content/blog', file), 'utf8')).body) !== undefined);
    expect(plain.length, 'some posts are plain Markdown').toBeGreaterThan(0);
    expect(plain.length, 'some posts use MDX').toBeLessThan(files.length);
    expect(buildLog).toContain(plainMarkdownSummary(plain.length, files.length));
  });
});

describe('article pages', () => {
  const articlePaths = () => contentPages(outDir).filter((path) => /^\/blog\/\d{4}\//.test(path));

  it('show title, date, full text, neighbours and a way back', () => {
    const order = indexPaths().flatMap((path) =>
      readPage(outDir, path).querySelectorAll('main article h2 a').map((a) => a.getAttribute('href')!),
    );
    order.forEach((path, i) => {
      const page = readPage(outDir, path);
      expect(page.querySelectorAll('h1'), path).toHaveLength(1);
      expect(textOf(page.querySelector('main .byline'))).toMatch(/erschienen am \d{2}\.\d{2}\.\d{4}( –|$)/);
      expect(page.querySelectorAll('main .prose h2').length, `${path} has a subheading`).toBeGreaterThan(0);
      const nav = page.querySelector('nav.article-nav')!;
      expect(nav.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(order[i - 1]);
      expect(nav.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(order[i + 1]);
      expect(nav.querySelectorAll('a').some((a) => a.getAttribute('href') === '/')).toBe(true);
    });
    expect(order.sort()).toEqual(articlePaths().sort());
  });

  it('continue the teaser with the full article', () => {
    const home = readPage(outDir, '/');
    for (const teaser of home.querySelectorAll('main article')) {
      const href = teaser.querySelector('h2 a')!.getAttribute('href')!;
      const prose = textOf(readPage(outDir, href).querySelector('main .prose'));
      for (const p of teaser.querySelectorAll('.teaser-body > p')) expect(prose).toContain(textOf(p));
      expect(prose.length).toBeGreaterThan(textOf(teaser.querySelector('.teaser-body')).length + 1500);
    }
  });

  it('use the MDX features editors need: list, link, blockquote, image, code, note box', () => {
    const html = articlePaths().map((path) => readPage(outDir, path).querySelector('main .prose')!);
    const has = (selector: string) => html.some((prose) => prose.querySelector(selector) !== null);
    for (const selector of ['ul li, ol li', 'a[href^="http"]', 'a[href^="/blog/"]', 'blockquote', 'pre code', 'aside.note', 'img']) {
      expect(has(selector), selector).toBe(true);
    }
  });

  it('colour highlighted code in both schemes by classes the page’s stylesheets define, not by style attributes', () => {
    const withCode = articlePaths().filter((path) => readPage(outDir, path).querySelector('pre.astro-code') !== null);
    expect(withCode.length, 'an article with a code block').toBeGreaterThan(0);
    for (const path of withCode) {
      const page = readPage(outDir, path);
      const css = page
        .querySelectorAll('link[rel="stylesheet"]')
        .map((link) => readFileSync(join(outDir, link.getAttribute('href')!), 'utf8'))
        .join('\n');
      const defined = new Set([...css.matchAll(/\.(hl-[a-z0-9-]+)/g)].map(([, name]) => name));
      const code = page.querySelectorAll('pre.astro-code, pre.astro-code *');
      for (const scheme of ['light', 'dark']) {
        expect(code.some((element) => element.classList.value.some((name) => name.startsWith(`hl-${scheme}-`))), `${path}: ${scheme}`).toBe(true);
      }
      for (const element of code) {
        expect(element.getAttribute('style'), path).toBeUndefined();
        for (const name of element.classList.value.filter(isCodeClass)) expect(defined, `${path}: .${name}`).toContain(name);
      }
    }
  });

  it('serve images processed by sharp with alt text and dimensions', () => {
    const images = htmlPages(outDir).flatMap((path) => readPage(outDir, path).querySelectorAll('img').map((img) => ({ path, img })));
    expect(images.length).toBeGreaterThan(0);
    for (const { path, img } of images) {
      expect(img.getAttribute('alt')?.trim(), path).toBeTruthy();
      expect(Number(img.getAttribute('width')), path).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height')), path).toBeGreaterThan(0);
      expect(img.getAttribute('src'), path).toMatch(/^\/_astro\/.+\.webp$/);
      expect(fileForPath(outDir, img.getAttribute('src')!), path).toBeDefined();
    }
  });

  it('slugs transliterate umlauts and ß', () => {
    const paths = articlePaths();
    expect(paths.every((path) => /^\/blog\/\d{4}\/[a-z0-9-]+\/$/.test(path))).toBe(true);
    expect(paths).toContain('/blog/2022/manchmal-faellt-das-fruehstueck-aus/');
  });
});

describe('every page', () => {
  it('has lang, one h1, title, description, canonical, feed link, skip link and landmarks, and no script', () => {
    const titles = new Set<string>();
    const descriptions = new Set<string>();
    for (const path of contentPages(outDir)) {
      const page = readPage(outDir, path);
      expect(page.querySelector('html')?.getAttribute('lang'), path).toBe('de');
      expect(page.querySelectorAll('h1'), path).toHaveLength(1);
      const title = textOf(page.querySelector('title'));
      expect(title, path).not.toBe('');
      titles.add(title);
      const description = page.querySelector('meta[name="description"]')?.getAttribute('content')?.trim() ?? '';
      expect(description.length, path).toBeGreaterThan(20);
      expect(description.length, path).toBeLessThanOrEqual(200);
      descriptions.add(description);
      if (path === '/404') {
        expect(page.querySelector('link[rel="canonical"]'), path).toBeNull();
        expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      } else {
        expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(new URL(path, site.url).href);
      }
      const feed = page.querySelector('link[rel="alternate"][type="application/rss+xml"]');
      expect(feed?.getAttribute('href'), path).toBe(new URL('/rss.xml', site.url).href);
      const skip = page.querySelector('body a')!;
      expect(skip.getAttribute('href'), path).toBe('#inhalt');
      expect(page.querySelector('main#inhalt'), path).not.toBeNull();
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(page.querySelector(landmark), `${path} ${landmark}`).not.toBeNull();
      // The search page is the one page with a script (tests/build/search.test.ts).
      // JSON-LD is data, never run (Seo.astro); any other script is one too many.
      if (path !== '/suche/') expect(page.querySelectorAll('script:not([type="application/ld+json"])'), path).toHaveLength(0);
    }
    expect(titles.size).toBe(contentPages(outDir).length);
    expect(descriptions.size).toBe(contentPages(outDir).length);
  });

  it('has the web editor at /admin/: noindex, German, its one script from the site, the forge as its backend', () => {
    const page = readPage(outDir, editorPaths.page);
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('de');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(page.querySelectorAll('script').map((script) => script.getAttribute('src'))).toEqual([expect.stringMatching(/^\/_astro\/.+\.js$/)]);
    const config = JSON.parse(readFileSync(join(outDir, editorPaths.config), 'utf8')) as { backend: { name: string }; collections: { folder: string }[] };
    expect(config.backend).toEqual(site.editor.backend);
    expect(config.collections.map((collection) => collection.folder)).toEqual(['content/blog']);
    expect(existsSync(join(outDir, editorPaths.script))).toBe(true);
    expect(readFileSync(join(outDir, editorPaths.page, '.htaccess'), 'utf8')).toContain('Content-Security-Policy');
  });

  it('links only to pages and files that exist, and to no other origin for assets', () => {
    for (const path of htmlPages(outDir)) {
      const page = readPage(outDir, path);
      for (const a of page.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (href.startsWith('#')) {
          expect(page.getElementById(href.slice(1)), `${path} → ${href}`).not.toBeNull();
        } else if (href.startsWith('/')) {
          expect(fileForPath(outDir, href), `${path} → ${href}`).toBeDefined();
        } else {
          expect(href, path).toMatch(/^(https?:|mailto:)/);
        }
      }
      for (const el of page.querySelectorAll('link[href], img[src], script[src], source[srcset]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('srcset') ?? '';
        if (['canonical', 'alternate'].includes(el.getAttribute('rel') ?? '')) continue;
        expect(url, path).toMatch(/^\//);
      }
    }
  });

  it('never includes a draft', () => {
    const draft = readFileSync(join(ROOT, 'content/blog/entwurf-jahresrueckblick.mdx'), 'utf8');
    const title = /^title:\s*"(.*)"/m.exec(draft)![1]!;
    expect(/^draft:\s*true/m.test(draft)).toBe(true);
    for (const file of listFiles(outDir).filter((f) => /\.(html|xml)$/.test(f))) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toContain(title);
    }
  });
});

describe('RSS feed', () => {
  const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'category' });
  const feed = () => xml.parse(readFileSync(join(outDir, 'rss.xml'), 'utf8'));

  it('describes the channel in German', () => {
    const { rss } = feed();
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe(site.name);
    expect(rss.channel.link).toBe(new URL('/', site.url).href);
    expect(String(rss.channel.description).length).toBeGreaterThan(10);
    expect(rss.channel.language).toBe('de-DE');
  });

  it('lists every published post newest first, item by item like the site', () => {
    const items = feed().rss.channel.item as Record<string, any>[];
    const listed = indexPaths().flatMap((path) =>
      readPage(outDir, path).querySelectorAll('main article').map((a) => ({
        title: textOf(a.querySelector('h2')),
        href: a.querySelector('h2 a')!.getAttribute('href')!,
        day: a.querySelector('time')!.getAttribute('datetime')!,
        teaser: textOf(a.querySelector('.teaser-body')),
      })),
    );
    expect(items.map((i) => i.title)).toEqual(listed.map((l) => l.title));
    items.forEach((item, i) => {
      const expected = listed[i]!;
      const link = new URL(expected.href, site.url).href;
      expect(item.link).toBe(link);
      expect(item.guid['#text']).toBe(link);
      const pubDate = new Date(item.pubDate);
      expect(Number.isNaN(pubDate.getTime())).toBe(false);
      expect(pubDate.toISOString().slice(0, 10)).toBe(expected.day);
      expect(item.pubDate).toContain(`${expected.day.slice(8)} `);
      expect(textOf(parse(item.description))).toBe(expected.teaser);
      const content = parse(item['content:encoded']);
      expect(content.querySelectorAll('h2').length).toBeGreaterThan(0);
      for (const el of content.querySelectorAll('[href], [src]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('src')!;
        expect(url, `${item.title}: ${url}`).toMatch(/^(https?:|mailto:|#)/);
      }
      expect(item['content:encoded']).not.toContain('data-teaser-end');
      expect(item['content:encoded']).not.toContain('data-astro-cid');
    });
  });
});

describe('old addresses (aliases)', () => {
  it('lead to their post with a redirect page and a 301 rule', () => {
    const source = readFileSync(join(ROOT, 'content/blog/tls-zertifikate-automatisch-erneuern.mdx'), 'utf8');
    const aliases = JSON.parse(/^aliases:\s*(\[.*\])$/m.exec(source)![1]!) as string[];
    expect(aliases.length).toBeGreaterThan(0);
    const target = '/blog/2021/tls-zertifikate-automatisch-erneuern/';
    expect(fileForPath(outDir, target)).toBeDefined();
    const htaccess = readFileSync(join(outDir, '.htaccess'), 'utf8');
    for (const alias of aliases) {
      const page = readPage(outDir, alias);
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), alias).toBe(`0; url=${target}`);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), alias).toBe(new URL(target, site.url).href);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(page.querySelector(`a[href="${target}"]`), alias).not.toBeNull();
      // Apache rule: a regex on the request path, answered with 301 to the post.
      expect(htaccess, alias).toContain(`"^${alias.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$"`);
    }
    expect(fileForPath(outDir, '/2021/04/tls-zertifikate.html')).toMatch(/tls-zertifikate\.html$/);
  });
});

describe('authors', () => {
  it('have a page listing exactly their posts, linked from the byline', () => {
    const articles = contentPages(outDir).filter((path) => /^\/blog\/\d{4}\//.test(path));
    const byAuthor = new Map<string, string[]>();
    for (const path of articles) {
      const link = readPage(outDir, path).querySelector('main .byline a[rel="author"]');
      if (!link) continue;
      const href = link.getAttribute('href')!;
      byAuthor.set(href, [...(byAuthor.get(href) ?? []), path]);
    }
    expect(byAuthor.size).toBeGreaterThanOrEqual(2);
    for (const [href, posts] of byAuthor) {
      const page = readPage(outDir, href);
      const listed = page.querySelectorAll('main article h2 a').map((a) => a.getAttribute('href'));
      expect(listed.sort(), href).toEqual([...posts].sort());
      expect(textOf(page.querySelector('h1'))).toMatch(/^Beiträge von /);
    }
  });

  it('byline reads "von <Name> – erschienen am … – aktualisiert am … – <Themen>"', () => {
    const page = readPage(outDir, '/blog/2021/groessere-speicherpakete-fuer-mitglieder/');
    expect(textOf(page.querySelector('main .byline'))).toBe(
      'von Redaktion der Hostsharing eG – erschienen am 07.09.2021 – aktualisiert am 05.10.2021 – Speicher, Genossenschaft',
    );
    const cover = page.querySelector('main header picture img');
    expect(cover?.getAttribute('alt')).toMatch(/^Schematische Grafik/);
    expect(cover?.getAttribute('loading')).toBe('eager');
    expect(page.querySelector('main header picture source[type="image/avif"]')?.getAttribute('srcset')).toMatch(/^\S+ 720w, \S+ 1440w$/);
  });
});

describe('reading aids on articles', () => {
  const articles = () => contentPages(outDir).filter((path) => /^\/blog\/\d{4}\//.test(path));

  it('show a table of contents from three subheadings on, linking to German-safe anchors', () => {
    let withToc = 0;
    for (const path of articles()) {
      const page = readPage(outDir, path);
      const headings = page.querySelectorAll('main .prose h2, main .prose h3');
      const toc = page.querySelector('main nav.toc');
      expect(toc !== null, path).toBe(headings.length >= 3);
      for (const heading of headings) expect(heading.getAttribute('id'), path).toMatch(/^[a-z0-9-]+$/);
      if (toc) {
        withToc++;
        expect(toc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(headings.map((h) => `#${h.getAttribute('id')}`));
      }
    }
    expect(withToc).toBeGreaterThan(0);
  });

  it('state the reading time on the article and its teaser alike', () => {
    const teaserTimes = new Map<string, string>();
    for (const path of indexPaths()) {
      for (const teaser of readPage(outDir, path).querySelectorAll('main article')) {
        teaserTimes.set(teaser.querySelector('h2 a')!.getAttribute('href')!, /(\d+ Min\. Lesezeit)/.exec(textOf(teaser.querySelector('.teaser-facts')))![1]!);
      }
    }
    for (const path of articles()) {
      const page = readPage(outDir, path);
      const shown = textOf(page.querySelector('main .reading-time'));
      expect(shown, path).toMatch(/^\d+ Min\. Lesezeit$/);
      expect(teaserTimes.get(path), path).toBe(shown);
      const words = textOf(page.querySelector('main .prose')).split(' ').length;
      // Roughly 200 words a minute (the exact word count is the unit tests' business).
      expect(Math.abs(Number(shown.split(' ')[0]) - Math.max(1, Math.round(words / 200))), path).toBeLessThanOrEqual(1);
    }
  });

  it('suggest up to three related posts that share a topic', () => {
    const topicsOf = (path: string) =>
      new Set(readPage(outDir, path).querySelectorAll('main .byline .topics a').map((a) => a.getAttribute('href')));
    let withRelated = 0;
    for (const path of articles()) {
      const related = readPage(outDir, path).querySelectorAll('main section.related li a').map((a) => a.getAttribute('href')!);
      expect(related.length, path).toBeLessThanOrEqual(3);
      if (related.length > 0) withRelated++;
      for (const other of related) {
        expect(other).not.toBe(path);
        expect([...topicsOf(other)].some((topic) => topicsOf(path).has(topic)), `${path} → ${other}`).toBe(true);
      }
    }
    expect(withRelated).toBeGreaterThan(0);
  });

  it('link topics on teasers and articles to topic pages that list the post', () => {
    const page = readPage(outDir, '/blog/2022/gemeinsam-gegen-malware/');
    const topicLinks = page.querySelectorAll('main .byline .topics a').map((a) => a.getAttribute('href')!);
    expect(topicLinks.length).toBeGreaterThan(0);
    for (const link of topicLinks) {
      expect(link).toMatch(/^\/thema\/[a-z0-9-]+\/$/);
      const listed = readPage(outDir, link).querySelectorAll('main article h2 a').map((a) => a.getAttribute('href'));
      expect(listed).toContain('/blog/2022/gemeinsam-gegen-malware/');
      expect(readPage(outDir, link).querySelector(`link[rel="alternate"][href="${new URL(link + 'rss.xml', site.url).href}"]`)).not.toBeNull();
    }
    expect(readPage(outDir, '/').querySelectorAll('main article .teaser-facts .topics a').length).toBeGreaterThan(0);
  });
});

describe('the 404 page', () => {
  it('offers ways back: index, search and archive', () => {
    const links = readPage(outDir, '/404').querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const target of ['/', '/suche/', '/archiv/']) expect(links).toContain(target);
  });
});
