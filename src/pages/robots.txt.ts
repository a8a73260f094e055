import type { APIRoute } from 'astro';
import { site } from '#src/site.ts';
import { robotsTxt } from '#lib/seo/sitemap.ts';

/** robots.txt with the absolute address of the sitemap, on whatever host `site.url` names. */
export const GET: APIRoute = () =>
  new Response(robotsTxt(site.url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
