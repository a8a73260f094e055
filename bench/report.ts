/** Pure helpers of the build benchmark: statistics, reading Astro's build log, formatting. */

/** Median of the values; NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What Astro's build log says about one build. All times in milliseconds; undefined when not logged. */
export interface BuildLog {
  /** Content sync and type generation (`[types] Generated …`). */
  syncMs: number | undefined;
  /** Bundling: sum of Vite's `✓ built in …`. */
  bundleMs: number | undefined;
  /** Rendering every route (`generating static routes`). */
  routesMs: number | undefined;
  /** Image transformation (`generating optimized images`). */
  imagesMs: number | undefined;
  /** Astro's own total (`N page(s) built in …`). */
  totalMs: number | undefined;
  /** Images encoded in this build. */
  imagesEncoded: number;
  /** Images copied from the cache folder instead. */
  imagesReused: number;
  /** Pages Astro reports as built. */
  pagesBuilt: number | undefined;
  /** After Astro's process (scripts/build.ts): the search index (`[suchindex] 1.2 s: …`). */
  searchIndexMs: number | undefined;
  /** After Astro's process: the `.br`/`.gz` copies (`[vorkomprimiert] 3.4 s: …`). */
  precompressMs: number | undefined;
}

/** `123ms`, `1.48s` or `2m 3s` (as Astro prints durations) in milliseconds. */
export function parseDuration(text: string): number | undefined {
  const minutes = /^(\d+)m\s*(\d+(?:\.\d+)?)s$/.exec(text.trim());
  if (minutes) return (Number(minutes[1]) * 60 + Number(minutes[2])) * 1000;
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

const DURATION = String.raw`(\d+m\s*\d+(?:\.\d+)?s|\d+(?:\.\d+)?m?s)`;

/** The first `✓ Completed in …` after `heading` in `log`. */
function completedAfter(log: string, heading: string): number | undefined {
  const start = log.indexOf(heading);
  if (start < 0) return undefined;
  const match = new RegExp(String.raw`✓ Completed in ${DURATION}`).exec(log.slice(start));
  return match ? parseDuration(match[1]!) : undefined;
}

/** Seconds from a line `[step] 1.23 s: …` of scripts/build.ts, in milliseconds. */
function finishStep(log: string, step: string): number | undefined {
  const match = new RegExp(String.raw`^\[${step}\] (\d+(?:\.\d+)?) s:`, 'm').exec(log);
  return match ? Number(match[1]) * 1000 : undefined;
}

/** Reads phase timings and image counts from the (uncoloured) output of `npm run build`. */
export function parseBuildLog(log: string): BuildLog {
  const sync = new RegExp(String.raw`\[types\] Generated ${DURATION}`).exec(log);
  const total = new RegExp(String.raw`(\d+) page\(s\) built in ${DURATION}`).exec(log);
  const bundles = [...log.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))];
  return {
    syncMs: sync ? parseDuration(sync[1]!) : undefined,
    bundleMs: bundles.length > 0 ? bundles.reduce((sum, match) => sum + (parseDuration(match[1]!) ?? 0), 0) : undefined,
    routesMs: completedAfter(log, 'generating static routes'),
    imagesMs: completedAfter(log, 'generating optimized images'),
    totalMs: total ? parseDuration(total[2]!) : undefined,
    imagesEncoded: (log.match(/\(before: [\d.]+kB, after: [\d.]+kB\)/g) ?? []).length,
    imagesReused: (log.match(/\(reused cache entry\)/g) ?? []).length,
    pagesBuilt: total ? Number(total[1]) : undefined,
    searchIndexMs: finishStep(log, 'suchindex'),
    precompressMs: finishStep(log, 'vorkomprimiert'),
  };
}

/** `12.3 s`, `850 ms`. */
export const formatMs = (ms: number): string =>
  Number.isNaN(ms) ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

/** `1.2 GB`, `350 MB`, `12 kB`. */
export function formatBytes(bytes: number): string {
  if (Number.isNaN(bytes)) return '–';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
}

/** `0.48×`; `–` when the ratio is unknown. */
export const formatRatio = (value: number, base: number): string =>
  Number.isFinite(value / base) && base > 0 ? `${(value / base).toFixed(2)}×` : '–';

/** A Markdown table: one header row, then the rows, columns padded for reading in a terminal. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Comma-separated positive integers (`100,1000`); throws naming the bad entry. */
export function parseSizes(text: string): number[] {
  return text.split(',').map((entry) => {
    const value = Number(entry.trim().replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`Not a post count: "${entry}"`);
    return value;
  });
}
