import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { aliasRedirectRules, withAliasBlock, type AliasRedirect } from '../lib/htaccess.ts';

/** File the site writes (src/pages/aliases.json.ts): every post's old paths and its URL. */
export const ALIASES_FILE = 'aliases.json';

const isRedirect = (value: unknown): value is AliasRedirect =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['from'] === 'string' &&
  typeof (value as Record<string, unknown>)['to'] === 'string';

/**
 * Turns `<outDir>/aliases.json` into 301 rules in `<outDir>/.htaccess` and removes the JSON file,
 * which is build input, not part of the site. Returns how many redirects were written.
 */
export async function applyAliasRedirects(outDir: string): Promise<number> {
  const jsonPath = join(outDir, ALIASES_FILE);
  if (!existsSync(jsonPath)) return 0;
  const data: unknown = JSON.parse(await readFile(jsonPath, 'utf8'));
  if (!Array.isArray(data) || !data.every(isRedirect)) {
    throw new Error(`${ALIASES_FILE}: erwartet wird eine Liste von { from, to }`);
  }
  const htaccessPath = join(outDir, '.htaccess');
  const htaccess = existsSync(htaccessPath) ? await readFile(htaccessPath, 'utf8') : '';
  await writeFile(htaccessPath, withAliasBlock(htaccess, aliasRedirectRules(data)));
  await rm(jsonPath);
  return data.length;
}

/** Writes the posts' old addresses as permanent redirects into the built `.htaccess`. */
export const aliasRedirects = (): AstroIntegration => ({
  name: 'blog-alias-redirects',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const count = await applyAliasRedirects(fileURLToPath(dir));
      if (count > 0) logger.info(`${count} alte Adresse(n) leiten per 301 auf ihre Beiträge um (.htaccess)`);
    },
  },
});
