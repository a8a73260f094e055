// The start of the benchmarks that load pages through Apache (bench/http.ts, bench/lighthouse.ts).
import { assertBuilt, buildSite } from '../tests/build/helpers.ts';
import { findApache, startApache, type ApacheServer } from '../tests/apache/server.ts';

/**
 * Builds the site into `tests/.tmp/<name>/` and serves it with Apache and its .htaccess on
 * loopback. Without Apache the benchmark stops with the package to install.
 */
export async function buildAndServe(name: string): Promise<{ outDir: string; server: ApacheServer }> {
  if (!findApache()) {
    console.error('Apache is not installed (Debian: apt-get install apache2).');
    process.exit(1);
  }
  console.log('Building the site …');
  const build = await buildSite(name);
  assertBuilt(build);
  return { outDir: build.outDir, server: await startApache(build.outDir) };
}
