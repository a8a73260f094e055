// The markup of a note box, one place for both ways a post is rendered: Note.astro (posts
// compiled as MDX) and src/lib/markdown/plain-markdown.ts (posts rendered as Markdown). Its styles are
// global (Note.astro), as Markdown output carries no Astro scope attribute.
import { ui } from '#src/i18n/de.ts';
import { escapeXml } from '#lib/feeds/xml.ts';

/** Title of a note box that names none. */
export const DEFAULT_NOTE_TITLE: string = ui.note.defaultTitle;

/** The HTML that opens a note box titled `title`. */
export const noteOpening = (title: string = DEFAULT_NOTE_TITLE): string =>
  `<aside class="note" aria-label="${escapeXml(title)}"><p class="note-title">${escapeXml(title)}</p>`;

/** The HTML that closes a note box. */
export const NOTE_CLOSING = '</aside>';
