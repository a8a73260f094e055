/**
 * HTTP benchmark (not a test): builds the site, serves it with Apache and its .htaccess on
 * loopback, and loads `/` and an article for 10 s each with autocannon, like a browser that
 * accepts brotli. Prints requests per second, latency p50/p99 and errors, which must be zero.
 *
 *   npm run bench:http            (BENCH_DURATION=30 BENCH_CONNECTIONS=50 to change the load)
 */
import autocannon from 'autocannon';
import { htmlPages } from '../tests/build/helpers.ts';
import { buildAndServe } from './apache-site.ts';

const duration = Number(process.env['BENCH_DURATION'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);

const { outDir, server } = await buildAndServe('bench-http');
const article = htmlPages(outDir).find((path) => path.startsWith('/blog/'));
if (!article) throw new Error('no article in the build');

let failed = false;
try {
  const rows = [];
  for (const path of ['/', article]) {
    console.log(`Loading ${path} for ${duration} s with ${connections} connections …`);
    const result = await autocannon({
      url: `${server.origin}${path}`,
      connections,
      duration,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    if (errors > 0) failed = true;
    rows.push({
      path,
      'requests/s': Math.round(result.requests.average),
      'latency p50 (ms)': result.latency.p50,
      'latency p99 (ms)': result.latency.p99,
      'MB/s': Number((result.throughput.average / 1e6).toFixed(1)),
      requests: result.requests.total,
      errors,
    });
  }
  console.log(`\nApache ${server.origin}, ${connections} connections, ${duration} s per path, Accept-Encoding: br, gzip`);
  console.table(rows);
} finally {
  await server.stop();
}
if (failed) {
  console.error('There were errors, timeouts or non-2xx answers.');
  process.exitCode = 1;
}
