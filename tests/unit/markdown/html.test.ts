import { describe, expect, it } from 'vitest';
import { detached, parsedHtml } from '#lib/markdown/html.ts';

// That the copy no longer points into its source is V8's business and not visible to JavaScript
// (checked by hand with %DebugPrint: SEQ_ instead of SLICED_ string); this checks it is lossless.
describe('detached', () => {
  it.each([
    ['', 'empty'],
    ['Genossenschaft', 'ASCII'],
    ['Größe „Zitat“ – 🙂', 'umlauts, German quotes, emoji'],
    ['ab\uD800cd', 'a lone surrogate, which a UTF-8 round trip would turn into U+FFFD'],
  ])('returns %j unchanged (%s)', (text) => {
    const source = `${'x'.repeat(10_000)}${text}${'y'.repeat(100)}`;
    const cut = source.slice(10_000, 10_000 + text.length);
    expect(detached(cut)).toBe(text);
    expect(detached(cut).length).toBe(text.length);
  });
});

describe('parsedHtml', () => {
  it('parses a string, and passes a parsed tree through unchanged', () => {
    const root = parsedHtml('<p>Hallo <em>Welt</em></p>');
    expect(root.querySelector('em')?.textContent).toBe('Welt');
    expect(parsedHtml(root)).toBe(root);
  });
});
