import { describe, expect, it } from 'vitest';
import { forgetMarkdownPlans, plainMarkdownFor, plainMarkdownSource, rememberMarkdownPlan } from '#lib/markdown/plain-markdown.ts';
import { parseMdx } from '#lib/markdown/parse.ts';
import { MARKDOWN_TEASER_MARKER } from '#lib/markdown/teaser-marker.ts';
import { noteOpening } from '#lib/markdown/note.ts';

const teaser = 'Grüße aus Köln – „Zitat“ mit [Link](/blog/) und *Betonung*.';

describe('plainMarkdownSource', () => {
  it('turns a post that uses nothing of MDX into Markdown, the marker written as an HTML comment', () => {
    const body = `${teaser}\n\n{/* more */}\n\n## Weiter\n\n- eins\n- zwei\n\n> Zitat\n\n\`\`\`ts\nconst a = { b: 1 };\n\`\`\`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`;
    expect(plainMarkdownSource(body)).toBe(body.replace('{/* more */}', MARKDOWN_TEASER_MARKER));
  });

  it('keeps a body without marker as it is', () => {
    expect(plainMarkdownSource(`${teaser}\n\nZweiter Absatz.\n`)).toBe(`${teaser}\n\nZweiter Absatz.\n`);
  });

  it.each([
    ['a component other than Note', `${teaser}\n\n<Kasten title="Hinweis">\n\nText\n\n</Kasten>\n`],
    ['a Note with a title from an expression', `<Note title={'Hinweis'}>\n\nText\n\n</Note>\n`],
    ['a Note with another attribute', `<Note title="Hinweis" id="x">\n\nText\n\n</Note>\n`],
    ['an empty Note', `${teaser}\n\n<Note title="Hinweis"></Note>\n`],
    ['a Note holding an image', `<Note>\n\n![Diagramm](./diagramm.png)\n\n</Note>\n`],
    ['an inline component', `Text mit <abbr title="Genossenschaft">eG</abbr>.\n`],
    ['an image', `${teaser}\n\n![Diagramm](./diagramm.png)\n`],
    ['an image reference', `![Diagramm][d]\n\n[d]: ./diagramm.png\n`],
    ['an expression', `Im Jahr {2020 + 2}.\n`],
    ['another comment', `${teaser}\n\n{/* Notiz der Redaktion */}\n`],
    ['an import', `import X from './x.ts';\n\n${teaser}\n`],
    ['an indented code block, which Markdown reads as code and MDX as text', `${teaser}\n\n    eingerückt\n`],
    ['a leading thematic break, which Markdown would read as frontmatter', `---\n\n${teaser}\n`],
    ['an MDX syntax error', `Text mit <kaputt\n`],
  ])('leaves a post with %s to MDX', (_, body) => {
    expect(plainMarkdownSource(body)).toBeUndefined();
  });

  it('writes a <Note> as the HTML of Note.astro around its Markdown, the title escaped', () => {
    const body = `${teaser}\n\n{/* more */}\n\n<Note title="Tipps & „Tricks“ <neu>">\n\n**Fett** und [Link](/).\n\n- eins\n\n</Note>\n\nDanach.\n`;
    expect(plainMarkdownSource(body)).toBe(
      `${teaser}\n\n${MARKDOWN_TEASER_MARKER}\n\n` +
        `<aside class="note" aria-label="Tipps &amp; „Tricks“ &lt;neu&gt;"><p class="note-title">Tipps &amp; „Tricks“ &lt;neu&gt;</p>\n\n` +
        `**Fett** und [Link](/).\n\n- eins\n\n</aside>\n\nDanach.\n`,
    );
  });

  it('gives a <Note> without title the default title, and keeps nested notes', () => {
    const source = plainMarkdownSource(`<Note>\n\nAußen.\n\n<Note title="Innen">\n\nText.\n\n</Note>\n\n</Note>\n`);
    expect(source).toBe(
      `${noteOpening()}\n\nAußen.\n\n${noteOpening('Innen')}\n\nText.\n\n</aside>\n\n</aside>\n`,
    );
  });

  it('finds the marker after umlauts and emoji (offsets count UTF-16 units)', () => {
    const body = `Äöü ß 😀 ${teaser}\n\n{/* more */}\n\nRest\n`;
    expect(plainMarkdownSource(body)).toBe(`Äöü ß 😀 ${teaser}\n\n${MARKDOWN_TEASER_MARKER}\n\nRest\n`);
  });
});

describe('plainMarkdownFor: the content check’s parse, handed to the loader', () => {
  const plain = 'Ein Absatz.\n\n{/* more */}\n\n<Note title="Gut zu wissen">\nInhalt\n</Note>\n';
  const needsMdx = 'Ein Bild: ![Alt](./bild.png)\n';

  it('answers from a remembered parse as from parsing the body itself', () => {
    for (const body of [plain, needsMdx, '    eingerückt\n']) {
      rememberMarkdownPlan(body, parseMdx(body));
      expect(plainMarkdownFor(body)).toBe(plainMarkdownSource(body));
    }
  });

  it('uses the remembered parse, not the body’s text, while one is kept', () => {
    // A plan made from another body's tree shows that the loader did not parse again.
    rememberMarkdownPlan(plain, parseMdx(needsMdx));
    expect(plainMarkdownFor(plain)).toBeUndefined();
    // Taken once: the next call parses the body itself.
    expect(plainMarkdownFor(plain)).toBe(plainMarkdownSource(plain));
  });

  it('parses bodies it has no plan for, and forgets plans no loader took', () => {
    rememberMarkdownPlan(plain, parseMdx(needsMdx));
    forgetMarkdownPlans();
    expect(plainMarkdownFor(plain)).toBe(plainMarkdownSource(plain));
    expect(plainMarkdownSource(plain)).toContain(MARKDOWN_TEASER_MARKER);
  });
});
