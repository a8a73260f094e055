import type { APIRoute } from 'astro';
import { renderLogo } from '#lib/social-image/render.ts';
import { LOGO_SIZE } from '#lib/seo/seo.ts';

/** The favicon as a square PNG: the publisher's logo in JSON-LD, where search engines want a raster image. */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await renderLogo(LOGO_SIZE)), { headers: { 'Content-Type': 'image/png' } });
