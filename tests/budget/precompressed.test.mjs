// The release ships `.br` and `.gz` beside every text and wasm file (tools/post_build.mjs) for
// hosts that serve precompressed files. A stale or truncated copy would be served in place of
// the real file, so each one must decompress to exactly the file beside it; and the service
// worker must never precache them (that would download the app a second and third time).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const DIST = process.env.DIST || new URL('../../dist/', import.meta.url).pathname;
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.webmanifest', '.svg']);
const files = readdirSync(DIST);
const originals = files.filter((f) => COMPRESSIBLE.has(extname(f)));

test('every text and wasm file has .br and .gz copies that decompress to it exactly', () => {
  assert.ok(originals.some((f) => f.endsWith('_bg.wasm')), 'the wasm is among the compressed files');
  for (const f of originals) {
    const raw = readFileSync(join(DIST, f));
    for (const [ext, decompress] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      assert.ok(existsSync(join(DIST, f + ext)), `${f}${ext} is missing`);
      const back = decompress(readFileSync(join(DIST, f + ext)));
      assert.ok(back.equals(raw), `${f}${ext} does not decompress to ${f}`);
    }
  }
  const orphans = files.filter((f) => /\.(br|gz)$/.test(f) && !files.includes(f.replace(/\.(br|gz)$/, '')));
  assert.deepEqual(orphans, [], 'compressed copies without their file');
  const wasm = originals.find((f) => f.endsWith('_bg.wasm'));
  console.log(`# ${wasm}: ${readFileSync(join(DIST, wasm + '.br')).length} B brotli, ${readFileSync(join(DIST, wasm + '.gz')).length} B gzip`);
});

test('the service worker precaches the files themselves, never their compressed copies', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const list = /const ASSETS = (\[.*\]);/.exec(sw);
  assert.ok(list, 'sw.js has an ASSETS list');
  const assets = JSON.parse(list[1]);
  assert.ok(assets.some((a) => a.endsWith('_bg.wasm')), 'the wasm is precached');
  assert.deepEqual(assets.filter((a) => /\.(br|gz)$/.test(a)), []);
});
