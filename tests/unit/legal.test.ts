import { describe, expect, it } from 'vitest';
import { isPlaceholder, placeholderPaths } from '../../src/lib/legal.ts';
import { site } from '../../src/site.ts';

describe('isPlaceholder', () => {
  it.each([
    ['[Platzhalter: PLZ]', true],
    ['  [Platzhalter]', true],
    ['Hostsharing eG', false],
    ['', false],
    ['Siehe [Platzhalter]', false],
  ])('%j → %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe('placeholderPaths', () => {
  it('names every placeholder in nested objects and lists, in order', () => {
    const legal = {
      name: 'Beispiel eG',
      address: { street: '[Platzhalter: Straße]', city: 'Musterstadt' },
      board: ['Erika Muster', '[Platzhalter: Vorstand 2]'],
      privacy: { logRetention: '[Platzhalter: Dauer]' },
    };
    expect(placeholderPaths(legal)).toEqual(['address.street', 'board.1', 'privacy.logRetention']);
  });

  it('finds nothing in filled-in data', () => {
    expect(placeholderPaths({ name: 'Beispiel eG', board: ['A', 'B'], count: 3 })).toEqual([]);
  });

  it('finds the placeholders the site still ships with, and never in the name', () => {
    const open = placeholderPaths(site.legal);
    expect(open).not.toContain('name');
    expect(open).toEqual(expect.arrayContaining(['address.street', 'registerNumber', 'editorialResponsible.name']));
  });
});
