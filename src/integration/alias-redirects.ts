import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aliasRedirectRules, withAliasBlock, type AliasRedirect } from '#lib/site/htaccess.ts';

/** Writes `redirects` as 301 rules between the alias markers of `<outDir>/.htaccess`; returns how many. */
export async function applyAliasRedirects(outDir: string, redirects: readonly AliasRedirect[]): Promise<number> {
  const htaccessPath = join(outDir, '.htaccess');
  const htaccess = existsSync(htaccessPath) ? await readFile(htaccessPath, 'utf8') : '';
  await writeFile(htaccessPath, withAliasBlock(htaccess, aliasRedirectRules(redirects)));
  return redirects.length;
}
