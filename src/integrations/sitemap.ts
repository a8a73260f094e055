import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { SITEMAP_FACTS_FILE, isSitemapPage, lastmodOf, type SitemapFacts } from '../lib/sitemap.ts';

const isFacts = (value: unknown): value is SitemapFacts =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['lastmod'] === 'object' &&
  Array.isArray((value as Record<string, unknown>)['redirects']);

/** Reads `<outDir>/sitemap-facts.json` and removes it: build input, not part of the site. */
export async function takeSitemapFacts(outDir: string): Promise<SitemapFacts> {
  const path = join(outDir, SITEMAP_FACTS_FILE);
  if (!existsSync(path)) return { lastmod: {}, redirects: [] };
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!isFacts(data)) throw new Error(`${SITEMAP_FACTS_FILE}: erwartet wird { lastmod, redirects }`);
  await rm(path);
  return data;
}

/**
 * `sitemap-index.xml` and `sitemap-0.xml` via @astrojs/sitemap: every page except the 404 page and
 * redirect pages, articles with `lastmod`. The config cannot read the content collections, so the
 * build writes what the sitemap needs (src/pages/sitemap-facts.json.ts); the first integration
 * here reads it in `astro:build:done`, just before @astrojs/sitemap's own hook (hooks run in order).
 */
export function blogSitemap(): AstroIntegration[] {
  let facts: SitemapFacts = { lastmod: {}, redirects: [] };
  return [
    {
      name: 'blog-sitemap-facts',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          facts = await takeSitemapFacts(fileURLToPath(dir));
        },
      },
    },
    sitemap({
      filter: (url) => isSitemapPage(url, facts),
      serialize: (item) => {
        const lastmod = lastmodOf(item.url, facts);
        return lastmod === undefined ? item : { ...item, lastmod };
      },
    }),
  ];
}
