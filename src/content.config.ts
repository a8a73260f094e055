import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { buildTime, isPublished } from '#lib/content/posts.ts';
import { plainMarkdownFor, plainMarkdownSummary } from '#lib/markdown/plain-markdown.ts';
import { authorSchema, postSchema } from '#lib/content/schema.ts';
import { contentPaths } from '#lib/content/source.ts';

/** Folders the collections are read from: the same as the content check's (src/lib/content/source.ts). */
const { blogDir, authorsDir } = contentPaths(process.cwd());

/**
 * Drops drafts and scheduled posts from the collection in every build, so they are never even
 * compiled: their images are not copied to the output, and no page can list them by mistake.
 * `astro dev` keeps them for the preview (BLOG_PREVIEW, set by src/integration/preview-mode.ts).
 */
const publishedOnly = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    await loader.load(context);
    if (process.env['BLOG_PREVIEW'] === '1') return;
    const now = buildTime();
    for (const entry of context.store.values()) {
      const data = entry.data as { draft?: boolean; date?: unknown };
      if (data.date instanceof Date && !isPublished({ draft: data.draft === true, date: data.date }, now)) {
        context.store.delete(entry.id);
      }
    }
  },
});

/**
 * Renders posts that use nothing of MDX but the teaser marker as Markdown, while loading: they
 * never become JavaScript modules, which Astro would compile and bundle one by one (see
 * src/lib/markdown/plain-markdown.ts). The glob loader hands each entry to `store.set`; entries it would
 * defer to an MDX module are caught there, rendered, and stored with their HTML instead.
 * Anything that fails on the way stays an MDX entry, so errors are reported by the MDX path.
 */
const markdownWhenPlain = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    const rendering: Promise<void>[] = [];
    const { store } = context;
    let mdx = 0;
    const set: typeof store.set = (entry) => {
      const source = entry.deferredRender && entry.body !== undefined && entry.filePath ? plainMarkdownFor(entry.body) : undefined;
      if (entry.deferredRender) mdx += 1;
      if (source === undefined || entry.filePath === undefined) return store.set(entry);
      const fileURL = new URL(entry.filePath, context.config.root);
      rendering.push(
        context.renderMarkdown(source, { fileURL }).then(
          (rendered) => void store.set({ ...entry, deferredRender: false, rendered }),
          () => void store.set(entry),
        ),
      );
      return true;
    };
    await loader.load({ ...context, store: Object.assign(Object.create(store) as typeof store, { set }) });
    await Promise.all(rendering);
    // Entries unchanged since the last build come from the data store and are not counted.
    if (mdx > 0) context.logger.info(plainMarkdownSummary(rendering.length, mdx));
  },
});

/**
 * In `astro dev`, a post whose frontmatter the schema rejects is left out of the collection
 * instead of stopping the whole preview: Astro would fail the content sync and serve no page at
 * all. The content check (run by src/lib/content/collection.ts in the preview) names the post on every page.
 * A build keeps Astro's behaviour, though the content check has refused such a post before.
 */
const tolerantInPreview = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    if (process.env['BLOG_PREVIEW'] !== '1') return loader.load(context);
    const rejected = new Set<string>();
    const parseData: typeof context.parseData = async (props) => {
      try {
        return await context.parseData(props);
      } catch {
        rejected.add(props.id);
        return props.data;
      }
    };
    const { store } = context;
    const set: typeof store.set = (entry) => {
      if (!rejected.has(entry.id)) return store.set(entry);
      rejected.delete(entry.id);
      store.delete(entry.id);
      return false;
    };
    await loader.load({ ...context, parseData, store: Object.assign(Object.create(store) as typeof store, { set }) });
  },
});

const blog = defineCollection({
  loader: tolerantInPreview(publishedOnly(markdownWhenPlain(glob({
    pattern: ['**/*.mdx'],
    base: blogDir,
    // The file's path (without extension) keeps ids unique; URL slugs are derived in src/lib/content/posts.ts.
    generateId: ({ entry }) => entry.replace(/\.mdx$/i, ''),
  })))),
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
