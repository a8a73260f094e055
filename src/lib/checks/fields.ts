import { z } from 'astro/zod';
import { postSchema } from '#lib/content/schema.ts';
import { formatDate, toDayKey } from '#lib/site/dates.ts';
import type { Problem } from './problem.ts';

// The schema and the checks of single fields with their messages, free of parsers and files, so
// that the web editor's form (src/lib/cms/form-check.ts) judges a post with the words the content
// check prints.

/** The post schema as `npm run check` and the web editor apply it: images are file names beside the post (Astro resolves them in the build). */
export const postFileSchema = postSchema(z.string({ error: 'erwartet wird der Dateiname eines Bildes neben dem Beitrag' }));

/** Message for a body image without alternative text. */
export const imageWithoutAlt = (src: string): string =>
  `Bild ${src} hat keinen Alternativtext; erwartet wird eine Beschreibung, z. B. ![Was das Bild zeigt](${src})`;

/** Error when a post names an author that has no file in content/authors/. */
export function unknownAuthor(file: string, author: string | undefined, authorIds: ReadonlySet<string>): Problem[] {
  if (author === undefined || authorIds.has(author)) return [];
  const known = [...authorIds].sort().join(', ') || 'keine';
  return [
    {
      file,
      field: 'author',
      message: `unbekannte Person „${author}“; erwartet wird eine Kennung aus content/authors/ (${known})`,
      severity: 'error',
    },
  ];
}

/** Error when `updated` lies before the publication day: a typo in one of the two dates. */
export function updatedBeforeDate(file: string, data: { date: Date; updated?: Date | undefined }): Problem[] {
  if (data.updated === undefined || data.updated.getTime() >= data.date.getTime()) return [];
  return [
    {
      file,
      field: 'updated',
      message: 'liegt vor dem Erscheinungstag (date); erwartet wird ein Tag am oder nach date',
      severity: 'error',
    },
  ];
}

/** Error when a post going live has no text besides comments such as the teaser marker. */
export function emptyBody(file: string, body: string): Problem[] {
  if (body.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '').trim() !== '') return [];
  return [{ file, message: 'der Beitrag hat keinen Text; erwartet wird mindestens ein Absatz unter dem Kopfbereich', severity: 'error' }];
}

/** Error when a published post's `updated` lies after `now`: a change cannot be announced in advance. */
export function updatedInFuture(file: string, data: { updated?: Date | undefined }, now: Date, line?: number): Problem[] {
  if (data.updated === undefined || toDayKey(data.updated) <= toDayKey(now)) return [];
  return [
    {
      file,
      ...(line === undefined ? {} : { line }),
      field: 'updated',
      message: `der ${formatDate(data.updated)} liegt in der Zukunft; erwartet wird der Tag der Überarbeitung, spätestens heute`,
      severity: 'error',
    },
  ];
}
