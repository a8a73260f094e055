import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAliasRedirects } from '#src/integration/alias-redirects.ts';
import { ALIAS_BLOCK_BEGIN, ALIAS_BLOCK_END } from '#lib/site/htaccess.ts';
import { precompressDir } from '../../scripts/lib/precompress.ts';
import { editorContentSecurityPolicy } from '#lib/site/htaccess.ts';
import { site } from '#src/site.ts';
import { parseHtml } from '#lib/markdown/html.ts';
import { ROOT, assertBuilt, copyOfSharedSite, fileForPath, htmlPages, listFiles } from '../build/helpers.ts';
import { apacheAvailable, decoded, get } from './http.ts';
import { startApache, type ApacheServer } from './server.ts';

const hasApache = apacheAvailable('the Apache tests (tests/apache)');

const feedXml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** Every string in a parsed feed, however deep. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

let outDir = '';
let server: ApacheServer | undefined;
const origin = () => server!.origin;

/** A built article that has precompressed siblings. */
let article = '';
/** A hashed stylesheet under /_astro/. */
let stylesheet = '';
/** A hashed image under /_astro/. */
let image = '';
/** The alias rules the build wrote from the real posts, and the first of those aliases. */
let builtRules = '';
let realAlias: { from: string; to: string } | undefined;

/** Old addresses this test gives posts, as the site will from their `aliases`. */
const aliases = () => [
  { from: '/2019/05/alter-beitrag.html', to: article },
  { from: '/blog/grüße-aus-köln/', to: article },
  { from: '/?p=123', to: '/' },
];

beforeAll(async () => {
  const result = await copyOfSharedSite('apache');
  assertBuilt(result);
  outDir = result.outDir;
  article = htmlPages(outDir).find((path) => path.startsWith('/blog/') && existsSync(`${fileForPath(outDir, path)}.br`))!;
  const assets = readdirSync(join(outDir, '_astro'));
  stylesheet = `/_astro/${assets.find((file) => file.endsWith('.css') && assets.includes(`${file}.br`))}`;
  image = `/_astro/${assets.find((file) => /\.(webp|png|avif|jpe?g)$/.test(file))}`;
  if (!hasApache) return;

  // The other feeds may not exist yet; their types are tested on stand-ins.
  const feedStandIns: Record<string, string> = {
    'atom.xml': `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test</title>${'<entry><title>Grüße</title></entry>'.repeat(60)}</feed>`,
    'feed.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test', items: Array.from({ length: 40 }, (_, i) => ({ id: String(i), title: 'Grüße' })) }),
  };
  const standIns = Object.entries(feedStandIns).filter(([name]) => !existsSync(join(outDir, name)));
  for (const [name, text] of standIns) writeFileSync(join(outDir, name), text);
  if (standIns.length > 0) await precompressDir(outDir);

  // The build wrote the real posts' aliases into .htaccess; add test cases beside them, the way
  // the build's integration does (rules between the markers).
  const htaccess = readFileSync(join(outDir, '.htaccess'), 'utf8');
  builtRules = htaccess.slice(htaccess.indexOf(ALIAS_BLOCK_BEGIN) + ALIAS_BLOCK_BEGIN.length, htaccess.indexOf(ALIAS_BLOCK_END));
  const builtAliases = [...builtRules.matchAll(/REQUEST_URI\} "\^(.+?)\/\?\$"\n\s*RewriteRule \^ (\S+) /g)].map(([, from = '', to = '']) => ({
    from: from.replace(/\\(.)/g, '$1'),
    to,
  }));
  expect(await applyAliasRedirects(outDir, [...builtAliases, ...aliases()])).toBe(builtAliases.length + aliases().length);
  realAlias = builtAliases[0];

  server = await startApache(outDir);
});

afterAll(async () => {
  await server?.stop();
});

describe('the built pages keep to the Content-Security-Policy', () => {
  it('have no inline script, no inline style element, no event handler attribute, no javascript: URL', () => {
    const pages = htmlPages(outDir);
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const page = parseHtml(readFileSync(fileForPath(outDir, path)!, 'utf8'));
      for (const script of page.querySelectorAll('script')) {
        // JSON-LD (Seo.astro) is a data block: browsers never run it, and script-src does not govern it.
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(script.getAttribute('src'), `${path}: inline <script>`).toMatch(/^\/(?!\/)/);
      }
      expect(page.querySelectorAll('style'), `${path}: inline <style>`).toHaveLength(0);
      for (const element of page.querySelectorAll('*')) {
        for (const name of Object.keys(element.attributes)) {
          expect(name, `${path}: <${element.tagName.toLowerCase()} ${name}>`).not.toMatch(/^on/i);
        }
        for (const url of [element.getAttribute('href'), element.getAttribute('src')]) {
          expect(url ?? '', path).not.toMatch(/^\s*javascript:/i);
        }
      }
      for (const link of page.querySelectorAll('link[rel="stylesheet"]')) {
        expect(link.getAttribute('href'), path).toMatch(/^\/(?!\/)/);
      }
    }
  });

  it('have no style attribute, on any page or in any feed (highlighted code is coloured by classes)', () => {
    const pages = htmlPages(outDir).map((path) => [path, readFileSync(fileForPath(outDir, path)!, 'utf8')] as const);
    const feeds = listFiles(outDir)
      .filter((file) => /(^|\/)(rss|atom)\.xml$|(^|\/)feed\.json$/.test(file))
      .flatMap((file) => {
        const text = readFileSync(join(outDir, file), 'utf8');
        // Every text of the feed that holds markup: content:encoded, description, content, content_html …
        return stringsIn(file.endsWith('.json') ? JSON.parse(text) : feedXml.parse(text))
          .filter((value) => value.includes('<'))
          .map((html) => [`/${file}`, html] as const);
      });
    expect(feeds.some(([file]) => file === '/rss.xml'), 'the RSS feed is checked').toBe(true);
    expect(feeds.some(([, html]) => html.includes('astro-code')), 'a feed has highlighted code').toBe(true);
    for (const [path, html] of [...pages, ...feeds]) {
      for (const element of parseHtml(html).querySelectorAll('[style]')) {
        expect.fail(`${path}: <${element.tagName.toLowerCase()} style="${element.getAttribute('style')}">`);
      }
    }
  });

  it('leave no build data (JSON lists for redirects or the sitemap) in the build', () => {
    expect(listFiles(outDir).filter((file) => /^(aliases|sitemap-facts)\.json/.test(file))).toEqual([]);
  });
});

describe.skipIf(!hasApache)('Apache serving the built site with its .htaccess', () => {
  const paths = () => ['/', article, '/rss.xml', stylesheet, image, '/gibt-es-nicht/'];

  it('sends the security headers on every response, error pages included', async () => {
    for (const path of paths()) {
      const { headers } = await get(origin(), path);
      const csp = String(headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
      expect(directives.get('default-src'), path).toEqual(["'self'"]);
      expect(directives.get('script-src'), path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives.get('style-src'), path).toEqual(["'self'"]);
      for (const [name, values] of directives) {
        expect(values, `${path}: ${name}`).not.toContain("'unsafe-inline'");
        expect(values, `${path}: ${name}`).not.toContain("'unsafe-eval'");
      }
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(directives.get('base-uri'), path).toEqual(["'self'"]);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
      const permissions = String(headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'interest-cohort', 'payment', 'usb']) {
        expect(permissions, path).toContain(`${feature}=()`);
      }
      // HSTS is opt-in (commented out in .htaccess).
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('sends the web editor (/admin/) its own policy: inline styles for Decap, scripts still only its own', async () => {
    for (const path of ['/admin/', '/admin/config.json', '/admin/decap/decap-cms.js']) {
      const { status, headers } = await get(origin(), path);
      expect(status, path).toBe(200);
      expect(headers['content-security-policy'], path).toBe(editorContentSecurityPolicy(site.editor.backend));
      expect(headers['x-robots-tag'], path).toBe('noindex, nofollow');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
    // Everything outside /admin/ keeps the site's policy.
    expect(String((await get(origin(), '/')).headers['content-security-policy'])).not.toContain('unsafe-inline');
  });

  it('lets HTML and feeds be revalidated and caches hashed assets for a year', async () => {
    const cases = [
      ['/', 'no-cache'],
      [article, 'no-cache'],
      ['/rss.xml', 'no-cache'],
      ['/404.html', 'no-cache'],
      [stylesheet, 'public, max-age=31536000, immutable'],
      [image, 'public, max-age=31536000, immutable'],
    ] as const;
    for (const [path, cacheControl] of cases) {
      for (const encoding of ['identity', 'br', 'gzip']) {
        const response = await get(origin(), path, { 'accept-encoding': encoding });
        expect(response.status, `${path} ${encoding}`).toBe(200);
        expect(response.headers['cache-control'], `${path} ${encoding}`).toBe(cacheControl);
      }
    }
    const home = await get(origin(), '/');
    expect(home.headers.etag).toBeTruthy();
    const again = await get(origin(), '/', { 'if-none-match': String(home.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('answers an unknown address with 404 and the German error page', async () => {
    for (const encoding of ['identity', 'br', 'gzip']) {
      const response = await get(origin(), '/gibt-es-nicht/', { 'accept-encoding': encoding });
      expect(response.status, encoding).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const page = parseHtml(decoded(response).toString('utf8'));
      expect(page.querySelector('html')?.getAttribute('lang')).toBe('de');
      expect(page.querySelector('h1')?.textContent).toBe('Seite nicht gefunden');
    }
    expect((await get(origin(), '/blog/1999/kein-beitrag/')).status).toBe(404);
  });

  describe('serves the precompressed files to clients that accept them', () => {
    const types = () =>
      [
        ['/', 'text/html; charset=utf-8'],
        [article, 'text/html; charset=utf-8'],
        ['/rss.xml', 'application/rss+xml; charset=utf-8'],
        [stylesheet, 'text/css; charset=utf-8'],
      ] as const;

    it.each([
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
    ])('Accept-Encoding: %s → %s', async (accept, encoding) => {
      for (const [path, type] of types()) {
        const file = readFileSync(fileForPath(outDir, path)!);
        const response = await get(origin(), path, { 'accept-encoding': accept });
        expect(response.status, path).toBe(200);
        expect(response.headers['content-encoding'], path).toBe(encoding);
        expect(response.headers['content-type'], path).toBe(type);
        expect(response.headers['content-language'], path).toBeUndefined();
        expect(String(response.headers.vary), path).toMatch(/accept-encoding/i);
        // The very sibling written at build time, not compressed again on the fly.
        const sibling = readFileSync(`${fileForPath(outDir, path)!}.${encoding === 'br' ? 'br' : 'gz'}`);
        expect(response.body.equals(sibling), `${path} is the precompressed file`).toBe(true);
        expect(decoded(response).equals(file), `${path} decodes to the built file`).toBe(true);
      }
    });

    it('and the plain file to clients that do not', async () => {
      for (const [path, type] of types()) {
        const file = readFileSync(fileForPath(outDir, path)!);
        const response = await get(origin(), path, { 'accept-encoding': 'identity' });
        expect(response.headers['content-encoding'], path).toBeUndefined();
        expect(response.headers['content-type'], path).toBe(type);
        expect(String(response.headers.vary), path).toMatch(/accept-encoding/i);
        expect(response.body.equals(file), path).toBe(true);
      }
    });

    it('compresses small text files without a sibling on the fly (mod_deflate)', async () => {
      const response = await get(origin(), '/favicon.svg', { 'accept-encoding': 'gzip' });
      expect(existsSync(join(outDir, 'favicon.svg.gz'))).toBe(false);
      expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(decoded(response).equals(readFileSync(join(outDir, 'favicon.svg')))).toBe(true);
    });

    it('leaves images alone', async () => {
      const response = await get(origin(), image, { 'accept-encoding': 'br, gzip' });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^image\//);
    });
  });

  it.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
  ])('serves %s as %s, compressed or not', async (path, type) => {
    for (const encoding of ['identity', 'br', 'gzip']) {
      const response = await get(origin(), path, { 'accept-encoding': encoding });
      expect(response.status, encoding).toBe(200);
      expect(response.headers['content-type'], encoding).toBe(type);
      expect(response.headers['content-encoding'], encoding).toBe(encoding === 'identity' ? undefined : encoding);
    }
  });

  it('redirects the aliases of the real posts, written by the build', async () => {
    const blogDir = join(ROOT, 'content/blog');
    const withAliases = listFiles(blogDir).filter((file) => /^aliases:\s*(\[\s*["'/]|\r?\n\s*-)/m.test(readFileSync(join(blogDir, file), 'utf8')));
    if (withAliases.length === 0) return; // nothing to redirect in today's content
    expect(realAlias, `aliases in ${withAliases.join(', ')}`).toBeDefined();
    expect(builtRules).toMatch(/RewriteRule \^ \/blog\/\d{4}\/[a-z0-9-]+\/ \[R=301,L\]/);
    const response = await get(origin(), encodeURI(realAlias!.from));
    expect(response.status, realAlias!.from).toBe(301);
    expect(response.headers.location).toBe(`${origin()}${realAlias!.to}`);
  });

  it('redirects old addresses of posts permanently to their current one', async () => {
    const cases = [
      ['/2019/05/alter-beitrag.html', article],
      ['/2019/05/alter-beitrag.html/', article],
      ['/blog/gr%C3%BC%C3%9Fe-aus-k%C3%B6ln/', article],
      ['/blog/gr%C3%BC%C3%9Fe-aus-k%C3%B6ln', article],
      ['/?p=123', '/'],
    ] as const;
    for (const [from, to] of cases) {
      const response = await get(origin(), from);
      expect(response.status, from).toBe(301);
      expect(response.headers.location, from).toBe(`${origin()}${to}`);
      expect(response.headers['x-frame-options'], from).toBe('DENY');
      expect((await get(origin(), to)).status, to).toBe(200);
    }
    // Only the exact old address moves; its neighbours stay unknown, and other queries stay on the page.
    expect((await get(origin(), '/2019/05/alter-beitrag.html.bak')).status).toBe(404);
    expect((await get(origin(), '/2019/05/')).status).toBe(404);
    expect((await get(origin(), '/?p=1234')).status).toBe(200);
  });

  it('logs no configuration error', () => {
    expect(server!.errorLog()).not.toMatch(/\[(core|rewrite|headers|mime|expires|deflate):(error|alert|crit)\]|Invalid command/);
  });
});
