// What the end-to-end tests (and the browser benchmarks) do to the app's UI, in one place:
// finding a criterion card or an input, moving between sections, waiting for the autosave,
// scanning with axe. No node:test import, so benchmark scripts can use it too.
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const domId = (id) => id.replace(/[^A-Za-z0-9]/g, '-');

export const card = (page, criterionId) => page.locator(`#c-${domId(criterionId)}`);
export const input = (page, inputId) => page.locator(`#input-c-${domId(inputId)}`);

export async function openSection(page, title) {
  await page.locator('.section-nav a', { hasText: title }).first().click();
  await page.locator('.page h2', { hasText: title }).waitFor();
}

/** Waits for the autosave indicator to say the change is stored. */
export async function saved(page) {
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor({ timeout: 5000 });
}

/** Serious or critical axe violations on the page as it is now (the page's CSP must let the
 * injected script run: create the context with `bypassCSP: true`). */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
