/**
 * Pure parts of deploy and rollback: where to publish, how releases are named, which one to
 * switch back to, which to delete, and the shell commands that switch `current`.
 *
 * Layout on the target:
 *   <target>/releases/<name>/            one complete build per deploy, named by its UTC time
 *   <target>/releases/<name>.partial/    a copy not finished yet (or left by a killed deploy)
 *   <target>/releases/<name>.deleting/   an old release being deleted
 *   <target>/current                     symlink to releases/<name>: the web server's document root
 *   <target>/.deploy-lock/               held by the one deploy or rollback at work (lock.ts)
 *
 * Only complete releases carry a release name, so `current`, rollback and pruning never see the
 * other folders; the next deploy, holding the lock, deletes them.
 */

/** Where the site is published: a local folder or `[user@]host:path` reached over ssh. */
export type DeployTarget = { kind: 'local'; path: string } | { kind: 'remote'; host: string; path: string };

/**
 * Reads `DEPLOY_TARGET` the way rsync does: a colon before the first slash means a remote
 * host (`user@host:path`, `host:/abs/path`); anything else is a local path.
 */
export function parseTarget(value: string | undefined): DeployTarget {
  const text = (value ?? '').trim();
  if (text === '') throw new Error('DEPLOY_TARGET fehlt: ein Ordner (/srv/blog) oder user@host:pfad');
  const remote = /^([^/:]+):(.*)$/.exec(text);
  if (remote) {
    const [, host = '', path = ''] = remote;
    if (path === '') throw new Error(`DEPLOY_TARGET „${text}“: nach dem Doppelpunkt fehlt der Pfad auf dem Server`);
    return { kind: 'remote', host, path: path.replace(/\/+$/, '') || '/' };
  }
  return { kind: 'local', path: text.replace(/(.)\/+$/, '$1') };
}

/** The target as rsync and people write it. */
export const describeTarget = (target: DeployTarget): string =>
  target.kind === 'local' ? target.path : `${target.host}:${target.path}`;

const RELEASE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/;

/** Name of a release made at `now`: its UTC time, sortable as text, valid in any file system. */
export const releaseName = (now: Date): string => now.toISOString().replace(/:/g, '-');

/** Whether a folder name in `releases/` is one of ours (nothing else is ever switched to or deleted). */
export const isReleaseName = (name: string): boolean => RELEASE_NAME.test(name);

/** The folder a release is copied into; renamed to the release's name once the copy is complete. */
export const partialName = (name: string): string => `${name}.partial`;

const LEFTOVER_NAME = new RegExp(`^${RELEASE_NAME.source.slice(1, -1)}\\.(partial|deleting)$`);

/** Whether a folder in `releases/` is what an unfinished copy or deletion left behind. */
export const isLeftoverName = (name: string): boolean => LEFTOVER_NAME.test(name);

/** The time a release name stands for. */
const releaseTime = (name: string): number =>
  Date.parse(name.slice(0, 24).replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'));

/**
 * Name for a new release made at `now`: later than every existing name (complete or left over),
 * so releases sort in the order they were published even when the deploying machines' clocks differ.
 */
export function nextReleaseName(now: Date, existing: readonly string[]): string {
  const latest = Math.max(-Infinity, ...existing.filter((name) => isReleaseName(name) || isLeftoverName(name)).map(releaseTime));
  return releaseName(new Date(Math.max(now.getTime(), latest + 1)));
}

/** Release names from a listing of `releases/`, oldest first, without anything foreign. */
export const sortReleases = (names: readonly string[]): string[] => names.filter(isReleaseName).sort();

/** The release name `current` points to, from the symlink's text (`releases/<name>`), or undefined. */
export function currentRelease(link: string | undefined): string | undefined {
  const name = (link ?? '').trim().replace(/\/+$/, '').split('/').at(-1) ?? '';
  return isReleaseName(name) ? name : undefined;
}

/** The release before `current`, which `npm run rollback` switches to. */
export function previousRelease(releases: readonly string[], current: string | undefined): string | undefined {
  const sorted = sortReleases(releases);
  const index = current === undefined ? -1 : sorted.indexOf(current);
  return index > 0 ? sorted[index - 1] : undefined;
}

/**
 * Releases to delete after a deploy: all but the newest `keep`, and never `current` or the one
 * before it, so a rollback always has somewhere to go.
 */
export function releasesToPrune(releases: readonly string[], current: string | undefined, keep: number): string[] {
  const sorted = sortReleases(releases);
  const protectedNames = new Set([current, previousRelease(sorted, current)]);
  return sorted.slice(0, Math.max(0, sorted.length - Math.max(2, keep))).filter((name) => !protectedNames.has(name));
}

/** Quotes a word for a POSIX shell (locally and on the ssh host). */
export const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Ignore Ctrl-C, kill and hang-up, so a script that changes the target always runs to its end. */
const UNINTERRUPTED = "trap '' HUP INT TERM";

/**
 * Shell commands that point `current` at `releases/<name>` in one step: a new symlink under a
 * temporary name, then `mv -T` over the old one, which is a rename(2) and so atomic: every
 * request sees the old release or the new one, never a missing or half-copied site.
 * `fromPartial` first renames the finished copy `releases/<name>.partial` to its release name;
 * `guard` is a command that must succeed first (the lock check of lock.ts).
 */
export function switchScript(targetPath: string, name: string, options: { fromPartial?: boolean; guard?: string } = {}): string {
  if (!isReleaseName(name)) throw new Error(`kein Release-Name: ${name}`);
  return [
    UNINTERRUPTED,
    'set -e',
    `cd ${shellQuote(targetPath)}`,
    ...(options.guard === undefined ? [] : [options.guard]),
    ...(options.fromPartial ? [`mv -T ${shellQuote(`releases/${partialName(name)}`)} ${shellQuote(`releases/${name}`)}`] : []),
    `test -d ${shellQuote(`releases/${name}`)}`,
    `ln -sfn ${shellQuote(`releases/${name}`)} .current.tmp`,
    'mv -T .current.tmp current',
  ].join('\n');
}

/** Shell commands that list the folders in `releases/`, a separator line, and where `current` points. */
export const stateScript = (targetPath: string): string =>
  [`cd ${shellQuote(targetPath)} 2>/dev/null || exit 0`, 'ls -1 releases 2>/dev/null || true', 'echo ---', 'readlink current 2>/dev/null || true'].join('\n');

/** What `stateScript` printed: the releases (oldest first), the current one and what unfinished work left. */
export function parseState(output: string): { releases: string[]; current: string | undefined; leftovers: string[] } {
  const [listing = '', link = ''] = output.split(/^---$/m);
  const names = listing.split('\n').map((line) => line.trim());
  return { releases: sortReleases(names), current: currentRelease(link), leftovers: names.filter(isLeftoverName).sort() };
}

/**
 * Shell commands that delete the given releases (only names of ours, checked again here). Each is
 * renamed to `<name>.deleting` first, so a deletion cut short never leaves a half release behind.
 */
export function pruneScript(targetPath: string, names: readonly string[]): string {
  for (const name of names) if (!isReleaseName(name)) throw new Error(`kein Release-Name: ${name}`);
  if (names.length === 0) return 'true';
  const deleting = names.map((name) => shellQuote(`releases/${name}.deleting`));
  return [
    `cd ${shellQuote(targetPath)}`,
    ...names.map((name, index) => `mv -T ${shellQuote(`releases/${name}`)} ${deleting[index]}`),
    `rm -rf ${deleting.join(' ')}`,
  ].join(' && ');
}

/** Shell commands that delete what unfinished copies or deletions left (`isLeftoverName` only). */
export function cleanupScript(targetPath: string, names: readonly string[]): string {
  for (const name of names) if (!isLeftoverName(name)) throw new Error(`kein Rest eines Deploys: ${name}`);
  if (names.length === 0) return 'true';
  return `cd ${shellQuote(targetPath)} && rm -rf ${names.map((name) => shellQuote(`releases/${name}`)).join(' ')}`;
}
