import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { findApache } from './server.ts';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still compressed when `content-encoding` says so (fetch would decode them). */
  body: Buffer;
}

/** A GET without redirects or decoding, so tests see exactly what Apache sent. */
export function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, origin), { headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body decoded by its `content-encoding`. */
export function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  if (encoding === undefined) return response.body;
  throw new Error(`unexpected content-encoding ${encoding}`);
}

/**
 * Whether the Apache tests can run. Without Apache they are skipped with a loud notice on a
 * developer's machine, but fail in CI (`CI` set), where `.ci/run` installs it.
 */
export function apacheAvailable(what: string): boolean {
  if (findApache()) return true;
  const message = `Apache is not installed (Debian: apt-get install apache2), so ${what} cannot run.`;
  if (process.env['CI']) throw new Error(`${message} CI must install it (.ci/run).`);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING ${what.toUpperCase()}. ${message}\n${'!'.repeat(100)}\n`);
  return false;
}
