import { describe, expect, it } from 'vitest';
import { plainSummary } from '#lib/markdown/summary.ts';

describe('plainSummary', () => {
  it.each([
    ['<p>Kurz und <em>gut</em>.</p>', 160, 'Kurz und gut.'],
    ['<p>Eins</p>\n<p>Zwei</p>', 160, 'Eins Zwei'],
    ['', 160, ''],
    ['<p>Größere Speicherpakete für Mitglieder der Genossenschaft</p>', 30, 'Größere Speicherpakete für…'],
    ['<p>Wort, Wort – Wort</p>', 12, 'Wort, Wort…'],
    ['<p>Donaudampfschifffahrtsgesellschaftskapitän</p>', 10, 'Donaudamp…'],
    ['<p>A &amp; B „Zitat“</p>', 160, 'A & B „Zitat“'],
  ])('%j (max %i) → %j', (html, max, expected) => {
    const summary = plainSummary(html, max);
    expect(summary).toBe(expected);
    expect(summary.length).toBeLessThanOrEqual(max);
  });
});
