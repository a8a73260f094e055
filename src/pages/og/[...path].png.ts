import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articles } from '#lib/content/collection.ts';
import { cachedSocialCard, keepSocialCards } from '#lib/social-image/render.ts';
import { withPageKeys } from '#lib/build/page-keys.ts';
import { SITE_IMAGE_PATH, articleCard, siteCard, socialImagePath } from '#lib/seo/seo.ts';

/** `/og/blog/2022/x.png` → `blog/2022/x`, the route's parameter. */
const param = (path: string) => path.replace(/^\/og\//, '').replace(/\.png$/, '');

/**
 * Social images (og:image), 1200 × 630 PNG, made at build time: one for the site and one per
 * article without a cover (an article with a cover shows that instead). A card drawn by an
 * earlier build is taken from the build cache (src/lib/build/cache.ts).
 */
export const getStaticPaths = (async () => {
  const paths = [
    { params: { path: param(SITE_IMAGE_PATH) }, props: { card: siteCard() } },
    ...(await articles())
      .filter((entry) => !entry.post.data.image)
      .map((entry) => ({
        params: { path: param(socialImagePath(entry.url)) },
        props: { card: articleCard(entry.post.data.title, entry.post.data.date) },
      })),
  ];
  // Astro reuses the PNGs of unchanged cards from its own cache; the build cache keeps them too.
  await keepSocialCards(paths.map(({ props }) => props.card));
  return withPageKeys(paths);
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(new Uint8Array(await cachedSocialCard(props.card)), { headers: { 'Content-Type': 'image/png' } });
