// Benchmark (not a test: node --test does not pick up *.bench.mjs): how long the gap report of
// the full thc-standard catalogue takes to render in Chromium, from the navigation to
// `#/report/<id>` until the report's last element exists (DOM) and until it is laid out.
// 20 runs per case after 2 warm-ups; prints median and p95 in milliseconds.
//
//   node tests/e2e/report.bench.mjs          (needs a release build in dist/)
import { reportBenchCases } from '../../bench/lib/fixture.mjs';
import { launchBrowser, ROOT, serveDist, stopServer, waitForApp } from './harness.mjs';

const RUNS = 20;
const WARMUP = 2;
const CASES = reportBenchCases(ROOT);

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
