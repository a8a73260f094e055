import type { AstroIntegration } from 'astro';
import { loadLegal, placeholderPaths } from '../lib/legal.ts';

/**
 * Warns at the end of every build while the Impressum or the privacy policy still shows
 * placeholders (`site.legal` in src/site.ts). A warning, not an error: previews and tests build
 * with placeholders, but nobody should publish them unnoticed.
 */
export const legalPlaceholders = (legal: unknown = loadLegal()): AstroIntegration => ({
  name: 'blog-legal-placeholders',
  hooks: {
    'astro:build:done': ({ logger }) => {
      const open = placeholderPaths(legal);
      if (open.length > 0) {
        logger.warn(
          `Impressum und Datenschutzerklärung enthalten noch ${open.length} Platzhalter ` +
            `(content/site/legal.yaml: ${open.join(', ')}). Vor der Veröffentlichung ausfüllen.`,
        );
      }
    },
  },
});
