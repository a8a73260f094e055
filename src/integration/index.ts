import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { SOCIAL_IMAGE_CACHE } from '#lib/social-image/cache-key.ts';
import { forgetMarkdownPlans } from '#lib/markdown/plain-markdown.ts';
import { applyAliasRedirects } from './alias-redirects.ts';
import { codeThemePlugin } from './code-theme.ts';
import { runContentCheck, type BuildFacts } from './content-check.ts';
import { BUILD_SCRIPT_ENV } from './env.ts';
import { writeEditorFiles, editorAssetsPlugin } from './editor-assets.ts';
import { flattenFileLikePages } from './file-aliases.ts';
import { definePreviewMode } from './preview-mode.ts';
import { blogSitemap } from './sitemap.ts';
import { pruneSocialImages } from './social-image-cache.ts';

/**
 * The blog's own steps around Astro's pages, in the order they run. Data passes from step to step
 * in this closure, never through files in the output folder.
 *
 * Before the pages (`astro:config:setup`):
 * 1. preview mode: drafts and scheduled posts only under `astro dev`;
 * 2. content check (`astro build` only): a broken post stops the build here; its facts
 *    (addresses, dates, aliases) serve steps 6–8;
 * 3. the code theme's stylesheet as a virtual module, and the web editor's scripts under `astro dev`;
 * 4. MDX, and @astrojs/sitemap, added after this integration so that its `astro:build:done` runs
 *    after step 7 has handed it the facts.
 *
 * After the pages (`astro:build:done`):
 * 5. pages at file-like old addresses (`/alt.html/index.html` → `/alt.html`);
 * 6. the aliases' 301 rules into `.htaccess`;
 * 7. the sitemap's facts;
 * 8. social images this build did not use leave the cache;
 * 9. the web editor's scripts (Decap CMS) into /admin/decap/.
 *
 * The search index and the `.br`/`.gz` copies follow in `npm run build`, after Astro's process has
 * ended (scripts/build.ts), so their memory never adds to the build's.
 */
export function blog(): AstroIntegration {
  const sitemap = blogSitemap();
  let facts: BuildFacts | undefined;
  let socialImageDir = '';
  let buildStart = 0;
  return {
    name: 'blog',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        definePreviewMode({ command, updateConfig });
        if (command === 'build') {
          const [root, publicDir, cacheDir] = [config.root, config.publicDir, config.cacheDir].map((url) => fileURLToPath(url)) as [string, string, string];
          facts = await runContentCheck({ root, publicDir, cacheDir }, logger);
        }
        updateConfig({ vite: { plugins: [codeThemePlugin(), editorAssetsPlugin()] }, integrations: [mdx(), sitemap.integration] });
      },
      'astro:config:done': ({ config }) => {
        socialImageDir = join(fileURLToPath(config.cacheDir), SOCIAL_IMAGE_CACHE);
      },
      'astro:build:start': () => {
        buildStart = Date.now();
        forgetMarkdownPlans();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (facts === undefined) throw new Error('Build ohne Inhaltsprüfung: die Integration blog() hat ihren ersten Schritt nicht ausgeführt.');
        const outDir = fileURLToPath(dir);
        await flattenFileLikePages(outDir);
        const redirects = await applyAliasRedirects(outDir, facts.redirects);
        if (redirects > 0) logger.info(`${redirects} alte Adresse(n) leiten per 301 auf ihre Beiträge um (.htaccess)`);
        sitemap.use(facts);
        const pruned = await pruneSocialImages(socialImageDir, buildStart);
        if (pruned > 0) logger.info(`${pruned} nicht mehr gebrauchte Vorschaubilder aus dem Cache gelöscht`);
        await writeEditorFiles(outDir);
        if (!process.env[BUILD_SCRIPT_ENV]) {
          logger.warn('Ohne Suchindex und ohne .br/.gz-Kopien gebaut: die ganze Website baut `npm run build`.');
        }
      },
    },
  };
}
