import { describe, expect, it } from 'vitest';
import { analyzeMdx, checkBody, splitFrontmatter } from '#lib/checks/body.ts';
import { formatProblem } from '#lib/checks/problem.ts';
import { internalPath } from '#lib/checks/links.ts';

const known = new Set(['/', '/blog/2022/da/', '/rss.xml', '/favicon.svg']);
const check = (body: string) => checkBody('post.mdx', analyzeMdx(body), known).map(formatProblem);

describe('analyzeMdx', () => {
  it('finds markers, links and images with their lines', () => {
    const facts = analyzeMdx('Text [a](/x/) ![Bild](./b.png)\n\n{/* more */}\n\n<img src="/c.png" />\n\n<a href="/d/">d</a>\n', 5);
    expect(facts.markers).toEqual([7]);
    expect(facts.links).toEqual([
      { url: '/x/', line: 5 },
      { url: '/d/', line: 11 },
    ]);
    expect(facts.images).toEqual([
      { src: './b.png', alt: 'Bild', line: 5 },
      { src: '/c.png', alt: undefined, line: 9, html: true },
    ]);
    expect(facts.elements).toEqual([
      { name: 'img', line: 9 },
      { name: 'a', line: 11 },
    ]);
  });

  it('finds top-level headings, which would be a second <h1>', () => {
    expect(analyzeMdx('# Eins\n\n## Zwei\n\n# Drei\n', 3).topHeadings).toEqual([3, 7]);
  });

  it('ignores a marker inside a code block', () => {
    expect(analyzeMdx('```mdx\n{/* more */}\n```\n').markers).toEqual([]);
  });

  it('reports a syntax error with its file line', () => {
    const facts = analyzeMdx('Erste Zeile.\n\nEin <Kasten und {offen\n', 10);
    expect(facts.syntaxError?.line).toBe(12);
    expect(facts.syntaxError?.message).toMatch(/Unexpected|expected/i);
  });
});

describe('checkBody', () => {
  it.each([
    ['a clean post', 'Ein [Link](/blog/2022/da/#abschnitt) und ![Logo](./logo.png).\n\n## Teil\n\n{/* more */}\n\nRest.', []],
    ['two markers', 'A\n\n{/* more */}\n\nB\n\n{/* more */}\n', ['post.mdx:7: mehr als eine Teaser-Markierung {/* more */} (Zeilen 3, 7); erwartet wird höchstens eine']],
    ['an image without alt', '![](./bild.png)', [expect.stringMatching(/^post\.mdx:1: Bild \.\/bild\.png hat keinen Alternativtext/)]],
    ['a JSX image without alt', '<img src="/favicon.svg" />', [
      expect.stringMatching(/^post\.mdx:1: Bild \/favicon\.svg hat keinen Alternativtext/),
      expect.stringMatching(/^post\.mdx:1: <img> wird nicht verarbeitet .*erwartet wird !\[Was das Bild zeigt\]\(\.\/bild\.png\)/),
    ]],
    ['an <img> beside the post', '<img src="./foto.png" alt="Foto" />', ['post.mdx:1: <img> wird nicht verarbeitet (keine Verkleinerung, keine Breite und Höhe, ./ gilt nicht); erwartet wird ![Was das Bild zeigt](./foto.png) mit der Datei neben dem Beitrag']],
    ['a heading with #', 'Text\n\n# Überschrift\n', ['post.mdx:3: Warnung: eine Überschrift mit # wird eine zweite Hauptüberschrift neben dem Titel; erwartet wird ## für Zwischenüberschriften (der title ist die Hauptüberschrift)']],
    ['a note box in lower case', '<note>\n\nText\n\n</note>\n', ['post.mdx:1: <note> ist klein geschrieben und wird kein Kasten; erwartet wird <Note> mit großem Anfangsbuchstaben']],
    ['a YouTube iframe', 'Video:\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n', [expect.stringMatching(/^post\.mdx:3: <iframe> blockiert die Website \(Sicherheitsregeln.*Datenschutz.*erwartet wird ein Link/)]],
    ['an image from another site', '![Foto](https://example.org/foto.jpg)', [expect.stringMatching(/^post\.mdx:1: Bild https:\/\/example\.org\/foto\.jpg liegt auf einem fremden Server: die Website blockiert es .*erwartet wird die Bilddatei neben dem Beitrag/)]],
    ['an image from public/', '![Logo](/favicon.svg)', ['post.mdx:1: Warnung: Bild /favicon.svg aus public/ wird unverändert in voller Größe ausgeliefert (ohne Verkleinerung, ohne Breite und Höhe); erwartet wird die Bilddatei neben dem Beitrag: ![…](./favicon.svg)']],
    ['an image missing from public/', '![Logo](/bilder/logo.png)', ['post.mdx:1: Bilddatei /bilder/logo.png gibt es in public/ nicht; erwartet wird eine Datei neben dem Beitrag, eingebunden als ![…](./datei.png)']],
    ['other HTML', 'Zeile<br />\n\n<div>Text</div>\n', []],
    ['a link in angle brackets', 'Siehe <https://example.org/>.', [expect.stringMatching(/^post\.mdx:1: MDX-Syntaxfehler: Links in spitzen Klammern <https:\/\/…> gibt es in MDX nicht; erwartet wird \[Linktext\]\(https:\/\/…\)/)]],
    ['a line break not closed', 'Zeile<br>\nweiter\n', [expect.stringMatching(/^post\.mdx:\d: MDX-Syntaxfehler: <br> hat keinen Inhalt und muss sich in MDX selbst schließen; erwartet wird <br \/>/)]],
    ['an inline style', 'Ein <span style="color:red">roter</span> Text.', [expect.stringMatching(/^post\.mdx:1: style="…" blockiert die Website/)]],
    ['a misspelt attribute of the note box', '<Note titel="Achtung">\n\nText\n\n</Note>\n', ['post.mdx:1: <Note> kennt titel= nicht; erwartet wird title="…"']],
    ['comments in braces', '{/* more */}\n\nText {/* Notiz */} und {// Zeile\n}\n', []],
    ['an expression', 'Heute ist {new Date().getFullYear()}.', [expect.stringMatching(/^post\.mdx:1: geschweifte Klammern \{ \} sind in MDX Code, den die Prüfung nicht lesen kann/)]],
    ['a computed link', 'Siehe <a href={"/gibt-es-" + "nicht/"}>hier</a>.', [
      expect.stringMatching(/^post\.mdx:1: ein Wert in geschweiften Klammern \(z\. B\. href=\{…\}\) ist Code/),
      expect.stringMatching(/^post\.mdx:1: Link auf \{…\}: relative Adressen/),
    ]],
    ['an import', 'import X from "./x.astro";\n\nText\n', ['post.mdx:1: import und export gibt es in Beiträgen nicht; erwartet wird Text, Markdown und <Note>']],
    ['a reference link to a missing page', 'Siehe [hier][ziel].\n\n[ziel]: /gibt-es-nicht/\n', [expect.stringMatching(/^post\.mdx:3: Link auf \/gibt-es-nicht\/: diese Seite gibt es nicht/)]],
    ['a link to a missing page', '[weg](/blog/2019/weg/)', [expect.stringMatching(/^post\.mdx:1: Link auf \/blog\/2019\/weg\/: diese Seite gibt es nicht/)]],
    ['a link without trailing slash to an existing page', '[da](/blog/2022/da)', []],
    ['external and anchor links', '[x](https://example.org/) [y](#oben) [z](mailto:a@b.de)', []],
    ['a syntax error', 'Text <Kasten', [expect.stringMatching(/^post\.mdx:1: MDX-Syntaxfehler: das Zeichen < beginnt in MDX eine Komponente; im Text bitte `<` in Backticks/)]],
    ['an open brace', 'Preis {offen', [expect.stringMatching(/^post\.mdx:1: MDX-Syntaxfehler: geschweifte Klammern \{ \} sind in MDX Code/)]],
    ['an unclosed note box', '<Note>\n\nText\n', [expect.stringMatching(/^post\.mdx:1: MDX-Syntaxfehler: eine Komponente wird nicht geschlossen; erwartet wird ein passendes <\/Name>/)]],
    ['an HTML comment', 'Text\n\n<!-- alt -->\n', [expect.stringMatching(/^post\.mdx:3: MDX-Syntaxfehler: HTML-Kommentare <!-- … --> gibt es in MDX nicht; erwartet wird \{\/\* Kommentar \*\/\}/)]],
    ['the note box', '<Note title="Gut">\n\nText\n\n</Note>\n', []],
    ['an unknown component', 'Text\n\n<Hinweis>Achtung</Hinweis>\n', ['post.mdx:3: unbekannte Komponente <Hinweis>; erwartet wird eine dieser: <Note>']],
  ])('%s', (_, body, expected) => {
    expect(check(body)).toEqual(expected);
  });
});

describe('internalPath', () => {
  it.each([
    ['/blog/2022/da/', '/blog/2022/da/'],
    ['/blog/2022/da', '/blog/2022/da/'],
    ['/blog/2022/da/#teil', '/blog/2022/da/'],
    ['/rss.xml', '/rss.xml'],
    ['/suche/?q=Genossenschaft', '/suche/'],
    ['/gr%C3%BC%C3%9Fe/', '/grüße/'],
    ['https://example.org/', undefined],
    ['//cdn.example.org/x', undefined],
    ['relativ/', undefined],
  ])('%s → %s', (url, path) => {
    expect(internalPath(url)).toBe(path);
  });
});

describe('splitFrontmatter', () => {
  it('returns the body and the line it starts on', () => {
    const { frontmatter, body, bodyLine } = splitFrontmatter('---\ntitle: "A"\ndate: 2022-01-01\n---\n\nText\n');
    expect(frontmatter).toBe('title: "A"\ndate: 2022-01-01');
    expect(body).toBe('\nText\n');
    expect(bodyLine).toBe(5);
  });
  it('treats a file without frontmatter as body', () => {
    expect(splitFrontmatter('Nur Text')).toEqual({ frontmatter: undefined, body: 'Nur Text', bodyLine: 1 });
  });
});
