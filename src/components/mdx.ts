import Note from './Note.astro';
import MdxImage from './MdxImage.astro';

/** Components editors may use in any post without importing them; `img` renders Markdown images. */
export const mdxComponents = { Note, img: MdxImage };
