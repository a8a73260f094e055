import { describe, expect, it } from 'vitest';
import { parseDay } from '#lib/site/dates.ts';
import {
  articleCard,
  blogPostingJsonLd,
  homeJsonLd,
  jsonLdText,
  metaTags,
  siteCard,
  siteHost,
  siteImage,
  socialImagePath,
  type MetaTag,
} from '#lib/seo/seo.ts';
import { site } from '#src/site.ts';

const day = (value: string) => parseDay(value)!;
const origin = new URL(site.url).origin;
const image = { url: `${origin}/og/blog/2022/x.png`, width: 1200, height: 630, alt: 'Vorschaubild', type: 'image/png' };

/** Content of every tag with this property or name, in order. */
const values = (tags: MetaTag[], key: string) =>
  tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

describe('socialImagePath', () => {
  it.each([
    ['/blog/2022/manchmal-faellt-das-fruehstueck-aus/', '/og/blog/2022/manchmal-faellt-das-fruehstueck-aus.png'],
    ['/blog/2020/a/', '/og/blog/2020/a.png'],
    ['/thema/speicher/', '/og/thema/speicher.png'],
    ['/', '/og/index.png'],
  ])('%s → %s', (url, path) => {
    expect(socialImagePath(url)).toBe(path);
  });
});

describe('siteHost', () => {
  it.each([
    ['https://www.hostsharing.net', 'hostsharing.net'],
    ['https://blog.example.org/', 'blog.example.org'],
    ['http://localhost:4321', 'localhost'],
  ])('%s → %s', (url, host) => {
    expect(siteHost(url)).toBe(host);
  });
});

describe('cards', () => {
  it('show an article with its title, German date and the blog name', () => {
    expect(articleCard('Größere Speicherpakete', day('2021-09-07'))).toEqual({
      label: site.name,
      title: 'Größere Speicherpakete',
      footerStart: '07.09.2021',
      footerEnd: siteHost(),
    });
  });

  it('show the site with its name and description', () => {
    expect(siteCard()).toMatchObject({ title: site.name, lead: site.description });
  });
});

describe('metaTags', () => {
  const page = { title: 'Titel', description: 'Beschreibung', url: `${origin}/blog/2022/x/`, image };

  it('describes a page as an Open Graph website with a large Twitter card', () => {
    const tags = metaTags(page);
    expect(values(tags, 'og:type')).toEqual(['website']);
    expect(values(tags, 'og:title')).toEqual(['Titel']);
    expect(values(tags, 'og:description')).toEqual(['Beschreibung']);
    expect(values(tags, 'og:url')).toEqual([page.url]);
    expect(values(tags, 'og:locale')).toEqual(['de_DE']);
    expect(values(tags, 'og:site_name')).toEqual([site.name]);
    expect(values(tags, 'og:image')).toEqual([image.url]);
    expect(values(tags, 'og:image:width')).toEqual(['1200']);
    expect(values(tags, 'og:image:height')).toEqual(['630']);
    expect(values(tags, 'og:image:alt')).toEqual(['Vorschaubild']);
    expect(values(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(tags.some((tag) => 'property' in tag && tag.property.startsWith('article:'))).toBe(false);
  });

  it.each([
    ['without update or author', '2022-08-12', '2022-08-12', [], undefined, '2022-08-12T12:00:00+02:00', '2022-08-12T12:00:00+02:00'],
    ['updated, with topics and author', '2022-01-15', '2022-03-27', ['Speicher', 'Genossenschaft'], `${origin}/autor/redaktion/`, '2022-01-15T12:00:00+01:00', '2022-03-27T12:00:00+02:00'],
  ])('adds article facts %s', (_, published, modified, tags, authorUrl, publishedTime, modifiedTime) => {
    const result = metaTags({ ...page, article: { published: day(published), modified: day(modified), tags, authorUrl } });
    expect(values(result, 'og:type')).toEqual(['article']);
    expect(values(result, 'article:published_time')).toEqual([publishedTime]);
    expect(values(result, 'article:modified_time')).toEqual([modifiedTime]);
    expect(values(result, 'article:tag')).toEqual(tags);
    expect(values(result, 'article:author')).toEqual(authorUrl === undefined ? [] : [authorUrl]);
  });
});

describe('JSON-LD', () => {
  const post = {
    title: 'Größere Speicherpakete',
    description: 'Was Mitglieder beachten sollten.',
    url: `${origin}/blog/2021/groessere-speicherpakete-fuer-mitglieder/`,
    published: day('2021-09-07'),
    modified: day('2021-10-05'),
    image,
    tags: ['Speicher'],
  };

  it.each([
    ['a person', { name: 'Erika Muster', url: `${origin}/autor/erika/` }, { '@type': 'Person', name: 'Erika Muster', url: `${origin}/autor/erika/` }],
    ['the cooperative when the post names nobody', undefined, { '@type': 'Organization', name: site.cooperative }],
  ])('describes an article as a BlogPosting by %s', (_, author, expectedAuthor) => {
    const data = blogPostingJsonLd({ ...post, author }) as unknown as Record<string, any>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('BlogPosting');
    expect(data['headline']).toBe(post.title);
    expect(data['datePublished']).toBe('2021-09-07T12:00:00+02:00');
    expect(data['dateModified']).toBe('2021-10-05T12:00:00+02:00');
    expect(data['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': post.url });
    expect(data['image']).toEqual([image.url]);
    expect(data['author']).toMatchObject(expectedAuthor);
    expect(data['publisher']).toMatchObject({ '@type': 'Organization', name: site.cooperative, url: `${origin}/` });
    expect(data['publisher'].logo.url).toBe(`${origin}/og/logo.png`);
  });

  it('describes the home page as web site, blog and cooperative', () => {
    const graph = homeJsonLd()['@graph'] as unknown as Record<string, any>[];
    expect(graph.map((node) => node['@type'])).toEqual(['WebSite', 'Blog', 'Organization']);
    const ids = new Set(graph.map((node) => node['@id']));
    for (const node of graph.slice(0, 2)) expect(ids.has(node['publisher']['@id'])).toBe(true);
  });

  it.each([
    ['a closing script tag', 'Warum </script><script>alert(1)</script> nie endet'],
    ['an HTML comment', 'Titel <!-- mit Kommentar -->'],
    ['umlauts and quotes', 'Größe „zählt“ & "mehr"'],
  ])('writes a title with %s as text that cannot leave its script element and parses back', (_, title) => {
    const text = jsonLdText(blogPostingJsonLd({ ...post, title }));
    expect(text).not.toContain('<');
    expect((JSON.parse(text) as { headline: string }).headline).toBe(title);
  });
});

describe('siteImage', () => {
  it('is the site card, 1200 × 630, with an absolute URL', () => {
    expect(siteImage()).toEqual({ url: `${origin}/og/site.png`, width: 1200, height: 630, alt: `Vorschaubild: ${site.name}`, type: 'image/png' });
  });
});
