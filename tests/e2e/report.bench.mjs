// Benchmark (not a test: node --test does not pick up *.bench.mjs): how long the gap report of
// the full thc-standard catalogue takes to render in Chromium, from the navigation to
// `#/report/<id>` until the report's last element exists (DOM) and until it is laid out.
// 20 runs per case after 2 warm-ups; prints median and p95 in milliseconds.
//
//   node tests/e2e/report.bench.mjs          (needs a release build in dist/)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, ROOT, serveDist, stopServer, waitForApp } from './harness.mjs';

const RUNS = 20;
const WARMUP = 2;
const cat = JSON.parse(readFileSync(join(ROOT, 'src/catalogue/data/thc-standard.json'), 'utf8'));
const criteria = cat.sections.flatMap((s) => s.criteria);
const NOW = '2026-11-20T14:03:27+08:00';

/** Every input filled and every item answered; `gapEvery` = 1 makes every item a gap. */
function assessment(id, gapEvery, note) {
  const items = {};
  criteria.forEach((c, i) => {
    if (c.kind !== 'checklist' && c.kind !== 'department') return;
    const gap = i % gapEvery === 0;
    items[c.id] = {
      answer: { status: gap ? 'not_met' : 'met' }, not_applicable: false, evidence: gap ? note : '',
      action: gap ? { measure: note || '制定整改方案并落实', owner: '院长', deadline: '2027-12-31', status: 'planned' } : null,
    };
  });
  const inputs = Object.fromEntries(cat.inputs.map((d) => [d.id, d.kind === 'percent' ? 8000 : 20]));
  Object.assign(inputs, { resident_population: 28000, temporary_population: 4000, staff_total: 60, health_tech_staff: 50 });
  return {
    layout: 1, revision: 1, saved_at: NOW, writer: 'tab-bench', last_exported_at: null,
    assessment: {
      format_version: 1, id, catalogue_id: cat.id, catalogue_version: cat.version,
      profile: { centre_name: '基准卫生院', county: '平阳县', centre_type: 'central', year: 2026, filled_by: '基准', flags: ['obstetric_service'] },
      inputs, items, created_at: NOW, updated_at: NOW,
    },
  };
}

const CASES = [
  { name: 'full catalogue, one item in three a gap', entry: assessment('bench-realistic', 3, '') },
  { name: 'full catalogue, every item a gap with 500-character notes', entry: assessment('bench-long', 1, '现场查看发现制度文本与实际执行不一致，台账记录缺失较多，需要重新培训并定期督查；'.repeat(13)) },
];

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2, p95: at(0.95) };
}

const { server, url } = await serveDist();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(url);
  await waitForApp(page);
  for (const c of CASES) {
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`thc-assess.a.${c.entry.assessment.id}`, JSON.stringify(c.entry)]);
  }
  console.log(`Chromium ${browser.version()}, ${RUNS} runs per case (after ${WARMUP} warm-ups)`);
  for (const c of CASES) {
    const dom = [];
    const layout = [];
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      await page.goto(`${url}#/about`);
      await page.locator('main h1').waitFor();
      const t = await page.evaluate((id) => new Promise((resolve) => {
        const t0 = performance.now();
        const done = () => {
          const tDom = performance.now() - t0;
          void document.body.offsetHeight; // force style and layout
          resolve({ dom: tDom, layout: performance.now() - t0 });
        };
        const observer = new MutationObserver(() => {
          if (document.getElementById('report-end')) { observer.disconnect(); done(); }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = `#/report/${id}`;
      }), c.entry.assessment.id);
      if (run >= WARMUP) { dom.push(t.dom); layout.push(t.layout); }
    }
    const items = await page.locator('.gap-item').count();
    const d = stats(dom);
    const l = stats(layout);
    console.log(`${c.name} (${items} gaps):`);
    console.log(`  to last element in DOM: median ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms`);
    console.log(`  to laid out:            median ${l.median.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  await stopServer(server);
}
