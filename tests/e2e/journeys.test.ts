import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ui } from '#src/i18n/de.ts';
import { describeInBrowser, useSite, type Visit } from './harness.ts';

/** Text as a reader gets it, whitespace collapsed. */
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Path of the current URL. */
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Nothing left the site and nothing went wrong in the page during the journey. */
const expectClean = (visit: Visit) => {
  expect(visit.foreignRequests(), 'requests to other origins').toEqual([]);
  expect(visit.errors, 'console and page errors').toEqual([]);
};

/** Follows a link and waits for the page it leads to. */
async function follow(page: Page, link: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

/** Index page state: the pager's current page number and what the pager offers. */
async function pagerState(page: Page) {
  const pager = page.getByRole('navigation', { name: ui.pager.label });
  const current = pager.locator('a[aria-current="page"]');
  return {
    currentCount: await current.count(),
    currentText: ((await current.first().textContent()) ?? '').trim(),
    currentHref: await current.first().getAttribute('href'),
    numbers: await pager.locator('a[aria-label]').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    newer: pager.getByRole('link', { name: ui.pager.newer }),
    older: pager.getByRole('link', { name: ui.pager.older }),
    position: ((await pager.locator('.position').textContent()) ?? '').trim(),
  };
}

describeInBrowser('a reader', () => {
  const site = useSite();

  it('goes from the overview to each article with "Weiterlesen" and back', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    const readMore = page.locator('main article').getByRole('link', { name: new RegExp(`^${ui.blog.readMore}`) });
    const count = await readMore.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const title = await text(page, `main article:nth-of-type(${i + 1}) h2`);
      await follow(page, readMore.nth(i));
      expect(pathOf(page)).toMatch(/^\/blog\/\d{4}\/[a-z0-9-]+\/$/);
      expect(await text(page, 'h1')).toBe(title);
      await page.goBack({ waitUntil: 'load' });
      expect(pathOf(page)).toBe('/');
      expect(await text(page, 'h1')).toBe(ui.blog.title);
    }
    // The article's own way back leads to the overview too.
    await follow(page, readMore.first());
    await follow(page, page.getByRole('link', { name: ui.article.overview }));
    expect(pathOf(page)).toBe('/');
    expectClean(visit);
  });

  it('walks every index page with the pager, older and newer, and by page number', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    const first = await pagerState(page);
    const total = first.numbers.length;
    expect(total, 'the seed content fills more than one index page').toBeGreaterThan(1);

    const visited: string[] = [];
    const titles: string[] = [];
    for (let n = 1; ; n++) {
      const state = await pagerState(page);
      visited.push(pathOf(page));
      titles.push(...(await page.locator('main article h2').allTextContents()).map((t) => t.trim()));
      expect(state.currentCount, `one current page on ${pathOf(page)}`).toBe(1);
      expect(state.currentText).toBe(String(n));
      expect(state.currentHref).toBe(pathOf(page));
      expect(state.position).toBe(ui.pager.position(n, total));
      expect(await state.newer.count(), `"${ui.pager.newer}" on page ${n}`).toBe(n === 1 ? 0 : 1);
      if (n > 1) expect(await text(page, 'h1')).toContain(ui.pager.position(n, total));
      if ((await state.older.count()) === 0) break;
      await follow(page, state.older);
    }
    expect(visited).toEqual(first.numbers);
    expect(new Set(titles).size, 'no post on two index pages').toBe(titles.length);

    for (let n = total; n > 1; n--) {
      await follow(page, (await pagerState(page)).newer);
      expect(pathOf(page)).toBe(visited[n - 2]);
    }
    for (const [i, path] of visited.entries()) {
      await follow(page, page.getByRole('navigation', { name: ui.pager.label }).getByRole('link', { name: ui.pager.page(i + 1), exact: true }));
      expect(pathOf(page)).toBe(path);
      expect((await pagerState(page)).currentText).toBe(String(i + 1));
    }
    expectClean(visit);
  });

  it('reads every article in index order with "Vorheriger Beitrag" and back with "Nächster Beitrag"', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    const indexTitles: string[] = [];
    for (;;) {
      indexTitles.push(...(await page.locator('main article h2').allTextContents()).map((t) => t.trim()));
      const older = (await pagerState(page)).older;
      if ((await older.count()) === 0) break;
      await follow(page, older);
    }

    await page.goto('/');
    await follow(page, page.locator('main article h2 a').first());
    const nav = page.getByRole('navigation', { name: ui.article.navLabel });
    const chain = [await text(page, 'h1')];
    expect(await nav.locator('a[rel="next"]').count(), 'the newest article has no next one').toBe(0);
    while ((await nav.locator('a[rel="prev"]').count()) > 0) {
      const link = nav.locator('a[rel="prev"]');
      expect(await text(page, '.article-nav .older .label')).toBe(ui.article.previous);
      const linkText = ((await link.textContent()) ?? '').trim();
      await follow(page, link);
      chain.push(await text(page, 'h1'));
      expect(chain.at(-1)).toBe(linkText);
      expect(chain.length, 'the chain of previous articles ends').toBeLessThanOrEqual(indexTitles.length);
    }
    expect(chain).toEqual(indexTitles);

    const back = [chain.at(-1)];
    while ((await nav.locator('a[rel="next"]').count()) > 0) {
      expect(await text(page, '.article-nav .newer .label')).toBe(ui.article.next);
      await follow(page, nav.locator('a[rel="next"]'));
      back.push(await text(page, 'h1'));
      expect(back.length).toBeLessThanOrEqual(indexTitles.length);
    }
    expect(back).toEqual([...indexTitles].reverse());
    expectClean(visit);
  });

  it('finds the RSS feed from the header, served as XML', async () => {
    const visit = await site.visit('/');
    const href = await visit.page.getByRole('navigation', { name: ui.nav.label }).getByRole('link', { name: ui.nav.feed }).getAttribute('href');
    expect(href).toBe('/rss.xml');
    const response = await visit.page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/xml/);
    expect(await response.text()).toMatch(/^<\?xml[^>]*\?>\s*<rss /);
    expectClean(visit);
  });

  it('gets a German 404 page with a way back for an unknown address', async () => {
    const visit = await site.visit('/blog/2022/gibt-es-nicht/');
    const { page, response } = visit;
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await text(page, 'h1')).toBe(ui.notFound.title);
    expect(await text(page, 'main')).toContain(ui.notFound.lead);
    expect(await page.title()).toContain(ui.notFound.title);
    await follow(page, page.locator('main').getByRole('link', { name: ui.notFound.home }));
    expect(pathOf(page)).toBe('/');
    expect(await text(page, 'h1')).toBe(ui.blog.title);
    expectClean(visit);
  });
});
