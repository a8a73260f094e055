import type { AstroIntegration } from 'astro';

type SetupOptions = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

/**
 * Defines `import.meta.env.BLOG_PREVIEW`: true only under `astro dev`. Drafts and scheduled
 * posts are shown in that preview and nowhere else. `import.meta.env.DEV` is not enough: it is
 * also true for a build that runs with NODE_ENV=test or development, which would publish drafts.
 */
export function definePreviewMode({ command, updateConfig }: Pick<SetupOptions, 'command' | 'updateConfig'>): void {
  // The content loader (src/content.config.ts) runs in Node, outside Vite's define.
  process.env['BLOG_PREVIEW'] = command === 'dev' ? '1' : '0';
  updateConfig({ vite: { define: { 'import.meta.env.BLOG_PREVIEW': JSON.stringify(command === 'dev') } } });
}
