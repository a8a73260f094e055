/** A permanent redirect from an old address of a post to its current one. */
export interface AliasRedirect {
  /** Old root-relative path, optionally with a query (`/2019/05/alt.html`, `/?p=123`). */
  from: string;
  /** Current root-relative path (`/blog/2022/neu/`) or absolute http(s) URL. */
  to: string;
}

/** First and last line of the block in `.htaccess` that the build fills with alias redirects. */
export const ALIAS_BLOCK_BEGIN = '# BEGIN alias redirects';
export const ALIAS_BLOCK_END = '# END alias redirects';

// Editors write aliases; anything that could break out of one .htaccess line is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;
// Targets are the site's own slugified URLs (or an external URL): plain URL characters only, so
// neither mod_rewrite (`$1`, `%1`) nor the redirect's own escaping can change them.
const SAFE_TARGET = /^(?:https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)?\/[A-Za-z0-9\-._~/]*$/;

/** Escapes text for a PCRE pattern inside a double-quoted .htaccess argument. */
const escapeRegex = (text: string): string =>
  text
    .replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`)
    .replace(/"/g, '\\x22')
    .replace(/ /g, '\\x20');

/** Percent-decodes a path the way Apache does before comparing `REQUEST_URI`; keeps it as is when invalid. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Why an alias cannot become a rule, or undefined when it can. */
export function aliasProblem({ from, to }: AliasRedirect): string | undefined {
  if (CONTROL.test(from) || CONTROL.test(to)) return 'enthält Steuerzeichen (z. B. einen Zeilenumbruch)';
  if (!from.startsWith('/')) return `„${from}“ muss mit / beginnen`;
  if (from.includes('#')) return `„${from}“ darf kein # enthalten (der Teil nach # erreicht den Server nie)`;
  if (!SAFE_TARGET.test(to)) return `Ziel „${to}“ ist keine Adresse dieser Website`;
  return undefined;
}

/** Path without trailing slash, so `/alt` and `/alt/` are the same alias. */
const loosePath = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * mod_rewrite rules for 301 redirects from old post addresses, for the `.htaccess` in the
 * document root. Each old path matches with and without a trailing slash; an old address
 * with a query (`/?p=123`) matches exactly that query, and the query is dropped on the way.
 * Throws on aliases that are unsafe, point to themselves, or name two different targets.
 */
export function aliasRedirectRules(redirects: readonly AliasRedirect[]): string {
  const seen = new Map<string, string>();
  const rules: string[] = [];
  for (const redirect of redirects) {
    const problem = aliasProblem(redirect);
    if (problem) throw new Error(`Alias ${JSON.stringify(redirect.from)} → ${JSON.stringify(redirect.to)}: ${problem}`);
    const [rawPath = '', query] = redirect.from.split(/\?(.*)/s, 2);
    const path = loosePath(decodePath(rawPath));
    const key = query === undefined ? path : `${path}?${query}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier === redirect.to) continue;
      throw new Error(`Alias ${JSON.stringify(redirect.from)} führt zu zwei Zielen: ${earlier} und ${redirect.to}`);
    }
    if (query === undefined && loosePath(redirect.to) === path) {
      throw new Error(`Alias ${JSON.stringify(redirect.from)} leitet auf sich selbst um`);
    }
    seen.set(key, redirect.to);
    const pathPattern = path === '/' ? '^/$' : `^${escapeRegex(path)}/?$`;
    rules.push(`RewriteCond %{REQUEST_URI} "${pathPattern}"`);
    if (query !== undefined) rules.push(`RewriteCond %{QUERY_STRING} "^${escapeRegex(query)}$"`);
    rules.push(`RewriteRule ^ ${redirect.to} [R=301,L${query === undefined ? '' : ',QSD'}]`);
  }
  return rules.join('\n');
}

/**
 * Puts `rules` between the alias block's marker lines in an `.htaccess` text, replacing what
 * was there. Without the markers the block is appended, wrapped for mod_rewrite.
 */
export function withAliasBlock(htaccess: string, rules: string): string {
  const begin = htaccess.indexOf(ALIAS_BLOCK_BEGIN);
  const end = htaccess.indexOf(ALIAS_BLOCK_END, begin);
  if (begin === -1 || end === -1) {
    const block = [ALIAS_BLOCK_BEGIN, '<IfModule mod_rewrite.c>', 'RewriteEngine On', rules, '</IfModule>', ALIAS_BLOCK_END];
    return `${htaccess.replace(/\n*$/, '\n')}\n${block.filter((line) => line !== '').join('\n')}\n`;
  }
  const lineStart = htaccess.lastIndexOf('\n', begin) + 1;
  const indent = htaccess.slice(lineStart, begin);
  const body = rules === '' ? '' : `${rules.split('\n').map((line) => indent + line).join('\n')}\n`;
  return `${htaccess.slice(0, htaccess.indexOf('\n', begin) + 1)}${body}${indent}${htaccess.slice(end)}`;
}

/**
 * The site's Content-Security-Policy as `.htaccess` sends it (`Header always set
 * Content-Security-Policy "…"`), so `npm run preview` can send the same one; undefined when the
 * file sets none.
 */
export function contentSecurityPolicy(htaccess: string): string | undefined {
  return /^\s*Header\s+always\s+set\s+Content-Security-Policy\s+"([^"]*)"/im.exec(htaccess)?.[1];
}

/** The Decap backend settings the web editor's policy depends on (`site.editor.backend`). */
export interface EditorBackend {
  readonly name: string;
  readonly api_root?: string | boolean;
  readonly base_url?: string | boolean;
}

/** Where GitHub's API lives when the configuration names none. */
const GITHUB_API = 'https://api.github.com';

/**
 * The origins the web editor talks to: the forge's API (and, for GitHub, the OAuth server of
 * `base_url`). Its sign-in page is opened as a page of its own, which a policy does not restrict.
 */
export function editorOrigins(backend: EditorBackend): string[] {
  const urls = [typeof backend.api_root === 'string' ? backend.api_root : backend.name === 'github' ? GITHUB_API : undefined];
  if (typeof backend.base_url === 'string') urls.push(backend.base_url);
  return [...new Set(urls.filter((url): url is string => url !== undefined).map((url) => new URL(url).origin))];
}

/**
 * The web editor's own Content-Security-Policy, as strict as Decap CMS allows:
 * - script-src 'self': Decap's bundle is served from the site (/admin/decap/), no other origin;
 *   'unsafe-eval' because Decap validates its configuration with Ajv, which compiles the schema
 *   with `new Function` (decaporg/decap-cms#2138); 'wasm-unsafe-eval' for its image WebAssembly;
 * - style-src 'unsafe-inline': Decap styles itself at run time with <style> elements (Emotion),
 *   which no hash can cover;
 * - img-src blob: data: and connect-src: images of the repository arrive from the forge's API as
 *   blob URLs; the API is the only other origin the editor may reach.
 */
export function editorContentSecurityPolicy(backend: EditorBackend): string {
  const forge = editorOrigins(backend).join(' ');
  const list = (...sources: string[]) => sources.filter((source) => source !== '').join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${list("'self'", 'data:', 'blob:', forge)}`,
    `connect-src ${list("'self'", forge)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The `.htaccess` of the web editor's folder: its own policy instead of the site's, never indexed. */
export const editorHtaccess = (backend: EditorBackend): string =>
  [
    '# Written by the build (src/lib/site/htaccess.ts, editorHtaccess) from site.editor in src/site.ts.',
    '# The web editor (Decap CMS) needs more than the site: see editorContentSecurityPolicy.',
    '<IfModule mod_headers.c>',
    `  Header always set Content-Security-Policy "${editorContentSecurityPolicy(backend)}"`,
    '  Header always set X-Robots-Tag "noindex, nofollow"',
    '</IfModule>',
    '',
  ].join('\n');
