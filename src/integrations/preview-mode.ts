import type { AstroIntegration } from 'astro';

/**
 * Defines `import.meta.env.BLOG_PREVIEW`: true only under `astro dev`. Drafts and scheduled
 * posts are shown in that preview and nowhere else. `import.meta.env.DEV` is not enough: it is
 * also true for a build that runs with NODE_ENV=test or development, which would publish drafts.
 */
export const previewMode = (): AstroIntegration => ({
  name: 'blog-preview-mode',
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) => {
      // The content loader (src/content.config.ts) runs in Node, outside Vite's define.
      process.env['BLOG_PREVIEW'] = command === 'dev' ? '1' : '0';
      updateConfig({
        vite: { define: { 'import.meta.env.BLOG_PREVIEW': JSON.stringify(command === 'dev') } },
      });
    },
  },
});
