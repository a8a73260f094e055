import { toSlug } from '#lib/site/slugs.ts';
import { TEASER_MARKER } from '#lib/markdown/teaser-marker.ts';

/** What `npm run new` needs to write a post. */
export interface NewPost {
  title: string;
  /** `YYYY-MM-DD`, today in Europe/Berlin. */
  day: string;
  authorId: string | undefined;
}

/** Quotes a YAML string value so titles with colons, quotes or # stay text. */
const yamlString = (text: string): string => JSON.stringify(text);

/**
 * Longest file name (slug) `npm run new` makes from a title. It is also the post's address, which
 * should stay readable; file systems refuse names over 255 bytes (ENAMETOOLONG).
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * The file name (slug) of a new post: the title's slug, cut at a word end to `MAX_SLUG_LENGTH`
 * (the title itself stays whole); throws when the title has no letters or digits.
 */
export function newPostSlug(title: string): string {
  const slug = toSlug(title);
  if (slug === '') throw new Error(`Aus dem Titel „${title}“ lässt sich kein Dateiname bilden; bitte Buchstaben oder Ziffern verwenden.`);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const wordEnd = cut.lastIndexOf('-');
  return (wordEnd > 0 ? cut.slice(0, wordEnd) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** The sample sentences of a new draft, which the content check refuses in a post going live. */
export const NEW_POST_SAMPLES = [
  'Der Teaser: ein oder zwei Absätze, die auf der Übersichtsseite stehen.',
  'Hier beginnt der Rest des Beitrags.',
] as const;

/** The MDX text of a new draft: frontmatter, a teaser paragraph, the marker and a first heading. */
export function newPostSource({ title, day, authorId }: NewPost): string {
  return [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${day}`,
    ...(authorId === undefined ? ['# author: redaktion'] : [`author: ${authorId}`]),
    'tags: []',
    '# description: "Eine Zusammenfassung in einem Satz für Suchmaschinen und Feeds."',
    'draft: true',
    '---',
    '',
    NEW_POST_SAMPLES[0],
    '',
    TEASER_MARKER,
    '',
    '## Erste Zwischenüberschrift',
    '',
    NEW_POST_SAMPLES[1],
    '',
  ].join('\n');
}

/** The author id whose name matches `gitUserName` (case and spacing ignored), if any. */
export function matchAuthor(
  gitUserName: string | undefined,
  authors: readonly { id: string; name: string }[],
): string | undefined {
  const normalize = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
  if (gitUserName === undefined || gitUserName.trim() === '') return undefined;
  return authors.find((author) => normalize(author.name) === normalize(gitUserName))?.id;
}
