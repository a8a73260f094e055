// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { teaserMarkerPlugin } from './src/lib/teaser-marker.ts';
import { germanHeadingIds } from './src/lib/heading-ids.ts';
import { site } from './src/site.ts';
import { previewMode } from './src/integrations/preview-mode.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { fileAliases } from './src/integrations/file-aliases.ts';
import { aliasRedirects } from './src/integrations/alias-redirects.ts';
import { legalPlaceholders } from './src/integrations/legal-placeholders.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { blogSitemap } from './src/integrations/sitemap.ts';
import { precompress } from './src/integrations/precompress.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Tests and benchmarks build other content folders; each gets its own cache so builds never mix.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Every stylesheet as a file under /_astro/, never an inline <style>: the Content-Security-Policy
  // in public/.htaccess allows styles from 'self' only (no hashes, no 'unsafe-inline').
  build: { format: 'directory', inlineStylesheets: 'never' },
  image: {
    // AVIF at effort 2 encodes several times faster than the default 4 for a few percent in size.
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 }, webp: { effort: 4 } } },
  },
  markdown: {
    processor: satteri({
      mdastPlugins: [teaserMarkerPlugin],
      hastPlugins: [germanHeadingIds],
      // German quotes („…“) are typed by editors; smart punctuation would turn "…" into English ones.
      features: { smartPunctuation: false },
    }),
    // Code follows the reader's colour scheme; the dark colours are switched on in global.css.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  // precompress() stays last: it compresses what the others write in astro:build:done.
  integrations: [previewMode(), contentCheck(), mdx(), fileAliases(), aliasRedirects(), legalPlaceholders(), searchIndex(), blogSitemap(), precompress()],
  vite: {
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
