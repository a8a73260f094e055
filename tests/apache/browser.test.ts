import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, sharedSite, htmlPages, listFiles } from '../build/helpers.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium, isCI } from '../e2e/chromium.ts';
import { apacheAvailable } from './http.ts';
import { startApache, type ApacheServer } from './server.ts';

/**
 * The Content-Security-Policy proven in a real browser: Chromium loads every page through Apache
 * with the site's headers and must report no violation; styles and highlighted code must apply.
 */
const hasApache = apacheAvailable('the CSP browser test (tests/apache/browser.test.ts)');
const browserReady = hasChromium();
if (!browserReady) {
  const message = `No Chromium at ${CHROMIUM_PATH} for the CSP browser test (apt-get install chromium).`;
  if (isCI()) throw new Error(message);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE CSP BROWSER TEST. ${message}\n${'!'.repeat(100)}\n`);
}

let outDir = '';
let server: ApacheServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!hasApache || !browserReady) return;
  const result = await sharedSite();
  assertBuilt(result);
  outDir = result.outDir;
  server = await startApache(outDir);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page (in `shared`, or a fresh context) and collects every CSP violation and script error. */
async function visit(path: string, shared?: BrowserContext) {
  const context = shared ?? (await browser!.newContext());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const response = await page.goto(`${server!.origin}${path}`, { waitUntil: 'load' });
  const violations = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // Violations before this listener are in the console errors above; wait a moment for late ones.
        const found: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) => found.push(`${event.violatedDirective} ${event.blockedURI}`));
        setTimeout(() => resolve(found), 100);
      }),
  );
  problems.push(...violations);
  return { page, context, response, problems };
}

describe.skipIf(!hasApache || !browserReady)('Chromium loading the site through Apache', () => {
  it('meets no Content-Security-Policy violation on any page', async () => {
    // Built HTML files by the address they are served at (`x/index.html` → `/x/`, `a.html` stays):
    // every kind of page, but articles share one template, so a few of them (code blocks included).
    const all = listFiles(outDir)
      .filter((file) => file.endsWith('.html') && file !== '404.html')
      .map((file) => `/${file}`.replace(/index\.html$/, ''));
    const isArticle = (path: string) => /^\/blog\/\d{4}\//.test(path);
    const articles = all.filter(isArticle);
    const sample = [...articles.slice(0, 4), ...articles.filter((path) => /class="astro-code/.test(readPage(path))).slice(0, 2)];
    const paths = [...all.filter((path) => !isArticle(path)), ...new Set(sample), '/gibt-es-nicht/'];
    const context = await browser!.newContext();
    for (const path of paths) {
      const { page, response, problems } = await visit(path, context);
      expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
      // A 404 is expected for the unknown address; Chromium reports it as a console error.
      expect(problems.filter((p) => !(path === '/gibt-es-nicht/' && /404/.test(p))), path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it.each(['light', 'dark'] as const)('applies the stylesheets and the %s colours of highlighted code', async (colorScheme) => {
    const withCode = htmlPages(outDir).find((path) => path.startsWith('/blog/') && /class="astro-code/.test(readPage(path)));
    expect(withCode, 'an article with a code block').toBeDefined();
    const context = await browser!.newContext({ colorScheme });
    const { page, problems } = await visit(withCode!, context);
    const styles = await page.evaluate((scheme) => {
      const pre = document.querySelector('pre.astro-code')!;
      const token = pre.querySelector('span.line > span')!;
      // The colour a class names, e.g. `hl-dark-e1e4e8` or `hl-light-bg-fff`.
      const named = (element: Element, kind: string) =>
        [...element.classList].map((name) => new RegExp(`^hl-${scheme}-${kind}([0-9a-f]{3}|[0-9a-f]{6})$`).exec(name)?.[1]).find(Boolean);
      return {
        preColor: [getComputedStyle(pre).color, named(pre, '')],
        preBackground: [getComputedStyle(pre).backgroundColor, named(pre, 'bg-')],
        tokenColor: [getComputedStyle(token).color, named(token, '')],
        skipLinkPosition: getComputedStyle(document.querySelector('.skip-link')!).position,
      };
    }, colorScheme);
    expect(styles.skipLinkPosition, 'the site stylesheet applies').toBe('absolute');
    for (const [what, [computed, hex]] of Object.entries(styles).filter(([key]) => key !== 'skipLinkPosition')) {
      expect(hex, `${what}: a ${colorScheme} colour class`).toBeDefined();
      const full = hex!.length === 3 ? [...hex!].map((digit) => digit + digit).join('') : hex!;
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
      expect(computed, `${what}: the class's colour applies`).toBe(`rgb(${r}, ${g}, ${b})`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts the web editor under its own policy, up to the sign-in at the forge, without a violation', async () => {
    const { page, context, problems } = await visit('/admin/');
    await page.getByRole('button', { name: /einloggen/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the search load its WebAssembly, when the build has a search index', async () => {
    if (!existsSync(join(outDir, 'pagefind', 'pagefind.js'))) return;
    const { page, context, problems } = await visit('/');
    // As source text, so the test runner does not rewrite the dynamic import for Node.
    const results = await page.evaluate<number>(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search('Genossenschaft');
      return search.results.length;
    })()`);
    expect(results).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

const readPage = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');
