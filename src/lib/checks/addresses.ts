import { parseDocument } from 'yaml';
import { isPublished, postUrl } from '#lib/content/posts.ts';
import { splitFrontmatter } from './body.ts';
import type { PostFile } from './content.ts';
import { postFileSchema } from './fields.ts';
import { internalPath } from './links.ts';
import type { Problem } from './problem.ts';

// Addresses a change would break: published posts of the last commit whose address is gone. Needs
// the committed posts beside the new ones, so it is judged on the whole change (src/lib/checks/content.ts).

type PostData = ReturnType<typeof postFileSchema.parse>;

/** A post's frontmatter as the schema reads it, or undefined when it is broken. */
function postData(source: string): PostData | undefined {
  const { frontmatter } = splitFrontmatter(source);
  if (frontmatter === undefined) return undefined;
  const document = parseDocument(frontmatter, { prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const result = postFileSchema.safeParse(document.toJS() ?? {});
  return result.success ? result.data : undefined;
}

/** A post with its file, as the address checks need it. */
export interface Entry {
  id: string;
  file: string;
  data: PostData;
  /** 1-based lines of the frontmatter fields. */
  lines: ReadonlyMap<string, number>;
}

/**
 * Published addresses that the change would break: a post of the last commit, public now, whose
 * address is neither a post's address nor an old address (`aliases`) any more. The renamed post
 * (found by its title, or by its file) is asked for the old address in `aliases`.
 */
export function brokenAddresses(committed: readonly PostFile[], entries: readonly Entry[], now: Date): Problem[] {
  const addresses = new Set<string>();
  for (const entry of entries) {
    addresses.add(postUrl(entry));
    for (const alias of entry.data.aliases) addresses.add(internalPath(alias) ?? alias);
  }
  const problems: Problem[] = [];
  for (const old of committed) {
    const data = postData(old.source);
    if (data === undefined || !isPublished(data, now)) continue;
    const url = postUrl({ id: old.id, data });
    const same = entries.find((entry) => entry.file === old.file);
    if (addresses.has(url)) {
      if (same !== undefined && same.data.draft && postUrl(same) === url) {
        problems.push({
          file: same.file,
          ...lineOf(same, 'draft'),
          field: 'draft',
          message: `der veröffentlichte Beitrag ${url} wird wieder zum Entwurf und verschwindet von der Website; erwartet wird draft: false, wenn er online bleiben soll`,
          severity: 'warning',
        });
      }
      continue;
    }
    const renamed = same ?? entries.find((entry) => entry.data.title === data.title);
    if (renamed === undefined) {
      problems.push({
        file: old.file,
        message: `der veröffentlichte Beitrag ${url} ist gelöscht; Links auf ihn führen dann ins Leere – wurde er umbenannt, erwartet wird ${url} unter aliases im neuen Beitrag`,
        severity: 'warning',
      });
      continue;
    }
    problems.push({
      file: renamed.file,
      ...lineOf(renamed, renamed.lines.has('aliases') ? 'aliases' : 'title'),
      field: 'aliases',
      message: `die Adresse ändert sich von ${url} zu ${postUrl(renamed)} (neuer Dateiname oder neues Jahr); erwartet wird die alte Adresse unter aliases, damit Links darauf weiterführen: aliases: ["${url}"]`,
      severity: 'error',
    });
  }
  return problems;
}

const lineOf = (entry: Entry, field: string) => {
  const line = entry.lines.get(field);
  return line === undefined ? {} : { line };
};
