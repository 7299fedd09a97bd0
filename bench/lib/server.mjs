// A static server for the benchmarks that compresses like a real host. tools/serve.mjs (the test
// server) sends every file uncompressed; on an emulated slow-4G line that would time a 1.2 MB
// download no deployment would send. This one answers Accept-Encoding with brotli (quality 11) or
// gzip (level 9), precompressed once per file, with the same cache headers as tools/serve.mjs, and
// counts the bytes it sends so a run can check what actually crossed the wire.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cacheControl, findFile, refuse, TYPES } from '../../tools/serve.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.webmanifest', '.svg']);

export const brotli = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
});
export const gzip = (buf) => gzipSync(buf, { level: 9 });

/**
 * Serves `dir` at http://127.0.0.1:<port>/. `encoding` is 'br' (brotli when the browser accepts
 * it, else gzip), 'gzip', or 'identity' (as tools/serve.mjs). Resolves to { url, close, log }
 * where log lists { path, encoding, bytes } of every response body sent.
 */
export async function startBenchServer({ dir, encoding = 'br' }) {
  const root = resolve(dir);
  const cache = new Map();
  // Compress every file before the first request: brotli q11 of the wasm takes seconds, which
  // must not be timed as network.
  const compressAll = async (d) => {
    for (const name of await readdir(d)) {
      const file = join(d, name);
      const info = await stat(file);
      if (info.isDirectory()) { await compressAll(file); continue; }
      if (!COMPRESSIBLE.has(extname(file)) || encoding === 'identity') continue;
      const raw = await readFile(file);
      for (const enc of encoding === 'br' ? ['br', 'gzip'] : ['gzip']) {
        cache.set(`${file}\0${enc}\0${info.mtimeMs}`, enc === 'br' ? brotli(raw) : gzip(raw));
      }
    }
  };
  await compressAll(root);
  const log = [];
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const found = await findFile(root, path);
      if (found.status) {
        refuse(res, found.status);
        return;
      }
      const { file, info } = found;
      const accepts = String(req.headers['accept-encoding'] || '');
      const ext = extname(file);
      let enc = 'identity';
      if (COMPRESSIBLE.has(ext) && encoding !== 'identity') {
        if (encoding === 'br' && /\bbr\b/.test(accepts)) enc = 'br';
        else if (/\bgzip\b/.test(accepts)) enc = 'gzip';
      }
      const key = `${file}\0${enc}\0${info.mtimeMs}`;
      let body = cache.get(key);
      if (!body) {
        const raw = await readFile(file);
        body = enc === 'br' ? brotli(raw) : enc === 'gzip' ? gzip(raw) : raw;
        cache.set(key, body);
      }
      const headers = {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': cacheControl(file),
        vary: 'accept-encoding',
      };
      if (enc !== 'identity') headers['content-encoding'] = enc;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        res.end();
      } else {
        log.push({ path, encoding: enc, bytes: body.length });
        res.end(body);
      }
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () => new Promise((ok) => {
    for (const s of sockets) s.destroy();
    server.close(() => ok());
  });
  return { url, close, log };
}
