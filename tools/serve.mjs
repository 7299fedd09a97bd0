// A plain static file server, like the cheapest static host: no rewrite rules, no fallback to
// index.html, unknown paths are 404. Used by `tools/serve.sh` and by the end-to-end tests.
//
//   node tools/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /tools/thc/]
//
// With --base the site is only reachable under that sub-path, as on a shared host.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Content types by file extension (also used by the benchmarks' compressing server). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names below `root`: `{ file, info }`, or `{ status }` 403 for a path
 * that leaves `root` and 404 for one that names nothing. A directory means its index.html. */
export async function findFile(root, relPath) {
  let file = normalize(join(root, relPath));
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  return info ? { file, info } : { status: 404 };
}

/** Answers 404 (with a plain-text body) or 403. */
export function refuse(res, status) {
  if (status === 404) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  else res.writeHead(status).end();
}

/** Hashed assets never change; the page and the worker must be re-checked every time. */
export const cacheControl = (file) => (/-[0-9a-f]{16}[._]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** Starts a server; resolves to { server, url } once it listens. */
export function startServer({ dir = 'dist', port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) {
        refuse(res, 404);
        return;
      }
      const found = await findFile(root, path.slice(prefix.length));
      if (found.status) {
        refuse(res, found.status);
        return;
      }
      const { file } = found;
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': cacheControl(file),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({ server, url: `http://${host}:${actual}${prefix}` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
  );
  const { url } = await startServer({
    dir: args.dir || 'dist',
    port: Number(args.port || 8080),
    host: args.host || '127.0.0.1',
    base: args.base || '/',
  });
  console.log(`Serving ${args.dir || 'dist'} at ${url}  (Ctrl+C to stop)`);
}
