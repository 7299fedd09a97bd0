// The app shell as a visitor meets it: it loads on a plain static host, at a domain root or under
// a sub-path, survives reloads on deep views, keeps the chosen language, and works offline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newWatchedPage, serveDist, shot, stopServer, waitForApp, waitForServiceWorker } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the shell renders in Chinese with no console errors, at desktop and phone width', async () => {
  const { server, url } = await serveDist();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const { page, problems } = await newWatchedPage(context);
    await page.goto(url);
    await waitForApp(page);
    assert.equal(await page.locator('.brand-title').innerText(), '乡镇卫生院标准化自评');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('#boot').count(), 0, 'the loading indicator is gone');
    assert.match(await page.locator('nav.app-nav').innerText(), /我的自评[\s\S]*县级复核[\s\S]*说明/);
    assert.match(await page.locator('footer').innerText(), /数据只保存在本机/);
    await shot(page, 'shell-desktop');
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
    await shot(page, 'shell-phone');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await stopServer(server);
  }
});

test('the language switch changes the interface and survives a reload', async () => {
  const { server, url } = await serveDist();
  try {
    const context = await browser.newContext();
    const { page, problems } = await newWatchedPage(context);
    await page.goto(url);
    await waitForApp(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'County review' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.brand-title').innerText(), 'Township Health Centre Self-Assessment');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('link', { name: '县级复核' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await stopServer(server);
  }
});

test('a reload on a deep view works on a plain static server with no rewrite rules', async () => {
  const { server, url } = await serveDist();
  try {
    const context = await browser.newContext();
    const { page, problems } = await newWatchedPage(context);
    await page.goto(url);
    await waitForApp(page);
    await page.getByRole('link', { name: '县级复核' }).click();
    await page.waitForURL(/#\/review$/);
    assert.equal(await page.locator('main h1').innerText(), '县级复核');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), '县级复核');
    assert.equal(await page.getByRole('link', { name: '县级复核' }).getAttribute('aria-current'), 'page');
    await page.goto(url + '#/no-such-view');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), '找不到这个页面');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await stopServer(server);
  }
});

test('dist/ works under a sub-path such as /tools/thc/', async () => {
  const { server, url } = await serveDist('/tools/thc/');
  try {
    assert.ok(url.endsWith('/tools/thc/'));
    const rootResponse = await fetch(new URL('/', url));
    assert.equal(rootResponse.status, 404, 'nothing is served outside the sub-path');
    const context = await browser.newContext();
    const { page, problems } = await newWatchedPage(context);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(url + '#/about');
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), '关于本工具');
    assert.deepEqual(failed, []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await stopServer(server);
  }
});

test('after the first visit the app loads and keeps its data with the host gone', async () => {
  const { server, url } = await serveDist('/tools/thc/');
  const context = await browser.newContext();
  try {
    const { page, problems } = await newWatchedPage(context);
    await page.goto(url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'County review' }).waitFor();
    await stopServer(server);
    await context.setOffline(true);
    await page.goto(url + '#/review');
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), 'County review');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.brand-title').innerText(), 'Township Health Centre Self-Assessment');
    await shot(page, 'shell-offline');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await stopServer(server).catch(() => {});
  }
});

test('a browser without WebAssembly gets a clear Chinese message instead of a blank page', async () => {
  const { server, url } = await serveDist();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(url);
    const message = page.locator('#boot-error');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /不支持 WebAssembly/);
    await context.close();
  } finally {
    await stopServer(server);
  }
});

test('index.html forbids inline and remote script and ships a noscript message', async () => {
  const { server, url } = await serveDist();
  try {
    const html = await (await fetch(url)).text();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    assert.equal(scriptSrc.trim(), "'self' 'wasm-unsafe-eval'");
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline <script> element');
    assert.match(html, /<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/);
    const manifest = await (await fetch(new URL('manifest.webmanifest', url))).json();
    assert.equal(manifest.start_url, './');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    const sw = await (await fetch(new URL('sw.js', url))).text();
    assert.match(sw, /const CACHE = 'thc-assess-[0-9a-f]{16}'/, 'release worker names its cache by build hash');
  } finally {
    await stopServer(server);
  }
});

test('a new release takes over on the next visit and its old cache is deleted', async () => {
  const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { startServer } = await import('../../tools/serve.mjs');
  const { DIST } = await import('./harness.mjs');
  const site = mkdtempSync(join(tmpdir(), 'thc-release-'));
  cpSync(DIST, site, { recursive: true });
  const { server, url } = await startServer({ dir: site });
  const context = await browser.newContext();
  try {
    const { page, problems } = await newWatchedPage(context);
    await page.goto(url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    const oldCaches = await page.evaluate(() => caches.keys());
    assert.equal(oldCaches.length, 1);

    // Deploy "v2": a changed page and a worker with a new cache name, as a new build produces.
    const html = readFileSync(join(site, 'index.html'), 'utf8').replace('<head>', '<head>\n  <meta name="release" content="v2">');
    writeFileSync(join(site, 'index.html'), html);
    const sw = readFileSync(join(site, 'sw.js'), 'utf8').replace(/thc-assess-[0-9a-f]{16}/, 'thc-assess-00000000000000v2');
    writeFileSync(join(site, 'sw.js'), sw);

    // The visit after the deploy is served from the cache at once and installs the new worker…
    await page.reload();
    await waitForApp(page);
    // (waitForFunction does not await an async predicate, so poll from here.)
    let keys = [];
    for (let i = 0; i < 100; i++) {
      keys = await page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0] === 'thc-assess-00000000000000v2') break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.deepEqual(keys, ['thc-assess-00000000000000v2'], 'the new worker took over and removed the old cache');
    // …and the next one shows the new release.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('meta[name="release"]').getAttribute('content'), 'v2');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['thc-assess-00000000000000v2']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await stopServer(server);
  }
});
