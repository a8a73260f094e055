/**
 * The search page's script (the only script of the site): searches the Pagefind index written by
 * scripts/lib/search-index.ts with Pagefind's JS API and renders the hits in our own German
 * markup. Bundled by Astro into a file under /_astro/, never inline: the Content-Security-Policy
 * allows script files from 'self' only.
 */
import { dayKeyOfGermanDate, normalizeQuery, resultCountText, searchPageUrl, type SearchMessages } from '#lib/site/search.ts';

/** What this script uses of Pagefind's JS API (`/pagefind/pagefind.js`, see pagefind.app/docs/api/). */
interface PagefindResultData {
  url: string;
  /** Safe HTML: entities encoded, hits wrapped in `<mark>`. */
  excerpt: string;
  meta: Partial<Record<string, string>>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

/** Where the build writes Pagefind's script; a variable, so Vite leaves the import to the browser. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Pause after the last keystroke before searching. */
const DEBOUNCE_MS = 250;
/** Hits rendered at once; "Weitere Treffer anzeigen" adds as many again. */
const PAGE_SIZE = 10;

let pagefind: Promise<Pagefind> | undefined;
/** Loads and initialises Pagefind once (on focus, so the index is ready when the reader types). */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (api) => {
    await api.options({ excerptLength: 24, excerptEllipsis: '…' });
    await api.init();
    return api;
  });
  // A failed load (offline, index missing) may be retried by the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One hit: title as link, date, excerpt. */
function renderResult(data: PagefindResultData, messages: SearchMessages): HTMLLIElement {
  const item = element('li', 'result');
  const heading = element('h2', 'result-title');
  const link = element('a', undefined, data.meta['title'] ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const date = data.meta['date'];
  if (date) {
    const meta = element('p', 'result-meta', `${messages.published} `);
    const time = element('time', undefined, date);
    const dayKey = dayKeyOfGermanDate(date);
    if (dayKey) time.dateTime = dayKey;
    meta.append(time);
    item.append(meta);
  }
  const excerpt = element('p', 'result-excerpt');
  // Pagefind encodes the page text's entities and adds only <mark> elements.
  excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}

function setUp(root: HTMLElement): void {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !status || !list || !more) return;
  const messages = JSON.parse(root.dataset['searchMessages'] ?? '{}') as SearchMessages;

  /** Counts searches, so a slow answer to an older term never overwrites a newer one. */
  let generation = 0;
  let pending: PagefindResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const showMore = async (moveFocus: boolean) => {
    const current = generation;
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(batch.length);
    more.hidden = pending.length === 0;
    const data = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    const items = data.map((hit) => renderResult(hit, messages));
    list.append(...items);
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  };

  const run = async (raw: string) => {
    clearTimeout(timer);
    const query = normalizeQuery(raw);
    const current = ++generation;
    history.replaceState(history.state, '', searchPageUrl(location.href, query));
    if (query === '') {
      pending = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const { results } = await (await loadPagefind()).search(query);
      if (current !== generation) return;
      pending = results;
      list.replaceChildren();
      await showMore(false);
      if (current !== generation) return;
      status.textContent = resultCountText(messages, results.length, query);
    } catch {
      if (current !== generation) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = messages.error;
    } finally {
      if (current === generation) list.removeAttribute('aria-busy');
    }
  };

  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  more.addEventListener('click', () => void showMore(true));

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (normalizeQuery(initial) !== '') {
    input.value = initial;
    void run(initial);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) setUp(root);
