import { parseDay } from './dates.ts';

/**
 * Checks the `date:` line of a post's raw frontmatter. YAML turns an unquoted impossible day
 * such as `2022-02-30` into 2 March without a word, so the schema alone cannot see it.
 * Returns a message for the editor, or `undefined` when the date is a real day (or absent:
 * the schema reports a missing date).
 */
export function rawDateProblem(source: string): string | undefined {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  if (frontmatter === undefined) return undefined;
  const line = /^date:[ \t]*(.*?)[ \t]*(?:#.*)?$/m.exec(frontmatter);
  if (!line) return undefined;
  const value = (line[1] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  if (value === '' || parseDay(value)) return undefined;
  return `date: „${value}“ ist kein gültiger Tag; erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12`;
}
