// Transfer size is deterministic, so its budget is a test (times are benchmarks, not tests).
// Slow 4G moves about 180 KB a second: every kilobyte of the first load is felt by a director.
//
// Two numbers per figure:
// - TARGET is the budget of issue 9 (first load ≤ 250 KB gzipped). The app misses it today, and
//   no split of this stack's output could meet it (BENCHMARKS.md, "Why the budget cannot be met"),
//   so it is printed against every run, never hidden.
// - CEILING is enforced: a little above today's size, so any growth fails the build and has to
//   be argued for (raise the ceiling in the same commit, with the reason) or paid for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const DIST = process.env.DIST || new URL('../../dist/', import.meta.url).pathname;
const KB = 1024;
export const TARGET = { wasmGzip: 230 * KB, firstLoadGzip: 250 * KB };
// Raised from 497 / 516 KB for issue 14 (refused figures kept and never judged, contradictions,
// nested shares, the choice kind, sources by title): +12.9 KB gzip after --low-memory-unused paid
// 3.6 KB of it back. BENCHMARKS.md, "Issue 14: wasm size before and after".
export const CEILING = { wasmGzip: 510 * KB, firstLoadGzip: 529 * KB };

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const files = readdirSync(DIST);
const verdict = (size, target) =>
  size <= target ? 'within target' : `MISSES the ${target / KB} KB target by ${((size - target) / KB).toFixed(1)} KB`;

test(`compressed wasm stays under its ${CEILING.wasmGzip / KB} KB ceiling`, () => {
  const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 1, `exactly one wasm module in dist/: ${wasm}`);
  const size = gz(wasm[0]);
  console.log(`# wasm ${wasm[0]}: ${readFileSync(join(DIST, wasm[0])).length} B raw, ${size} B gzip -9 (${verdict(size, TARGET.wasmGzip)})`);
  assert.ok(size <= CEILING.wasmGzip, `wasm is ${size} B gzipped, ceiling ${CEILING.wasmGzip} B`);
});

test(`first-load transfer (html, js, wasm, css) stays under its ${CEILING.firstLoadGzip / KB} KB ceiling`, () => {
  const firstLoad = files.filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js' && f !== 'nomodule.js');
  const sizes = firstLoad.map((f) => [f, gz(f)]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  for (const [f, n] of sizes) console.log(`# ${f}: ${n} B gzip -9`);
  console.log(`# first load total: ${total} B gzip -9 (${verdict(total, TARGET.firstLoadGzip)})`);
  assert.ok(total <= CEILING.firstLoadGzip, `first load is ${total} B gzipped, ceiling ${CEILING.firstLoadGzip} B`);
});
