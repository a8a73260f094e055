import { describe, expect, it } from 'vitest';
import { parseDay } from '#lib/site/dates.ts';
import { isSitemapPage, lastmodOf, robotsTxt, sitemapFacts } from '#lib/seo/sitemap.ts';

const site = 'https://www.example.org';
const facts = sitemapFacts(
  [
    { url: '/blog/2022/a/', date: parseDay('2022-08-12')!, updated: undefined },
    { url: '/blog/2021/b/', date: parseDay('2021-09-07')!, updated: parseDay('2021-10-05')! },
  ],
  ['/2021/04/tls-zertifikate.html', '/blog/tls-zertifikate/', '/alt/ohne-schraegstrich'],
);

describe('isSitemapPage', () => {
  it.each([
    ['/', true],
    ['/blog/2022/a/', true],
    ['/seite/2/', true],
    ['/thema/speicher/seite/2/', true],
    ['/autor/redaktion/', true],
    ['/404/', false],
    ['/404.html', false],
    ['/admin/', false],
    ['/rss.xml', false],
    ['/aliases.json', false],
    ['/sitemap-facts.json', false],
    ['/og/blog/2022/a.png', false],
    ['/2021/04/tls-zertifikate.html', false],
    ['/2021/04/tls-zertifikate.html/', false],
    ['/blog/tls-zertifikate/', false],
    ['/alt/ohne-schraegstrich/', false],
  ])('%s → %s', (path, expected) => {
    expect(isSitemapPage(`${site}${path}`, facts)).toBe(expected);
  });
});

describe('lastmodOf', () => {
  it.each([
    ['/blog/2022/a/', '2022-08-12T12:00:00+02:00'],
    ['/blog/2021/b/', '2021-10-05T12:00:00+02:00'], // updated wins over date
    ['/', undefined],
    ['/thema/speicher/', undefined],
  ])('%s → %s', (path, expected) => {
    expect(lastmodOf(`${site}${path}`, facts)).toBe(expected);
  });
});

describe('robotsTxt', () => {
  it.each([
    ['https://www.hostsharing.net', 'https://www.hostsharing.net/sitemap-index.xml'],
    ['https://staging.example.org/', 'https://staging.example.org/sitemap-index.xml'],
  ])('points crawlers on %s to %s', (url, sitemap) => {
    const text = robotsTxt(url);
    expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
    expect(text.split('\n')).toContain(`Sitemap: ${sitemap}`);
  });
});
