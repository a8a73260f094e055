import { ui } from '#src/i18n/de.ts';
import { TEASER_BLOCK } from './mdx-blocks.ts';

// Which post bodies the web editor may rewrite. Its rich-text editor reads Markdown into its own
// document model and writes all of it back on the first change; what that model has no place for
// (a table, HTML, `{…}`) would be changed or lost. Such a body opens read-only instead.
//
// This runs in the browser, where the site's MDX parser (a native module) is not available, so it
// reads lines. It errs on the safe side: tests/unit/cms/editable.test.ts holds it against the
// parser's tree for every post and the benchmark corpus, and it must never call a body editable
// that has a node the editor cannot keep.

type Construct = keyof typeof ui.editor.readOnly.constructs;

/** `<Note>` or `<Note title="…">` alone on its line, and `</Note>`: the editor's Note component. */
const NOTE_LINE = /^\s*(?:<Note(?:\s+title=(?:"[^"]*"|'[^']*'))?\s*>|<\/Note>)\s*$/;

/** The teaser marker alone on its line: the editor's teaser component. */
const TEASER_LINE = new RegExp(`${TEASER_BLOCK.source}\\s*$`, TEASER_BLOCK.flags);

/** What a line of text (outside fenced code) may hold that the editor cannot keep. */
const LINE_RULES: readonly [RegExp, Construct][] = [
  [/^\s*\|.*\|\s*$|^\s*\|?\s*:?-{3,}:?\s*\|/, 'table'],
  [/<\/?Note\b/, 'mdxJsxFlowElement'],
  [/<[A-Z]/, 'mdxJsxFlowElement'],
  // `\<` and `\{` are text: the editor writes them so.
  [/(?<!\\)<(?![\s=])/, 'html'],
  [/(?<!\\)[{}]/, 'mdxTextExpression'],
  [/~~/, 'delete'],
  [/\[\^[^\]]*\]/, 'footnoteReference'],
  [/^\s{0,3}\[[^\]]+\]:/, 'definition'],
  [/\]\[[^\]]*\]|^\s*\[[^\]]+\]\s*$/, 'linkReference'],
  [/^\s*(?:import|export)\s/, 'mdxjsEsm'],
  [/\$\$/, 'math'],
  // Indented by four spaces or a tab: MDX reads a paragraph, the editor would make it code.
  [/^(?: {4}|\t)/, 'indented'],
  // A line of three or more -, * or _: a rule (or a heading's underline), which the editor drops.
  [/^ {0,3}([-*_])(?:[^\S\n]*\1){2,}[^\S\n]*$/, 'thematicBreak'],
];

/** Inline code spans removed, so `{x}` in backticks does not count as an expression. */
const withoutInlineCode = (line: string): string => line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');

/**
 * What in a post body the editor cannot keep, as German phrases for the read-only notice (each
 * once, in order of appearance); empty when the editor may edit the body.
 */
export function readOnlyReasons(body: string): string[] {
  const found = new Set<string>();
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const opening = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = undefined;
      continue;
    }
    if (opening !== undefined) {
      fence = opening;
      continue;
    }
    if (NOTE_LINE.test(line) || TEASER_LINE.test(line)) continue;
    const text = withoutInlineCode(line);
    for (const [pattern, construct] of LINE_RULES) {
      if (pattern.test(text)) found.add(ui.editor.readOnly.constructs[construct]);
    }
  }
  if (fence !== undefined) found.add(ui.editor.readOnly.constructs.unparsable);
  return [...found];
}
