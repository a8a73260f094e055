import slugify from '@sindresorhus/slugify';

const slugs = new Map<string, string>();

/**
 * URL slug for a title or file name: lower case, German transliteration (ä → ae, ß → ss).
 * Remembered per text: a build asks for the slugs of the same topics and titles thousands of
 * times, and slugify is too slow to run each time.
 */
export function toSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugify(text, { decamelize: false, customReplacements: [['&', ' und ']] });
    slugs.set(text, slug);
  }
  return slug;
}

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
