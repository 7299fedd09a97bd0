#!/usr/bin/env node
// County roll-up benchmark (issue 8): 200 realistic centre files opened at once in the reviewer's
// workspace (#/review) of the release build, timed until the roll-up table shows 200 rows.
//
//   node bench/rollup.mjs [--files 200] [--runs 5] [--cpu 1]
//
// The files are generated here from the bundled thc-standard catalogue (every criterion answered,
// every input filled, varied per centre, notes and actions on part of the items) in the published
// file format, with the digest recomputed by the canonical JSON rule of core/src/exchange/mod.rs. Each
// run uses a fresh browser context (empty localStorage). Measured in the page: from the file
// input's `change` event to the 200th roll-up row in the DOM (a MutationObserver), and to the next
// animation frame; then the V8 heap after a forced GC, the wasm linear memory, and what the
// workspace kept in localStorage. Also timed: a reload that restores the 200 files from storage,
// from navigation start to the 200th row. Prints medians; writes bench/results/rollup.json.
// `DIST` (default dist/) chooses the build; build it first (tools/build.sh).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDist, stopServer } from '../tests/e2e/harness.mjs';
import { heapUsage, wasmMemoryProbe } from './lib/page.mjs';
import { median, round } from './lib/stats.mjs';
import { digestOf } from '../tests/e2e/file-format.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number`);
  return n;
};
const FILES = option('--files', 200);
const RUNS = option('--runs', 5);
const CPU = option('--cpu', 1);

// --- Generating realistic files ----------------------------------------------------------------

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same files. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = ['青山', '白水', '翠屏', '东岭', '西河', '南塘', '北坡', '石门', '桃源', '柳溪', '云岗', '龙泉', '凤岭', '梅溪', '杨柳', '金沙',
  '银杏', '松林', '竹园', '红岩', '黄土', '清水', '长乐', '永安', '太平', '新华', '和平', '兴隆', '双河', '三江'];
const COUNTIES = ['平阳县', '安远县', '临川县', '宁化县', '清流县', '明溪县', '将乐县', '泰宁县'];
const NOTES = ['现场查看制度文本和台账，记录齐全。', '抽查近三个月资料，部分记录缺签名。', '有书面制度，执行记录不连续。',
  '已张贴公示，照片见附件。', '人员花名册和执业证书复印件已核对。', '设备台账与实物一致。'];

function centreFile(catalogue, i) {
  const r = rng(1000 + i);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const central = r() < 0.3;
  const staff = 20 + Math.floor(r() * 80);
  const inputs = {};
  for (const def of catalogue.inputs) {
    if (def.kind === 'percent') inputs[def.id] = 8000 + Math.floor(r() * 2000);
    else inputs[def.id] = 1 + Math.floor(r() * 8);
  }
  Object.assign(inputs, {
    resident_population: 8000 + Math.floor(r() * 40000),
    temporary_population: Math.floor(r() * 6000),
    beds: Math.floor(r() * 60),
    floor_area: 600 + Math.floor(r() * 3000),
    staff_total: staff,
    health_tech_staff: Math.floor(staff * (0.75 + r() * 0.22)),
    clinical_physicians: 4 + Math.floor(r() * 20),
    clinical_assistant_physicians: Math.floor(r() * 8),
    tcm_physicians: Math.floor(r() * 4),
    tcm_assistant_physicians: Math.floor(r() * 2),
    prevention_staff: 1 + Math.floor(r() * 5),
    immunization_staff: 1 + Math.floor(r() * 4),
  });
  const items = {};
  let n = 0;
  for (const section of catalogue.sections) {
    for (const c of section.criteria) {
      n += 1;
      let answer = null;
      const x = r();
      if (c.kind === 'checklist') answer = { status: x < 0.7 ? 'met' : x < 0.85 ? 'partly' : 'not_met' };
      else if (c.kind === 'department') answer = { status: x < 0.85 ? 'met' : 'not_met' };
      const gap = answer && answer.status !== 'met';
      const evidence = r() < 0.35 ? `${pick(NOTES)}（第 ${n} 项）` : '';
      if (!answer && !evidence) continue;
      items[c.id] = {
        answer,
        not_applicable: false,
        evidence,
        action: gap ? { measure: '制定整改方案，明确责任人和时限', owner: '院办', deadline: '2027-06-30', status: 'planned' } : null,
      };
    }
  }
  const name = `${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? Math.floor(i / TOWNS.length) + 1 : ''}${central ? '镇中心卫生院' : '镇卫生院'}`;
  const content = {
    exported_at: '2026-11-23T10:15:00+08:00',
    app_version: '0.1.0',
    catalogue: { id: catalogue.id, version: catalogue.version },
    assessment: {
      id: `bench-centre-${i}`,
      created_at: '2026-11-01T09:00:00+08:00',
      updated_at: '2026-11-20T16:30:00+08:00',
      profile: {
        centre_name: name, county: COUNTIES[i % COUNTIES.length], centre_type: central ? 'central' : 'general',
        year: 2026, filled_by: '院长', flags: [],
      },
      inputs,
      items,
    },
  };
  return JSON.stringify({ format: 'thc-assessment', format_version: 1, digest: digestOf(content), content }, null, 2);
}

function generate(dir) {
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'core/src/catalogue/data/thc-standard.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `centre-${String(i).padStart(3, '0')}.json`);
    writeFileSync(path, centreFile(catalogue, i));
    paths.push(path);
  }
  return paths;
}

// --- Measuring -----------------------------------------------------------------------------------

/** Installed before the files are chosen: times `change` → the n-th row, and the next frame. */
function installProbe(n) {
  window.__rollup = { start: null, rows: null, frame: null };
  const input = document.querySelector('#review-files');
  input.addEventListener('change', () => { window.__rollup.start = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (window.__rollup.rows !== null) return;
    if (document.querySelectorAll('table.rollup tbody tr').length >= n) {
      window.__rollup.rows = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { window.__rollup.frame = performance.now(); });
    }
  });
  observer.observe(document.querySelector('main'), { childList: true, subtree: true });
}

/** Installed on reload: from navigation start to the n-th row restored from storage. */
function reloadProbe(n) {
  window.__restore = null;
  const check = () => {
    if (window.__restore === null && document.querySelectorAll('table.rollup tbody tr').length >= n) {
      window.__restore = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

function storageFigures() {
  let entries = 0;
  let chars = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith('thc-assess.r.')) {
      entries += 1;
      chars += k.length + localStorage.getItem(k).length;
    }
  }
  return { entries, chars };
}

async function oneRun(browser, url, paths) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(wasmMemoryProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.goto(`${url}#/review`);
  await page.waitForSelector('#review-files', { timeout: 60000 });
  await page.evaluate(installProbe, FILES);
  const wall = Date.now();
  await page.setInputFiles('#review-files', paths);
  await page.waitForFunction(() => window.__rollup.frame !== null, null, { timeout: 120000 });
  const wallMs = Date.now() - wall;
  const t = await page.evaluate(() => window.__rollup);
  const heap = await heapUsage(cdp);
  const wasm = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
  const stored = await page.evaluate(storageFigures);
  const notKept = await page.locator('table.rollup .badge-warn').count();

  await page.addInitScript(reloadProbe, FILES);
  await page.reload();
  await page.waitForFunction(() => window.__restore !== null, null, { timeout: 120000 });
  const restore = await page.evaluate(() => window.__restore);
  await context.close();
  return {
    toRows: t.rows - t.start, toFrame: t.frame - t.start, wallMs, restore,
    heapUsed: heap.usedSize, wasmBytes: typeof wasm === 'number' ? wasm : null,
    storedEntries: stored.entries, storedChars: stored.chars, notKept, errors,
  };
}

async function main() {
  const dist = resolve(process.env.DIST || join(ROOT, 'dist'));
  statSync(join(dist, 'index.html'));
  const dir = join(os.tmpdir(), 'thc-rollup-files');
  const paths = generate(dir);
  const bytes = paths.reduce((s, p) => s + statSync(p).size, 0);
  console.log(`Generated ${FILES} files in ${dir}: ${round(bytes / 1024)} KB in all, ${round(bytes / FILES / 1024)} KB each on average.`);

  const browser = await launchBrowser();
  const { server, url } = await serveDist();
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const r = await oneRun(browser, url, paths);
      runs.push(r);
      console.log(`run ${i + 1}: change → ${FILES} rows ${round(r.toRows)} ms (next frame ${round(r.toFrame)} ms; ` +
        `wall incl. Playwright's file transfer ${r.wallMs} ms); reload → rows ${round(r.restore)} ms; ` +
        `heap ${round(r.heapUsed / 1024)} KB; kept ${r.storedEntries}/${FILES}${r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''}`);
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
  const m = (k) => median(runs.map((r) => r[k]));
  const summary = {
    files: FILES, runs: RUNS, cpu: CPU, fileBytesAverage: Math.round(bytes / FILES),
    changeToRowsMs: round(m('toRows')), changeToFrameMs: round(m('toFrame')), wallMs: round(m('wallMs')),
    reloadToRowsMs: round(m('restore')), heapUsedKB: round(m('heapUsed') / 1024),
    wasmMemoryKB: m('wasmBytes') == null ? null : round(m('wasmBytes') / 1024),
    storedEntries: m('storedEntries'), storedKChars: round(m('storedChars') / 1024), notKept: m('notKept'),
    budgetMs: 2000,
  };
  summary.result = summary.changeToFrameMs <= 2000 ? 'PASS' : 'MISS';
  mkdirSync(join(HERE, 'results'), { recursive: true });
  writeFileSync(join(HERE, 'results', 'rollup.json'), JSON.stringify({ summary, runs, at: new Date().toISOString(), load: os.loadavg() }, null, 2));
  console.log(`\nMedian of ${RUNS} (CPU ×${CPU}): change → ${FILES} rows ${summary.changeToRowsMs} ms, to next frame ${summary.changeToFrameMs} ms ` +
    `(budget ≤ 2000 ms: ${summary.result}); wall ${summary.wallMs} ms; reload restores in ${summary.reloadToRowsMs} ms; ` +
    `JS heap ${summary.heapUsedKB} KB; wasm memory ${summary.wasmMemoryKB} KB; localStorage ${summary.storedEntries} entries, ` +
    `${summary.storedKChars} K characters; not kept ${summary.notKept}.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
