import { describe, expect, it } from 'vitest';
import { MTIME_LEEWAY_MS, isUsedSince } from '#src/integration/social-image-cache.ts';
import { socialCardKey } from '#lib/social-image/cache-key.ts';
import type { SocialCard } from '#lib/social-image/card.ts';

const card: SocialCard = {
  label: 'Hostsharing Blog',
  title: 'Größere Speicherpakete für Mitglieder',
  footerStart: '12.08.2022',
  footerEnd: 'hostsharing.net',
};
const renderer = 'fonts and libraries';

describe('socialCardKey', () => {
  it('is the same for the same card, however its object was built', () => {
    const reordered: SocialCard = { footerEnd: card.footerEnd, footerStart: card.footerStart, title: card.title, label: card.label };
    expect(socialCardKey(card, renderer)).toMatch(/^[0-9a-f]{64}$/);
    expect(socialCardKey({ ...card }, renderer)).toBe(socialCardKey(card, renderer));
    expect(socialCardKey(reordered, renderer)).toBe(socialCardKey(card, renderer));
    expect(socialCardKey({ ...card, lead: undefined }, renderer)).toBe(socialCardKey(card, renderer));
  });

  it.each<[string, SocialCard]>([
    ['label', { ...card, label: 'Hostsharing eG' }],
    ['title', { ...card, title: 'Größere Speicherpakete für Mitglieder!' }],
    ['title (one letter)', { ...card, title: 'Grössere Speicherpakete für Mitglieder' }],
    ['lead added', { ...card, lead: 'Neuigkeiten' }],
    ['lead empty', { ...card, lead: '' }],
    ['footerStart', { ...card, footerStart: '13.08.2022' }],
    ['footerEnd', { ...card, footerEnd: 'example.org' }],
    ['text moved between fields', { ...card, footerStart: card.footerEnd, footerEnd: card.footerStart }],
  ])('changes with the %s', (_, changed) => {
    expect(socialCardKey(changed, renderer)).not.toBe(socialCardKey(card, renderer));
  });

  it('changes with the renderer (fonts, libraries) and the layout version', () => {
    expect(socialCardKey(card, 'other fonts')).not.toBe(socialCardKey(card, renderer));
    expect(socialCardKey(card, renderer, 2)).not.toBe(socialCardKey(card, renderer, 1));
  });
});

describe('isUsedSince', () => {
  const start = 1_700_000_000_000;
  it.each([
    ['written during the build', start + 5_000, true],
    ['touched just after the start', start, true],
    ['on a file system with whole seconds', start - 999, true],
    ['last used by an earlier build', start - MTIME_LEEWAY_MS - 1, false],
    ['a day old', start - 86_400_000, false],
  ])('%s → %s', (_, mtime, expected) => {
    expect(isUsedSince(start, mtime)).toBe(expected);
  });
});
