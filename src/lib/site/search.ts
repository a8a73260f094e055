/**
 * Pure helpers of the search page's browser script (src/scripts/search.ts): no DOM, no Pagefind,
 * so they are unit-tested like the rest of src/lib/.
 */

/** The strings the search script shows, from `ui.search.messages` (handed over as JSON). */
export interface SearchMessages {
  none: string;
  one: string;
  many: string;
  error: string;
  published: string;
  more: string;
}

/** Replaces `{name}` placeholders with values; unknown placeholders stay as they are. */
export const fillTemplate = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));

/** The announcement after a search: "Keine Treffer für „…“", "1 Treffer …", "12 Treffer …". */
export function resultCountText(messages: Pick<SearchMessages, 'none' | 'one' | 'many'>, count: number, query: string): string {
  const template = count === 0 ? messages.none : count === 1 ? messages.one : messages.many;
  return fillTemplate(template, { count: count.toLocaleString('de-DE'), query });
}

/** A search term as typed, with surrounding and repeated whitespace removed. */
export const normalizeQuery = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** The search page's address for a term: `?q=…` set, or removed for an empty term; the hash is kept. */
export function searchPageUrl(current: string, query: string): string {
  const url = new URL(current);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `YYYY-MM-DD` for a German display date `DD.MM.YYYY` (for `<time datetime>`), else undefined. */
export function dayKeyOfGermanDate(date: string): string | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
}
