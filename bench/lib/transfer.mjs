// Compressed transfer of a built dist/: what a browser downloads on the first visit, compressed
// the way a static host would (gzip -9 and brotli q11), per file and in total; and where the
// wasm's bytes are (code, data, custom sections).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotli, gzip } from './server.mjs';

/** The files of the first load: the page, its scripts, styles and the wasm module. The service
 * worker (fetched after load), nomodule.js (never fetched by a module-capable browser), icons and
 * the manifest are listed apart. Same set as tests/budget/size.test.mjs. */
export const isFirstLoad = (f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js' && f !== 'nomodule.js';

export function transfer(dist) {
  // The build's precompressed copies (.br, .gz) are what a host sends, not more files to load.
  const files = readdirSync(dist)
    .filter((f) => statSync(join(dist, f)).isFile() && !/\.(br|gz)$/.test(f))
    .sort();
  const rows = files.map((file) => {
    const raw = readFileSync(join(dist, file));
    return { file, firstLoad: isFirstLoad(file), raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  });
  const first = rows.filter((r) => r.firstLoad);
  const total = (key, set) => set.reduce((s, r) => s + r[key], 0);
  const wasmFile = files.find((f) => f.endsWith('_bg.wasm'));
  return {
    files: rows,
    firstLoad: { raw: total('raw', first), gzip: total('gzip', first), brotli: total('brotli', first) },
    everything: { raw: total('raw', rows), gzip: total('gzip', rows), brotli: total('brotli', rows) },
    wasm: wasmFile ? { file: wasmFile, ...rows.find((r) => r.file === wasmFile), sections: wasmSections(readFileSync(join(dist, wasmFile))) } : null,
  };
}

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

function leb(buf, at) {
  let result = 0;
  let shift = 0;
  let n = 0;
  for (;;) {
    const byte = buf[at + n];
    n += 1;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [result, n];
  }
}

/** Sizes of the module's sections (raw and each compressed on its own, which slightly
 * overstates the compressed share of small sections). */
export function wasmSections(buf) {
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, n] = leb(buf, at + 1);
    const start = at + 1 + n;
    let name = SECTION[id] || `section-${id}`;
    if (id === 0) {
      const [len, m] = leb(buf, start);
      name = `custom:${buf.subarray(start + m, start + m + len).toString('utf8')}`;
    }
    const body = buf.subarray(start, start + size);
    out.push({ name, raw: size, gzip: gzip(body).length, brotli: brotli(body).length });
    at = start + size;
  }
  return out;
}

/** Whether each bundled catalogue's JSON text is embedded verbatim in the wasm (include_str!). */
export function embeddedCatalogues(root, dist) {
  const wasmFile = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  if (!wasmFile) return [];
  const wasm = readFileSync(join(dist, wasmFile));
  const dir = join(root, 'core/src/catalogue/data');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const json = readFileSync(join(dir, f));
    return { file: f, raw: json.length, gzip: gzip(json).length, brotli: brotli(json).length, verbatimInWasm: wasm.indexOf(json) >= 0 };
  });
}
