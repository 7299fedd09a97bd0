// Work is never lost: autosave survives a reload, two tabs on one assessment never overwrite each
// other silently, and an assessment made with an older catalogue opens with its answers kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { newWatchedPage, shot, useBrowserAndServer, waitForApp } from './harness.mjs';

const app = useBrowserAndServer();

const staffTotal = (page) => page.locator('#input-c-staff-total');

async function newAssessment(page, name) {
  await page.goto(app.url);
  await waitForApp(page);
  await page.fill('#new-centre-name', name);
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  return page.url().split('#/a/')[1];
}

async function openStaffing(page, id) {
  await page.goto(`${app.url}#/a/${id}/staffing`);
  await waitForApp(page);
  await staffTotal(page).waitFor();
}

test('typing is saved without any save button and survives closing the tab', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  const id = await newAssessment(page, '自动保存卫生院');
  await openStaffing(page, id);
  await staffTotal(page).fill('57');
  // Close right away: the page-hide flush must write what the debounce had not yet written.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await openStaffing(again, id);
  assert.equal(await staffTotal(again).inputValue(), '57');
  await again.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs on one assessment: the other tab is asked, nothing is overwritten silently', async () => {
  const context = await app.browser.newContext();
  const { page: first, problems: p1 } = await newWatchedPage(context);
  const id = await newAssessment(first, '双标签卫生院');
  await openStaffing(first, id);
  const { page: second, problems: p2 } = await newWatchedPage(context);
  await openStaffing(second, id);

  await first.bringToFront();
  await staffTotal(first).fill('48');
  await first.locator('.save-indicator', { hasText: '已保存' }).waitFor();

  // The second tab learns of the newer revision and asks.
  const banner = second.getByRole('alert').filter({ hasText: '另一个标签页' });
  await banner.waitFor({ timeout: 5000 });
  await shot(second, 'two-tabs-conflict');
  await second.getByRole('button', { name: '载入另一标签页的版本' }).click();
  assert.equal(await staffTotal(second).inputValue(), '48');

  // Now the second tab edits; the first is asked in turn and keeps its own version on purpose.
  await second.bringToFront();
  await staffTotal(second).fill('50');
  await second.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  await first.getByRole('alert').filter({ hasText: '另一个标签页' }).waitFor({ timeout: 5000 });
  await first.getByRole('button', { name: '保留本页的版本' }).click();
  await first.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  const stored = await first.evaluate((key) => JSON.parse(localStorage.getItem(key)), `thc-assess.a.${id}`);
  assert.equal(stored.assessment.inputs.staff_total, 48, 'the version the user chose to keep');
  assert.deepEqual([...p1, ...p2], []);
  await context.close();
});

test('an assessment made with an older catalogue opens with every answer kept and listed', async () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/storage/layout-1.json', import.meta.url), 'utf8'));
  fixture.assessment.catalogue_version = 0;
  const id = fixture.assessment.id;
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`thc-assess.a.${id}`, JSON.stringify(fixture)]);
  await page.goto(`${app.url}#/a/${id}/_summary`);
  await waitForApp(page);
  const fit = page.locator('.catalogue-fit');
  await fit.waitFor();
  const text = await fit.innerText();
  assert.match(text, /院务公开栏、制度汇编/, 'an orphaned answer is shown with what it held');
  assert.match(text, /补充急救药品目录/);
  await shot(page, 'catalogue-upgrade');
  // Editing and saving keeps the orphaned answers in storage.
  await page.locator('.section-nav a', { hasText: '人员配备' }).click();
  await staffTotal(page).fill('30');
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `thc-assess.a.${id}`);
  assert.equal(stored.assessment.items['1.1.1'].evidence, '院务公开栏、制度汇编（2026 版）第 3 页。');
  assert.equal(stored.assessment.catalogue_version, 0, 'records the version it was made with');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged entry is recovered from its backup with a plain message', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  const id = await newAssessment(page, '损坏恢复卫生院');
  await openStaffing(page, id);
  await staffTotal(page).fill('33');
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  await staffTotal(page).fill('34');
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor();
  await page.evaluate((key) => localStorage.setItem(key, '{"layout":1,"revis'), `thc-assess.a.${id}`);
  await page.reload();
  await waitForApp(page);
  await page.getByText('已从备份恢复').waitFor();
  assert.equal(await staffTotal(page).inputValue(), '33', 'the last good revision');
  const quarantined = await page.evaluate((id) => localStorage.getItem(`thc-assess.quarantine.${id}.1`), id);
  assert.equal(quarantined, '{"layout":1,"revis');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a save refused because a newer version of the tool wrote the entry says so in English to an English reader', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  const id = await newAssessment(page, '新版本卫生院');
  await page.getByRole('button', { name: 'English' }).click();
  await openStaffing(page, id);
  // A newer release of the tool (in another tab, say) wrote this assessment's entry.
  const newer = readFileSync(new URL('../fixtures/storage/layout-99.json', import.meta.url), 'utf8')
    .replaceAll('a-20261118-7f3k', id);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`thc-assess.a.${id}`, newer]);
  await staffTotal(page).fill('40');
  const alert = page.getByRole('alert').filter({ hasText: 'newer version of the tool' });
  await alert.waitFor({ timeout: 5000 });
  assert.doesNotMatch(await alert.innerText(), /[\u4e00-\u9fff]/, 'no Chinese in the English message');
  // What was typed stays on screen, and the newer entry is left exactly as it was.
  assert.equal(await staffTotal(page).inputValue(), '40');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `thc-assess.a.${id}`), newer);
  await shot(page, 'storage-newer-version-en');
  assert.deepEqual(problems, []);
  await context.close();
});
