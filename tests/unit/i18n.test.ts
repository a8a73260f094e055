import { describe, expect, it } from 'vitest';
import { postCount, ui } from '#src/i18n/de.ts';

describe('German counts of posts', () => {
  it.each([
    [0, undefined, '0 Beiträge'],
    [1, undefined, '1 Beitrag'],
    [1, 'Ein Beitrag', 'Ein Beitrag'],
    [2, 'Ein Beitrag', '2 Beiträge'],
    [1000, undefined, '1000 Beiträge'],
  ])('postCount(%i, %s) → %s', (count, one, text) => {
    expect(postCount(count, one)).toBe(text);
  });

  it.each([
    [ui.archive.lead(1), 'Ein Beitrag, nach Monaten geordnet.'],
    [ui.archive.lead(12), 'Alle 12 Beiträge, nach Monaten geordnet.'],
    [ui.topics.topicDescription('Sicherheit', 1), 'Ein Beitrag zum Thema Sicherheit.'],
    [ui.author.description('Redaktion', 3), '3 Beiträge von Redaktion im Blog.'],
    [ui.topics.count(1), '1 Beitrag'],
  ])('%s', (text, expected) => {
    expect(text).toBe(expected);
  });
});
