import type { Plugin } from 'vite';
import { loadCodeThemeCss } from '#lib/markdown/code-theme.ts';

/** The stylesheet of highlighted code, imported by src/layouts/BaseLayout.astro. */
export const CODE_THEME_MODULE = 'virtual:blog/code-theme.css';
const RESOLVED_ID = `\0${CODE_THEME_MODULE}`;

/**
 * Provides {@link CODE_THEME_MODULE}: the classes of highlighted code (src/lib/markdown/code-highlight.ts)
 * with their colours, written from Shiki's themes. Vite bundles it like any imported stylesheet,
 * into a file under /_astro/.
 */
export const codeThemePlugin = (): Plugin => ({
  name: 'blog-code-theme',
  resolveId: (id) => (id === CODE_THEME_MODULE ? RESOLVED_ID : undefined),
  load: (id) => (id === RESOLVED_ID ? loadCodeThemeCss() : undefined),
});
