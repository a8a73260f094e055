/**
 * Splits an `npm run build` command line into the output folder it names (`--outDir x`,
 * `--outDir=x`, or the same with `--out-dir`; of several, the last; Astro's default `dist`
 * without one) and the arguments left for `astro build`.
 */
export function splitOutDir(argv: readonly string[]): { outDir: string; rest: string[] } {
  let outDir = 'dist';
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const match = /^--(?:outDir|out-dir)(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const value = match[1] ?? argv[index + 1];
    if (match[1] === undefined && value !== undefined && !value.startsWith('--')) index++;
    if (value !== undefined && value !== '' && !value.startsWith('--')) outDir = value;
  }
  return { outDir, rest };
}
