// The WebAssembly features a built module really uses, and a tiny probe module for each, so the
// boot script can tell a browser that lacks one from a network failure (issue 19).
//
// "Uses" is measured, not read from the module's target_features section (which lists what the
// compiler was allowed to use): the module is re-validated by binaryen's wasm-opt with one feature
// group switched off at a time; a group whose absence makes validation fail is used.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// --- Probe modules, written out byte by byte ---------------------------------------------------
const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const I32 = 0x7f;
const EXTERNREF = 0x6f;

/** A module with one function `() -> results` whose body is `code`. */
function oneFunction(results, code, { memory = false } = {}) {
  const body = [0x00, ...code, 0x0b];
  return [
    ...HEADER,
    ...section(1, [1, 0x60, 0, results.length, ...results]),
    ...section(3, [1, 0]),
    ...(memory ? section(5, [1, 0x00, 0x01]) : []),
    ...section(10, [1, ...leb(body.length), ...body]),
  ];
}

/** Feature groups: the wasm-opt flags that make one, what a director is told, and its probe. */
export const GROUPS = [
  {
    id: 'sign-ext',
    flags: ['sign-ext'],
    zh: '符号扩展指令（sign-extension）',
    probe: oneFunction([I32], [0x41, 0x00, 0xc0]), // i32.const 0; i32.extend8_s
  },
  {
    id: 'nontrapping-float-to-int',
    flags: ['nontrapping-float-to-int'],
    zh: '浮点转整数不中断（non-trapping float-to-int）',
    probe: oneFunction([I32], [0x43, 0, 0, 0, 0, 0xfc, 0x00]), // f32.const 0; i32.trunc_sat_f32_s
  },
  {
    id: 'bulk-memory',
    flags: ['bulk-memory', 'bulk-memory-opt'],
    zh: '批量内存操作（bulk memory）',
    // i32.const 0 ×3; memory.copy 0 0
    probe: oneFunction([], [0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x0a, 0x00, 0x00], { memory: true }),
  },
  {
    id: 'reference-types',
    flags: ['reference-types', 'call-indirect-overlong'],
    zh: '引用类型（reference types）',
    probe: oneFunction([EXTERNREF], [0xd0, EXTERNREF]), // ref.null extern
  },
  {
    id: 'multivalue',
    flags: ['multivalue'],
    zh: '多返回值（multi-value）',
    probe: oneFunction([I32, I32], [0x41, 0, 0x41, 0]),
  },
  {
    id: 'mutable-globals',
    flags: ['mutable-globals'],
    zh: '可变全局变量（mutable globals）',
    // (import "m" "g" (global (mut i32)))
    probe: [...HEADER, ...section(2, [1, 1, 0x6d, 1, 0x67, 0x03, I32, 0x01])],
  },
];

const ALL_FLAGS = GROUPS.flatMap((g) => g.flags);

// The project's binaryen (npm `binaryen`, version 132), never whatever else is on PATH.
const WASM_OPT = fileURLToPath(new URL('../../node_modules/.bin/wasm-opt', import.meta.url));

function wasmOpt(args) {
  execFileSync(WASM_OPT, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** True when `file` validates with every known feature except `without`'s. */
export function validatesWithout(file, without) {
  const flags = ALL_FLAGS.filter((f) => !without.flags.includes(f)).map((f) => `--enable-${f}`);
  try {
    wasmOpt([file, '--mvp-features', ...flags, '-o', '/dev/null']);
    return true;
  } catch {
    return false;
  }
}

/** The feature groups the module in `wasmFile` uses. Fails loudly when the module uses a feature
 * this file has no probe for (a newer toolchain): add a group above. */
export function usedGroups(wasmFile) {
  const dir = mkdtempSync(join(tmpdir(), 'thc-features-'));
  try {
    const bare = join(dir, 'bare.wasm');
    const enable = ALL_FLAGS.map((f) => `--enable-${f}`);
    // Without its target_features section, wasm-opt judges the code, not the compiler's permission.
    wasmOpt([wasmFile, '--mvp-features', ...enable, '--strip-target-features', '-o', bare]);
    const used = GROUPS.filter((g) => !validatesWithout(bare, g));
    try {
      wasmOpt([bare, '--mvp-features', ...enable, '-o', '/dev/null']);
    } catch (err) {
      throw new Error(`the module uses a WebAssembly feature with no probe in tools/lib/wasm-features.mjs: ${err.stderr}`);
    }
    return used;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes each probe to `dir` (for tests) and returns the paths by group id. */
export function writeProbes(dir) {
  return Object.fromEntries(GROUPS.map((g) => {
    const path = join(dir, `${g.id}.wasm`);
    writeFileSync(path, Buffer.from(g.probe));
    return [g.id, path];
  }));
}
