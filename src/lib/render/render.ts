import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { mdxComponents } from '#src/components/mdx.ts';
import type { Post } from '#lib/content/posts.ts';
import type { RenderedPost } from './record.ts';

/** The components posts are rendered with: a new set after a change to one of them in `npm run dev`. */
export { mdxComponents };

let container: Promise<AstroContainer> | undefined;

/**
 * The post's full article rendered to HTML, with the headings `render()` reports: the one render
 * of a post per build (src/lib/content/collection.ts keeps its record). URLs in it are
 * root-relative (`/blog/…`, `/_astro/…`).
 */
export async function renderPost(post: Post): Promise<RenderedPost> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content, headings } = await render(post);
  return { html: await (await container).renderToString(Content, { props: { components: mdxComponents } }), headings };
}
