import { z } from 'astro/zod';
import { postFields } from '#lib/content/schema.ts';
import { ui } from '#src/i18n/de.ts';
import { site } from '#src/site.ts';

// The web editor's configuration (Decap CMS), generated from the post schema: every field of
// `postFields` must have a widget below, or TypeScript refuses to compile, so a new field can
// never be missing from the editor's form. Whether a field is required comes from the schema.

/** A field of the Decap configuration (the subset this site writes). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  [option: string]: unknown;
}

/** What the editor offers as choices: the people in content/authors/ and the topics in use. */
export interface CmsChoices {
  authors: readonly { id: string; name: string }[];
  topics: readonly string[];
}

type FieldName = keyof ReturnType<typeof postFields>;

/** Storage and display format of the day fields: the schema's `YYYY-MM-DD`, shown as `dd.MM.yyyy`. */
const DAY = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false, picker_utc: false } as const;

const texts = ui.editor.fields;

/** The widget of each frontmatter field. */
const widgets: Record<FieldName, (choices: CmsChoices) => { widget: string; [option: string]: unknown }> = {
  title: () => ({ widget: 'string' }),
  // A new post starts with today, the editor's day (Decap replaces `{{now}}`).
  date: () => ({ ...DAY, default: '{{now}}' }),
  updated: () => ({ ...DAY }),
  author: ({ authors }) => ({ widget: 'select', options: authors.map(({ id, name }) => ({ label: name, value: id })) }),
  // A free list, not a fixed choice: a topic not yet used anywhere must stay possible, and a
  // post's topic that is not in the list must never be dropped by saving. Known ones are in the hint.
  tags: () => ({ widget: 'list', allow_add: true }),
  description: () => ({ widget: 'text' }),
  image: () => ({
    widget: 'object',
    collapsed: false,
    fields: [
      { name: 'src', label: texts.imageSrc.label, hint: texts.imageSrc.hint, widget: 'image', required: false, choose_url: false },
      { name: 'alt', label: texts.imageAlt.label, hint: texts.imageAlt.hint, widget: 'string', required: false },
    ],
  }),
  aliases: () => ({ widget: 'list', field: { name: 'alias', label: texts.alias.label, widget: 'string' } }),
  draft: () => ({ widget: 'boolean', default: false }),
};

/** Whether the schema accepts a post without the field (optional, or with a default). */
const isOptional = (schema: z.ZodType): boolean => schema.safeParse(undefined).success;

/** The body field: the site's MDX editor (src/scripts/admin.ts), rich text only. */
export const BODY_WIDGET = 'blog-mdx';

/** The rich text's buttons: no strikethrough (MDX without GFM has none), no first-level heading (the title is one). */
export const BODY_BUTTONS = ['bold', 'italic', 'code', 'link', 'heading-two', 'heading-three', 'heading-four', 'quote', 'bulleted-list', 'numbered-list'];

/** How a post file is read and written (src/lib/cms/post-file.ts, registered by src/scripts/admin.ts). */
export const POST_FORMAT = 'blog-post';

/**
 * The names of the fields the schema requires: the form marks only the others as optional
 * (src/scripts/admin.ts), though Decap requires none of them itself.
 */
export const requiredFieldNames = (): string[] => {
  const schema = postFields(z.string());
  return (Object.keys(schema) as FieldName[]).filter((name) => !isOptional(schema[name]));
};

/**
 * The form fields of a post, in schema order, then the body. Decap requires nothing itself
 * (`required: false`): the content check's schema judges every save, missing fields included
 * (src/lib/cms/form-check.ts), so the form says exactly what `npm run check` would say.
 */
export function postFormFields(choices: CmsChoices): CmsField[] {
  const schema = postFields(z.string());
  const fields = (Object.keys(schema) as FieldName[]).map((name): CmsField => {
    const hint = name === 'tags' && choices.topics.length > 0 ? `${texts.tags.hint} ${ui.editor.knownTopics(choices.topics)}` : texts[name].hint;
    return { name, label: texts[name].label, hint, required: false, ...widgets[name](choices) };
  });
  fields.push({
    name: 'body',
    label: texts.body.label,
    hint: texts.body.hint,
    widget: BODY_WIDGET,
    // An empty body is refused by the check only for posts that go live, not for drafts.
    required: false,
    editor_components: ['note', 'teaser', 'image'],
    // No raw mode: the rich text is written back as MDX that the check accepts (escaped braces
    // and angle brackets), which free typing in raw mode could not promise.
    modes: ['rich_text'],
    buttons: BODY_BUTTONS,
  });
  return fields;
}

/** The editor's settings (`site.editor`): a Decap backend is where it reads and commits the posts. */
export interface EditorSettings {
  backend: Readonly<Record<string, string | boolean>> & { readonly name: string };
  editorialWorkflow: boolean;
  localPort: number;
}

/**
 * Where the editor saves: `local` is `npm run redaktion` (Decap's local backend on this machine,
 * writing into the working copy, which the dev preview shows at once; no editorial workflow,
 * which that backend offers only on git branches); `forge` is the built site, signing in to the
 * forge of `site.editor` and committing there.
 */
export type EditorMode = 'local' | 'forge';

/**
 * The whole configuration of /admin/: one collection over the blog folder. Decap lists the posts
 * at both depths of `path`, single `.mdx` files and folders with `index.mdx`, and saves each where
 * it is; a new post becomes a folder, so its images sit beside it. `blogFolder` is relative to the
 * repository (`content/blog`).
 */
export function cmsConfig(
  choices: CmsChoices,
  blogFolder: string,
  mode: EditorMode,
  settings: EditorSettings = site.editor,
): Record<string, unknown> {
  const { collection } = ui.editor;
  const where =
    mode === 'local'
      ? { backend: { name: 'proxy', proxy_url: localBackendUrl(settings.localPort), branch: 'main' } }
      : { backend: settings.backend, ...(settings.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}) };
  return {
    locale: 'de',
    site_url: site.url,
    ...where,
    // Decap needs a folder for its media library; each post keeps its images beside it (the
    // collection's media_folder, relative to the post).
    media_folder: blogFolder,
    public_folder: '',
    // File names without umlauts (ä → a); the site's address transliterates them the same way.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'blog',
        label: collection.label,
        label_singular: collection.singular,
        description: collection.description,
        folder: blogFolder,
        path: '{{slug}}/index',
        extension: 'mdx',
        format: POST_FORMAT,
        create: true,
        // Images beside the post, named `./bild.jpg` in the post as the site expects.
        media_folder: '',
        public_folder: './',
        fields: postFormFields(choices),
        summary: "{{title}} ({{date | date('DD.MM.YYYY')}})",
        sortable_fields: ['date', 'title'],
        view_filters: [{ label: texts.draft.label, field: 'draft', pattern: true }],
        // Decap's preview knows neither the site's layout nor its MDX; `npm run redaktion` shows
        // the real page in the dev preview instead.
        editor: { preview: false },
      },
    ],
  };
}

/** The API of Decap's local backend (decap-server), on the loopback interface only. */
export const localBackendUrl = (port: number): string => `http://127.0.0.1:${port}/api/v1`;
