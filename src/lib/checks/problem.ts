// A problem the content check reports: one line an editor can act on. Plain data and one format,
// shared by every check, `npm run check`, the hook, the build and the web editor.

/** One thing wrong with a post, worded for the editor who has to fix it. */
export interface Problem {
  /** Path of the post, relative to the project. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** Frontmatter field, where the problem is one. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** One line per problem: `file:line: field: message`, warnings marked. */
export const formatProblem = (problem: Problem): string =>
  [
    `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}:`,
    problem.severity === 'warning' ? ' Warnung:' : '',
    problem.field === undefined ? '' : ` ${problem.field}:`,
    ` ${problem.message}`,
  ].join('');

/** By file, line and message, so output never depends on the order files were read in. */
export const sortProblems = (problems: Problem[]): Problem[] =>
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
