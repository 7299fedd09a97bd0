// A province's transcription of the criteria can be loaded as a file, is validated with precise
// Chinese errors, never replaces a bundled catalogue, and stays available after a reload.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { newWatchedPage, useBrowserAndServer, waitForApp } from './harness.mjs';

const app = useBrowserAndServer();
const sample = JSON.parse(
  readFileSync(new URL('../../core/src/catalogue/data/national-graded-sample.json', import.meta.url), 'utf8')
);

function fileOf(name, value) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) };
}

test("a province's catalogue file is validated, kept, and usable for new assessments", async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.getByText('载入省级标准文件').click();
  const picker = page.getByLabel('选择标准文件（.json）');

  // Not JSON at all.
  await picker.setInputFiles(fileOf('broken.json', '{"id": "x", '));
  await page.getByText('这个标准文件有以下问题，未载入').waitFor();

  // A bundled id may never be replaced.
  await picker.setInputFiles(fileOf('same-id.json', sample));
  await page.getByRole('alert').filter({ hasText: sample.id }).waitFor();

  // Duplicate criterion ids are named.
  const duplicated = structuredClone(sample);
  duplicated.id = 'hebei-graded-2024';
  duplicated.sections[1].criteria[1].id = duplicated.sections[1].criteria[0].id;
  await picker.setInputFiles(fileOf('dup.json', duplicated));
  await page.getByRole('alert').filter({ hasText: duplicated.sections[1].criteria[0].id }).waitFor();

  // A correct transcription is added to the choices.
  const province = structuredClone(sample);
  province.id = 'hebei-graded-2024';
  province.title = { zh: '河北省乡镇卫生院服务能力评价（省级转录）', en: 'Hebei graded framework (provincial transcription)' };
  await picker.setInputFiles(fileOf('hebei.json', province));
  await page.locator('#new-catalogue option', { hasText: '河北省乡镇卫生院服务能力评价' }).waitFor({ state: 'attached' });
  await page.reload();
  await waitForApp(page);
  await page.locator('#new-catalogue').selectOption('hebei-graded-2024');
  await page.fill('#new-centre-name', '省标卫生院');
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\//);
  await page.locator('.editor .muted', { hasText: '河北省乡镇卫生院服务能力评价' }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.locator('.editor h1', { hasText: '省标卫生院' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
