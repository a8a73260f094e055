import { formatDate, toDayKey } from '#lib/site/dates.ts';
import { slugFromPath } from '#lib/site/slugs.ts';
import type { Problem } from './problem.ts';

// Links in posts, judged as the deploy's verification of the built site judges them
// (scripts/lib/verify.ts), with the address to write instead where one can be found.

/** What a link in a post may lead to, for `checkBody`: the pages of the site and more. */
export interface LinkTargets {
  /** Paths of every page and file the built site will have. */
  knownPaths: ReadonlySet<string>;
  /** Old addresses (`aliases`) and the address each now redirects to. */
  aliases?: ReadonlyMap<string, string>;
  /** Addresses of posts that are not public: drafts, and scheduled posts with their day. */
  hidden?: ReadonlyMap<string, { draft: boolean; date: Date }>;
  /** Post addresses by file name (`backups-richtig-planen`), for links written to a `.mdx` file. */
  byFileName?: ReadonlyMap<string, string>;
  /** The site's origin (`https://www.example.org`): absolute links to it are checked too. */
  origin?: string;
  /** The address and day of the post being checked: relative links and scheduled targets. */
  page?: { url: string; date: Date };
}

const SAMPLE_ADDRESS = '/blog/2022/titel-des-beitrags/';

/** Whether `url` is on the site at `origin`, over http or https, with or without `www.`. */
const isOwnHost = (url: URL, origin: string): boolean => {
  const bare = (host: string) => host.replace(/^www\./i, '').toLowerCase();
  return bare(url.host) === bare(new URL(origin).host);
};

/** The address of a post whose file name is the last part of `path` (`/blog/2021/x/` → x's address). */
const addressBySlug = (path: string, targets: LinkTargets): string | undefined =>
  targets.byFileName?.get(path.split('/').filter((part) => part !== '' && part !== '.' && part !== '..').at(-1) ?? '');

/**
 * What is wrong with one link of a post, judged as the deploy's check of the built site
 * (scripts/lib/verify.ts) would: every internal link must lead to a page or file of the build.
 */
export function linkProblem(url: string, targets: LinkTargets): Pick<Problem, 'message' | 'severity'> | undefined {
  const error = (message: string) => ({ message: `Link auf ${url}: ${message}`, severity: 'error' as const });
  if (url === '' || url.startsWith('#')) return undefined;
  let pathUrl = url;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined || url.startsWith('//')) {
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined;
    let target: URL;
    try {
      target = new URL(url, 'https://invalid.invalid');
    } catch {
      return error('ist keine gültige Adresse; erwartet wird z. B. https://www.example.org/');
    }
    if (targets.origin === undefined || !isOwnHost(target, targets.origin)) return undefined;
    pathUrl = `${target.pathname}${target.search}${target.hash}`;
  } else if (!url.startsWith('/')) {
    if (/\.mdx?(?:[#?]|$)/i.test(url)) return mdxLinkProblem(url, targets);
    const base = targets.page?.url;
    const resolved = base === undefined ? undefined : internalPath(new URL(url, `https://invalid.invalid${base}`).pathname);
    const hint = resolved !== undefined && targets.knownPaths.has(resolved) ? resolved : (addressBySlug(url.split(/[#?]/)[0]!, targets) ?? SAMPLE_ADDRESS);
    return error(
      `relative Adressen führen in der Übersicht, im Artikel und im Feed an verschiedene Stellen; erwartet wird die Adresse ab dem ersten Schrägstrich, z. B. ${hint}`,
    );
  }
  const path = internalPath(pathUrl);
  if (path === undefined || targets.knownPaths.has(path)) return undefined;
  if (/\.mdx?$/i.test(path)) return mdxLinkProblem(url, targets);
  const redirect = targets.aliases?.get(path);
  if (redirect !== undefined) {
    return {
      message: `Link auf ${url}: das ist eine alte Adresse, die weiterleitet; erwartet wird die neue Adresse ${redirect}`,
      severity: 'warning',
    };
  }
  const hidden = targets.hidden?.get(path);
  if (hidden !== undefined) {
    if (hidden.draft) return error('der Beitrag ist ein Entwurf (draft: true) und nicht veröffentlicht; erwartet wird ein Link auf eine veröffentlichte Seite');
    // A scheduled post may link to one that appears on the same day or before it.
    if (targets.page !== undefined && toDayKey(targets.page.date) >= toDayKey(hidden.date)) return undefined;
    return error(
      `der Beitrag ist für den ${formatDate(hidden.date)} geplant und bis dahin nicht erreichbar; erwartet wird ein Link auf eine veröffentlichte Seite (oder dieser Beitrag erscheint frühestens am selben Tag)`,
    );
  }
  if (/\.[a-z0-9]+$/i.test(path)) {
    return error(
      `diese Datei gibt es nicht; erwartet wird eine Datei in public/ (public${path} für den Link ${path}), Dateien zum Herunterladen z. B. in public/downloads/`,
    );
  }
  const similar = path.startsWith('/blog/') ? addressBySlug(path, targets) : undefined;
  if (similar !== undefined && targets.knownPaths.has(similar)) {
    return error(`diese Seite gibt es nicht; gemeint ist wohl ${similar} (Jahr und Dateiname bilden die Adresse)`);
  }
  return error(`diese Seite gibt es nicht; erwartet wird die Adresse einer bestehenden Seite, z. B. ${SAMPLE_ADDRESS}`);
}

/** A link written to a post's file (`anderer-beitrag.mdx`) instead of its address. */
function mdxLinkProblem(url: string, targets: LinkTargets): Pick<Problem, 'message' | 'severity'> {
  const address = targets.byFileName?.get(slugFromPath(url.split(/[#?]/)[0]!.split('/').filter((part) => part !== '.' && part !== '..').join('/')));
  return {
    message: `Link auf ${url}: Links führen auf die Adresse eines Beitrags, nicht auf seine Datei; erwartet wird ${address ?? `die Adresse des Beitrags, z. B. ${SAMPLE_ADDRESS}`}`,
    severity: 'error',
  };
}


/** Path part of an internal link (`/blog/2022/x/#a` → `/blog/2022/x/`), or undefined for other links. */
export function internalPath(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  let path = url.split('#')[0]!.split('?')[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep as written; the lookup will report it
  }
  // Pages end in a slash; a link to a page without one still reaches it.
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return path;
}
