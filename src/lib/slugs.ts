import slugify from '@sindresorhus/slugify';

/** URL slug for a title or file name: lower case, German transliteration (ä → ae, ß → ss). */
export const toSlug = (text: string): string =>
  slugify(text, { decamelize: false, customReplacements: [['&', ' und ']] });

/**
 * Slug of a post from its path inside the blog folder: `grüße-aus-köln.mdx` and
 * `grüße-aus-köln/index.mdx` both give `gruesse-aus-koeln`.
 */
export function slugFromPath(entryPath: string): string {
  const parts = entryPath
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/i, '')
    .split('/')
    .filter((part) => part !== '');
  if (parts.length > 1 && parts.at(-1)?.toLowerCase() === 'index') parts.pop();
  return toSlug(parts.at(-1) ?? '');
}
