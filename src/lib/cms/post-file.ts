import { Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { besidePost } from './mdx-blocks.ts';

// How the web editor reads and writes a post file (Decap's "format" of the collection): YAML
// frontmatter between `---` lines, a blank line, the MDX body. It writes the frontmatter in the
// style of the posts and of `npm run new`, so that saving a post in the editor changes only what
// was changed in the form: quoted texts, days and ids plain, topics as `["A", "B"]`, no folded lines.

/** What a post file holds as the editor's form sees it: the fields and the body. */
export type PostFileData = Record<string, unknown> & { body?: string };

const FRONTMATTER = /^---[^\S\n]*\r?\n([\s\S]*?)\r?\n?---[^\S\n]*(?:\r?\n|$)/;

/** The fields and the body of a post file; a file without frontmatter is all body. */
export function readPostFile(text: string): PostFileData {
  const match = FRONTMATTER.exec(text);
  if (!match) return text.trim() === '' ? {} : { body: text };
  const data = (parseDocument(match[1] ?? '').toJS() as Record<string, unknown> | null) ?? {};
  // The blank line after the frontmatter belongs to the file's layout, not to the text.
  const body = text.slice(match[0].length).replace(/^(?:[^\S\n]*\r?\n)+/, '');
  return { ...data, ...(body.trim() === '' ? {} : { body }) };
}

/** Fields whose values are written without quotes: days, ids, switches. */
const PLAIN = new Set(['date', 'updated', 'author', 'draft', 'src']);
/** Lists written on one line, as `npm run new` writes `tags: []`. */
const FLOW = new Set(['tags', 'aliases']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value without what the form left blank (empty texts, unset choices), undefined when nothing is left. */
function withoutBlanks(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) return value;
  const kept = Object.entries(value).flatMap(([key, inner]) => {
    const cleaned = withoutBlanks(inner);
    return cleaned === undefined ? [] : [[key, cleaned] as const];
  });
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/**
 * The post file for `data`: the fields in the order of `order` (the form's), any others after
 * them, then the body after a blank line; the file ends with a line break.
 */
export function writePostFile(data: PostFileData, order: readonly string[] = []): string {
  const { body = '', ...fields } = data;
  const keys = [...order.filter((key) => key in fields), ...Object.keys(fields).filter((key) => !order.includes(key))];
  const kept: Record<string, unknown> = {};
  for (const key of keys) {
    const value = withoutBlanks(fields[key]);
    // `draft: false` is what a post without the field is.
    if (value === undefined || (key === 'draft' && value === false)) continue;
    kept[key] = key === 'image' && isObject(value) && typeof value['src'] === 'string' ? { ...value, src: besidePost(value['src']) } : value;
  }
  const document = new Document(kept);
  styleNodes(document.contents);
  const yaml = Object.keys(kept).length === 0 ? '' : document.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = String(body).replace(/\s+$/, '');
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}

/** Double quotes for texts, plain days, ids and switches, one-line lists of topics. */
function styleNodes(node: unknown, key?: string): void {
  if (isMap(node)) {
    for (const pair of node.items) styleNodes(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
  } else if (isSeq(node)) {
    if (key !== undefined && FLOW.has(key)) node.flow = true;
    for (const item of node.items) styleNodes(item);
  } else if (isScalar(node) && typeof node.value === 'string') {
    (node as Scalar).type = key !== undefined && PLAIN.has(key) && isPlainSafe(node.value) ? 'PLAIN' : 'QUOTE_DOUBLE';
  }
}

/** A value YAML reads back as the same string without quotes (`2022-08-12` is read as a day, which the schema wants). */
const isPlainSafe = (value: string): boolean => /^[\w./-]+$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value);
