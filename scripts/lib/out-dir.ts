/**
 * The output folder named on an `astro build` command line (`--outDir x`, `--outDir=x`, or the
 * same with `--out-dir`; of several, the last), or Astro's default
 * `dist`. Only a fallback of scripts/build.ts for a build that failed before Astro reported the
 * folder itself (src/integrations/build-report.ts).
 */
export function outDirOf(argv: readonly string[]): string {
  let outDir = 'dist';
  for (const [index, arg] of argv.entries()) {
    const match = /^--(?:outDir|out-dir)(?:=(.*))?$/.exec(arg);
    if (!match) continue;
    const value = match[1] ?? argv[index + 1];
    if (value !== undefined && value !== '' && !value.startsWith('--')) outDir = value;
  }
  return outDir;
}
