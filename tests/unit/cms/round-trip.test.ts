import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { readOnlyReasons } from '#lib/cms/editable.ts';
import { readPostFile, writePostFile } from '#lib/cms/post-file.ts';
import { listFiles } from '#lib/content/files.ts';
import { parseMdx, type MdxNode } from '#lib/markdown/parse.ts';
import { rewriteBody } from './decap-markdown.ts';

// The web editor's promise: a post it opens for editing comes back, after any change, as the same
// MDX (the same tree: text, marks, links, headings, lists, code, notes, pictures, the marker),
// and one it could not keep that way opens read-only. Held on every post of content/ and on the
// benchmark's corpus, with Decap's own reader and writer.

const ROOT = join(import.meta.dirname, '../../..');
const BLOG = join(ROOT, 'content/blog');

/** The MDX tree without positions: what the site renders from. */
function shape(node: MdxNode): unknown {
  const { position: _position, children, ...rest } = node;
  return { ...rest, ...(children === undefined ? {} : { children: children.map(shape) }) };
}

const treeOf = (body: string): unknown => {
  const parsed = parseMdx(body);
  if (parsed.tree === undefined) throw new Error(`parses not: ${String(parsed.error)}`);
  return shape(parsed.tree);
};

const contentPosts = listFiles(BLOG)
  .filter((path) => path.endsWith('.mdx'))
  .map((path) => ({ name: path, source: readFileSync(join(BLOG, path), 'utf8') }));
const corpusPosts = generateCorpus(300).map((post) => ({ name: post.path, source: post.source }));

describe.each([
  ['content/blog', contentPosts],
  ['the benchmark corpus', corpusPosts],
])('every post of %s', (_, posts) => {
  it.each(posts.map((post) => [post.name, post.source]))('%s: the rich text keeps the MDX tree, or the body opens read-only', (_, source) => {
    const { body = '' } = readPostFile(source);
    if (readOnlyReasons(body).length > 0) return;
    const rewritten = rewriteBody(body);
    expect(treeOf(rewritten)).toEqual(treeOf(body));
    // Written once, the text is stable: a second edit changes nothing else.
    expect(rewriteBody(rewritten)).toBe(rewritten);
  });

  it('opens most posts for editing', () => {
    const editable = posts.filter((post) => readOnlyReasons(readPostFile(post.source).body ?? '').length === 0);
    expect(editable.length).toBeGreaterThan(posts.length * 0.9);
  });

  it.each(posts.map((post) => [post.name, post.source]))('%s: saved unchanged, the file reads back the same', (_, source) => {
    const data = readPostFile(source);
    expect(readPostFile(writePostFile(data))).toEqual(data);
  });
});

describe('bodies that test the edges', () => {
  it.each([
    ['braces and angle brackets typed as text', 'a < b, {x} und \\{y\\}'],
    ['a code span with braces', 'Ein [Link](/blog/2022/x/) und `code {x}`'],
    ['soft line breaks', 'Zeile eins\nZeile zwei'],
    ['hard line breaks', 'Hart  \numbruch und a\\\nb'],
    ['emphasis with underscores', '_unter_ und __fett__'],
    ['a list with a continued item', '1. a\n2. b\n\n   weiter'],
    ['a note whose title has single quotes', "<Note title=\"Er sagt 'hi'\">\n\nInhalt *kursiv*\n\n</Note>"],
    ['a note whose title has double quotes', "<Note title='Das \"Wir\"'>\n\nInhalt\n\n</Note>"],
    ['a picture with braces in its alt text', '![Alt {x}](./a.png)'],
    ['entities', 'Text mit &amp; und &nbsp;'],
    ['an indented line', 'Text\n\n    eingerückt\n\nweiter'],
    ['a rule', 'oben\n\n***\n\nunten'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['HTML', 'Text <b>fett</b>'],
    ['a component', '<Note>\n\nText\n\n</Note>\n\n<Karte />'],
  ])('%s: kept, or opened read-only', (_, body) => {
    if (readOnlyReasons(body).length > 0) return;
    const rewritten = rewriteBody(body);
    expect(treeOf(rewritten)).toEqual(treeOf(body));
    expect(rewriteBody(rewritten)).toBe(rewritten);
  });

  it.each([
    ['an indented line', 'Text\n\n    eingerückt', 'eine eingerückte Zeile (vier Leerzeichen oder Tabulator)'],
    ['a rule', 'oben\n\n---\n\nunten', 'eine Trennlinie (---)'],
    ['a table', '| a | b |\n| - | - |', 'eine Tabelle'],
    ['HTML', 'Text <b>fett</b>', 'HTML'],
    ['an expression', 'Es sind {1 + 1}', 'ein Ausdruck in geschweiften Klammern'],
    ['another component', '<Karte />', 'eine Komponente außer <Note>'],
  ])('%s opens read-only, and says why', (_, body, reason) => {
    expect(readOnlyReasons(body)).toContain(reason);
  });

  it.each([
    ['plain text', 'Nur Text mit *Betonung*.'],
    ['escaped braces the editor wrote', 'a \\{x\\} und b \\< c'],
    ['the marker and a note', 'Teaser\n\n{/* more */}\n\n<Note title="Gut zu wissen">\n\nText\n\n</Note>'],
    ['code with braces', '```js\nconst a = { b: 1 };\n```'],
  ])('%s opens for editing', (_, body) => {
    expect(readOnlyReasons(body)).toEqual([]);
  });

  it('writes typed braces and angle brackets as text, and lists with -', () => {
    expect(rewriteBody('a < b {x}\n\n* eins\n* zwei')).toBe('a \\< b \\{x\\}\n\n- eins\n- zwei');
  });
});
