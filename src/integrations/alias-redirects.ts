import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { aliasRedirectRules, withAliasBlock, type AliasRedirect } from '#lib/site/htaccess.ts';
import { buildFacts } from './build-facts.ts';

/** Writes `redirects` as 301 rules between the alias markers of `<outDir>/.htaccess`; returns how many. */
export async function applyAliasRedirects(outDir: string, redirects: readonly AliasRedirect[]): Promise<number> {
  const htaccessPath = join(outDir, '.htaccess');
  const htaccess = existsSync(htaccessPath) ? await readFile(htaccessPath, 'utf8') : '';
  await writeFile(htaccessPath, withAliasBlock(htaccess, aliasRedirectRules(redirects)));
  return redirects.length;
}

/** Writes the published posts' old addresses as permanent redirects into the built `.htaccess`. */
export const aliasRedirects = (): AstroIntegration => ({
  name: 'blog-alias-redirects',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const count = await applyAliasRedirects(fileURLToPath(dir), buildFacts().redirects);
      if (count > 0) logger.info(`${count} alte Adresse(n) leiten per 301 auf ihre Beiträge um (.htaccess)`);
    },
  },
});
