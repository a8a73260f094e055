import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { isSitemapPage, lastmodOf, sitemapFacts, type SitemapFacts } from '#lib/seo/sitemap.ts';
import type { BuildFacts } from './content-check.ts';

/**
 * `sitemap-index.xml` and `sitemap-0.xml` via @astrojs/sitemap: every page except the 404 page and
 * redirect pages, articles with `lastmod`. The config cannot read the content collections: the
 * facts are the content check's, handed over by `use` before @astrojs/sitemap's own
 * `astro:build:done` hook runs.
 */
export function blogSitemap(): { integration: AstroIntegration; use: (facts: BuildFacts) => void } {
  let facts: SitemapFacts = { lastmod: {}, redirects: [] };
  return {
    integration: sitemap({
      filter: (url) => isSitemapPage(url, facts),
      serialize: (item) => {
        const lastmod = lastmodOf(item.url, facts);
        return lastmod === undefined ? item : { ...item, lastmod };
      },
    }),
    use: ({ articles, redirects }) => {
      facts = sitemapFacts(articles, redirects.map(({ from }) => from));
    },
  };
}
