import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { isPublished } from './lib/posts.ts';
import { authorSchema, postSchema } from './lib/schema.ts';

/**
 * Folders the collections are read from. `BLOG_CONTENT_DIR` and `AUTHORS_CONTENT_DIR` select other
 * folders (test fixtures, benchmark corpora) without touching `content/`.
 */
export const blogDir = process.env['BLOG_CONTENT_DIR'] ?? './content/blog';
export const authorsDir = process.env['AUTHORS_CONTENT_DIR'] ?? './content/authors';

/**
 * Drops drafts and scheduled posts from the collection in every build, so they are never even
 * compiled: their images are not copied to the output, and no page can list them by mistake.
 * `astro dev` keeps them for the preview (BLOG_PREVIEW, set by src/integrations/preview-mode.ts).
 */
const publishedOnly = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    await loader.load(context);
    if (process.env['BLOG_PREVIEW'] === '1') return;
    const now = new Date();
    for (const entry of context.store.values()) {
      const data = entry.data as { draft?: boolean; date?: unknown };
      if (data.date instanceof Date && !isPublished({ draft: data.draft === true, date: data.date }, now)) {
        context.store.delete(entry.id);
      }
    }
  },
});

const blog = defineCollection({
  loader: publishedOnly(glob({
    pattern: ['**/*.mdx'],
    base: blogDir,
    // The file's path (without extension) keeps ids unique; URL slugs are derived in src/lib/posts.ts.
    generateId: ({ entry }) => entry.replace(/\.mdx$/i, ''),
  })),
  schema: ({ image }) => postSchema(image()),
});

const authors = defineCollection({
  loader: glob({
    pattern: ['*.yaml', '*.yml'],
    base: authorsDir,
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/i, ''),
  }),
  schema: ({ image }) => authorSchema(image()),
});

export const collections = { blog, authors };
