import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ui } from '#src/i18n/de.ts';
import { editorPaths } from '#lib/site/routes.ts';
import { SEARCH_INDEX_DIR } from '../../scripts/lib/search-index.ts';
import { parseHtml } from '#lib/markdown/html.ts';
import { ROOT, TMP, assertBuilt, buildSite, contentPages, htmlPages, isRedirectPage, listFiles, readPage, textOf } from './helpers.ts';

/** A post dated far ahead: scheduled, so never built and never indexed. Its words are unique. */
const SCHEDULED = {
  file: 'geplant-fuer-spaeter.mdx',
  title: 'Zeitkapselbeitrag für später',
  word: 'zeitkapselbeitrag',
  body: '---\ntitle: "Zeitkapselbeitrag für später"\ndate: 2099-01-01\n---\n\nDer Zeitkapselbeitrag erscheint erst 2099.\n',
};
/** The draft in content/blog and words only it contains. */
const DRAFT = { file: 'entwurf-jahresrueckblick.mdx', words: ['jahresrückblick', 'zurückzuschauen', 'gliederung'] };

let outDir = '';
let pagefindDir = '';

/** Pagefind's data files are gzip with a `pagefind_dcd` signature in front of the payload. */
const unpack = (file: string): Buffer => {
  const data = gunzipSync(readFileSync(file));
  expect(data.subarray(0, 12).toString(), file).toBe('pagefind_dcd');
  return data.subarray(12);
};

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}
const fragments = (): Fragment[] =>
  readdirSync(join(pagefindDir, 'fragment')).map((name) => JSON.parse(unpack(join(pagefindDir, 'fragment', name)).toString('utf8')) as Fragment);

/** Every word of the index chunks, as stored (lower case, stemmed). */
const indexText = (): string =>
  readdirSync(join(pagefindDir, 'index'))
    .map((name) => unpack(join(pagefindDir, 'index', name)).toString('utf8'))
    .join('\n');

const articlePaths = () => contentPages(outDir).filter((path) => /^\/blog\/\d{4}\/[^/]+\/$/.test(path));

beforeAll(async () => {
  // The real posts plus one scheduled post; the real content already has a draft.
  const contentDir = join(TMP, 'search-content');
  rmSync(contentDir, { recursive: true, force: true });
  cpSync(join(ROOT, 'content/blog'), contentDir, { recursive: true });
  writeFileSync(join(contentDir, SCHEDULED.file), SCHEDULED.body);
  const result = await buildSite('search', { contentDir });
  assertBuilt(result);
  outDir = result.outDir;
  pagefindDir = join(outDir, SEARCH_INDEX_DIR);
});

describe('the search index', () => {
  it('is written as one German index with Pagefind’s script, worker and WebAssembly', () => {
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number; wasm: string }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['de']);
    expect(entry.languages['de']!.wasm).toBe('de');
    expect(entry.languages['de']!.page_count).toBe(articlePaths().length);
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'wasm.de.pagefind']) {
      expect(existsSync(join(pagefindDir, file)), file).toBe(true);
    }
  });

  it('holds exactly the article pages, each with its title and German date', () => {
    const all = fragments();
    expect(all.map((fragment) => fragment.url).sort()).toEqual(articlePaths().sort());
    for (const fragment of all) {
      const page = readPage(outDir, fragment.url);
      expect(fragment.meta['title'], fragment.url).toBe(textOf(page.querySelector('h1')));
      const time = page.querySelector('article .byline time');
      expect(fragment.meta['date'], fragment.url).toBe(textOf(time));
      expect(fragment.meta['date'], fragment.url).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      // The sort key is the same day, sortable.
      expect(page.querySelector('article')?.getAttribute('data-pagefind-sort'), fragment.url).toBe(`date:${time?.getAttribute('datetime')}`);
      // Only the body: no byline, no navigation, no footer in the indexed text.
      expect(fragment.content, fragment.url).not.toContain(ui.blog.published);
      expect(fragment.content, fragment.url).not.toContain(ui.article.previous);
      expect(fragment.content.length, fragment.url).toBeGreaterThan(200);
    }
  });

  it('leaves out redirect pages, index pages, legal pages, the 404 page and the search page', () => {
    const urls = new Set(fragments().map((fragment) => fragment.url));
    const articles = new Set(articlePaths());
    const others = htmlPages(outDir).filter((path) => !articles.has(path));
    expect(others).toEqual(expect.arrayContaining(['/', '/suche/', '/impressum/', '/404']));
    expect(others.some((path) => isRedirectPage(readPage(outDir, path))), 'the content has alias redirect pages').toBe(true);
    for (const path of others) expect(urls.has(path), path).toBe(false);
  });

  it('never contains drafts or scheduled posts', () => {
    expect(readFileSync(join(ROOT, 'content/blog', DRAFT.file), 'utf8')).toMatch(/^draft:\s*true/m);
    const words = indexText();
    const texts = fragments().map((fragment) => `${fragment.meta['title']} ${fragment.content}`.toLowerCase());
    for (const word of [...DRAFT.words, SCHEDULED.word]) {
      expect(words, word).not.toContain(word);
      for (const text of texts) expect(text).not.toContain(word);
    }
    expect(fragments().some((fragment) => fragment.meta['title'] === SCHEDULED.title)).toBe(false);
  });

  it('stems German words: only stems are stored ("Genossenschaften" → "genossenschaft", "…wesen" → "…wes")', () => {
    const words = indexText();
    expect(words).toContain('genossenschaft');
    expect(words).not.toContain('genossenschaften');
    expect(words).toContain('genossenschaftswes');
    expect(words).not.toContain('genossenschaftswesen');
  });

  it('ships no unused Pagefind UI, and is precompressed where that helps', () => {
    const files = listFiles(pagefindDir);
    expect(files.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
    // The search index is written before the precompression (scripts/lib/finish-site.ts), so
    // Pagefind's script gets siblings …
    expect(files).toEqual(expect.arrayContaining(['pagefind.js.br', 'pagefind.js.gz']));
    // … but its data files, gzip-compressed by Pagefind already, get none.
    expect(files.filter((file) => /\.(pf_\w+|pagefind)\.(br|gz)$/.test(file))).toEqual([]);
  });
});

describe('the search page', () => {
  it('is the only page for readers with a script, and that script is a file of the site', () => {
    // JSON-LD (<script type="application/ld+json">) is data that never runs, so it does not count.
    // The web editor (/admin/) is for editors, not readers (tests/build/site.test.ts).
    const code = 'script:not([type="application/ld+json"])';
    const withScript = htmlPages(outDir).filter((path) => readPage(outDir, path).querySelectorAll(code).length > 0);
    expect(withScript.sort()).toEqual([editorPaths.page, '/suche/']);
    const scripts = readPage(outDir, '/suche/').querySelectorAll(code);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('module');
    expect(scripts[0]!.getAttribute('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(textOf(scripts[0]), 'no inline code').toBe('');
  });

  it('offers a search form, a hint and other ways to the posts without JavaScript', () => {
    const page = readPage(outDir, '/suche/');
    const form = page.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/suche/');
    expect(form?.getAttribute('method')).toBe('get');
    const input = form?.querySelector('input[type="search"][name="q"]');
    const id = input?.getAttribute('id');
    expect(id).toBeTruthy();
    expect(textOf(form?.querySelector(`label[for="${id}"]`))).toBe(ui.search.label);
    expect(textOf(form?.querySelector('button[type="submit"]'))).toBe(ui.search.submit);
    // Parsed like a browser with scripting on: <noscript> holds raw markup, parsed here on its own.
    const hint = parseHtml(page.querySelector('main noscript')?.textContent ?? '');
    expect(textOf(hint.querySelector('p'))).toBe(ui.search.noScript);
    const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/', '/archiv/', '/themen/']));
    const messages = JSON.parse(page.querySelector('[data-search-messages]')!.getAttribute('data-search-messages')!) as unknown;
    expect(messages).toEqual(ui.search.messages);
  });

  it('is linked from the header of every page', () => {
    for (const path of contentPages(outDir)) {
      const nav = readPage(outDir, path).querySelector(`header nav[aria-label="${ui.nav.label}"]`);
      expect(nav?.querySelector('a[href="/suche/"]')?.textContent, path).toBe(ui.nav.search);
    }
  });
});
