import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { isSitemapPage, lastmodOf, sitemapFacts, type SitemapFacts } from '#lib/seo/sitemap.ts';
import { buildFacts } from './build-facts.ts';

/**
 * `sitemap-index.xml` and `sitemap-0.xml` via @astrojs/sitemap: every page except the 404 page and
 * redirect pages, articles with `lastmod`. The config cannot read the content collections: the
 * facts come from the content check (src/integrations/build-facts.ts), taken in `astro:build:done`
 * just before @astrojs/sitemap's own hook (hooks run in order).
 */
export function blogSitemap(): AstroIntegration[] {
  let facts: SitemapFacts = { lastmod: {}, redirects: [] };
  return [
    {
      name: 'blog-sitemap-facts',
      hooks: {
        'astro:build:done': () => {
          const { articles, redirects } = buildFacts();
          facts = sitemapFacts(articles, redirects.map(({ from }) => from));
        },
      },
    },
    sitemap({
      filter: (url) => isSitemapPage(url, facts),
      serialize: (item) => {
        const lastmod = lastmodOf(item.url, facts);
        return lastmod === undefined ? item : { ...item, lastmod };
      },
    }),
  ];
}
