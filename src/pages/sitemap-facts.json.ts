import type { APIRoute } from 'astro';
import { aliasRedirects, articles } from '../lib/content.ts';
import { sitemapFacts } from '../lib/sitemap.ts';

/**
 * Last changes of the articles and the old addresses, for the sitemap. Not part of the site: the
 * sitemap integration (src/integrations/sitemap.ts) reads this file after the build and deletes it.
 */
export const GET: APIRoute = async () => {
  const facts = sitemapFacts(
    (await articles()).map(({ url, post }) => ({ url, date: post.data.date, updated: post.data.updated })),
    (await aliasRedirects()).map(({ from }) => from),
  );
  return new Response(JSON.stringify(facts), { headers: { 'Content-Type': 'application/json' } });
};
