import { BODY_BUTTONS } from '#lib/cms/config.ts';
import { IMAGE_BLOCK, NOTE_BLOCK, TEASER_BLOCK, TEASER_MARKER, imageBlock, noteBlock, parseImageBlock, parseNoteBlock } from '#lib/cms/mdx-blocks.ts';
import { ui } from '#src/i18n/de.ts';

// The blocks of the site's MDX that the web editor's rich text shows as forms of their own
// (Decap's editor components): the `<Note>` box, the teaser marker and a picture.

const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<Note title="…">…</Note>`, as posts write it (src/components/Note.astro renders it). */
export const noteComponent = {
  id: 'note',
  label: ui.editor.components.note.label,
  fields: [
    { name: 'title', label: ui.editor.components.note.title, widget: 'string', required: false },
    { name: 'body', label: ui.editor.components.note.body, widget: 'markdown', editor_components: [], modes: ['rich_text'], buttons: BODY_BUTTONS },
  ],
  pattern: NOTE_BLOCK,
  fromBlock: (match: RegExpMatchArray) => parseNoteBlock(match),
  toBlock: (note: { title?: string; body?: string }) => noteBlock(note),
  toPreview: ({ title, body }: { title?: string; body?: string }) =>
    `<aside class="note"><p class="note-title">${escapeHtml(title || ui.note.defaultTitle)}</p><p>${escapeHtml(body ?? '')}</p></aside>`,
};

/** `{/* more *\/}`: where the teaser on the index pages ends. */
export const teaserComponent = {
  id: 'teaser',
  label: ui.editor.components.teaser.label,
  fields: [],
  pattern: TEASER_BLOCK,
  fromBlock: () => ({}),
  toBlock: () => TEASER_MARKER,
  toPreview: () => `<hr aria-label="${escapeHtml(ui.editor.components.teaser.label)}">`,
};

/** A picture in the text, with German labels and its alt text kept as text in MDX (a title, if any, is kept). */
export const imageComponent = {
  id: 'image',
  label: ui.editor.components.image.label,
  fields: [
    { name: 'image', label: ui.editor.components.image.file, widget: 'image', media_library: { allow_multiple: false } },
    { name: 'alt', label: ui.editor.components.image.alt, hint: ui.editor.fields.imageAlt.hint },
  ],
  pattern: IMAGE_BLOCK,
  fromBlock: (match: RegExpMatchArray) => parseImageBlock(match),
  toBlock: imageBlock,
  toPreview: ({ image, alt }: { image?: string; alt?: string }) => `<img src="${escapeHtml(image ?? '')}" alt="${escapeHtml(alt ?? '')}">`,
};

/** Every editor component, registered by src/scripts/admin.ts. */
export const editorComponents = [noteComponent, teaserComponent, imageComponent];
