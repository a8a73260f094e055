import type { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '#lib/checks/problem.ts';
import { explainYamlError } from '#lib/checks/yaml-errors.ts';

/** A YAML file read against a schema: its data when valid, and every problem with its line. */
export interface YamlFile<T> {
  data: T | undefined;
  problems: Problem[];
  /** Where a field stands in the file, for problems found after the schema: `{ file, line, field }`. */
  at: (path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'field'>;
}

/**
 * Parses a YAML file (an author, the legal data) and checks it against `schema`, with German
 * messages at the line of each field: YAML mistakes explained (src/lib/checks/yaml-errors.ts), an
 * unknown field named as such. `expected` says what fields the file should have.
 */
export function parseYamlFile<S extends z.ZodType>(source: string, file: string, schema: S, expected: string): YamlFile<z.output<S>> {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  /** The line of the deepest node along `path` that exists: the field, or else its parent. */
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth > 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  const at = (path: readonly PropertyKey[]) => {
    const line = lineOf(path);
    return { file, ...(line === undefined ? {} : { line }), ...(path.length === 0 ? {} : { field: path.map(String).join('.') }) };
  };
  if (document.errors.length > 0) {
    return {
      data: undefined,
      at,
      problems: document.errors.map((error) => {
        const mistake = explainYamlError({ code: error.code, message: error.message, line: lineAt(error.pos[0]) }, source);
        return { file, line: mistake.line, message: mistake.message, severity: 'error' as const };
      }),
    };
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return { data: result.data, problems: [], at };
  return {
    data: undefined,
    at,
    problems: result.error.issues.map((issue) => ({
      ...at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path),
      message: issue.code === 'unrecognized_keys' ? `unbekanntes Feld (${issue.keys.join(', ')}); erwartet werden ${expected}` : issue.message,
      severity: 'error' as const,
    })),
  };
}
