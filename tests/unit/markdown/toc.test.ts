import { describe, expect, it } from 'vitest';
import { needsToc, tableOfContents } from '#lib/markdown/toc.ts';
import { createHeadingSlugger } from '#lib/markdown/heading-ids.ts';

describe('tableOfContents', () => {
  it('lists h2 and h3 with ids in order, from the headings render() reports', () => {
    const headings = [
      { depth: 1, slug: 'titel', text: 'Titel' },
      { depth: 2, slug: 'ueberblick', text: 'Überblick' },
      { depth: 3, slug: 'details', text: 'Die  Details' },
      { depth: 4, slug: 'tief', text: 'Tief' },
      { depth: 2, slug: '', text: 'Ohne Id' },
      { depth: 2, slug: 'leer', text: ' ' },
      { depth: 2, slug: 'schluss', text: 'Schluss' },
    ];
    expect(tableOfContents(headings)).toEqual([
      { depth: 2, id: 'ueberblick', text: 'Überblick' },
      { depth: 3, id: 'details', text: 'Die Details' },
      { depth: 2, id: 'schluss', text: 'Schluss' },
    ]);
  });
  it('is empty without headings', () => {
    expect(tableOfContents([])).toEqual([]);
  });
  it.each([
    [0, false],
    [2, false],
    [3, true],
  ])('%i headings → toc %s', (count, expected) => {
    expect(needsToc(Array.from({ length: count }, (_, i) => ({ depth: 2 as const, id: `h${i}`, text: 'T' })))).toBe(expected);
  });
});

describe('createHeadingSlugger', () => {
  it('makes German-safe, unique, stable anchors', () => {
    const slug = createHeadingSlugger();
    expect(['Über uns', 'Straße & Weg', 'Über uns', 'Über uns', '„…“'].map(slug)).toEqual([
      'ueber-uns',
      'strasse-und-weg',
      'ueber-uns-1',
      'ueber-uns-2',
      'abschnitt',
    ]);
  });
});
