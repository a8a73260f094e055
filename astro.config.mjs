// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { teaserMarkerPlugin } from '#lib/markdown/teaser-marker-plugin.ts';
import { germanHeadingIds } from '#lib/markdown/heading-ids.ts';
import { site } from './src/site.ts';
import { blog } from './src/integration/index.ts';
import { buildCacheDir } from '#lib/build/cache.ts';
import { contentSecurityPolicy } from '#lib/site/htaccess.ts';
import { readFileSync } from 'node:fs';
import { shikiConfig } from '#lib/markdown/code-highlight.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // `npm run preview` serves the build with the live site's Content-Security-Policy (from
  // public/.htaccess), so an embed or a foreign image is blocked there as it is for readers.
  // `npm run dev` cannot: its live reload needs inline scripts; the content check names such embeds.
  server: ({ command }) => {
    const policy = command === 'preview' ? contentSecurityPolicy(readFileSync('public/.htaccess', 'utf8')) : undefined;
    return policy === undefined ? {} : { headers: { 'Content-Security-Policy': policy } };
  },
  // .cache/build/ (kept by npm ci) or ASTRO_CACHE_DIR: tests and benchmarks build other content
  // folders, and each gets its own cache so builds never mix. The social images' endpoint finds the same folder
  // through buildCacheDir(), as it cannot read this config.
  cacheDir: buildCacheDir(),
  // Every stylesheet as a file under /_astro/, never an inline <style>: the Content-Security-Policy
  // in public/.htaccess allows styles from 'self' only (no hashes, no 'unsafe-inline').
  // Several pages at a time: pages wait on sharp (social images) and on files.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  image: {
    // AVIF at the lowest effort with chroma at half resolution (4:2:0, as in every JPEG and lossy
    // WebP): much faster than the defaults, for files still smaller than WebP and no visible
    // difference (README, performance). WebP is only the fallback for browsers without AVIF (ResponsiveImage.astro).
    // Astro's image cache keys files by source and transform, not by these settings: after a
    // change, delete .cache/build/assets/ to encode every image again.
    service: {
      entrypoint: 'astro/assets/services/sharp',
      config: { avif: { effort: 1, chromaSubsampling: '4:2:0' }, webp: { effort: 2 } },
    },
  },
  markdown: {
    processor: satteri({
      mdastPlugins: [teaserMarkerPlugin],
      hastPlugins: [germanHeadingIds],
      // German quotes („…“) are typed by editors; smart punctuation would turn "…" into English ones.
      features: { smartPunctuation: false },
    }),
    // Code follows the reader's colour scheme (github-light, github-dark) through classes, not
    // style="" (src/lib/markdown/code-highlight.ts); codeTheme() writes their stylesheet.
    shikiConfig,
  },
  // No developer toolbar in the preview: editors use it (npm run dev, npm run redaktion).
  devToolbar: { enabled: false },
  // The blog's steps before and after the pages, in order (src/integration/index.ts).
  integrations: [blog()],
  experimental: { incrementalBuild: true },
  vite: {
    // The build cache (.cache/build/, src/lib/build/cache.ts) lives in the project, so the dev
    // server must not watch what builds write there.
    server: { watch: { ignored: ['**/.cache/**'] } },
    build: {
      // Never inline scripts (Astro inlines small ones by this limit): the CSP allows script files
      // from 'self' only. Other assets keep Vite's default limit (undefined → default).
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
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
