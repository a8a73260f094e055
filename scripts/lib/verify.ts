import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { parseHtml } from '#lib/markdown/html.ts';
import { slugFromPath } from '#lib/site/slugs.ts';
import { escapeXml } from '#lib/feeds/xml.ts';
import { listFiles } from '#lib/content/files.ts';
import { paths } from '#lib/site/routes.ts';

/** The site's RSS feed, as a file of the output folder. */
const FEED_FILE = paths.rss.slice(1);

/** Files without which the published site is broken. */
export const REQUIRED_FILES = ['index.html', '404.html', FEED_FILE, '.htaccess'] as const;

export interface VerifyOptions {
  /** Folder of the posts the build read (to find drafts). */
  contentDir: string;
  /** The site's origin; absolute links to it count as internal. */
  siteUrl: string;
}

/** URL path of a built HTML file: `blog/2022/x/index.html` → `/blog/2022/x/`. */
export const pagePath = (file: string): string => `/${file}`.replace(/index\.html$/, '');

/** Whether a URL path is served by a file in `outDir` (as Apache would with DirectoryIndex). */
export function resolvesTo(outDir: string, urlPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const candidates = path.endsWith('/') ? [join(outDir, path, 'index.html')] : [join(outDir, path), join(outDir, path, 'index.html')];
  return candidates.some((file) => existsSync(file) && statSync(file).isFile());
}

/** Every URL a page refers to: links, stylesheets, scripts, images and their srcsets. */
function referencedUrls(html: string): string[] {
  const root = parseHtml(html);
  const urls: string[] = [];
  for (const element of root.querySelectorAll('a[href], link[href], img[src], script[src], source[src], [srcset]')) {
    for (const attribute of ['href', 'src']) {
      const value = element.getAttribute(attribute);
      if (value !== undefined) urls.push(value);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== undefined) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
  }
  return urls;
}

/** Frontmatter of a post as data, or undefined when it has none or it is not YAML. */
function frontmatter(source: string): Record<string, unknown> | undefined {
  const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  if (block === undefined) return undefined;
  try {
    const data: unknown = parseYaml(block);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a finished build before it is published, like the build tests do: the required files
 * exist, every page and the feed parse, every internal link and asset resolves, and no draft
 * made it in. Returns one German line per problem; empty means publishable.
 */
export function verifyBuild(outDir: string, options: VerifyOptions): string[] {
  const problems: string[] = [];
  if (!existsSync(outDir)) return [`Ordner ${outDir} fehlt`];
  for (const file of REQUIRED_FILES) {
    if (!existsSync(join(outDir, file))) problems.push(`${file} fehlt`);
  }

  const origin = new URL(options.siteUrl).origin;
  const htmlFiles = listFiles(outDir, /\.html$/);
  const pages = new Set(htmlFiles.map(pagePath));
  for (const file of htmlFiles) {
    const html = readFileSync(join(outDir, file), 'utf8');
    const page = pagePath(file);
    const root = parseHtml(html);
    if (!root.querySelector('html') || !root.querySelector('head') || !root.querySelector('body')) {
      problems.push(`${file}: kein vollständiges HTML-Dokument`);
      continue;
    }
    if ((root.querySelector('title')?.textContent ?? '').trim() === '') problems.push(`${file}: <title> fehlt oder ist leer`);
    for (const url of referencedUrls(html)) {
      let target: URL;
      try {
        target = new URL(url, `${origin}${page}`);
      } catch {
        problems.push(`${file}: ungültige Adresse „${url}“`);
        continue;
      }
      if (target.origin !== origin || !/^https?:$/.test(target.protocol)) continue;
      if (!resolvesTo(outDir, target.pathname)) problems.push(`${file}: Link auf ${url} führt ins Leere`);
    }
  }

  const feedFile = join(outDir, FEED_FILE);
  let feed = '';
  if (existsSync(feedFile)) {
    feed = readFileSync(feedFile, 'utf8');
    // The parser alone accepts unbalanced tags, so the validator checks well-formedness. It is
    // deprecated in favour of the separate fast-xml-validator package, which is not installed yet.
    const valid = XMLValidator.validate(feed);
    if (valid !== true) {
      problems.push(`${FEED_FILE}: kein gültiges XML (Zeile ${valid.err.line}: ${valid.err.msg})`);
    } else if (!new XMLParser().parse(feed)?.rss?.channel) {
      problems.push(`${FEED_FILE}: kein RSS-Kanal (<rss><channel>)`);
    }
  }

  for (const entry of listFiles(options.contentDir, /\.mdx?$/i)) {
    const data = frontmatter(readFileSync(join(options.contentDir, entry), 'utf8'));
    if (data?.['draft'] !== true) continue;
    const slug = slugFromPath(entry);
    for (const page of pages) {
      if (new RegExp(`^/blog/\\d{4}/${slug}/$`).test(page)) problems.push(`Entwurf ${entry} wurde veröffentlicht: ${page}`);
    }
    const title = typeof data['title'] === 'string' ? data['title'].trim() : '';
    if (title !== '' && feed.includes(`<title>${escapeXml(title)}</title>`)) {
      problems.push(`Entwurf ${entry} steht im RSS-Feed`);
    }
  }
  return problems;
}
