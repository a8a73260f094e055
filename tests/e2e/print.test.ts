import { expect, it } from 'vitest';
import { describeInBrowser, useSite } from './harness.ts';

describeInBrowser('a printed article', () => {
  const site = useSite();

  it('shows the text without navigation, and where the links in the text lead', async () => {
    const { page } = await site.visit('/blog/2022/gemeinsam-gegen-malware/');
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header nav', '.site-footer', '.article-nav', '.skip-link'].map((selector) => {
        const element = document.querySelector(selector);
        return element === null ? `${selector} missing` : getComputedStyle(element).display;
      }),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none']);
    const title = await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).display);
    expect(title).not.toBe('none');
    const linkTargets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('main .prose a[href]:not([href^="#"])')].map((a) => ({
        href: a.getAttribute('href'),
        after: getComputedStyle(a, '::after').content,
      })),
    );
    expect(linkTargets.length).toBeGreaterThan(0);
    for (const { href, after } of linkTargets) expect(after).toBe(`" (${href})"`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
