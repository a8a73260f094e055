import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of everything a build can contain; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Content type for a file name, by its extension. */
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

/** The file a request path names, if it exists inside `root`: directories serve their `index.html`. */
async function resolveFile(root: string, urlPath: string): Promise<{ file: string } | { redirect: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return { file: path };
  if (info?.isDirectory()) {
    // Like nginx and Apache: a directory without its slash is redirected, so relative URLs resolve.
    if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return { file: index };
  }
  return undefined;
}

/**
 * Serves the built site in `root` over HTTP on 127.0.0.1 (a free port), as a plain static web
 * server would: `dir/` → `dir/index.html`, unknown paths → status 404 with `404.html` as body.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const notFoundPage = await readFile(join(base, '404.html')).catch(() => Buffer.from('Not found'));

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const found = await resolveFile(base, url.pathname);
    if (!found) {
      response.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html']!, 'Content-Length': notFoundPage.length });
      response.end(request.method === 'HEAD' ? undefined : notFoundPage);
      return;
    }
    if ('redirect' in found) {
      response.writeHead(301, { Location: found.redirect + url.search }).end();
      return;
    }
    const { size } = await stat(found.file);
    response.writeHead(200, { 'Content-Type': contentTypeOf(found.file), 'Content-Length': size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found.file).pipe(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
