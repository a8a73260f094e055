/**
 * Measuring a child process: wall time and the peak resident memory of its whole process tree
 * (Linux /proc), and what a build wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Measured {
  code: number | null;
  /** Wall-clock time from spawn to exit. */
  wallMs: number;
  /**
   * CPU time (user + system) of the command and the children it waited for, from
   * `/usr/bin/time`; undefined where that is missing. Less disturbed than wall time when other
   * work shares the machine.
   */
  cpuMs: number | undefined;
  /** Highest sum of VmRSS over the child and all its descendants seen while sampling. */
  peakRssBytes: number;
  /** Highest VmRSS seen per process name (`node`, `pagefind`, …): which process makes the peak. */
  peakRssByName: Record<string, number>;
  /** stdout and stderr, interleaved. */
  output: string;
}

/** Parent pid of every process, read from /proc/<pid>/stat; empty where /proc is missing. */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** `pid` and all its descendants. */
export function processTree(pid: number, parents: Map<number, number> = parentPids()): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parents) {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    tree.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return tree;
}

/** Name and resident set size (bytes) of one process; 0 bytes when it is gone. */
function processRss(pid: number): { name: string; bytes: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', bytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return { name: '?', bytes: 0 };
  }
}

/** Sum of VmRSS over `pid` and its descendants, and each process's share by name. */
export function treeRss(pid: number): { bytes: number; byName: Map<string, number> } {
  const byName = new Map<string, number>();
  let bytes = 0;
  for (const member of processTree(pid)) {
    const { name, bytes: own } = processRss(member);
    bytes += own;
    byName.set(name, (byName.get(name) ?? 0) + own);
  }
  return { bytes, byName };
}

/** GNU time, which reports the CPU time of a command and its waited-for children. */
const TIME = '/usr/bin/time';

/** Reads `<user seconds> <system seconds>` as written by `time -f '%U %S'`. */
export function parseCpuTime(text: string): number | undefined {
  const match = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(text.trim());
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : undefined;
}

/**
 * Runs `command args` and samples the memory of its process tree every `intervalMs`.
 * Output is collected, not shown.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number; cpuTimeFile?: string },
): Promise<Measured> {
  const timed = options.cpuTimeFile !== undefined && existsSync(TIME);
  const [file, argv] = timed
    ? [TIME, ['-o', options.cpuTimeFile!, '-f', '%U %S', command, ...args]]
    : [command, [...args]];
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env });
    let output = '';
    let peak = 0;
    const peakByName: Record<string, number> = {};
    const sample = () => {
      if (child.pid === undefined) return;
      const { bytes, byName } = treeRss(child.pid);
      peak = Math.max(peak, bytes);
      for (const [name, own] of byName) peakByName[name] = Math.max(peakByName[name] ?? 0, own);
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const cpuMs = timed && existsSync(options.cpuTimeFile!) ? parseCpuTime(readFileSync(options.cpuTimeFile!, 'utf8')) : undefined;
      resolvePromise({ code, wallMs: performance.now() - start, cpuMs, peakRssBytes: peak, peakRssByName: peakByName, output });
    });
  });
}

export interface OutputStats {
  files: number;
  /** Bytes of everything written, precompressed siblings (`.br`, `.gz`, `.zst`) not counted. */
  bytes: number;
  /** Bytes of precompressed siblings. */
  precompressedBytes: number;
  /** Built HTML pages. */
  pages: number;
  /** JavaScript files written. */
  scripts: number;
  /** Relative paths of HTML pages that contain a `<script>` other than JSON data. */
  pagesWithScript: string[];
}

/** Counts what a build wrote into `dir`. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, precompressedBytes: 0, pages: 0, scripts: 0, pagesWithScript: [] };
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        walk(path);
        continue;
      }
      if (/\.(?:br|gz|zst)$/.test(name)) {
        stats.precompressedBytes += info.size;
        continue;
      }
      stats.files++;
      stats.bytes += info.size;
      if (name.endsWith('.js') || name.endsWith('.mjs')) stats.scripts++;
      if (name.endsWith('.html')) {
        stats.pages++;
        if (hasExecutableScript(readFileSync(path, 'utf8'))) {
          stats.pagesWithScript.push(relative(dir, path).split('\\').join('/'));
        }
      }
    }
  };
  walk(dir);
  return stats;
}

/** True when HTML contains a `<script>` a browser would run (JSON and JSON-LD data blocks are not). */
export function hasExecutableScript(html: string): boolean {
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(match[1] ?? '')?.[1]?.toLowerCase();
    if (type === undefined || type === 'module' || type.includes('javascript')) return true;
  }
  return false;
}
