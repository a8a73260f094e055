import { describe, expect, it } from 'vitest';
import { unknownAuthor } from '#lib/checks/fields.ts';
import { formatProblem } from '#lib/checks/problem.ts';

describe('unknownAuthor', () => {
  const ids = new Set(['redaktion', 'michael-hierweck']);
  it.each([
    [undefined, []],
    ['redaktion', []],
    ['niemand', ['post.mdx: author: unbekannte Person „niemand“; erwartet wird eine Kennung aus content/authors/ (michael-hierweck, redaktion)']],
  ])('%s', (author, expected) => {
    expect(unknownAuthor('post.mdx', author, ids).map(formatProblem)).toEqual(expected);
  });
});
