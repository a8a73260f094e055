import { toIsoDateTime } from '#lib/site/dates.ts';
import { editorPaths } from '#lib/site/routes.ts';

// What the sitemap needs from the content, which the content check hands to the sitemap
// integration in memory (src/integration/index.ts).

/** What the sitemap cannot learn from the list of built pages. */
export interface SitemapFacts {
  /** URL path of each article → its last change (`updated ?? date`), ISO 8601. */
  lastmod: Record<string, string>;
  /** Old addresses that only redirect to their post: built as pages, not part of the site. */
  redirects: string[];
}

/** The facts for published articles (URL, date, updated) and the old addresses of posts. */
export function sitemapFacts(
  articles: readonly { url: string; date: Date; updated?: Date | undefined }[],
  redirects: readonly string[],
): SitemapFacts {
  return {
    lastmod: Object.fromEntries(articles.map((article) => [article.url, toIsoDateTime(article.updated ?? article.date)])),
    redirects: [...redirects],
  };
}

/** `/a/b/`, `a/b` and `/a/b` name the same page. */
const pathKey = (path: string): string => path.replace(/^\/+|\/+$/g, '');

/**
 * Whether a built URL belongs in the sitemap: pages (directory URLs ending in `/`), except the
 * 404 page, the web editor and the redirect pages of old addresses. Files such as `/rss.xml` or `/og/….png` are no
 * pages.
 */
export function isSitemapPage(url: string, facts: Pick<SitemapFacts, 'redirects'>): boolean {
  const path = new URL(url).pathname;
  if (!path.endsWith('/')) return false;
  const key = pathKey(decodeURI(path));
  if (key === '404' || key === pathKey(editorPaths.page)) return false;
  return !facts.redirects.some((redirect) => pathKey(redirect) === key);
}

/** The last change of the page at `url`, if it is an article. */
export const lastmodOf = (url: string, facts: Pick<SitemapFacts, 'lastmod'>): string | undefined =>
  facts.lastmod[new URL(url).pathname];

/** robots.txt: everything may be crawled; the sitemap lists what there is. */
export const robotsTxt = (siteUrl: string): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', siteUrl).href}\n`;
