import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ui } from '#src/i18n/de.ts';
import { resultCountText } from '#lib/site/search.ts';
import { ROOT } from '../build/helpers.ts';
import { describeInBrowser, useSite, type Visit } from './harness.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The Content-Security-Policy Apache sends (public/.htaccess), to run the search under it. */
const CSP = /Header always set Content-Security-Policy "([^"]+)"/.exec(readFileSync(join(ROOT, 'public/.htaccess'), 'utf8'))![1]!;

/** A post whose text has "Genossenschaft" but never "Genossenschaften": found only by stemming. */
const STEMMED_POST = '/blog/2020/warum-wir-auf-open-source-setzen/';
const MALWARE_POST = { path: '/blog/2022/gemeinsam-gegen-malware/', title: 'Gemeinsam gegen Malware', date: '21.05.2022' };

const searchbox = (page: Page) => page.getByRole('searchbox', { name: ui.search.label });
const resultLinks = (page: Page) =>
  page.locator('[data-search-results] .result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

/** Waits until the live region announces the result count for `query`, and returns the count. */
async function announced(page: Page, query: string): Promise<number> {
  const handle = await page.waitForFunction(
    (quoted) => {
      const text = document.querySelector('[data-search-status]')?.textContent ?? '';
      return text.includes(quoted) && document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === null ? text : false;
    },
    `„${query}“`,
  );
  const text = (await handle.jsonValue()) as string;
  const count = text.startsWith('Keine') ? 0 : Number(text.split(' ')[0]!.replace(/\./g, ''));
  expect(text).toBe(resultCountText(ui.search.messages, count, query));
  return count;
}

/** Nothing left the site and nothing went wrong in the page. */
const expectClean = (visit: Visit) => {
  expect(visit.foreignRequests(), 'requests to other origins').toEqual([]);
  expect(visit.errors, 'console and page errors').toEqual([]);
};

describeInBrowser('the search', () => {
  const site = useSite();

  it('finds a post with "Genossenschaft" when the reader types "Genossenschaften" (German stemming), and updates the address', async () => {
    const visit = await site.visit('/suche/');
    const { page } = visit;
    // The premise: the post says "Genossenschaft", never "Genossenschaften".
    const article = await (await page.request.get(STEMMED_POST)).text();
    expect(article).toContain('Genossenschaft');
    expect(article).not.toMatch(/Genossenschaften/);

    await searchbox(page).pressSequentially('Genossenschaften', { delay: 30 });
    const count = await announced(page, 'Genossenschaften');
    expect(count).toBeGreaterThan(1);
    expect(await resultLinks(page)).toHaveLength(Math.min(count, 10));
    expect(await resultLinks(page)).toContain(STEMMED_POST);
    // Its excerpt marks the word as it stands in the post.
    const hit = page.locator('[data-search-results] .result').filter({ has: page.locator(`a[href="${STEMMED_POST}"]`) });
    const marks = await hit.locator('.result-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^Genossenschaft\b/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Genossenschaften');
    // Pagefind came from this site: script, WebAssembly, index and fragments.
    const loaded = visit.requests.map((url) => new URL(url).pathname);
    expect(loaded).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/wasm.de.pagefind']));
    expect(loaded.some((path) => path.startsWith('/pagefind/index/'))).toBe(true);
    expect(loaded.some((path) => path.startsWith('/pagefind/fragment/'))).toBe(true);
    expectClean(visit);
  });

  it('shows the hits for ?q= on load: title as link, date and excerpt, and the link leads to the post', async () => {
    const visit = await site.visit('/suche/?q=Malware');
    const { page } = visit;
    expect(await searchbox(page).inputValue()).toBe('Malware');
    expect(await announced(page, 'Malware')).toBeGreaterThan(0);
    const first = page.locator('[data-search-results] .result').first();
    // The title match ranks first.
    expect((await first.locator('h2 a').textContent())?.trim()).toBe(MALWARE_POST.title);
    expect(await first.locator('h2 a').getAttribute('href')).toBe(MALWARE_POST.path);
    expect((await first.locator('.result-meta').textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${ui.search.messages.published} ${MALWARE_POST.date}`);
    expect(await first.locator('time').getAttribute('datetime')).toBe('2022-05-21');
    // "Malware" is in the post's title only, so the excerpt is its opening, without marks.
    expect((await first.locator('.result-excerpt').textContent())?.trim().length).toBeGreaterThan(50);
    await site.screenshot(page, 'search-results-malware');

    await Promise.all([page.waitForEvent('load'), first.locator('h2 a').click()]);
    expect(new URL(page.url()).pathname).toBe(MALWARE_POST.path);
    expect((await page.locator('h1').textContent())?.trim()).toBe(MALWARE_POST.title);
    expectClean(visit);
  });

  it('searches on Enter, says so when nothing is found, and clears the results and the address with the term', async () => {
    const visit = await site.visit('/suche/');
    const { page } = visit;
    await searchbox(page).fill('Backup');
    await searchbox(page).press('Enter');
    expect(await announced(page, 'Backup')).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname, 'no page load').toBe('/suche/');

    await searchbox(page).fill('Xylophonquartett');
    await searchbox(page).press('Enter');
    expect(await announced(page, 'Xylophonquartett')).toBe(0);
    expect(await resultLinks(page)).toEqual([]);
    expect(new URL(page.url()).search).toBe('?q=Xylophonquartett');

    await searchbox(page).fill('');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent === '' && location.search === '');
    expect(await resultLinks(page)).toEqual([]);
    expectClean(visit);
  });

  it('shows ten hits first, and "Weitere Treffer anzeigen" adds the rest and moves focus to the first new one', async () => {
    const visit = await site.visit('/suche/?q=und');
    const { page } = visit;
    const count = await announced(page, 'und');
    expect(count, 'a common word is in more than ten posts').toBeGreaterThan(10);
    expect(await resultLinks(page)).toHaveLength(10);
    const more = page.getByRole('button', { name: ui.search.messages.more });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] .result').length === n, count);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe((await resultLinks(page))[10]);
    expect(await more.isHidden(), 'no more hits to show').toBe(true);
    expectClean(visit);
  });

  it('orders by the date sort key when asked', async () => {
    const visit = await site.visit('/suche/');
    // A string, not a function: Vitest would rewrite a function's import() for Node.
    const dates = (await visit.page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search('Genossenschaft', { sort: { date: 'desc' } });
      return Promise.all(results.map(async (result) => (await result.data()).meta.date));
    })()`)) as string[];
    const keys = dates.map((date) => date.split('.').reverse().join('-'));
    expect(keys.length).toBeGreaterThan(1);
    expect(keys).toEqual([...keys].sort().reverse());
    expectClean(visit);
  });

  it('works under the site’s Content-Security-Policy: no inline script, WebAssembly allowed', async () => {
    const visit = await site.visit('/suche/');
    const { page, context } = visit;
    // Every response of the site gets the header Apache sends; then the page is opened afresh.
    await context.route(
      (url) => url.origin === site.origin,
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
      },
    );
    const reloaded = await page.goto('/suche/?q=Genossenschaft', { waitUntil: 'load' });
    expect(reloaded?.headers()['content-security-policy']).toBe(CSP);
    expect(await announced(page, 'Genossenschaft')).toBeGreaterThan(1);
    // A CSP violation is logged as a console error, so this also proves there was none.
    expectClean(visit);
  });

  it('offers the form, a hint and other ways to the posts without JavaScript', async () => {
    const visit = await site.visit('/suche/?q=Malware', { javaScriptEnabled: false });
    const { page } = visit;
    // Playwright's text search skips <noscript>, so the hint is found by its place in the markup.
    const hint = page.locator('main noscript p');
    expect(await hint.isVisible()).toBe(true);
    expect((await hint.innerText()).trim()).toBe(ui.search.noScript);
    expect(await page.locator('form[role="search"]').isVisible()).toBe(true);
    expect(await searchbox(page).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ui.search.submit }).isVisible()).toBe(true);
    for (const name of [ui.search.browseHome, ui.search.browseArchive, ui.search.browseTopics]) {
      expect(await page.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    expect(await resultLinks(page)).toEqual([]);
    expect(visit.requests.filter((url) => url.includes('/pagefind/')), 'no index without JavaScript').toEqual([]);
    await site.screenshot(page, 'search-no-javascript');
    // The form still submits, to the same page.
    await searchbox(page).fill('Backup');
    await Promise.all([page.waitForEvent('load'), searchbox(page).press('Enter')]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/suche/?q=Backup');
    expectClean(visit);
  });

  it.each([
    [390, 'light'],
    [390, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('has no axe violations with results shown at %i px in the %s scheme (and is photographed)', async (width, colorScheme) => {
    const visit = await site.visit('/suche/?q=Genossenschaft', { width, colorScheme });
    const { page } = visit;
    expect(await announced(page, 'Genossenschaft')).toBeGreaterThan(1);
    await site.screenshot(page, `search-results-${width}-${colorScheme}`);
    await page.addScriptTag({ path: AXE_SCRIPT });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    );
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
    expect(results.passes.length + results.incomplete.length + results.inapplicable.length).toBeGreaterThan(10);
    expectClean(visit);
  });
});
