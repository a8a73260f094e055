import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseDay } from './lib/dates.ts';

/**
 * Folder the blog posts are read from. `BLOG_CONTENT_DIR` selects another folder (test fixtures,
 * benchmark corpora) without touching `content/`.
 */
const blogDir = process.env['BLOG_CONTENT_DIR'] ?? './content/blog';

const DAY_HINT = 'erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12';

/** A publication day, written `YYYY-MM-DD`, held as noon of that day in the site's time zone. */
const day = z
  .union([z.string(), z.date()], { error: `fehlt oder ist kein Datum; ${DAY_HINT}` })
  .transform((value, ctx) => {
    // YAML reads an unquoted 2022-08-12 as a Date at UTC midnight; a time of day is not allowed.
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
const text = (what: string) =>
  z
    .string({ error: `fehlt; erwartet wird ${what}` })
    .trim()
    .min(1, { error: `ist leer; erwartet wird ${what}` });

/** Frontmatter of a post. */
const postFields = {
  /** Headline of the post. */
  title: text('ein Titel als Text'),
  /** Publication day in Europe/Berlin, `YYYY-MM-DD`. */
  date: day,
  /** Name of the author, shown in the byline. */
  author: text('der Name der Autorin oder des Autors').optional(),
  /** Topics of the post. */
  tags: z.array(text('ein Thema als Text'), { error: 'erwartet wird eine Liste von Themen' }).default([]),
  /** Plain-text summary for meta tags and feeds. */
  description: text('eine kurze Zusammenfassung als Text').optional(),
  /** `true` keeps the post out of every built page and feed. */
  draft: z.boolean({ error: 'erwartet wird true oder false' }).default(false),
};

const blog = defineCollection({
  loader: glob({
    pattern: ['**/*.mdx'],
    base: blogDir,
    // The file's path (without extension) keeps ids unique; URL slugs are derived in src/lib/posts.ts.
    generateId: ({ entry }) => entry.replace(/\.mdx$/i, ''),
  }),
  schema: z.preprocess(
    (raw, ctx) => {
      // Name a misspelt field (`titel:`) instead of silently dropping it.
      if (typeof raw === 'object' && raw !== null) {
        for (const key of Object.keys(raw)) {
          if (!Object.hasOwn(postFields, key)) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `unbekanntes Feld; erlaubt sind ${Object.keys(postFields).join(', ')}`,
            });
          }
        }
      }
      return raw;
    },
    z.object(postFields),
  ),
});

export const collections = { blog };
