import { describe, expect, it } from 'vitest';
import { ui } from '#src/i18n/de.ts';
import { dayKeyOfGermanDate, fillTemplate, normalizeQuery, resultCountText, searchPageUrl } from '#lib/site/search.ts';

describe('fillTemplate', () => {
  it.each([
    ['{count} Treffer für „{query}“', { count: 3, query: 'Genossenschaft' }, '3 Treffer für „Genossenschaft“'],
    ['ohne Platzhalter', { count: 1 }, 'ohne Platzhalter'],
    ['{unbekannt} bleibt', { query: 'x' }, '{unbekannt} bleibt'],
    ['{query} und {query}', { query: 'Öl' }, 'Öl und Öl'],
    ['{query}', { query: '$& $1' }, '$& $1'],
  ])('%j with %j → %j', (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });
});

describe('resultCountText with the German strings', () => {
  it.each([
    [0, 'Malware', 'Keine Treffer für „Malware“. Versuchen Sie einen anderen oder kürzeren Begriff.'],
    [1, 'Malware', '1 Treffer für „Malware“'],
    [3, 'Genossenschaft', '3 Treffer für „Genossenschaft“'],
    [1234, 'Straße', '1.234 Treffer für „Straße“'],
  ])('%i hits for %j → %j', (count, query, expected) => {
    expect(resultCountText(ui.search.messages, count, query)).toBe(expected);
  });
});

describe('normalizeQuery', () => {
  it.each([
    ['  Genossenschaft  ', 'Genossenschaft'],
    ['Open \t  Source', 'Open Source'],
    ['   ', ''],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(normalizeQuery(value)).toBe(expected);
  });
});

describe('searchPageUrl', () => {
  it.each([
    ['https://example.org/suche/', 'Malware', '/suche/?q=Malware'],
    ['https://example.org/suche/?q=alt', 'Größe & Straße', '/suche/?q=Gr%C3%B6%C3%9Fe+%26+Stra%C3%9Fe'],
    ['https://example.org/suche/?q=alt#inhalt', '', '/suche/#inhalt'],
    ['https://example.org/suche/?x=1', 'Backup', '/suche/?x=1&q=Backup'],
  ])('%s with %j → %s', (current, query, expected) => {
    expect(searchPageUrl(current, query)).toBe(expected);
    if (query) expect(new URL(expected, 'https://example.org').searchParams.get('q')).toBe(query);
  });
});

describe('dayKeyOfGermanDate', () => {
  it.each([
    ['12.08.2022', '2022-08-12'],
    [' 01.01.2020 ', '2020-01-01'],
    ['2022-08-12', undefined],
    ['', undefined],
    ['1.8.2022', undefined],
  ])('%j → %j', (date, expected) => {
    expect(dayKeyOfGermanDate(date)).toBe(expected);
  });
});
