import { dirname, join } from 'node:path';
import { parseDocument, isMap, isScalar } from 'yaml';
import { z } from 'astro/zod';
import { authorSchema } from '#lib/content/schema.ts';
import { parseYamlFile } from '#lib/checks/yaml-file.ts';
import { byNewestFirst, isPublished, postSlug, postUrl } from '#lib/content/posts.ts';
import { site } from '#src/site.ts';
import { analyzeMdx, checkBody, splitFrontmatter, type MdxFacts } from '#lib/checks/body.ts';
import { aliasConflicts, duplicateUrls, similarTopics } from '#lib/checks/across-posts.ts';
import { sortProblems, type Problem } from '#lib/checks/problem.ts';
import { brokenAddresses, type Entry } from '#lib/checks/addresses.ts';
import { emptyBody, postFileSchema, unknownAuthor, updatedBeforeDate, updatedInFuture } from '#lib/checks/fields.ts';
import { internalPath, type LinkTargets } from '#lib/checks/links.ts';
import { sitePaths } from '#lib/site/routes.ts';
import { groupByTopic } from '#lib/content/topics.ts';
import { cachedImageProblem } from '#lib/checks/images.ts';
import { explainYamlError } from '#lib/checks/yaml-errors.ts';
import { NEW_POST_SAMPLES } from '#lib/content/new-post.ts';
import { parseLegal, placeholderSummary, type LegalResult } from '#lib/content/legal.ts';
import type { ContentSnapshot } from '#lib/content/source.ts';
import { parseMdx, type ParsedMdx } from '#lib/markdown/parse.ts';

/** A post file as `npm run check` reads it. */
export interface PostFile {
  /** Path relative to the project, for messages. */
  file: string;
  /** Path relative to the blog folder, without extension: the entry id. */
  id: string;
  source: string;
}

/** What the checks need to know besides the posts. */
export interface CheckContext {
  authorIds: ReadonlySet<string>;
  publicFiles: readonly string[];
  /** Whether a file (relative to the project) exists: for co-located images. */
  fileExists: (file: string) => boolean;
  now: Date;
  /** Called with each post body and its MDX tree, for a build to reuse the one parse. */
  onParsed?: ((body: string, parsed: ParsedMdx) => void) | undefined;
}

const schema = postFileSchema;

type PostData = z.output<typeof schema>;

/**
 * All content checks of one set of posts, without Astro: frontmatter against the schema (with the
 * line of each field), the MDX body, authors, duplicate URLs and similar topics. The build runs
 * the same body checks (src/lib/content/collection.ts); this is the fast path for editors and the git hook.
 */
export function checkPosts(posts: readonly PostFile[], context: CheckContext): Problem[] {
  return checkPostsAndImages(posts, context).problems;
}

/** An image file a post shows, found on disk (or in git's index), with where the post names it. */
export interface ImageUse {
  /** The post, relative to the project. */
  file: string;
  line: number | undefined;
  /** `image.src` for the cover; undefined for an image in the body. */
  field: string | undefined;
  /** As written in the post. */
  src: string;
  /** The image file, relative to the project. */
  path: string;
}

/** `checkPosts`, and the image files the posts show, for `checkContent` to read. */
function checkPostsAndImages(
  posts: readonly PostFile[],
  context: CheckContext,
  committed: readonly PostFile[] = [],
): { problems: Problem[]; images: ImageUse[]; entries: Entry[] } {
  const problems: Problem[] = [];
  const images: ImageUse[] = [];
  const valid: { post: PostFile; data: PostData; lines: ReadonlyMap<string, number> }[] = [];
  // Links are checked once all posts are read: only then is the set of existing pages known.
  const bodies: { file: string; facts: MdxFacts }[] = [];
  const tagLines = new Map<string, number>();
  for (const post of posts) {
    const { frontmatter, body, bodyLine } = splitFrontmatter(post.source);
    if (frontmatter === undefined) {
      problems.push({
        file: post.file,
        line: 1,
        message: /^\uFEFF?---/.test(post.source)
          ? 'Kopfbereich wird nicht geschlossen; erwartet wird nach den Feldern eine Zeile, in der nur „---“ steht'
          : /^\s*---/.test(post.source)
            ? 'vor dem Kopfbereich steht etwas (eine Leerzeile oder Leerzeichen); erwartet wird „---“ ganz oben in der ersten Zeile'
            : 'Kopfbereich fehlt; erwartet wird ein Block zwischen zwei Zeilen „---“ mit title und date',
        severity: 'error',
      });
      continue;
    }
    // YAML 1.2 core schema: dates stay strings, so 2022-02-30 is not silently turned into 2 March.
    const document = parseDocument(frontmatter, { prettyErrors: false });
    const lineOf = (offset: number) => frontmatter.slice(0, offset).split('\n').length + 1;
    if (document.errors.length > 0) {
      const seen = new Set<string>();
      for (const error of document.errors) {
        // Lines within the frontmatter; the file has the opening `---` above it.
        const mistake = explainYamlError({ code: error.code, message: error.message, line: lineOf(error.pos[0]) - 1 }, frontmatter);
        const key = `${mistake.line}\n${mistake.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ file: post.file, line: mistake.line + 1, message: `Kopfbereich: ${mistake.message}`, severity: 'error' });
      }
      continue;
    }
    const fieldLines = new Map<string, number>();
    if (isMap(document.contents)) {
      for (const pair of document.contents.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        fieldLines.set(key, lineOf(pair.key.range[0]));
        // `title: Ausgabe #3`: YAML reads everything from # on as a comment, and the title is cut.
        if (isScalar(pair.value) && pair.value.type === 'PLAIN' && pair.value.range && TEXT_FIELDS.has(key)) {
          const end = pair.value.range[1];
          const lineEnd = frontmatter.indexOf('\n', end);
          if (frontmatter.slice(end, lineEnd < 0 ? undefined : lineEnd).includes('#')) {
            problems.push({
              file: post.file,
              line: lineOf(pair.key.range[0]),
              field: key,
              message: `alles ab # gilt in YAML als Kommentar und fehlt im Text („${String(pair.value.value)}“); erwartet wird der ganze Text in Anführungszeichen, z. B. ${key}: "Ausgabe #3"`,
              severity: 'error',
            });
          }
        }
        // Nested fields (`image.src`) get their own line, so a message points at the field itself.
        if (isMap(pair.value)) {
          for (const inner of pair.value.items) {
            if (isScalar(inner.key) && inner.key.range) fieldLines.set(`${key}.${String(inner.key.value)}`, lineOf(inner.key.range[0]));
          }
        }
      }
    }
    const tagsLine = fieldLines.get('tags');
    if (tagsLine !== undefined) tagLines.set(post.file, tagsLine);
    const result = schema.safeParse(document.toJS() ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        const line = fieldLines.get(field) ?? fieldLines.get(String(issue.path[0] ?? ''));
        problems.push({
          file: post.file,
          ...(line === undefined ? {} : { line }),
          ...(field === '' ? {} : { field }),
          message: issue.message,
          severity: 'error',
        });
      }
    } else {
      valid.push({ post, data: result.data, lines: fieldLines });
      problems.push(...draftLeftovers(post, body, bodyLine, result.data, fieldLines, context.now));
      const updatedLine = fieldLines.get('updated');
      problems.push(
        ...updatedBeforeDate(post.file, result.data).map((problem) =>
          updatedLine === undefined ? problem : { ...problem, line: updatedLine },
        ),
      );
      const authorLine = fieldLines.get('author');
      problems.push(
        ...unknownAuthor(post.file, result.data.author, context.authorIds).map((problem) =>
          authorLine === undefined ? problem : { ...problem, line: authorLine },
        ),
      );
      const cover = result.data.image?.src;
      const coverPath = cover === undefined ? undefined : join(dirname(post.file), cover);
      const coverLine = fieldLines.get('image.src') ?? fieldLines.get('image');
      if (cover !== undefined && coverPath !== undefined) {
        if (context.fileExists(coverPath)) {
          images.push({ file: post.file, line: coverLine, field: 'image.src', src: cover, path: coverPath });
        } else {
          problems.push({
            file: post.file,
            ...(coverLine === undefined ? {} : { line: coverLine }),
            field: 'image.src',
            message: cover.startsWith('/')
              ? `das Titelbild ${cover} muss neben dem Beitrag liegen, nicht in public/; erwartet wird z. B. src: ./${cover.split('/').at(-1)} mit der Datei im Ordner des Beitrags`
              : `Bilddatei ${cover} nicht gefunden; erwartet wird eine Datei neben dem Beitrag`,
            severity: 'error',
          });
        }
      }
    }
    // Parsed as Astro's MDX loader compiles it: trimmed (the lines it drops are counted).
    const mdx = body.trim();
    const parsed = parseMdx(mdx);
    context.onParsed?.(mdx, parsed);
    const facts = analyzeMdx(mdx, bodyLine + leadingLines(body), parsed);
    for (const image of facts.images) {
      const path = join(dirname(post.file), image.src);
      if (!image.src.startsWith('.')) continue;
      if (context.fileExists(path)) {
        images.push({ file: post.file, line: image.line, field: undefined, src: image.src, path });
      } else {
        problems.push({
          file: post.file,
          line: image.line,
          message: `Bilddatei ${image.src} nicht gefunden; erwartet wird eine Datei neben dem Beitrag`,
          severity: 'error',
        });
      }
    }
    bodies.push({ file: post.file, facts });
  }

  const entries: Entry[] = valid.map(({ post, data, lines }) => ({ id: post.id, file: post.file, data, lines }));
  const visible = entries.filter((entry) => isPublished(entry.data, context.now));
  const knownPaths = sitePaths({
    postUrls: visible.map(postUrl),
    indexPages: Math.ceil(visible.length / site.postsPerPage),
    authorIds: [...context.authorIds],
    publicFiles: context.publicFiles,
    topics: groupByTopic(visible, (entry) => entry.data.tags).map((topic) => ({
      slug: topic.slug,
      pages: Math.ceil(topic.posts.length / site.postsPerPage),
    })),
  });
  const pages = new Map(entries.map((entry) => [entry.file, { url: postUrl(entry), date: entry.data.date }]));
  const targets: LinkTargets = {
    knownPaths,
    // Redirects are written for published posts only.
    aliases: new Map(visible.flatMap((entry) => entry.data.aliases.map((alias) => [internalPath(alias) ?? alias, postUrl(entry)] as const))),
    hidden: new Map(
      entries.filter((entry) => !isPublished(entry.data, context.now)).map((entry) => [postUrl(entry), { draft: entry.data.draft, date: entry.data.date }] as const),
    ),
    byFileName: new Map(entries.map((entry) => [postSlug(entry), postUrl(entry)] as const)),
    origin: new URL(site.url).origin,
  };
  for (const { file, facts } of bodies) {
    const page = pages.get(file);
    problems.push(...checkBody(file, facts, page === undefined ? targets : { ...targets, page }));
  }
  problems.push(...aliasConflicts(entries.map((entry) => ({ file: entry.file, aliases: entry.data.aliases })), knownPaths));
  problems.push(...duplicateUrls(entries.map((entry) => ({ file: entry.file, url: postUrl(entry) }))));
  problems.push(
    ...similarTopics(entries.map((entry) => ({ file: entry.file, tags: entry.data.tags }))).map((problem) => {
      const line = tagLines.get(problem.file);
      return line === undefined ? problem : { ...problem, line };
    }),
  );
  problems.push(...brokenAddresses(committed, entries, context.now));
  return { problems: sortProblems(problems), images, entries };
}

const legalProblems = (result: LegalResult, file: string): Problem[] => [...result.problems, ...placeholderSummary(file, result.placeholders)];

/** Frontmatter fields holding running text, where an unquoted # would cut the text. */
const TEXT_FIELDS = new Set(['title', 'description']);

/**
 * What a post about to go live should not keep: the sample text of `npm run new`, an empty
 * body, a day of revision (`updated`) that has not come yet.
 */
/** How many line breaks come before the first character that is not white space. */
const leadingLines = (text: string): number => (/^\s*/.exec(text)?.[0].match(/\n/g) ?? []).length;

function draftLeftovers(post: PostFile, body: string, bodyLine: number, data: PostData, lines: ReadonlyMap<string, number>, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (data.draft) return problems;
  const bodyLines = body.split('\n');
  for (const sample of NEW_POST_SAMPLES) {
    const index = bodyLines.findIndex((text) => text.includes(sample));
    if (index >= 0) {
      problems.push({
        file: post.file,
        line: bodyLine + index,
        message: `der Beispieltext von npm run new steht noch da („${sample}“); erwartet wird Ihr eigener Text, bevor der Beitrag erscheint`,
        severity: 'error',
      });
    }
  }
  problems.push(...emptyBody(post.file, body));
  if (isPublished(data, now)) problems.push(...updatedInFuture(post.file, data, now, lines.get('updated')));
  return problems;
}

/** Schema for author files in `npm run check`: the photo is a file name beside the author file. */
const authorFileSchema = authorSchema(z.string({ error: 'erwartet wird der Dateiname eines Fotos neben der Datei, z. B. ./vorname-nachname.jpg' }));

/** Problems of one author file: its YAML and fields, with lines, and its photo, read like post images. */
async function authorProblems(author: PostFile, snapshot: ContentSnapshot, cacheDir: string): Promise<Problem[]> {
  const { data, problems, at } = parseYamlFile(author.source, author.file, authorFileSchema, 'name, bio und (freiwillig) photo');
  if (data?.photo === undefined) return problems;
  const path = join(dirname(author.file), data.photo);
  if (!snapshot.context.fileExists(path)) {
    return [...problems, { ...at(['photo']), message: `Bilddatei ${data.photo} nicht gefunden; erwartet wird ein Foto neben ${author.file}`, severity: 'error' }];
  }
  const problem = await cachedImageProblem(await snapshot.readBytes(path), cacheDir);
  return problem === undefined ? problems : [...problems, { ...at(['photo']), message: `Bild ${data.photo} ${problem}`, severity: 'error' }];
}

/**
 * Every content check of a snapshot (src/lib/content/source.ts): stray files in the blog folder,
 * the posts (`checkPosts`), each image the posts show, read and decoded
 * (src/lib/checks/images.ts), and the legal data (src/lib/content/legal.ts; placeholders are warnings). `npm run check`, the pre-commit hook and the build all call this.
 */
export async function checkContent(snapshot: ContentSnapshot, now: Date, cacheDir: string): Promise<Problem[]> {
  return (await checkContentAndList(snapshot, now, cacheDir)).problems;
}

/** A post readers may see, as the content check read it: enough for redirects and the sitemap. */
export interface PublishedPost {
  url: string;
  data: PostData;
}

/**
 * `checkContent`, and the posts published at `now`, newest first (as src/lib/content/collection.ts sorts
 * them): the build hands these on to the steps that need no page (src/integration/index.ts).
 */
export async function checkContentAndList(
  snapshot: ContentSnapshot,
  now: Date,
  cacheDir: string,
  onParsed?: CheckContext['onParsed'],
): Promise<{ problems: Problem[]; published: PublishedPost[] }> {
  const { problems, images, entries } = checkPostsAndImages(snapshot.posts, { ...snapshot.context, now, onParsed }, snapshot.committed);
  const published = entries
    .filter((entry) => isPublished(entry.data, now))
    .sort(byNewestFirst)
    .map((entry) => ({ url: postUrl(entry), data: entry.data }));
  const verdicts = new Map<string, Promise<string | undefined>>();
  const verdict = (path: string) => {
    let found = verdicts.get(path);
    if (found === undefined) {
      found = snapshot.readBytes(path).then((bytes) => cachedImageProblem(bytes, cacheDir));
      verdicts.set(path, found);
    }
    return found;
  };
  for (const image of images) {
    const problem = await verdict(image.path);
    if (problem === undefined) continue;
    problems.push({
      file: image.file,
      ...(image.line === undefined ? {} : { line: image.line }),
      field: image.field ?? `Bild ${image.src}`,
      message: image.field === undefined ? problem : `Bild ${image.src} ${problem}`,
      severity: 'error',
    });
  }
  const legal =
    snapshot.legal.source === undefined
      ? [{ file: snapshot.legal.file, message: 'fehlt; erwartet werden die Angaben für Impressum und Datenschutzerklärung (Vorlage im Repository)', severity: 'error' as const }]
      : legalProblems(parseLegal(snapshot.legal.source, snapshot.legal.file), snapshot.legal.file);
  for (const author of snapshot.authors) problems.push(...(await authorProblems(author, snapshot, cacheDir)));
  return { problems: sortProblems([...snapshot.fileProblems, ...problems, ...legal]), published };
}
