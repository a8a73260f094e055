import type { AstroIntegration } from 'astro';
import { placeholderPaths } from '../lib/legal.ts';
import { site } from '../site.ts';

/**
 * Warns at the end of every build while the Impressum or the privacy policy still shows
 * placeholders (`site.legal` in src/site.ts). A warning, not an error: previews and tests build
 * with placeholders, but nobody should publish them unnoticed.
 */
export const legalPlaceholders = (legal: unknown = site.legal): AstroIntegration => ({
  name: 'blog-legal-placeholders',
  hooks: {
    'astro:build:done': ({ logger }) => {
      const open = placeholderPaths(legal);
      if (open.length > 0) {
        logger.warn(
          `Impressum und Datenschutzerklärung enthalten noch ${open.length} Platzhalter ` +
            `(src/site.ts → legal: ${open.join(', ')}). Vor der Veröffentlichung ausfüllen.`,
        );
      }
    },
  },
});
