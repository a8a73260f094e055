import { isPublished } from '#lib/content/posts.ts';
import { emptyBody, imageWithoutAlt, postFileSchema, unknownAuthor, updatedBeforeDate, updatedInFuture } from '#lib/checks/fields.ts';
import type { Problem } from '#lib/checks/problem.ts';
import { readPostFile, writePostFile } from './post-file.ts';
import { ui } from '#src/i18n/de.ts';

// The content check's judgement of one post as the web editor's form holds it, before it is
// saved: the same schema and the same messages as `npm run check` (src/lib/checks/content.ts),
// without what needs the other files (links, images on disk, duplicate addresses), which the
// check in the commit hook, CI and the build still judges.

/** One problem of the form: the field's label as the form shows it, and the check's message. */
export interface FormProblem {
  field: string;
  label: string;
  message: string;
}

type Texts = typeof ui.editor.fields;

/** The label of a schema path (`image.alt` → "Titelbild › Alternativtext"). */
const labelOf = (path: readonly PropertyKey[]): string => {
  const [first, second] = path.map(String);
  const texts: Texts = ui.editor.fields;
  const top = first !== undefined && Object.hasOwn(texts, first) ? texts[first as keyof Texts].label : (first ?? '');
  if (first === 'image' && (second === 'src' || second === 'alt')) return `${top} › ${texts[second === 'src' ? 'imageSrc' : 'imageAlt'].label}`;
  return top;
};

/** The fields as the file will hold them: blank values (left empty in the form) are no fields. */
const fieldsOf = (data: Record<string, unknown>): Record<string, unknown> => {
  const { body: _body, ...fields } = readPostFile(writePostFile(data));
  return fields;
};

const fromProblem = (problem: Problem): FormProblem => ({
  field: problem.field ?? 'body',
  label: labelOf([problem.field ?? 'body']),
  message: problem.message,
});

/** What the content check would report for this post's fields and body at `now`. */
export function formProblems(data: Record<string, unknown>, authorIds: ReadonlySet<string>, now: Date = new Date()): FormProblem[] {
  const problems: FormProblem[] = [];
  const body = typeof data['body'] === 'string' ? data['body'] : '';
  const result = postFileSchema.safeParse(fieldsOf(data));
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ field: issue.path.map(String).join('.'), label: labelOf(issue.path), message: issue.message });
    }
  } else {
    const post = result.data;
    const found = [...updatedBeforeDate('', post), ...unknownAuthor('', post.author, authorIds)];
    if (!post.draft) found.push(...emptyBody('', body));
    if (isPublished(post, now)) found.push(...updatedInFuture('', post, now));
    problems.push(...found.map(fromProblem));
  }
  for (const match of body.matchAll(/!\[\s*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) {
    problems.push({ field: 'body', label: ui.editor.fields.body.label, message: imageWithoutAlt(match[1] ?? '') });
  }
  return problems;
}

/** The problems as one German text for the editor's error notice: a heading, then a line each. */
export const formatFormProblems = (problems: readonly FormProblem[]): string =>
  [ui.editor.checkFailed, ...problems.map(({ field, label, message }) => `${label} (${field}): ${message}`)].join('\n');
