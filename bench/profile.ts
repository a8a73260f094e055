/** Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by package and by function. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The parts of a `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

/**
 * Where a script URL belongs: `astro`, `@astrojs/mdx`, `node:internal`, `site` (the bundled
 * site code Astro runs to render pages), or a V8 pseudo frame such as `(garbage collector)`.
 */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1]!;
  if (/\/(?:\.prerender|chunks|pages|server)\//.test(url) || url.includes('/.astro/')) return 'site (bundled)';
  return 'other';
}

const top = (totals: Map<string, number>, all: number, count: number): ProfileEntry[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name, selfMs: micros / 1000, share: all > 0 ? micros / all : 0 }));

/** Name of a frame: function, and file:line without the path up to node_modules or the folder. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(?=[^/]+$)/, '');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

/**
 * Self time of the `count` most expensive packages and functions, and the inclusive time (self
 * plus everything it called) of the site's own functions: where the site's code spends time.
 */
export function summariseProfile(
  profile: CpuProfile,
  count = 15,
): { totalMs: number; packages: ProfileEntry[]; functions: ProfileEntry[]; siteInclusive: ProfileEntry[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || delta <= 0) return;
    all += delta;
    const { functionName, url } = node.callFrame;
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
    const name = frameName(node);
    functions.set(name, (functions.get(name) ?? 0) + delta);
    // Count each site function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let current: ProfileNode | undefined = node; current; current = byId.get(parentOf.get(current.id) ?? -1)) {
      if (packageOf(current.callFrame.url, current.callFrame.functionName) !== 'site (bundled)') continue;
      const frame = frameName(current);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + delta);
    }
  });
  return {
    totalMs: all / 1000,
    packages: top(packages, all, count),
    functions: top(functions, all, count),
    siteInclusive: top(inclusive, all, count),
  };
}

/** `node bench/profile.ts <file.cpuprofile> [count]` prints the summary of one profile. */
if (import.meta.main) {
  const { readFileSync } = await import('node:fs');
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) throw new Error('Usage: node bench/profile.ts <file.cpuprofile> [count]');
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(count));
  const line = (entry: ProfileEntry) =>
    `${entry.selfMs.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.name}`;
  console.log(`${summary.totalMs.toFixed(0)} ms sampled\n\nBy package:\n${summary.packages.map(line).join('\n')}`);
  console.log(`\nBy function:\n${summary.functions.map(line).join('\n')}`);
  console.log(`\nSite functions, inclusive:\n${summary.siteInclusive.map(line).join('\n')}`);
}
