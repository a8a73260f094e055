import { TEASER_MARKER } from '#lib/markdown/teaser-marker.ts';

// The site's MDX as the web editor's rich text sees it: the `<Note>` box and the teaser marker are
// blocks with a form of their own (Decap's editor components), everything else is Markdown.
// Pure string work, for the browser; tests/unit/cms/ hold it against the site's MDX parser.

export { TEASER_MARKER };

/** The teaser marker at the start of a block. */
export const TEASER_BLOCK = /^\{\/\*\s*more\s*\*\/\}/i;

/**
 * A `<Note>` box at the start of a block: its title in double (1) or single (2) quotes, if any,
 * and its content (3). Boxes are never nested, so the first `</Note>` closes it.
 */
export const NOTE_BLOCK = /^<Note(?:\s+title=(?:"([^"]*)"|'([^']*)'))?\s*>[^\S\n]*\n([\s\S]*?)\n?[^\S\n]*<\/Note>/;

/** What the editor's form for a note box holds. */
export interface NoteFields {
  title?: string | undefined;
  body?: string | undefined;
}

/** The form's fields from a match of {@link NOTE_BLOCK}. */
export const parseNoteBlock = (match: RegExpMatchArray): { title: string; body: string } => ({
  title: match[1] ?? match[2] ?? '',
  body: (match[3] ?? '').trim(),
});

/**
 * The box as MDX, written as the site's posts write it: the content between blank lines, so that
 * it is read as Markdown. A JSX attribute cannot escape its quote: a title with `"` is written in
 * single quotes; one with both kinds gets German quotation marks for its double quotes.
 */
export function noteBlock({ title, body }: NoteFields): string {
  const text = (title ?? '').trim();
  let attribute = '';
  if (text !== '') {
    if (!text.includes('"')) attribute = ` title="${text}"`;
    else if (!text.includes("'")) attribute = ` title='${text}'`;
    else attribute = ` title="${germanQuotes(text)}"`;
  }
  return `<Note${attribute}>\n\n${(body ?? '').trim()}\n\n</Note>`;
}

/** `"a" b "c"` → `„a“ b „c“`. */
const germanQuotes = (text: string): string => {
  let opening = true;
  return text.replace(/"/g, () => {
    const quote = opening ? '„' : '“';
    opening = !opening;
    return quote;
  });
};

/**
 * Text as MDX reads it back literally: `{` and `}` would open an expression, `<` a tag. Markdown's
 * backslash escapes keep them text, and Markdown readers (Decap's included) read them as the
 * plain characters.
 */
export const escapeMdxText = (text: string): string => text.replace(/[{}<]/g, (character) => `\\${character}`);

/** `\{` → `{`: what Markdown readers make of {@link escapeMdxText}'s escapes. */
const unescapeMdxText = (text: string): string => text.replace(/\\([{}<])/g, '$1');

/** A picture alone in its paragraph, `![Alt](./bild.jpg "Titel")`: the editor's image component. */
export const IMAGE_BLOCK = /^!\[((?:\\.|[^\]\\])*)\]\(([^\s)]*)(?:\s+"((?:\\.|[^"\\])*)")?\)/;

/** What the editor's form for a picture holds. */
export interface ImageFields {
  image?: string | undefined;
  alt?: string | undefined;
  title?: string | undefined;
}

/** The form's fields from a match of {@link IMAGE_BLOCK}. */
export const parseImageBlock = (match: RegExpMatchArray): ImageFields => ({
  alt: unescapeMdxText((match[1] ?? '').replace(/\\([\]\\])/g, '$1')),
  image: match[2] ?? '',
  title: (match[3] ?? '').replace(/\\(["\\])/g, '$1'),
});

/**
 * A file beside the post as the posts name it, `./bild.jpg`: Decap's media library hands over
 * the bare name.
 */
export const besidePost = (path: string): string => (/^[\w][\w.-]*$/.test(path) ? `./${path}` : path);

/** The picture as Markdown, its alt text escaped like text (MDX reads it as text, `{` included). */
export const imageBlock = ({ image, alt, title }: ImageFields): string =>
  `![${escapeMdxText((alt ?? '').replace(/[\]\\]/g, (character) => `\\${character}`))}](${besidePost(image ?? '')}${title ? ` "${title.replace(/["\\]/g, (character) => `\\${character}`)}"` : ''})`;

/** The part of remark-stringify's compiler (remark 10, Decap's) that {@link mdxWriterPlugin} adjusts. */
interface MarkdownCompiler {
  prototype: { options: Record<string, unknown>; visitors: Record<string, (node: { value?: string }) => string> };
}

/**
 * A remark plugin for Decap's Markdown writer, so that what it writes reads as the site's posts:
 * text with `{`, `}` and `<` escaped, so that what an editor types is text in MDX, never an
 * expression or a tag the check refuses (Decap's writer prints text as it is: its own plugin
 * replaces remark-stringify's visitor, and this one replaces it again), and lists with `-`
 * as the posts write them. Decap runs its plugins when reading too; there is no writer then.
 */
export function mdxWriterPlugin(this: { Compiler?: MarkdownCompiler }): void {
  const prototype = this.Compiler?.prototype;
  if (!prototype) return;
  // Decap's writer hands the text of the rich text over as `html` nodes, so that remark leaves
  // entities alone; a real HTML block never gets here (such a body opens read-only).
  const text = (node: { value?: string }) => escapeMdxText(node.value ?? '');
  prototype.visitors['text'] = text;
  prototype.visitors['html'] = text;
  prototype.options['bullet'] = '-';
}
