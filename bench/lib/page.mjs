// In-page instrumentation shared by the measurements. Each function passed to addInitScript runs
// in the page before any of the app's scripts (the CSP does not apply to Playwright's init scripts).

/** Chromium DevTools' "Slow 4G" preset (the old "Fast 3G"): 562.5 ms latency,
 * 1.6 Mbit/s × 0.9 = 1.44 Mbit/s = 180,000 B/s down, 750 kbit/s × 0.9 = 675 kbit/s = 84,375 B/s up. */
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };

/**
 * Records, relative to navigation start (performance.now()):
 *   app.dom    the app's first view is in the DOM (`main#main h1` present, `#boot` gone)
 *   app.paint  the next frame after that has been produced (rAF, then a message task)
 *   report.dom / report.paint  the same for the report's last element `#report-end`.
 */
export function readyProbe() {
  const B = (window.__benchReady = { app: {}, report: {} });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  const check = () => {
    if (B.app.dom == null && document.querySelector('main#main h1') && !document.getElementById('boot')) {
      B.app.dom = performance.now();
      afterPaint((t) => { B.app.paint = t; });
    }
    if (B.report.dom == null && document.getElementById('report-end')) {
      B.report.dom = performance.now();
      afterPaint((t) => { B.report.paint = t; });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
}

/**
 * Times every localStorage call, and every timer callback that touches localStorage (the
 * autosave is a debounced setTimeout: its callback is the whole save, serialization included).
 */
export function storageProbe() {
  const B = (window.__benchStorage = { ops: [], tasks: [] });
  let current = null;
  for (const name of ['setItem', 'getItem', 'removeItem']) {
    const orig = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      const t0 = performance.now();
      try {
        return orig.apply(this, args);
      } finally {
        const op = { op: name, key: String(args[0]), t0, ms: performance.now() - t0 };
        if (name === 'setItem') op.chars = String(args[1]).length;
        B.ops.push(op);
        if (current) current.ops.push(op);
      }
    };
  }
  const setTimeoutOrig = window.setTimeout;
  window.setTimeout = function (cb, delay, ...rest) {
    if (typeof cb !== 'function') return setTimeoutOrig.call(this, cb, delay, ...rest);
    return setTimeoutOrig.call(this, function (...a) {
      const task = { t0: performance.now(), delay, ops: [] };
      const outer = current;
      current = task;
      try {
        return cb.apply(this, a);
      } finally {
        task.ms = performance.now() - task.t0;
        current = outer;
        if (task.ops.some((o) => o.op === 'setItem')) B.tasks.push(task);
      }
    }, delay, ...rest);
  };
}

/** Forced GC, then the V8 heap as CDP reports it (bytes). */
export async function heapUsage(cdp) {
  await cdp.send('HeapProfiler.enable').catch(() => {});
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const h = await cdp.send('Runtime.getHeapUsage');
  return {
    usedSize: h.usedSize,
    totalSize: h.totalSize,
    // ArrayBuffers (the wasm linear memory among them) live outside the V8 heap.
    backingStorageSize: h.backingStorageSize ?? null,
    embedderHeapUsedSize: h.embedderHeapUsedSize ?? null,
  };
}

/** Applies CPU and network emulation to a page's CDP session; records bytes on the wire. */
export async function emulate(cdp, { cpu = 1, network = null, cacheDisabled = false } = {}) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await cdp.send('Network.emulateNetworkConditions', network || {
    offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
  });
}

/** Sums encodedDataLength of every response the page received (bytes on the wire). */
export function countBytes(cdp) {
  const byId = new Map();
  const urls = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, { url: e.response.url, sw: e.response.fromServiceWorker }));
  cdp.on('Network.loadingFinished', (e) => byId.set(e.requestId, e.encodedDataLength));
  return () => {
    const rows = [...byId].map(([id, bytes]) => ({ ...(urls.get(id) || {}), bytes }));
    return { total: rows.reduce((s, r) => s + r.bytes, 0), rows };
  };
}

/** Keeps the app's WebAssembly.Memory reachable (as window.__benchWasmMemory) so its size can
 * be read: the Rust heap lives there, outside the V8 heap that Runtime.getHeapUsage reports. */
export function wasmMemoryProbe() {
  const keep = (result) => {
    const instance = result && (result.instance || result);
    const memory = instance && instance.exports && instance.exports.memory;
    if (memory instanceof WebAssembly.Memory) window.__benchWasmMemory = memory;
    return result;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = function (...args) { return orig.apply(this, args).then(keep); };
  }
}
