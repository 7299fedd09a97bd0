#!/usr/bin/env node
// Browser benchmarks of the release build, against the issue's performance budgets and against
// two floors measured in the same run: a minimal Leptos CSR app (bench/floor-app/, the framework
// floor) and the rendered gap report saved as static HTML (the DOM floor).
//
//   node bench/run.mjs [--no-build] [--runs 5] [--samples 200] [--saves 15] [--no-markdown]
//   node bench/run.mjs --from-json      (re-render the table from bench/results/latest.json)
//
// Builds the app (tools/build.sh into $DIST, default dist/) and the floor app (trunk into
// $DIST_FLOOR, default /tmp/dist-floor) unless --no-build; then measures in Debian's Chromium
// (playwright-core + the DevTools protocol). Writes bench/results/latest.json and rewrites the
// table in BENCHMARKS.md between <!-- bench:begin --> and <!-- bench:end -->.
// Times are reported against their budgets (PASS/MISS) but never fail the run: a time belongs in
// a benchmark, not in a test. The exit code is non-zero only when the harness itself breaks.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/harness.mjs';
import { throttleServiceWorkers } from './lib/cdp.mjs';
import { card, createAssessment, directorFlow, input, openSection, waitForApp } from './lib/flows.mjs';
import { largeStoredAssessment, reportBenchCases } from './lib/fixture.mjs';
import { countBytes, emulate, heapUsage, readyProbe, SLOW_4G, storageProbe, wasmMemoryProbe } from './lib/page.mjs';
import { startBenchServer } from './lib/server.mjs';
import { median, percentile, round, sum } from './lib/stats.mjs';
import { embeddedCatalogues, transfer } from './lib/transfer.mjs';
import { codeByCrate } from './lib/wasm-crates.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const RESULTS = join(HERE, 'results');
const DIST = resolve(process.env.DIST || join(ROOT, 'dist'));
const DIST_FLOOR = resolve(process.env.DIST_FLOOR || '/tmp/dist-floor');
const KB = 1024;
// Runs for the report floors: as many as tests/e2e/report.bench.mjs takes for the app (20, after
// 2 warm-ups), so both sides of the ratio are medians of the same number of runs.
const REPORT_FLOOR_RUNS = 20;
const REPORT_BENCH = 'tests/e2e/report.bench.mjs';

// --- Options ---------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number`);
  return n;
};
if (flag('--help') || flag('-h')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 14).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const OPT = {
  build: !flag('--no-build'),
  runs: option('--runs', 5),
  samples: option('--samples', 200),
  saves: option('--saves', 15),
  markdown: !flag('--no-markdown'),
  fromJson: flag('--from-json'),
};
const COMMAND = [
  ...['DIST', 'DIST_FLOOR', 'CARGO_TARGET_DIR'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`),
  'node bench/run.mjs', ...argv,
].join(' ');

/** The issue's budgets. */
export const BUDGETS = {
  firstLoadKB: 250,
  coldLoadMs: 2500,
  repeatVisitMs: 800,
  inputP95Ms: 16,
  reportMs: 200,
  reportFloorRatio: 1.5,
  rollupMs: 2000,
};

// --- Progress, watchdog and clean-up ---------------------------------------------------------
const started = Date.now();
const say = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const cleanups = [];
async function cleanUp() {
  while (cleanups.length) {
    const f = cleanups.pop();
    await Promise.resolve().then(f).catch(() => {});
  }
}
// The whole run must stop by itself: nothing here should take more than 40 minutes (a cold
// release build of both crates on 2 cores plus every measurement is ~15).
const WATCHDOG_MS = 40 * 60 * 1000;
const watchdog = setTimeout(async () => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60000} minutes; stopping.`);
  await cleanUp();
  process.exit(2);
}, WATCHDOG_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`bench: ${signal}, cleaning up`);
    await cleanUp();
    process.exit(130);
  });
}

/** The 1-minute load average when each measurement started (the machine is shared). */
const stepLoad = {};
/** Runs a measurement; a failure is recorded (and printed) and the run goes on. */
async function step(name, fn) {
  const load = round(os.loadavg()[0], 2);
  stepLoad[name] = load;
  say(`${name}   (load average ${load})`);
  try {
    return await fn();
  } catch (err) {
    console.error(`  ! ${name} failed: ${err.stack || err}`);
    return { error: String(err.message || err) };
  }
}

// --- Build -------------------------------------------------------------------------------------
function run(cmd, args, opts) {
  say(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: 25 * 60 * 1000, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error || `exit ${r.status}`})`);
}

function build() {
  run('bash', ['tools/build.sh'], { cwd: ROOT, env: { ...process.env, DIST } });
  run('trunk', ['build', '--release', '--dist', DIST_FLOOR], {
    cwd: join(HERE, 'floor-app'),
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
}

/** Code bytes by crate from cargo's output for the app and the floor; flagged stale when it was
 * not built together with the wasm in dist/. */
function codeSizes() {
  // Without CARGO_TARGET_DIR each crate builds into its own target/ (the floor is its own workspace).
  const targetOf = (dir) => resolve(process.env.CARGO_TARGET_DIR || join(dir, 'target'), 'wasm32-unknown-unknown/release');
  const one = (file, crate, dist) => {
    const target = targetOf(crate === 'floor_app' ? join(HERE, 'floor-app') : ROOT);
    const r = codeByCrate(join(target, file), crate);
    if (!r) return { file: join(target, file), missing: true };
    const wasm = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
    const gap = wasm ? Math.abs(statSync(join(dist, wasm)).mtimeMs - statSync(join(target, file)).mtimeMs) : Infinity;
    return { ...r, stale: gap > 15 * 60 * 1000 };
  };
  // The app is two crates: the core (thc_core, by layer) and the browser shell (thc_assess).
  const app = one('thc-assess.wasm', 'thc_core', DIST);
  const shell = one('thc-assess.wasm', 'thc_assess', DIST);
  if (app.appModules && shell.appModules) app.shellModules = shell.appModules;
  return { app, floor: one('floor-app.wasm', 'floor_app', DIST_FLOOR) };
}

// --- Machine -----------------------------------------------------------------------------------
function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() || os.cpus()[0]?.model || 'unknown';
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc; } catch { /* keep os figure */ }
  return {
    nproc,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    cpu: model,
    chromium: browserVersion,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    date: new Date().toISOString(),
  };
}

// --- Page measurements ---------------------------------------------------------------------------
const THROTTLED = { cpu: 4, network: SLOW_4G, cacheDisabled: true };
const NONE = { cpu: 1, network: null, cacheDisabled: true };

async function readyTimes(page, which = 'app', timeout = 90000) {
  await page.waitForFunction((w) => window.__benchReady?.[w]?.paint != null, which, { timeout, polling: 50 });
  return page.evaluate((w) => window.__benchReady[w], which);
}

/** `runs` cold loads, each in a fresh context (empty cache, no service worker yet). */
async function coldLoads(browser, url, conditions, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    await context.addInitScript(readyProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const bytes = countBytes(cdp);
    await emulate(cdp, conditions);
    await page.goto(url, { waitUntil: 'commit', timeout: 90000 });
    const t = await readyTimes(page);
    samples.push({ dom: t.dom, paint: t.paint, bytes: bytes().total });
    await context.close();
    process.stdout.write(`    run ${i + 1}/${runs}: ${t.dom.toFixed(0)} ms\n`);
  }
  return summarise(samples);
}

function summarise(samples) {
  return {
    median: round(median(samples.map((s) => s.dom))),
    medianPaint: round(median(samples.map((s) => s.paint))),
    min: round(Math.min(...samples.map((s) => s.dom))),
    max: round(Math.max(...samples.map((s) => s.dom))),
    bytes: samples[0]?.bytes ?? null,
    samples: samples.map((s) => ({ dom: round(s.dom), paint: round(s.paint), bytes: s.bytes })),
  };
}

/** First visit, wait until the service worker controls the page, then reload throttled. */
async function repeatVisits(browser, url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    await context.addInitScript(readyProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    await readyTimes(page);
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30000, polling: 100 });
    const workers = await throttleServiceWorkers(browser, cdp, new URL(url).origin, SLOW_4G);
    const bytes = countBytes(cdp);
    await emulate(cdp, THROTTLED);
    await page.reload({ waitUntil: 'commit', timeout: 90000 });
    const t = await readyTimes(page);
    const served = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        navigationViaWorker: nav.workerStart > 0,
        navigationResponseStart: nav.responseStart,
        assetsFromWorkerCache: res.filter((r) => r.deliveryType === 'cache-storage').length,
        assets: res.length,
      };
    });
    samples.push({ dom: t.dom, paint: t.paint, bytes: bytes().total, workers: workers.count, ...served });
    await workers.detach();
    await context.close();
    process.stdout.write(`    run ${i + 1}/${runs}: ${t.dom.toFixed(0)} ms (navigation answered at ${served.navigationResponseStart.toFixed(0)} ms, ${served.assetsFromWorkerCache}/${served.assets} assets from the worker's cache, ${workers.count} worker throttled)\n`);
  }
  const s = summarise(samples);
  s.navigationResponseStartMedian = round(median(samples.map((x) => x.navigationResponseStart)));
  s.assetsFromWorkerCache = samples.map((x) => `${x.assetsFromWorkerCache}/${x.assets}`);
  s.workersThrottled = samples.map((x) => x.workers);
  return s;
}

/** Heap after the first view (and, for the app, after the director's walk through). */
async function heap(browser, url, { director = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  cleanups.push(() => context.close());
  await context.addInitScript(wasmMemoryProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const wasmMemory = () => page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
  await page.goto(url);
  await waitForApp(page);
  await page.waitForTimeout(500);
  const out = { afterLoad: { ...await heapUsage(cdp), wasmMemory: await wasmMemory() } };
  if (director) {
    await directorFlow(page, url);
    await page.waitForTimeout(500);
    out.afterDirector = { ...await heapUsage(cdp), wasmMemory: await wasmMemory() };
  }
  await context.close();
  return out;
}

/** Types 40/41 into 卫技人数 (staff_total 48: 83.3% / 85.4% against the 85% threshold) and
 * times each input event until the verdict's text has changed. */
async function inputToVerdict(browser, url, samples) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await createAssessment(page, url, '基准卫生院');
  await openSection(page, '人员配备');
  await input(page, 'staff_total').fill('48');
  await input(page, 'health_tech_staff').fill('40');
  await card(page, 'thc.staff.health-tech-share').locator('.verdict', { hasText: '未达标' }).waitFor();
  const measure = (n) => page.evaluate(async (count) => {
    const field = document.querySelector('#input-c-health-tech-staff');
    const cardEl = document.querySelector('#c-thc-staff-health-tech-share');
    const verdict = () => cardEl.querySelector('.verdict')?.textContent;
    const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    const out = [];
    for (let i = 0; i < count; i += 1) {
      const before = verdict();
      const value = field.value === '40' ? '41' : '40';
      const sample = await new Promise((ok, fail) => {
        let t0 = 0;
        const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`verdict did not change after typing ${value}`)); }, 5000);
        const observer = new MutationObserver(() => {
          if (verdict() === before) return;
          const t1 = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          nextFrame().then((t2) => ok({ dom: t1 - t0, frame: t2 - t0 }));
        });
        observer.observe(cardEl, { childList: true, subtree: true, characterData: true });
        t0 = performance.now();
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
      out.push(sample);
      // Let the frame that shows the verdict finish before the next keystroke.
      await new Promise((ok) => setTimeout(ok, 0));
    }
    return out;
  }, n);
  const stats = (xs) => ({
    p50: round(percentile(xs.map((x) => x.dom), 50), 2),
    p95: round(percentile(xs.map((x) => x.dom), 95), 2),
    max: round(Math.max(...xs.map((x) => x.dom)), 2),
    frameP50: round(percentile(xs.map((x) => x.frame), 50), 2),
    frameP95: round(percentile(xs.map((x) => x.frame), 95), 2),
    samples: xs.length,
  });
  await measure(10); // warm-up, not counted
  const none = stats(await measure(samples));
  await emulate(cdp, { cpu: 4 });
  const cpu4 = stats(await measure(samples));
  await context.close();
  return { none, cpu4 };
}

/** One autosave of a large assessment: every criterion answered with a 500-character note. */
async function autosave(browser, url, saves) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  cleanups.push(() => context.close());
  await context.addInitScript(storageProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const id = 'bench-autosave';
  const entry = largeStoredAssessment(ROOT, id);
  const text = JSON.stringify(entry);
  await page.goto(url);
  await waitForApp(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`thc-assess.a.${id}`, text]);
  await page.goto(`${url}#/a/${id}/staffing`);
  await input(page, 'staff_total').waitFor();
  const measure = async (count) => {
    const out = [];
    for (let i = 0; i < count; i += 1) {
      const before = await page.evaluate(() => window.__benchStorage.tasks.length);
      await input(page, 'staff_total').fill(String(61 + (i % 2)));
      await page.waitForFunction((n) => window.__benchStorage.tasks.length > n, before, { timeout: 15000, polling: 50 });
      await page.locator('.save-indicator', { hasText: '已保存' }).waitFor({ timeout: 15000 });
      const task = await page.evaluate(() => window.__benchStorage.tasks.at(-1));
      const sets = task.ops.filter((o) => o.op === 'setItem');
      out.push({
        taskMs: task.ms,
        setItemMs: sum(sets.map((o) => o.ms)),
        getItemMs: sum(task.ops.filter((o) => o.op === 'getItem').map((o) => o.ms)),
        writes: sets.map((o) => `${o.key.replace(id, '<id>')} (${o.chars} chars)`),
        chars: sum(sets.map((o) => o.chars)),
      });
    }
    return {
      setItemMedian: round(median(out.map((o) => o.setItemMs)), 2),
      taskMedian: round(median(out.map((o) => o.taskMs)), 2),
      taskMax: round(Math.max(...out.map((o) => o.taskMs)), 2),
      getItemMedian: round(median(out.map((o) => o.getItemMs)), 2),
      writes: out[0]?.writes,
      charsWritten: out[0]?.chars,
      saves: out.length,
      samples: out.map((o) => ({ taskMs: round(o.taskMs, 2), setItemMs: round(o.setItemMs, 2) })),
    };
  };
  const none = await measure(saves);
  await emulate(cdp, { cpu: 4 });
  const cpu4 = await measure(Math.max(3, Math.ceil(saves / 2)));
  await context.close();
  return { storedChars: text.length, criteria: Object.keys(entry.assessment.items).length, none, cpu4 };
}

/** Runs another benchmark script of this repository against the same build, streaming its
 * output (indented); resolves to what it printed. */
function runScript(rel, args = [], minutes = 10) {
  return new Promise((ok, fail) => {
    say(`$ node ${[rel, ...args].join(' ')}`);
    const child = spawn(process.execPath, [join(ROOT, rel), ...args], { cwd: ROOT, env: { ...process.env, DIST }, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.exitCode == null && child.kill('SIGTERM'));
    let out = '';
    const show = (d) => process.stdout.write(`    | ${String(d).trimEnd().split('\n').join('\n    | ')}\n`);
    child.stdout.on('data', (d) => { out += d; show(d); });
    child.stderr.on('data', show);
    const timer = setTimeout(() => { child.kill('SIGTERM'); fail(new Error(`${rel} took more than ${minutes} minutes`)); }, minutes * 60 * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) fail(new Error(`${rel} exited with ${code}`));
      else ok(out);
    });
  });
}

async function runReportBench(rel) {
  const out = await runScript(rel, [], 5);
  const cases = [];
  const re = /^(.+?) \((\d+) gaps\):\s*\n\s*to last element in DOM: median ([\d.]+) ms, p95 ([\d.]+) ms\s*\n\s*to laid out:\s*median ([\d.]+) ms, p95 ([\d.]+) ms/gm;
  for (const m of out.matchAll(re)) {
    cases.push({ name: m[1].trim(), gaps: Number(m[2]), dom: { median: Number(m[3]), p95: Number(m[4]) }, layout: { median: Number(m[5]), p95: Number(m[6]) } });
  }
  if (cases.length === 0) throw new Error(`could not read ${rel}'s output`);
  return { script: rel, runs: Number(/(\d+) runs per case/.exec(out)?.[1]) || null, cases };
}

/** The rendered report as a static page: the app's DOM after rendering, scripts removed, the
 * built CSS inlined. */
async function saveStaticReport(page, file) {
  const css = readdirSync(DIST).filter((f) => f.endsWith('.css')).sort()
    .map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
  const body = await page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('script').forEach((s) => s.remove());
    return clone.outerHTML;
  });
  const title = await page.title();
  const html = `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,"><style>${css}</style></head>${body}</html>\n`;
  writeFileSync(file, html);
  return Buffer.byteLength(html);
}

/** Loads a static page `runs` times: navigation start → `#report-end` in the DOM → laid out
 * (forced layout, as report.bench.mjs does), and to the next frame. */
async function staticLoads(browser, url, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  cleanups.push(() => context.close());
  await context.addInitScript(() => {
    const B = (window.__benchStatic = {});
    const check = () => {
      if (B.dom != null || !document.getElementById('report-end')) return;
      B.dom = performance.now();
      void document.body.offsetHeight;
      B.layout = performance.now();
      requestAnimationFrame(() => { B.frame = performance.now(); });
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await emulate(cdp, NONE);
  const out = [];
  for (let i = 0; i < runs + 2; i += 1) {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchStatic?.frame != null, null, { timeout: 30000, polling: 20 });
    const t = await page.evaluate(() => window.__benchStatic);
    if (i >= 2) out.push(t);
  }
  // The same DOM rebuilt inside the already loaded page (main's innerHTML replaced by itself):
  // no navigation, no stylesheet to parse, as the app's in-app render has none either.
  const inDocument = await page.evaluate(async (count) => {
    const main = document.querySelector('main#main') || document.body;
    const html = main.innerHTML;
    const res = [];
    for (let i = 0; i < count + 2; i += 1) {
      main.innerHTML = '';
      void document.body.offsetHeight;
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t0 = performance.now();
      main.innerHTML = html;
      const dom = performance.now() - t0;
      if (!document.getElementById('report-end')) throw new Error('#report-end missing after innerHTML');
      void document.body.offsetHeight;
      if (i >= 2) res.push({ dom, layout: performance.now() - t0 });
    }
    return res;
  }, runs);
  await context.close();
  return {
    dom: { median: round(median(out.map((t) => t.dom))) },
    layout: { median: round(median(out.map((t) => t.layout))) },
    frame: { median: round(median(out.map((t) => t.frame))) },
    runs: out.length,
    inDocument: {
      dom: { median: round(median(inDocument.map((t) => t.dom))) },
      layout: { median: round(median(inDocument.map((t) => t.layout))) },
      runs: inDocument.length,
    },
  };
}

/** Report: the report benchmark's figures, the same reports as static pages (the DOM floor),
 * and a cold open of `#/report/<id>` (app load included) for comparison with the static load. */
async function report(browser, url, runs) {
  const cases = reportBenchCases(ROOT);
  // The app's figures come from the report benchmark itself (tests/e2e/report.bench.mjs, the
  // same cases), run as it is against the same build; its printed medians are parsed.
  const app = await runReportBench(REPORT_BENCH);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  cleanups.push(() => context.close());
  await context.addInitScript(readyProbe);
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  for (const c of cases) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`thc-assess.a.${c.entry.assessment.id}`, JSON.stringify(c.entry)]);
  }
  const staticDir = join(RESULTS, 'static-report');
  mkdirSync(staticDir, { recursive: true });
  const out = [];
  for (const c of cases) {
    const id = c.entry.assessment.id;
    const inApp = app.cases.find((x) => x.name === c.name);
    if (!inApp) throw new Error(`${REPORT_BENCH} printed no figures for “${c.name}”`);
    await page.goto(`${url}#/report/${id}`);
    await page.locator('#report-end').waitFor({ state: 'attached', timeout: 30000 });
    const gaps = await page.locator('.gap-item').count();
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const file = join(staticDir, `${c.key}.html`);
    const bytes = await saveStaticReport(page, file);
    out.push({ key: c.key, name: c.name, id, gaps, elements, staticHtmlBytes: bytes, inApp });
  }
  await context.close();

  const server = await startBenchServer({ dir: staticDir, encoding: 'br' });
  cleanups.push(() => server.close());
  for (const r of out) {
    say(`  static-HTML floor: ${r.key}.html`);
    r.floor = await staticLoads(browser, `${server.url}${r.key}.html`, REPORT_FLOOR_RUNS);
  }
  await server.close();

  // Cold open of the report URL: a fresh context, storage seeded before the app starts.
  for (const r of out) {
    const entry = cases.find((c) => c.key === r.key).entry;
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      cleanups.push(() => ctx.close());
      await ctx.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [`thc-assess.a.${r.id}`, JSON.stringify(entry)]);
      await ctx.addInitScript(readyProbe);
      const p = await ctx.newPage();
      await emulate(await ctx.newCDPSession(p), NONE);
      await p.goto(`${url}#/report/${r.id}`, { waitUntil: 'commit' });
      const t = await readyTimes(p, 'report');
      samples.push(t);
      await ctx.close();
    }
    r.coldOpen = { dom: { median: round(median(samples.map((s) => s.dom))) }, paint: { median: round(median(samples.map((s) => s.paint))) }, runs };
  }
  return { script: REPORT_BENCH, scriptRuns: app.runs, cases: out };
}

/** bench/rollup.mjs (the roll-up's own benchmark, written with the review workspace): run as it
 * is, without throttling and at 4× CPU; its summary is read from bench/results/rollup.json. */
async function rollup(runs) {
  const file = join(RESULTS, 'rollup.json');
  const once = async (args) => {
    await runScript('bench/rollup.mjs', args, 15);
    return JSON.parse(readFileSync(file, 'utf8')).summary;
  };
  const none = await once(['--runs', String(runs)]);
  const cpu4 = await once(['--runs', String(Math.min(3, runs)), '--cpu', '4']);
  return {
    status: 'measured',
    script: 'bench/rollup.mjs',
    files: none.files,
    bytes: none.fileBytesAverage * none.files,
    ms: none.changeToFrameMs,
    none: { dom: none.changeToRowsMs, paint: none.changeToFrameMs, runs: none.runs, reloadToRows: none.reloadToRowsMs },
    cpu4: { dom: cpu4.changeToRowsMs, paint: cpu4.changeToFrameMs, runs: cpu4.runs, reloadToRows: cpu4.reloadToRowsMs },
    kept: `${none.storedEntries}/${none.files} files, ${none.storedKChars} K characters in localStorage; not kept ${none.notKept}`,
    summaries: { none, cpu4 },
  };
}

// --- Output ------------------------------------------------------------------------------------
const kb = (b) => (b == null ? '—' : `${(b / KB).toFixed(1)} KB`);
const ms = (v) => (v == null ? '—' : `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ms`);
const ratio = (a, b) => (a == null || !b ? '—' : `${(a / b).toFixed(1)}×`);
const verdict = (value, budget) => {
  if (value == null || budget == null) return '—';
  if (value <= budget) return 'PASS';
  const over = value - budget;
  return `MISS (+${((over / budget) * 100).toFixed(0)}%)`;
};

function rows(r) {
  const t = r.transfer.app;
  const f = r.transfer.floor;
  const out = [];
  const add = (measure, app, floor, rat, budget, result) => out.push({ measure, app, floor, ratio: rat, budget, result });
  if (t) {
    add('First-load transfer, gzip -9 (html+js+wasm+css)', kb(t.firstLoad.gzip), f ? kb(f.firstLoad.gzip) : '—', ratio(t.firstLoad.gzip, f?.firstLoad.gzip), `≤ ${BUDGETS.firstLoadKB} KB`, verdict(t.firstLoad.gzip / KB, BUDGETS.firstLoadKB));
    add('First-load transfer, brotli q11', kb(t.firstLoad.brotli), f ? kb(f.firstLoad.brotli) : '—', ratio(t.firstLoad.brotli, f?.firstLoad.brotli), `≤ ${BUDGETS.firstLoadKB} KB`, verdict(t.firstLoad.brotli / KB, BUDGETS.firstLoadKB));
    if (t.wasm) add('… of which wasm (gzip / brotli)', `${kb(t.wasm.gzip)} / ${kb(t.wasm.brotli)}`, f?.wasm ? `${kb(f.wasm.gzip)} / ${kb(f.wasm.brotli)}` : '—', ratio(t.wasm.gzip, f?.wasm?.gzip), '', '');
  }
  const cold = r.cold || {};
  const fc = r.floorCold || {};
  add('Cold load to interactive, no throttling', ms(cold.none?.median), ms(fc.none?.median), ratio(cold.none?.median, fc.none?.median), '', '');
  add('Cold load to interactive, 4× CPU + slow 4G, brotli host', ms(cold.br?.median), ms(fc.br?.median), ratio(cold.br?.median, fc.br?.median), `≤ ${BUDGETS.coldLoadMs} ms`, verdict(cold.br?.median, BUDGETS.coldLoadMs));
  add('Cold load to interactive, 4× CPU + slow 4G, gzip host', ms(cold.gzip?.median), '—', '', `≤ ${BUDGETS.coldLoadMs} ms`, verdict(cold.gzip?.median, BUDGETS.coldLoadMs));
  add('Cold load to interactive, 4× CPU + slow 4G, uncompressed (as tools/serve.mjs)', ms(cold.identity?.median), '—', '', `≤ ${BUDGETS.coldLoadMs} ms`, verdict(cold.identity?.median, BUDGETS.coldLoadMs));
  add('Repeat visit via service worker, 4× CPU + slow 4G', ms(r.repeat?.app?.median), ms(r.repeat?.floor?.median), ratio(r.repeat?.app?.median, r.repeat?.floor?.median), `≤ ${BUDGETS.repeatVisitMs} ms`, verdict(r.repeat?.app?.median, BUDGETS.repeatVisitMs));
  const iv = r.input || {};
  add(`Input → verdict p50 / p95, no throttling (${iv.none?.samples ?? '—'} samples)`, iv.none ? `${ms(iv.none.p50)} / ${ms(iv.none.p95)}` : '—', '', '', `p95 ≤ ${BUDGETS.inputP95Ms} ms`, verdict(iv.none?.p95, BUDGETS.inputP95Ms));
  add(`Input → verdict p50 / p95, 4× CPU (${iv.cpu4?.samples ?? '—'} samples)`, iv.cpu4 ? `${ms(iv.cpu4.p50)} / ${ms(iv.cpu4.p95)}` : '—', '', '', `p95 ≤ ${BUDGETS.inputP95Ms} ms`, verdict(iv.cpu4?.p95, BUDGETS.inputP95Ms));
  add('Input → next animation frame p50 / p95, no throttling', iv.none ? `${ms(iv.none.frameP50)} / ${ms(iv.none.frameP95)}` : '—', '', '', '', '');
  const sv = r.autosave || {};
  add(`Autosave of a large assessment (${sv.storedChars ?? '—'} characters): setItem calls, median of ${sv.none?.saves ?? '—'}`, ms(sv.none?.setItemMedian), '', '', '', '');
  add('Autosave: whole save task (main thread), median', ms(sv.none?.taskMedian), '', '', '', '');
  add(`Autosave: whole save task, 4× CPU, median of ${sv.cpu4?.saves ?? '—'}`, ms(sv.cpu4?.taskMedian), '', '', '', '');
  const h = r.heap || {};
  add('JS heap after load (V8 used, after GC)', kb(h.app?.afterLoad?.usedSize), kb(h.floor?.afterLoad?.usedSize), ratio(h.app?.afterLoad?.usedSize, h.floor?.afterLoad?.usedSize), '', '');
  add('JS heap after the director flow', kb(h.app?.afterDirector?.usedSize), '', '', '', '');
  add('wasm linear memory after load / after the director flow', h.app?.afterLoad ? `${kb(h.app.afterLoad.wasmMemory)} / ${kb(h.app.afterDirector?.wasmMemory)}` : '—', kb(h.floor?.afterLoad?.wasmMemory), ratio(h.app?.afterLoad?.wasmMemory, h.floor?.afterLoad?.wasmMemory), '', '');
  for (const c of r.report?.cases || []) {
    const appLayout = c.inApp?.layout?.median;
    const floorLayout = c.floor?.layout?.median;
    const withinRatio = appLayout != null && floorLayout ? appLayout / floorLayout <= BUDGETS.reportFloorRatio : null;
    const res = appLayout == null ? '—' : `${verdict(appLayout, BUDGETS.reportMs)} (time); ${withinRatio ? 'PASS' : 'MISS'} (ratio)`;
    add(`Report render, ${c.name} (${c.gaps} gaps): to laid out (median of ${r.report?.scriptRuns ?? REPORT_FLOOR_RUNS}; floor ${c.floor?.runs ?? '—'})`, ms(appLayout), ms(floorLayout), ratio(appLayout, floorLayout), `≤ ${BUDGETS.reportMs} ms and ≤ ${BUDGETS.reportFloorRatio}× floor`, res);
    const doc = c.floor?.inDocument?.layout?.median;
    add(`… same, against the same DOM rebuilt in a loaded page (innerHTML)`, ms(appLayout), ms(doc), ratio(appLayout, doc), `≤ ${BUDGETS.reportFloorRatio}× floor`, appLayout != null && doc ? (appLayout / doc <= BUDGETS.reportFloorRatio ? 'PASS' : `MISS (${(appLayout / doc).toFixed(1)}×)`) : '—');
    add(`… cold open of #/report (app load included), to next frame`, ms(c.coldOpen?.paint?.median), ms(c.floor?.frame?.median), ratio(c.coldOpen?.paint?.median, c.floor?.frame?.median), '', '');
  }
  const ru = r.rollup || {};
  add(`County roll-up of 200 files (#/review): pick → table painted${ru.none ? ` (median of ${ru.none.runs})` : ''}`, ru.ms != null ? ms(ru.ms) : ru.status || ru.error || '—', '', '', `≤ ${BUDGETS.rollupMs} ms`, ru.ms != null ? verdict(ru.ms, BUDGETS.rollupMs) : '—');
  if (ru.cpu4) add(`County roll-up of 200 files, 4× CPU (median of ${ru.cpu4.runs})`, ms(ru.cpu4.paint), '', '', `≤ ${BUDGETS.rollupMs} ms`, verdict(ru.cpu4.paint, BUDGETS.rollupMs));
  if (ru.none?.reloadToRows != null) add('County roll-up: reload restoring the 200 files, to the 200th row', ms(ru.none.reloadToRows), '', '', '', '');
  return out;
}

function markdownTable(r) {
  const m = r.machine;
  const lines = [];
  lines.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Chromium ${m.chromium}, Node ${m.node}; 1-minute load average ${Math.min(...Object.values(m.loadAverageByStep || { x: m.loadAverageAtStart[0] }))}–${Math.max(...Object.values(m.loadAverageByStep || { x: m.loadAverageAtStart[0] }))} during the measurements (a shared machine: other builds ran alongside). Medians of ${r.options.runs} runs unless noted. “Floor” is the minimal Leptos app (bench/floor-app) for transfer, loads and heap, and the same report saved as static HTML for the report rows.`);
  lines.push('');
  lines.push('| measure | app | floor | app ÷ floor | budget | result |');
  lines.push('|---|---:|---:|---:|---|---|');
  for (const row of rows(r)) lines.push(`| ${row.measure} | ${row.app} | ${row.floor} | ${row.ratio} | ${row.budget} | ${row.result} |`);
  const sources = [];
  if (r.report?.script) sources.push(`report render times from \`${r.report.script}\` (run as it is)`);
  if (r.rollup?.script) sources.push(`roll-up times from \`${r.rollup.script}\` (${r.rollup.kept})`);
  if (sources.length) {
    lines.push('');
    lines.push(`Sources: ${sources.join('; ')}.`);
  }
  lines.push('');
  lines.push('First-load files (compressed each on its own):');
  lines.push('');
  lines.push('| file | raw | gzip -9 | brotli q11 |');
  lines.push('|---|---:|---:|---:|');
  for (const f of r.transfer.app?.files.filter((x) => x.firstLoad) || []) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  const t = r.transfer.app;
  if (t) lines.push(`| **first load** | ${kb(t.firstLoad.raw)} | ${kb(t.firstLoad.gzip)} | ${kb(t.firstLoad.brotli)} |`);
  if (t?.wasm) {
    lines.push('');
    lines.push(`Where the wasm's bytes are: ${t.wasm.sections.filter((s) => s.raw > 1024).map((s) => `${s.name} ${kb(s.raw)} (${kb(s.gzip)} gzip)`).join(', ')}.`);
    const cats = r.transfer.catalogues || [];
    if (cats.length) lines.push(`Bundled catalogues: ${cats.map((c) => `${c.file} ${kb(c.raw)} (${kb(c.gzip)} gzip${c.verbatimInWasm ? ', embedded verbatim' : ''})`).join(', ')}.`);
    const code = r.transfer.codeByCrate?.app;
    if (code && !code.missing) {
      const pct = (x) => `${(x.share * 100).toFixed(0)} %`;
      lines.push(`Code by crate (cargo's output before wasm-bindgen and wasm-opt, ${kb(code.totalCodeBytes)} of code${code.stale ? '; STALE: not built with this dist' : ''}; generic code counts under the first non-std crate in its symbol): ${code.crates.filter((c) => c.share >= 0.01).map((c) => `${c.crate} ${pct(c)}`).join(', ')}. The core's code by layer: ${code.appModules.filter((m) => m.share >= 0.005).map((m) => `${m.module} ${pct(m)}`).join(', ')}; the shell's by module: ${(code.shellModules || []).filter((m) => m.share >= 0.005).map((m) => `${m.module} ${pct(m)}`).join(', ')}.`);
    }
  }
  return lines.join('\n');
}

function writeMarkdown(r) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${begin} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, a + begin.length)}\n${markdownTable(r)}\n${text.slice(b)}`);
}

function printTable(r) {
  const table = rows(r);
  const w = (k) => Math.max(...table.map((row) => String(row[k]).length), k.length);
  const cols = ['measure', 'app', 'floor', 'ratio', 'budget', 'result'];
  const line = (row) => cols.map((c) => String(row[c]).padEnd(w(c))).join('  ');
  console.log('\n' + line(Object.fromEntries(cols.map((c) => [c, c]))));
  for (const row of table) console.log(line(row));
  console.log('');
}

// --- Main --------------------------------------------------------------------------------------
async function main() {
  if (OPT.fromJson) {
    // Re-renders the table from the last run's results, measuring nothing.
    const result = JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8'));
    printTable(result);
    if (OPT.markdown) writeMarkdown(result);
    say(`rendered ${join(RESULTS, 'latest.json')}${OPT.markdown ? ' into BENCHMARKS.md' : ''}`);
    return;
  }
  if (OPT.build) {
    say(`building the app into ${DIST} and the floor app into ${DIST_FLOOR}`);
    try {
      build();
    } catch (err) {
      console.error(`bench: ${err.message}. Nothing was measured; fix the build, or measure the last good build with --no-build.`);
      process.exitCode = 1;
      return;
    }
  }
  for (const d of [DIST, DIST_FLOOR]) {
    if (!existsSync(join(d, 'index.html'))) throw new Error(`${d}/index.html is missing: build first (drop --no-build)`);
  }
  mkdirSync(RESULTS, { recursive: true });

  const result = { command: COMMAND, options: OPT, dist: DIST, distFloor: DIST_FLOOR, budgets: BUDGETS, network: SLOW_4G };
  say('compressed transfer of the first load (gzip -9, brotli q11)');
  result.transfer = { app: transfer(DIST), floor: transfer(DIST_FLOOR), catalogues: embeddedCatalogues(ROOT, DIST) };
  say('wasm code by crate (cargo output, before wasm-bindgen and wasm-opt)');
  result.transfer.codeByCrate = codeSizes();

  say('starting Chromium and the servers');
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  result.machine = machine(browser.version());
  const servers = {};
  for (const [key, dir, encoding] of [['br', DIST, 'br'], ['gzip', DIST, 'gzip'], ['identity', DIST, 'identity'], ['floor', DIST_FLOOR, 'br']]) {
    servers[key] = await startBenchServer({ dir, encoding });
    cleanups.push(() => servers[key].close());
  }
  const url = servers.br.url;

  result.cold = {};
  result.floorCold = {};
  result.cold.none = await step('cold load, no throttling (app)', () => coldLoads(browser, url, NONE, OPT.runs));
  result.floorCold.none = await step('cold load, no throttling (floor app)', () => coldLoads(browser, servers.floor.url, NONE, OPT.runs));
  result.cold.br = await step('cold load, 4× CPU + slow 4G, brotli host (app)', () => coldLoads(browser, url, THROTTLED, OPT.runs));
  result.floorCold.br = await step('cold load, 4× CPU + slow 4G, brotli host (floor app)', () => coldLoads(browser, servers.floor.url, THROTTLED, OPT.runs));
  result.cold.gzip = await step('cold load, 4× CPU + slow 4G, gzip host (app)', () => coldLoads(browser, servers.gzip.url, THROTTLED, OPT.runs));
  result.cold.identity = await step('cold load, 4× CPU + slow 4G, uncompressed host (app)', () => coldLoads(browser, servers.identity.url, THROTTLED, OPT.runs));
  result.repeat = {
    app: await step('repeat visit via the service worker, 4× CPU + slow 4G (app)', () => repeatVisits(browser, url, OPT.runs)),
    floor: await step('repeat visit via the service worker, 4× CPU + slow 4G (floor app)', () => repeatVisits(browser, servers.floor.url, OPT.runs)),
  };
  result.heap = {
    app: await step('JS heap after load and after the director flow (app)', () => heap(browser, url, { director: true })),
    floor: await step('JS heap after load (floor app)', () => heap(browser, servers.floor.url)),
  };
  result.input = await step(`input → verdict, ${OPT.samples} samples, no throttling and 4× CPU`, () => inputToVerdict(browser, url, OPT.samples));
  result.autosave = await step(`autosave of a large assessment, ${OPT.saves} saves`, () => autosave(browser, url, OPT.saves));
  result.report = await step('report render and its static-HTML floor', () => report(browser, url, OPT.runs));
  result.rollup = await step('county roll-up of 200 files (#/review)', () => rollup(OPT.runs));
  result.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  result.machine.loadAverageByStep = stepLoad;
  result.durationS = Math.round((Date.now() - started) / 1000);

  await cleanUp();
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  say(`wrote ${join(RESULTS, 'latest.json')}`);
  printTable(result);
  if (OPT.markdown) {
    writeMarkdown(result);
    say('rewrote the table in BENCHMARKS.md');
  }
  const failed = [];
  const findErrors = (value, path) => {
    if (!value || typeof value !== 'object' || path.split('.').length > 3) return;
    if (typeof value.error === 'string') failed.push(path);
    else for (const [k, v] of Object.entries(value)) findErrors(v, path ? `${path}.${k}` : k);
  };
  findErrors(result, '');
  if (failed.length) {
    console.error(`bench: these measurements broke: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main()
  .catch(async (err) => {
    console.error(`bench: ${err.stack || err}`);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
