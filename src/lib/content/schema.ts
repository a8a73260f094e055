import { z } from 'astro/zod';
import { parseDay } from '#lib/site/dates.ts';

// The post schema lives here, not in content.config.ts, so that `npm run check` can validate
// posts without starting Astro. Messages are written for editors: field, problem, expectation.

const DAY_HINT = 'erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12';

/** A calendar day written `YYYY-MM-DD`, held as noon of that day in the site's time zone. */
export const day = (what = 'fehlt oder ist kein Datum') =>
  z.union([z.string(), z.date()], { error: `${what}; ${DAY_HINT}` }).transform((value, ctx) => {
    // js-yaml (Astro) reads an unquoted 2022-08-12 as a Date at UTC midnight; no time of day allowed.
    const text =
      value instanceof Date
        ? Number.isNaN(value.getTime()) || value.toISOString().slice(10) !== 'T00:00:00.000Z'
          ? String(value)
          : value.toISOString().slice(0, 10)
        : value;
    const date = parseDay(text);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: `„${text}“ ist kein gültiger Tag; ${DAY_HINT}` });
      return z.NEVER;
    }
    return date;
  });

/** Text that must not be empty, with a message naming what is expected. */
export const text = (what: string) =>
  z
    .string({ error: `fehlt; erwartet wird ${what}` })
    .trim()
    .min(1, { error: `ist leer; erwartet wird ${what}` });

/** An old URL path of a post, such as `/2019/05/alter-beitrag.html`. */
const urlPath = z
  .string({ error: 'erwartet wird ein alter Pfad wie /alter/pfad/' })
  .trim()
  .regex(/^\/[^\s?#]*$/, { error: 'erwartet wird ein Pfad, der mit / beginnt, ohne Leerzeichen, ? oder #' });

/**
 * Frontmatter fields of a post. `image` is the schema for a co-located image file: Astro's
 * `image()` in the build, a file check in `npm run check`.
 */
export const postFields = <I extends z.ZodType>(image: I) => ({
  /** Headline of the post. */
  title: text('ein Titel als Text'),
  /** Publication day in Europe/Berlin, `YYYY-MM-DD`; a future day schedules the post. */
  date: day(),
  /** Day of the last substantial change; shown, never re-sorts the post. */
  updated: day('ist kein Datum').optional(),
  /** Id of an author in content/authors/ (the file name without extension). */
  author: text('die Kennung einer Person aus content/authors/, z. B. redaktion').optional(),
  /** Topics of the post. */
  tags: z.array(text('ein Thema als Text'), { error: 'erwartet wird eine Liste von Themen' }).default([]),
  /** Plain-text summary for meta tags and feeds. */
  description: text('eine kurze Zusammenfassung als Text').optional(),
  /** Cover image beside the post, with the alternative text screen readers read out. */
  image: z
    .object(
      {
        src: image,
        alt: text('ein Alternativtext, der beschreibt, was das Bild zeigt'),
      },
      { error: 'erwartet werden src (Bilddatei neben dem Beitrag) und alt (Beschreibung)' },
    )
    .optional(),
  /** Old URL paths that keep leading to this post. */
  aliases: z.array(urlPath, { error: 'erwartet wird eine Liste alter Pfade' }).default([]),
  /** `true` keeps the post out of every built page, feed and index. */
  draft: z.boolean({ error: 'erwartet wird true oder false' }).default(false),
});

/** The post schema: the fields above, and a clear message for any field not among them. */
export const postSchema = <I extends z.ZodType>(image: I) => {
  const fields = postFields(image);
  return z.preprocess((raw, ctx) => {
    // Name a misspelt field (`titel:`) instead of silently dropping it.
    if (typeof raw === 'object' && raw !== null) {
      for (const key of Object.keys(raw)) {
        if (!Object.hasOwn(fields, key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unbekanntes Feld; erlaubt sind ${Object.keys(fields).join(', ')}`,
          });
        }
      }
    }
    return raw;
  }, z.object(fields));
};

/** Frontmatter of an author file in content/authors/. */
export const authorFields = <I extends z.ZodType>(image: I) => ({
  /** Full name as shown in bylines. */
  name: text('der Name der Person'),
  /** One or two sentences about the person. */
  bio: text('eine kurze Beschreibung der Person'),
  /** Optional portrait beside the author file. */
  photo: image.optional(),
});

export const authorSchema = <I extends z.ZodType>(image: I) => z.strictObject(authorFields(image));
