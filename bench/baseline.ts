/**
 * The minimal baseline the benchmark measures the site against: the smallest Astro site that
 * renders the same posts to article pages (no index, no feed, no layout, no styles).
 *
 * The corpus uses `<Note>`, which the site provides to every post through `components`. The
 * baseline gets a trivial `Note` the same way, so both compile and render the same MDX; a
 * corpus without components would hide the cost of the component path from the comparison.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The baseline project's files, by path relative to its root. */
export const BASELINE_FILES: Readonly<Record<string, string>> = {
  'package.json': `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  integrations: [mdx()],
  vite: {
    build: {
      rollupOptions: {
        // The same filter as the site's: one harmless warning per MDX module (withastro/astro#18087).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  blog: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: process.env.BLOG_CONTENT_DIR ?? './posts' }) }),
};
`,
  'src/components/Note.astro': `---
const { title = 'Hinweis' } = Astro.props;
---
<aside><p>{title}</p><slot /></aside>
`,
  'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import Note from '../components/Note.astro';

export async function getStaticPaths() {
  const posts = await getCollection('blog');
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}
const { post } = Astro.props;
const { Content } = await render(post);
---
<html lang="de">
  <head><meta charset="utf-8" /><title>{post.data.title}</title></head>
  <body><h1>{post.data.title}</h1><Content components={{ Note }} /></body>
</html>
`,
};

/** Writes the baseline project into `dir` (emptied first), with `node_modules` linked to `nodeModules`. */
export function writeBaselineProject(dir: string, nodeModules: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(BASELINE_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
}
