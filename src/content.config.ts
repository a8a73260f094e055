import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { authorSchema, postSchema } from './lib/schema.ts';

/**
 * Folders the collections are read from. `BLOG_CONTENT_DIR` and `AUTHORS_CONTENT_DIR` select other
 * folders (test fixtures, benchmark corpora) without touching `content/`.
 */
export const blogDir = process.env['BLOG_CONTENT_DIR'] ?? './content/blog';
export const authorsDir = process.env['AUTHORS_CONTENT_DIR'] ?? './content/authors';

const blog = defineCollection({
  loader: glob({
    pattern: ['**/*.mdx'],
    base: blogDir,
    // The file's path (without extension) keeps ids unique; URL slugs are derived in src/lib/posts.ts.
    generateId: ({ entry }) => entry.replace(/\.mdx$/i, ''),
  }),
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
