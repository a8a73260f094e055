import type { APIRoute } from 'astro';
import type { AliasRedirect } from '../lib/htaccess.ts';
import { aliasRedirects } from '../lib/content.ts';

/**
 * Old addresses of posts and where they lead now. Not part of the site: the build turns this file
 * into 301 rules in `.htaccess` and deletes it (src/integrations/alias-redirects.ts). The posts'
 * `aliases` frontmatter feeds it: each alias → the post's URL, published posts only.
 */
export const GET: APIRoute = async () => {
  const redirects: AliasRedirect[] = (await aliasRedirects()).map(({ from, to }) => ({ from, to }));
  return new Response(JSON.stringify(redirects), { headers: { 'Content-Type': 'application/json' } });
};
