// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core (no browser
// download), the release dist/ served by tools/serve.mjs (a plain static host, no rewrites).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const OUT = join(here, 'out');
mkdirSync(OUT, { recursive: true });

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Runs tests/exchange_check.py (a reader independent of the app: Python's json, jsonschema,
 * openpyxl) with `args`; throws with its message when a check fails. */
export function exchangeCheck(args) {
  return execFileSync('python3', [join(ROOT, 'tests', 'exchange_check.py'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

export const DIST = process.env.DIST ? join(process.env.DIST) : join(ROOT, 'dist');

export function serveDist(base = '/') {
  return startServer({ dir: DIST, base });
}

export async function stopServer(server) {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
}

/**
 * Opens a page that records every console error, uncaught exception and CSP violation, so a
 * test can assert that a person would have seen none.
 */
export async function newWatchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`exception: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

/** Waits until a service worker controls the page (it claims clients when it activates). */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** Waits until the app has replaced the loading indicator with its first view. */
export async function waitForApp(page) {
  await page.waitForSelector('main#main h1', { timeout: 20000 });
}

export async function shot(page, name) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Registers node:test hooks that start one browser and one static server for a test file and
 * stop them after it. Returns an object whose `browser` and `url` are set once `before` ran.
 */
export function useBrowserAndServer(base = '/') {
  const shared = { browser: null, server: null, url: null };
  before(async () => {
    shared.browser = await launchBrowser();
    ({ server: shared.server, url: shared.url } = await serveDist(base));
  });
  after(async () => {
    await shared.browser?.close();
    if (shared.server) await stopServer(shared.server);
  });
  return shared;
}
