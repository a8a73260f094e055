import type { APIRoute } from 'astro';
import type { AliasRedirect } from '../lib/htaccess.ts';

/**
 * Old addresses of posts and where they lead now. Not part of the site: the build turns this file
 * into 301 rules in `.htaccess` and deletes it (src/integrations/alias-redirects.ts). The posts'
 * `aliases` frontmatter feeds it: each alias → the post's URL, published posts only.
 */
export const GET: APIRoute = () => {
  const redirects: AliasRedirect[] = [];
  return new Response(JSON.stringify(redirects), { headers: { 'Content-Type': 'application/json' } });
};
