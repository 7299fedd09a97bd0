// DevTools-protocol helpers that Playwright's page sessions cannot do on their own.

const withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms).unref()),
]);

/**
 * Applies network emulation to the page's running service worker(s). A page's
 * Network.emulateNetworkConditions does not cover requests its service worker makes (fetch()
 * inside the worker: a network-first navigation, an asset missing from the cache), so a repeat
 * visit would otherwise skip the slow line wherever the worker goes to the network. Workers do not support CPU throttling (Chromium: "Operation is only
 * supported for pages, not workers"); their CPU work here is a cache lookup.
 * Resolves to the number of workers throttled.
 */
export async function throttleServiceWorkers(browser, pageSession, origin, network) {
  // Only this page's browser context: workers of contexts closed earlier may still be listed
  // while they shut down, and never answer.
  const { targetInfo: self } = await withTimeout(pageSession.send('Target.getTargetInfo'), 5000, 'Target.getTargetInfo');
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await withTimeout(session.send('Target.getTargets'), 5000, 'Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'service_worker'
    && t.browserContextId === self.browserContextId && t.url.startsWith(origin));
  let id = 0;
  const pending = new Map();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    const key = `${e.sessionId}:${msg.id}`;
    if (pending.has(key)) {
      pending.get(key)(msg);
      pending.delete(key);
    }
  });
  let throttled = 0;
  const problems = [];
  for (const worker of workers) {
    try {
      // Flat sessions cannot be driven through Playwright's browser session; the (deprecated)
      // non-flat mode routes messages through Target.sendMessageToTarget instead.
      const { sessionId } = await withTimeout(
        session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false }), 5000, 'attach to service worker');
      const send = (method, params = {}) => {
        id += 1;
        const key = `${sessionId}:${id}`;
        const answer = new Promise((ok) => pending.set(key, ok));
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch((err) => pending.get(key)?.({ error: { message: err.message } }));
        return withTimeout(answer, 5000, method).then((msg) => {
          if (msg.error) throw new Error(`${method} on service worker: ${msg.error.message}`);
          return msg.result;
        });
      };
      await send('Network.enable');
      await send('Network.setCacheDisabled', { cacheDisabled: true });
      await send('Network.emulateNetworkConditions', network);
      throttled += 1;
    } catch (err) {
      problems.push(`${worker.url}: ${err.message}`);
    }
  }
  if (throttled === 0) {
    await session.detach().catch(() => {});
    throw new Error(`no service worker of this page could be throttled (${workers.length} found${problems.length ? `: ${problems.join('; ')}` : ''})`);
  }
  return { count: throttled, detach: () => session.detach().catch(() => {}) };
}
