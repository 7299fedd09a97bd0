// Transfer size is deterministic, so its budget is a test (times are benchmarks, not tests).
// Slow 4G moves about 200 KB a second: every kilobyte of the first load is felt by a director.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const DIST = process.env.DIST || new URL('../../dist/', import.meta.url).pathname;
const KB = 1024;
export const BUDGET = { wasmGzip: 230 * KB, firstLoadGzip: 250 * KB };

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const files = readdirSync(DIST);

test(`compressed wasm stays within ${BUDGET.wasmGzip / KB} KB`, () => {
  const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 1, `exactly one wasm module in dist/: ${wasm}`);
  const size = gz(wasm[0]);
  console.log(`# wasm ${wasm[0]}: ${readFileSync(join(DIST, wasm[0])).length} B raw, ${size} B gzip -9`);
  assert.ok(size <= BUDGET.wasmGzip, `wasm is ${size} B gzipped, budget ${BUDGET.wasmGzip} B`);
});

test(`first-load transfer (html, js, wasm, css) stays within ${BUDGET.firstLoadGzip / KB} KB`, () => {
  const firstLoad = files.filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js' && f !== 'nomodule.js');
  const sizes = firstLoad.map((f) => [f, gz(f)]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  for (const [f, n] of sizes) console.log(`# ${f}: ${n} B gzip -9`);
  console.log(`# first load total: ${total} B gzip -9`);
  assert.ok(total <= BUDGET.firstLoadGzip, `first load is ${total} B gzipped, budget ${BUDGET.firstLoadGzip} B`);
});
