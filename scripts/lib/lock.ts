/**
 * Pure parts of the deploy lock on the target: the shell scripts that take, refresh and release
 * it, how to read what they print, and when a lock counts as stale. `lockTarget` in target.ts
 * runs them; deploy and rollback hold the lock while they change the target.
 *
 * Layout on the target:
 *   <target>/.deploy-lock/owner          who holds it: token, command, host, machine, user, pid, started
 *   <target>/.deploy-lock/heartbeat      the target's clock (seconds) at the holder's last sign of life
 *   <target>/.deploy-lock/token-<token>  the handle: whoever deletes it may remove the lock
 *
 * A lock is written complete under a temporary name and renamed into place with `mv -T`, a
 * rename(2) that fails when the lock exists (a directory that is not empty), so taking it is
 * atomic and a lock is never seen half-written. Removing it (the holder on release, or one taker
 * of a stale lock) starts by deleting `token-<token>`, which succeeds for one process only, so two
 * deploys that find the same stale lock cannot both take it over, nor remove a lock taken since.
 */
import { shellQuote } from './releases.ts';

/** The lock folder in DEPLOY_TARGET. */
export const LOCK_DIR = '.deploy-lock';

/** How often the holder refreshes its heartbeat, in seconds. */
export const HEARTBEAT_EVERY = 15;

/** A lock whose heartbeat is older than this, in seconds, is stale, wherever its holder runs. */
export const STALE_AFTER = 120;

/** Default of DEPLOY_LOCK_WAIT: how long a deploy or rollback waits for a held lock, in seconds. */
export const DEFAULT_LOCK_WAIT = 600;

/** Who takes a lock: written into `owner`, one `key=value` line each. */
export interface LockOwner {
  /** Random hex, unique per attempt: names the handle file. */
  token: string;
  /** `deploy` or `rollback`. */
  command: string;
  /** Host name, for people. */
  host: string;
  /** Host name, boot and process namespace where known: only there is `pid` meaningful. */
  machine: string | undefined;
  user: string;
  pid: number;
}

/** A lock as read back from the target; fields are missing when the lock was not written by us. */
export interface LockHolder extends Partial<LockOwner> {
  /** When it was taken, by the target's clock (seconds since 1970). */
  started?: number;
  /** The holder's last heartbeat, by the target's clock. */
  heartbeat?: number;
}

/** What an attempt to take the lock found. */
export interface LockReply {
  /** `acquired`: ours now; `held`: someone else's; `free`: none, gone just now; `missing`: no target folder. */
  result: 'acquired' | 'held' | 'free' | 'missing';
  /** Whether this attempt removed the stale lock it was asked to break. */
  broke: boolean;
  /** The target's clock (seconds), to judge heartbeats by the clock that wrote them. */
  now: number | undefined;
  /** The lock found (after `held`, or ours after `acquired`). */
  holder: LockHolder | undefined;
}

/** Reads DEPLOY_LOCK_WAIT: whole seconds from 0 (do not wait), default DEFAULT_LOCK_WAIT. */
export function parseLockWait(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return DEFAULT_LOCK_WAIT;
  if (!/^\d+$/.test(text)) throw new Error(`DEPLOY_LOCK_WAIT muss eine ganze Zahl von Sekunden ab 0 sein, nicht „${value}“`);
  return Number(text);
}

/** Whether a token is one of ours (it becomes part of file names on the target). */
export const isLockToken = (token: string): boolean => /^[0-9a-f]{8,64}$/.test(token);

function checkToken(token: string): string {
  if (!isLockToken(token)) throw new Error(`kein Sperr-Token: ${token}`);
  return token;
}

/** One line of `owner`, without line breaks that would split it. */
const ownerLine = (key: string, value: string | number | undefined): string =>
  shellQuote(`${key}=${String(value ?? '').replace(/[\r\n]+/g, ' ')}`);

const LOCK = LOCK_DIR;

/** Removes what a lock attempt or release killed halfway can leave (older than any live attempt). */
const SWEEP = `find . -maxdepth 1 \\( -name '${LOCK}.new-*' -o -name '${LOCK}.old-*' \\) -mmin +1 -exec rm -rf {} + 2>/dev/null || true`;

/**
 * Shell commands that try once to take the lock and print a `LockReply` (`parseLockReply`).
 * `create` makes the target folder first (a first deploy); `breakToken` first removes the stale
 * lock with that token, if it is still there and nobody else has removed it.
 */
export function acquireScript(targetPath: string, owner: LockOwner, options: { create: boolean; breakToken?: string | undefined }): string {
  const token = checkToken(owner.token);
  const fresh = `${LOCK}.new-${token}`;
  const lines = [
    "trap '' HUP INT TERM",
    options.create
      ? `mkdir -p ${shellQuote(targetPath)} && cd ${shellQuote(targetPath)} || exit 1`
      : `cd ${shellQuote(targetPath)} 2>/dev/null || { echo result=missing; exit 0; }`,
  ];
  if (options.breakToken !== undefined) {
    const stale = checkToken(options.breakToken);
    lines.push(`if rm ${LOCK}/token-${stale} 2>/dev/null; then mv -T ${LOCK} ${LOCK}.old-${token} && rm -rf ${LOCK}.old-${token}; echo broke=yes; fi`);
  }
  const ownerLines = [
    ...(['token', 'command', 'host', 'machine', 'user', 'pid'] as const).map((key) => ownerLine(key, owner[key])),
    '"started=$(date +%s)"',
  ];
  lines.push(
    `if ! { mkdir ${fresh} && printf '%s\\n' ${ownerLines.join(' ')} > ${fresh}/owner && date +%s > ${fresh}/heartbeat && : > ${fresh}/token-${token}; }; then`,
    `  rm -rf ${fresh}; echo "Die Sperre ${LOCK} lässt sich in $(pwd) nicht anlegen." >&2; exit 1`,
    'fi',
    `read_lock() { owner=$(cat ${LOCK}/owner 2>/dev/null); heartbeat=$(cat ${LOCK}/heartbeat 2>/dev/null); }`,
    `if mv -T ${fresh} ${LOCK} 2>/dev/null; then echo result=acquired; ${SWEEP}; read_lock`,
    // Owner first, then whether the lock is still there: a lock moved away between the two reads
    // counts as free, not as a lock without owner; one that appeared in between is read again.
    `else rm -rf ${fresh}; read_lock; if test -d ${LOCK}; then [ -n "$owner" ] || read_lock; echo result=held; else echo result=free; fi; fi`,
    'echo "now=$(date +%s)"',
    `[ -z "$owner" ] || printf '%s\n' "$owner" | sed 's/^/lock./'`,
    'echo "lock.heartbeat=$heartbeat"',
  );
  return lines.join('\n');
}

/** Shell commands that refresh the heartbeat of the lock `token` and print `held`, or `lost` when it is gone. */
export function heartbeatScript(targetPath: string, token: string): string {
  checkToken(token);
  return [
    `cd ${shellQuote(targetPath)} || exit 1`,
    `if test -e ${LOCK}/token-${token}; then`,
    `  date +%s > ${LOCK}/heartbeat.${token} && mv -f ${LOCK}/heartbeat.${token} ${LOCK}/heartbeat && echo held`,
    'else echo lost; fi',
  ].join('\n');
}

/** Shell commands that remove the lock `token`, and nothing when it is not (or no longer) ours. */
export function releaseScript(targetPath: string, token: string): string {
  checkToken(token);
  return [
    "trap '' HUP INT TERM",
    `cd ${shellQuote(targetPath)} 2>/dev/null || exit 0`,
    `if rm ${LOCK}/token-${token} 2>/dev/null; then mv -T ${LOCK} ${LOCK}.old-${token} && rm -rf ${LOCK}.old-${token}; fi`,
  ].join('\n');
}

/** A shell command (run in the target folder) that fails unless the lock `token` is still held. */
export function lockGuard(token: string): string {
  checkToken(token);
  return `test -e ${LOCK}/token-${token} || { echo 'Die Sperre ${LOCK} gehört nicht mehr diesem Vorgang (als verwaist übernommen); current bleibt unverändert.' >&2; exit 3; }`;
}

const toNumber = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;

/** What `acquireScript` printed. */
export function parseLockReply(output: string): LockReply {
  const fields = new Map<string, string>();
  for (const line of output.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  const result = fields.get('result');
  if (result !== 'acquired' && result !== 'held' && result !== 'free' && result !== 'missing') {
    throw new Error(`unerwartete Antwort beim Sperren:\n${output.trim()}`);
  }
  const text = (key: string): string | undefined => fields.get(`lock.${key}`) || undefined;
  let holder: LockHolder | undefined;
  if (result === 'held' || result === 'acquired') {
    holder = {};
    const token = text('token');
    if (token !== undefined && isLockToken(token)) holder.token = token;
    for (const key of ['command', 'host', 'machine', 'user'] as const) {
      const value = text(key);
      if (value !== undefined) holder[key] = value;
    }
    const numbers = { pid: toNumber(text('pid')), started: toNumber(text('started')), heartbeat: toNumber(text('heartbeat')) };
    for (const [key, value] of Object.entries(numbers)) if (value !== undefined) holder[key as keyof typeof numbers] = value;
  }
  return { result, broke: fields.get('broke') === 'yes', now: toNumber(fields.get('now')), holder };
}

/** A span of seconds for people: `42 s`, `3 min`, `5 h`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 120 * 60) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/**
 * Why a lock is stale, or undefined while it is held: its holder ran on this machine and its
 * process is gone, or it gave no sign of life for longer than `staleAfter` seconds (by the
 * target's clock). A lock not written by us (no token) is never stale: it is for people to remove.
 */
export function staleReason(
  holder: LockHolder,
  context: { now: number | undefined; machine: string | undefined; isAlive: (pid: number) => boolean; staleAfter?: number },
): string | undefined {
  if (holder.token === undefined) return undefined;
  const { now, machine, isAlive, staleAfter = STALE_AFTER } = context;
  if (machine !== undefined && holder.machine === machine && holder.pid !== undefined && !isAlive(holder.pid)) {
    return `Prozess ${holder.pid} auf ${holder.host ?? 'diesem Rechner'} läuft nicht mehr`;
  }
  const lastSign = holder.heartbeat ?? holder.started;
  if (now !== undefined && lastSign !== undefined && now - lastSign > staleAfter) {
    return `seit ${formatAge(now - lastSign)} kein Lebenszeichen`;
  }
  return undefined;
}

/** A lock's holder for people: what, by whom, where and since when. */
export function describeHolder(holder: LockHolder, now: number | undefined): string {
  if (holder.token === undefined) {
    return `${LOCK_DIR} ohne Angaben zum Inhaber (von Hand oder von einer anderen Version angelegt?); läuft sicher kein Deploy mehr, den Ordner löschen`;
  }
  const who = `${holder.command ?? 'Vorgang'} von ${holder.user ?? '?'}@${holder.host ?? '?'}` + (holder.pid === undefined ? '' : ` (PID ${holder.pid})`);
  if (holder.started === undefined) return who;
  const since = `${new Date(holder.started * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `${who}, seit ${since}` + (now === undefined ? '' : ` (vor ${formatAge(now - holder.started)})`);
}
