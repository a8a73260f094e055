import Note from './Note.astro';

/** Components editors may use in any post without importing them. */
export const mdxComponents = { Note };
