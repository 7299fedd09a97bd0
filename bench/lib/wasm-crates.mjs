// Which crates the wasm's code bytes belong to, read from cargo's own output
// (target/wasm32-unknown-unknown/release/<bin>.wasm), which still has its name section: the shipped
// module has none after wasm-opt. Shares are indicative: they are measured before wasm-bindgen
// and wasm-opt -Oz (which shrink the code by about a quarter), wasm-bindgen's describe functions
// (removed by wasm-bindgen) are left out, and a generic function is counted under the first
// non-standard-library crate named in its symbol (so Leptos view code instantiated for the app's
// components counts as tachys/leptos, serde code for the app's types as serde).
import { existsSync, readFileSync, statSync } from 'node:fs';

const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins']);

function leb(buf, at) {
  let r = 0;
  let s = 0;
  let n = 0;
  for (;;) {
    const b = buf[at + n];
    n += 1;
    r += (b & 0x7f) * 2 ** s;
    s += 7;
    if (!(b & 0x80)) return [r, n];
  }
}

/** Crate names in a symbol, in order of appearance (legacy `_ZN` and v0 `_R` manglings). */
export function cratesOf(symbol) {
  if (symbol.startsWith('_R')) {
    const out = [];
    const re = /C(?:s[0-9A-Za-z]*_)?(\d+)/g;
    let m;
    while ((m = re.exec(symbol))) {
      const len = Number(m[1]);
      const at = m.index + m[0].length;
      const ident = symbol.slice(at, at + len);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(ident)) out.push(ident);
    }
    return out;
  }
  let text = symbol;
  if (symbol.startsWith('_ZN')) {
    // First path segment: `<impl Trait for X>` lists the trait first; put X first.
    const m = /^_ZN(\d+)/.exec(symbol);
    const first = m ? symbol.slice(m[0].length, m[0].length + Number(m[1])) : '';
    const impl = /^_?\$LT\$impl\$u20\$(.*)\$u20\$for\$u20\$(.*)\$GT\$$/.exec(first);
    text = impl ? `${impl[2]} ${impl[1]} ${symbol}` : symbol;
    if (!first.startsWith('_$LT$') && !first.startsWith('$LT$') && /^[A-Za-z_][A-Za-z0-9_]*$/.test(first)) text = `${first}.. ${text}`;
  }
  // Only the first component of each path (`core..iter..X` names core, not iter).
  return [...text.matchAll(/(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)\.\./g)].map((m) => m[1]);
}

function crateOf(symbol) {
  if (symbol.startsWith('__wbindgen') || symbol.startsWith('__wbg')) return 'wasm-bindgen glue';
  const crates = cratesOf(symbol);
  return crates.find((c) => !STD.has(c)) || crates[0] || '(unnamed)';
}

/** The module of `crate` a symbol names first (`thc_assess::ui::…` → `ui`), or null. */
function moduleOf(symbol, crate) {
  const at = symbol.indexOf(crate);
  if (at < 0) return null;
  const rest = symbol.slice(at + crate.length);
  const legacy = /^\.\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
  if (legacy) return legacy[1];
  const v0 = /^(\d+)/.exec(rest);
  if (v0) {
    const ident = rest.slice(v0[1].length, v0[1].length + Number(v0[1]));
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(ident)) return ident;
  }
  return null;
}

/** Code bytes by crate, largest first (and, for `appCrate`, by its top-level module), or null
 * when the module or its name section is missing. */
export function codeByCrate(file, appCrate = null) {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  let at = 8;
  let imports = 0;
  const bodies = [];
  const names = new Map();
  while (at < buf.length) {
    const id = buf[at];
    const [size, n] = leb(buf, at + 1);
    const start = at + 1 + n;
    const end = start + size;
    if (id === 2) {
      let p = start;
      const [count, m] = leb(buf, p);
      p += m;
      for (let i = 0; i < count; i += 1) {
        for (let k = 0; k < 2; k += 1) {
          const [l, q] = leb(buf, p);
          p += q + l;
        }
        const kind = buf[p];
        p += 1;
        if (kind === 0) {
          imports += 1;
          p += leb(buf, p)[1];
        } else if (kind === 1) {
          p += 1;
          const flags = buf[p];
          p += 1;
          p += leb(buf, p)[1];
          if (flags & 1) p += leb(buf, p)[1];
        } else if (kind === 2) {
          const flags = buf[p];
          p += 1;
          p += leb(buf, p)[1];
          if (flags & 1) p += leb(buf, p)[1];
        } else if (kind === 3) {
          p += 2;
        } else if (kind === 4) {
          p += 1;
          p += leb(buf, p)[1];
        }
      }
    } else if (id === 10) {
      let p = start;
      const [count, m] = leb(buf, p);
      p += m;
      for (let i = 0; i < count; i += 1) {
        const [l, q] = leb(buf, p);
        bodies.push(l + q);
        p += q + l;
      }
    } else if (id === 0) {
      const [nameLen, m] = leb(buf, start);
      if (buf.subarray(start + m, start + m + nameLen).toString() === 'name') {
        let p = start + m + nameLen;
        while (p < end) {
          const sub = buf[p];
          const [subLen, q] = leb(buf, p + 1);
          p += 1 + q;
          if (sub === 1) {
            let r = p;
            const [count, c] = leb(buf, r);
            r += c;
            for (let i = 0; i < count; i += 1) {
              const [idx, a] = leb(buf, r);
              r += a;
              const [l, b] = leb(buf, r);
              r += b;
              names.set(idx, buf.subarray(r, r + l).toString());
              r += l;
            }
          }
          p += subLen;
        }
      }
    }
    at = end;
  }
  if (names.size === 0) return null;
  const byCrate = new Map();
  const byModule = new Map();
  let total = 0;
  bodies.forEach((bytes, i) => {
    const name = names.get(imports + i) || '';
    if (name.includes('__wbindgen_describe') || /WasmDescribe|describe\d*17h|8describe17h/.test(name)) return;
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) || 0) + bytes);
    if (appCrate && crate === appCrate) {
      const mod = moduleOf(name, appCrate) || '(other)';
      byModule.set(mod, (byModule.get(mod) || 0) + bytes);
    }
    total += bytes;
  });
  const rows = [...byCrate].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, share: bytes / total }));
  const modules = [...byModule].sort((a, b) => b[1] - a[1]).map(([module, bytes]) => ({ module, bytes, share: bytes / total }));
  return { file, builtAt: statSync(file).mtime.toISOString(), totalCodeBytes: total, functions: bodies.length, crates: rows, appModules: modules };
}
