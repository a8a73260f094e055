import { parseMdx, type MdxNode, type ParsedMdx } from '#lib/markdown/parse.ts';
import { isTeaserMarker } from '#lib/markdown/teaser-marker.ts';
import { internalPath, linkProblem, type LinkTargets } from './links.ts';
import type { Problem } from './problem.ts';
import { imageWithoutAlt } from './fields.ts';


/** What the checks need to know about one post's MDX body. */
export interface MdxFacts {
  /** Lines of `{/* more *\/}` markers. */
  markers: number[];
  links: { url: string; line: number }[];
  /** Markdown images, and `<img>` elements (`html`), which the build does not process. */
  images: { src: string; alt: string | undefined; line: number; html?: boolean }[];
  /** Capitalised JSX elements (`<Note>`): MDX components the site must provide. */
  components: { name: string; line: number }[];
  /** Lower-case JSX elements (`<iframe>`, `<img>`, `<note>`): HTML written into the post. */
  elements: { name: string; line: number }[];
  /** Lines of `# Heading`: a second `<h1>` beside the title. */
  topHeadings: number[];
  /** Elements with a `style` attribute, which the site's CSP blocks. */
  styles: number[];
  /** Attributes of components (`<Note titel="…">`), to name unknown ones. */
  componentAttributes: { component: string; name: string; line: number }[];
  /** Code the check cannot read: `{…}` expressions (comments aside), `attr={…}`, import/export. */
  code: { what: 'expression' | 'attribute' | 'esm'; line: number }[];
  /** Set when the MDX does not parse. */
  syntaxError?: { line: number; message: string };
}

type Node = MdxNode;

/**
 * Collects markers, links and images of a post body (the MDX after the frontmatter), parsed
 * unless the caller has parsed it. `firstLine` is the file line the body starts on, so reported
 * lines match the file.
 */
export function analyzeMdx(body: string, firstLine = 1, parsed: ParsedMdx = parseMdx(body)): MdxFacts {
  const facts: MdxFacts = { markers: [], links: [], images: [], components: [], elements: [], topHeadings: [], code: [], styles: [], componentAttributes: [] };
  const { tree, error } = parsed;
  if (tree === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+):\s*/.exec(message);
    const detail = (position ? message.slice(position[0].length) : message)
      // Positions inside the parser's text count from the body, not the file: drop them.
      .replace(/\s*\(\d+:\d+\)/g, '');
    facts.syntaxError = {
      line: position ? Number(position[1]) + firstLine - 1 : firstLine,
      message: `${syntaxHint(detail, position ? (body.split('\n')[Number(position[1]) - 1] ?? '') : '')} (${detail})`,
    };
    return facts;
  }
  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + firstLine - 1;
  const attribute = (node: Node, name: string) => {
    const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (!found) return undefined;
    return typeof found.value === 'string' ? found.value : found.value === null ? '' : '{…}';
  };
  const visit = (node: Node) => {
    if (node.type === 'mdxFlowExpression' && isTeaserMarker(node.value ?? '')) facts.markers.push(lineOf(node));
    if (node.type === 'heading' && node.depth === 1) facts.topHeadings.push(lineOf(node));
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node.value ?? '')) {
      facts.code.push({ what: 'expression', line: lineOf(node) });
    }
    if (node.type === 'mdxjsEsm') facts.code.push({ what: 'esm', line: lineOf(node) });
    if (node.attributes?.some((a) => a.type !== 'mdxJsxAttribute' || (typeof a.value === 'object' && a.value !== null))) {
      facts.code.push({ what: 'attribute', line: lineOf(node) });
    }
    // Reference links (`[Text][ziel]` with `[ziel]: /adresse/`) lead where their definition says.
    if (node.type === 'definition' && node.url !== undefined) facts.links.push({ url: node.url, line: lineOf(node) });
    if (node.type === 'link' && node.url !== undefined) facts.links.push({ url: node.url, line: lineOf(node) });
    if (node.type === 'image' && node.url !== undefined) {
      facts.images.push({ src: node.url, alt: node.alt ?? undefined, line: lineOf(node) });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      if (node.name === 'img') {
        facts.images.push({ src: attribute(node, 'src') ?? '', alt: attribute(node, 'alt'), line: lineOf(node), html: true });
      }
      if (/^[A-Z]/.test(node.name)) {
        facts.components.push({ name: node.name, line: lineOf(node) });
        for (const a of node.attributes ?? []) {
          if (a.type === 'mdxJsxAttribute' && a.name) facts.componentAttributes.push({ component: node.name, name: a.name, line: lineOf(node) });
        }
      } else facts.elements.push({ name: node.name, line: lineOf(node) });
      if (attribute(node, 'style') !== undefined) facts.styles.push(lineOf(node));
      const href = node.name === 'a' ? attribute(node, 'href') : undefined;
      if (href !== undefined) facts.links.push({ url: href, line: lineOf(node) });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return facts;
}

/** Whether an expression's code is only comments (`{/* more *\/}`), which render nothing. */
const isComment = (code: string): boolean => /^(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*$/.test(code);

/** A German explanation of the MDX parser's most common complaints; the parser's text follows it. */
export function syntaxHint(detail: string, lineText = ''): string {
  if (/<(?:https?:|mailto:|www\.)/i.test(lineText)) {
    return 'Links in spitzen Klammern <https://…> gibt es in MDX nicht; erwartet wird [Linktext](https://…)';
  }
  const unclosed = /closing tag for `<(br|hr|img|input|wbr|source)>`/i.exec(detail);
  if (unclosed) {
    return `<${unclosed[1]}> hat keinen Inhalt und muss sich in MDX selbst schließen; erwartet wird <${unclosed[1]} />${unclosed[1] === 'img' ? ', für Bilder besser ![Beschreibung](./bild.png)' : ''}`;
  }
  if (/html comments|<!--|create a comment|`!`/i.test(detail)) {
    return 'HTML-Kommentare <!-- … --> gibt es in MDX nicht; erwartet wird {/* Kommentar */}';
  }
  if (/closing tag/i.test(detail)) {
    return 'eine Komponente wird nicht geschlossen; erwartet wird ein passendes </Name>, z. B. </Note>';
  }
  if (/after `<`|unexpected character.*</i.test(detail)) {
    return 'das Zeichen < beginnt in MDX eine Komponente; im Text bitte `<` in Backticks setzen oder &lt; schreiben';
  }
  if (/expression|end of file|`\{`|`\}`/i.test(detail)) {
    return 'geschweifte Klammern { } sind in MDX Code; im Text bitte `{` in Backticks setzen oder \\{ schreiben';
  }
  return 'der Text ist kein gültiges MDX; bitte die Zeile prüfen';
}

/** HTML elements that load content from another server, which the site's CSP blocks. */
const EMBEDS = new Set(['iframe', 'embed', 'object', 'script', 'video', 'audio', 'source', 'link']);

/** Whether a URL points to another server (`https://…`, `//…`). */
const isForeign = (url: string): boolean => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);

/** Components editors may use without importing them (see src/components/mdx.ts). */
export const KNOWN_COMPONENTS = ['Note'] as const;

/** The attributes each component takes (its `Props`). */
const COMPONENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { Note: ['title'] };

/** Splits a post file into frontmatter text and body, with the line the body starts on. */
export function splitFrontmatter(source: string): { frontmatter: string | undefined; body: string; bodyLine: number } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontmatter: undefined, body: source, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { frontmatter: match[1], body: source.slice(match[0].length), bodyLine };
}


/** Problems in one post's body: markers, images without alt text, broken internal links, syntax. */
export function checkBody(
  file: string,
  facts: MdxFacts,
  known: ReadonlySet<string> | LinkTargets,
): Problem[] {
  const targets: LinkTargets = known instanceof Set ? { knownPaths: known } : (known as LinkTargets);
  const { knownPaths } = targets;
  const problems: Problem[] = [];
  if (facts.syntaxError) {
    problems.push({
      file,
      line: facts.syntaxError.line,
      message: `MDX-Syntaxfehler: ${facts.syntaxError.message}`,
      severity: 'error',
    });
    return problems;
  }
  if (facts.markers.length > 1) {
    problems.push({
      file,
      line: facts.markers[1]!,
      message: `mehr als eine Teaser-Markierung {/* more */} (Zeilen ${facts.markers.join(', ')}); erwartet wird höchstens eine`,
      severity: 'error',
    });
  }
  for (const image of facts.images) {
    if (image.alt === undefined || image.alt.trim() === '') {
      problems.push({
        file,
        line: image.line,
        message: imageWithoutAlt(image.src),
        severity: 'error',
      });
    }
  }
  for (const { what, line } of facts.code) {
    problems.push({
      file,
      line,
      message:
        what === 'esm'
          ? 'import und export gibt es in Beiträgen nicht; erwartet wird Text, Markdown und <Note>'
          : what === 'attribute'
            ? 'ein Wert in geschweiften Klammern (z. B. href={…}) ist Code, den die Prüfung nicht lesen kann; erwartet wird ein fester Wert in Anführungszeichen, z. B. href="/blog/2022/titel/"'
            : 'geschweifte Klammern { } sind in MDX Code, den die Prüfung nicht lesen kann; erwartet wird Text (im Text bitte \\{ schreiben) oder ein Kommentar {/* … */}',
      severity: 'error',
    });
  }
  for (const line of facts.styles) {
    problems.push({
      file,
      line,
      message: 'style="…" blockiert die Website (Sicherheitsregeln: keine Stile im Text), auch wenn es in npm run dev wirkt; erwartet wird Text ohne style, Hervorhebungen mit **fett** oder *kursiv* oder ein <Note>',
      severity: 'error',
    });
  }
  for (const attribute of facts.componentAttributes) {
    const allowed = COMPONENT_ATTRIBUTES[attribute.component];
    if (allowed === undefined || allowed.includes(attribute.name)) continue;
    problems.push({
      file,
      line: attribute.line,
      message: `<${attribute.component}> kennt ${attribute.name}= nicht; erwartet wird ${allowed.map((name) => `${name}="…"`).join(' oder ') || 'keines'}`,
      severity: 'error',
    });
  }
  for (const line of facts.topHeadings) {
    problems.push({
      file,
      line,
      message: 'eine Überschrift mit # wird eine zweite Hauptüberschrift neben dem Titel; erwartet wird ## für Zwischenüberschriften (der title ist die Hauptüberschrift)',
      severity: 'warning',
    });
  }
  for (const element of facts.elements) {
    const component = KNOWN_COMPONENTS.find((name) => name.toLowerCase() === element.name.toLowerCase());
    const message =
      component !== undefined
        ? `<${element.name}> ist klein geschrieben und wird kein Kasten; erwartet wird <${component}> mit großem Anfangsbuchstaben`
        : EMBEDS.has(element.name)
          ? `<${element.name}> blockiert die Website (Sicherheitsregeln: keine eingebetteten Inhalte, Skripte oder Videos; Datenschutz: keine Anfragen an andere Server), auch wenn es in npm run dev erscheint; erwartet wird ein Link, z. B. [Video ansehen](https://…), gern mit einem Vorschaubild neben dem Beitrag, das darauf verlinkt`
          : undefined;
    if (message !== undefined) problems.push({ file, line: element.line, message, severity: 'error' });
  }
  for (const image of facts.images) {
    const message = image.html
      ? `<img> wird nicht verarbeitet (keine Verkleinerung, keine Breite und Höhe, ./ gilt nicht); erwartet wird ![Was das Bild zeigt](${image.src.startsWith('.') ? image.src : './bild.png'}) mit der Datei neben dem Beitrag`
      : isForeign(image.src)
        ? `Bild ${image.src} liegt auf einem fremden Server: die Website blockiert es (Datenschutz: keine Anfragen an andere Server), auch wenn es in npm run dev erscheint; erwartet wird die Bilddatei neben dem Beitrag – herunterladen (Nutzungsrechte beachten) und als ![Beschreibung](./datei.jpg) einbinden`
        : undefined;
    if (message !== undefined) problems.push({ file, line: image.line, message, severity: 'error' });
    else if (image.src.startsWith('/') && !image.src.startsWith('//')) {
      problems.push(
        knownPaths.has(internalPath(image.src) ?? image.src)
          ? {
              file,
              line: image.line,
              message: `Bild ${image.src} aus public/ wird unverändert in voller Größe ausgeliefert (ohne Verkleinerung, ohne Breite und Höhe); erwartet wird die Bilddatei neben dem Beitrag: ![…](./${image.src.split('/').at(-1)})`,
              severity: 'warning',
            }
          : {
              file,
              line: image.line,
              message: `Bilddatei ${image.src} gibt es in public/ nicht; erwartet wird eine Datei neben dem Beitrag, eingebunden als ![…](./datei.png)`,
              severity: 'error',
            },
      );
    }
  }
  for (const component of facts.components) {
    if (!(KNOWN_COMPONENTS as readonly string[]).includes(component.name)) {
      problems.push({
        file,
        line: component.line,
        message: `unbekannte Komponente <${component.name}>; erwartet wird eine dieser: ${KNOWN_COMPONENTS.map((name) => `<${name}>`).join(', ')}`,
        severity: 'error',
      });
    }
  }
  for (const link of facts.links) {
    const problem = linkProblem(link.url, targets);
    if (problem !== undefined) problems.push({ file, line: link.line, ...problem });
  }
  return problems;
}
