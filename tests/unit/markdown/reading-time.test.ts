import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '#lib/markdown/reading-time.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Grüße aus Köln', 3],
    ['Die Hosting-Genossenschaft – seit 2000 – wächst.', 5],
    ['Straße, Maß & Fuß!', 3],
    ['„Zitat“ und ‚Zitat‘', 3],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [50, 1],
    [299, 1],
    [300, 2],
    [799, 4],
    [2000, 10],
  ])('%i words → %i min', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});
