// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { teaserMarkerPlugin } from './src/lib/teaser-marker.ts';
import { site } from './src/site.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Tests and benchmarks build other content folders; each gets its own cache so builds never mix.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  build: { format: 'directory' },
  markdown: {
    processor: satteri({
      mdastPlugins: [teaserMarkerPlugin],
      // German quotes („…“) are typed by editors; smart punctuation would turn "…" into English ones.
      features: { smartPunctuation: false },
    }),
    // Code follows the reader's colour scheme; the dark colours are switched on in global.css.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  integrations: [mdx()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX module triggers this harmless Rolldown warning (withastro/astro#18087);
          // drop exactly that one so real warnings stay visible.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
