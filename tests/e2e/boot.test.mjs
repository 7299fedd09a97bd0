// Old browsers and bad networks (issue 19): before loading anything the boot script probes the
// WebAssembly features the built module uses, and each way loading can fail gets its own Chinese
// message — an old browser kernel, the network, a file missing on the server, a module that does
// not compile — with a retry button where retrying can help. Also checks that every probe module
// tests what it claims (valid with its feature, invalid without it).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, shot, useBrowserAndServer } from './harness.mjs';
import { GROUPS, usedGroups, validatesWithout, writeProbes } from '../../tools/lib/wasm-features.mjs';

const app = useBrowserAndServer();
const wasmFile = () => readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
const glueFile = () => readdirSync(DIST).find((f) => /^thc-assess-[0-9a-f]+\.js$/.test(f));

async function bootMessage(page) {
  const box = page.locator('#boot-error');
  await box.waitFor({ state: 'visible', timeout: 20000 });
  assert.ok(!(await page.locator('.boot-spinner').isVisible()), 'no spinner once loading has failed');
  return { kind: await box.getAttribute('data-kind'), text: await box.innerText() };
}

test('each probe is a valid module that needs exactly its own feature', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thc-probes-'));
  const paths = writeProbes(dir);
  for (const group of GROUPS) {
    assert.ok(validatesWithout(paths[group.id], { flags: [] }), `${group.id}: valid with every feature`);
    assert.ok(!validatesWithout(paths[group.id], group), `${group.id}: invalid without ${group.flags}`);
  }
  // The boot script probes what the module uses, and nothing the module does not.
  const used = usedGroups(join(DIST, wasmFile())).map((g) => g.id);
  assert.ok(used.includes('reference-types') && used.includes('sign-ext'), `used: ${used}`);
  const boot = readdirSync(DIST).find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
  const text = readFileSync(join(DIST, boot), 'utf8');
  for (const group of GROUPS) {
    assert.equal(text.includes(group.zh), used.includes(group.id), `${group.id} probed iff used`);
  }
});

test('an old browser kernel (a WebAssembly feature missing) is told what it lacks and which browsers work', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  // As Chromium 86 (360 浏览器 13.0): WebAssembly exists, but reference types do not validate.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (bytes) => {
      const b = new Uint8Array(bytes.buffer || bytes);
      const refNull = b.length < 64 && b.some((x, i) => x === 0xd0 && b[i + 1] === 0x6f);
      return refNull ? false : validate(bytes);
    };
  });
  await page.goto(app.url);
  const { kind, text } = await bootMessage(page);
  assert.equal(kind, 'old-browser');
  assert.match(text, /内核版本过旧/);
  assert.match(text, /引用类型（reference types）/);
  assert.doesNotMatch(text, /符号扩展/, 'only what is missing is named');
  assert.match(text, /Chrome 或 Edge 96 及以上/);
  assert.match(text, /360 安全浏览器或 360 极速浏览器 13\.5 及以上/);
  assert.match(text, /iOS 15/);
  assert.match(text, /Windows 7 电脑仍可安装 Chrome 109/);
  assert.doesNotMatch(text, /网络/, 'not blamed on the network');
  assert.equal(await page.locator('#boot-retry').count(), 0, 'retrying cannot help');
  await shot(page, 'boot-old-browser');
  await context.close();
});

test('a failed download of the wasm says network, and retry loads the app once the network is back', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  let block = true;
  await page.route(/_bg\.wasm$/, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(app.url);
  const { kind, text } = await bootMessage(page);
  assert.equal(kind, 'network');
  assert.match(text, /网络连接中断/);
  await shot(page, 'boot-network');
  block = false;
  await page.locator('#boot-retry').click();
  await page.waitForSelector('main#main h1', { timeout: 20000 });
  await context.close();
});

test('a glue script missing on the server (404) says so, for whoever hosts the files', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const glue = glueFile();
  await page.route((url) => url.pathname.endsWith(`/${glue}`), (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
  await page.goto(app.url);
  const { kind, text } = await bootMessage(page);
  assert.equal(kind, 'missing');
  assert.match(text, new RegExp(`缺少本工具的文件 ${glue.replace('.', '\\.')}（HTTP 404）`));
  assert.match(text, /网站管理员/);
  assert.equal(await page.locator('#boot-retry').count(), 1);
  await context.close();
});

test('a wasm the browser cannot compile is told apart from the network', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff]) }));
  await page.goto(app.url);
  const { kind, text } = await bootMessage(page);
  assert.equal(kind, 'compile');
  assert.match(text, /无法编译本工具的程序文件/);
  assert.doesNotMatch(text, /网络连接中断/);
  await context.close();
});
