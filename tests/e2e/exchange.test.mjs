// Files a county can trust: a director exports an assessment, deletes it and imports the file
// back identically; every file of the bad-input corpus gets its specific message in a
// role="alert" and leaves localStorage byte-for-byte unchanged; markup stays text; a file with
// the same id replaces the stored one only after confirming; the Excel export is read back by
// openpyxl; copy-as-text works with and without a clipboard (WeChat).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exchangeCheck as python, newWatchedPage, OUT, ROOT, shot, useBrowserAndServer, waitForApp } from './harness.mjs';
import { digestOf } from './file-format.mjs';
import { axeViolations, card, input, openSection, saved } from './ui.mjs';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'import');
const EXPECTED = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
const TZ = 'Asia/Shanghai';

const app = useBrowserAndServer();


/** Every localStorage key and value, sorted: compared byte for byte before and after. */
async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out.push([k, localStorage.getItem(k)]);
    }
    return JSON.stringify(out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  });
}

async function storedAssessment(page, id) {
  const text = await page.evaluate((k) => localStorage.getItem(k), `thc-assess.a.${id}`);
  return text === null ? null : JSON.parse(text);
}

function today() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (t) => parts.find((p) => p.type === t).value;
  return { year: get('year'), ymd: `${get('year')}${get('month')}${get('day')}` };
}

async function newPage(options = {}) {
  const context = await app.browser.newContext({ acceptDownloads: true, timezoneId: TZ, viewport: { width: 1280, height: 900 }, ...options });
  const { page, problems } = await newWatchedPage(context);
  return { context, page, problems };
}

async function home(page) {
  await page.goto(app.url);
  await waitForApp(page);
  await page.locator('.import-panel').waitFor();
}

/** Fills a small but varied assessment through the UI and returns its id. */
async function fillAssessment(page, name) {
  await home(page);
  await page.fill('#new-centre-name', name);
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  const id = /#\/a\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.getByLabel('一般卫生院').check();
  await page.fill('#county', '青山县');
  await page.fill('#filled-by', '王建国');
  await openSection(page, '科室设置');
  await card(page, 'thc.dept.emergency').getByLabel('已设置').check();
  await openSection(page, '人员配备');
  await input(page, 'staff_total').fill('40');
  await input(page, 'health_tech_staff').fill('33');
  const share = card(page, 'thc.staff.health-tech-share');
  await share.locator('.verdict', { hasText: '未达标' }).waitFor();
  await share.getByLabel('措施').fill('招聘 2 名卫生技术人员，"急需"');
  await share.getByLabel('责任人').fill('李副院长');
  await share.getByLabel('完成期限').fill('2027-03-31');
  await share.getByLabel('进度').selectOption('in_progress');
  const legal = card(page, 'thc.staff.legal-qualification');
  await legal.getByLabel('部分符合').check();
  await legal.locator('summary').click();
  await legal.getByLabel('证据或备注').fill('2 名护士执业证书正在变更注册。');
  await saved(page);
  return id;
}

async function openSummary(page) {
  await page.locator('.section-nav a', { hasText: '汇总' }).click();
  await page.locator('.export-panel').waitFor();
}

async function download(page, buttonName) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = join(OUT, `exchange-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test('export, delete, import: the assessment comes back identical', async () => {
  const { context, page, problems } = await newPage();
  const id = await fillAssessment(page, '青山镇卫生院');
  const before = await storedAssessment(page, id);
  assert.equal(before.last_exported_at, null);
  await openSummary(page);
  await shot(page, 'exchange-export-panel');

  const { name, path } = await download(page, '导出文件（.json）');
  const { year, ymd } = today();
  assert.equal(name, `青山镇卫生院-${year}自评-${ymd}.json`);
  await page.locator('.export-panel [role="status"]', { hasText: `已导出 ${name}` }).waitFor();

  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(Object.keys(file), ['format', 'format_version', 'digest', 'content']);
  assert.equal(file.format, 'thc-assessment');
  assert.equal(file.format_version, 1);
  assert.equal(file.digest, digestOf(file.content), 'the digest follows the published definition');
  assert.deepEqual(file.content.catalogue, { id: 'thc-standard', version: 1 });
  const a = file.content.assessment;
  assert.equal(a.id, id);
  assert.equal(a.profile.centre_name, '青山镇卫生院');
  assert.equal(a.profile.county, '青山县');
  assert.equal(a.profile.centre_type, 'general');
  assert.deepEqual(a.inputs, { health_tech_staff: 33, staff_total: 40 });
  assert.deepEqual(a.items['thc.dept.emergency'].answer, { status: 'met' });
  assert.equal(a.items['thc.staff.legal-qualification'].evidence, '2 名护士执业证书正在变更注册。');
  assert.deepEqual(a.items['thc.staff.health-tech-share'].action, {
    measure: '招聘 2 名卫生技术人员，"急需"', owner: '李副院长', deadline: '2027-03-31', status: 'in_progress',
  });
  python(['schema', path]);

  // The export is recorded, so the reminder to export is satisfied after a reload too.
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).last_exported_at !== null, `thc-assess.a.${id}`);
  const exported = await storedAssessment(page, id);
  assert.deepEqual(exported.assessment, before.assessment, 'exporting changes nothing but the export time');

  // Delete it, then import the file.
  await home(page);
  const entry = page.locator('.entry', { hasText: '青山镇卫生院' });
  await entry.getByRole('button', { name: '删除' }).click();
  await entry.getByRole('button', { name: '确定删除' }).click();
  await page.locator('.entry', { hasText: '青山镇卫生院' }).waitFor({ state: 'detached' });
  assert.equal(await storedAssessment(page, id), null);

  await page.setInputFiles('#import-file', path);
  const preview = page.locator('.import-preview');
  await preview.waitFor();
  await preview.locator('[role="status"]', { hasText: '校验通过' }).waitFor();
  const facts = await preview.locator('.import-facts').innerText();
  assert.match(facts, /卫生院\s+青山镇卫生院/);
  assert.match(facts, /所属县（市、区）\s+青山县/);
  assert.match(facts, /答案 2 条，数据 2 项，证据说明 1 条，整改措施 1 条/);
  assert.match(facts, /已答 3 \/ \d+；达标 1，部分达标 1，未达标 1/);
  assert.equal(await preview.getByRole('button', { name: '替换现有' }).count(), 0, 'nothing to replace');
  await shot(page, 'exchange-import-preview');
  await preview.getByRole('button', { name: '作为新自评导入' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  const newId = /#\/a\/([a-z0-9]+)$/.exec(page.url())[1];
  assert.notEqual(newId, id, 'imported as a new assessment by default');
  await page.locator('.editor h1', { hasText: '青山镇卫生院' }).waitFor();

  const back = await storedAssessment(page, newId);
  assert.deepEqual({ ...back.assessment, id }, before.assessment, 'identical apart from the new id');
  assert.notEqual(back.last_exported_at, null, 'an imported file counts as exported');
  await openSection(page, '人员配备');
  assert.equal(await input(page, 'staff_total').inputValue(), '40');
  assert.equal(await input(page, 'health_tech_staff').inputValue(), '33');
  assert.equal(await card(page, 'thc.staff.health-tech-share').getByLabel('责任人').inputValue(), '李副院长');
  await card(page, 'thc.staff.health-tech-share').locator('.verdict', { hasText: '未达标' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('every bad file gets its own message and leaves storage byte-for-byte unchanged', async () => {
  const { context, page, problems } = await newPage();
  // Something stored, so "unchanged" means something.
  await fillAssessment(page, '白河乡卫生院');
  await home(page);
  const alert = page.locator('.import-panel [role="alert"]');
  const baseline = await storageSnapshot(page);

  const preview = page.locator('.import-preview');
  for (const [file, words] of Object.entries(EXPECTED)) {
    // A good file first, so the alert read below cannot be the previous file's.
    await page.setInputFiles('#import-file', join(CORPUS, 'valid.json'));
    await preview.waitFor();
    assert.equal(await alert.count(), 0);
    await page.setInputFiles('#import-file', join(CORPUS, file));
    await alert.first().waitFor();
    const message = await alert.first().innerText();
    for (const w of words.zh) assert.ok(message.includes(w), `${file}: "${message}" should mention "${w}"`);
    assert.equal(await preview.count(), 0, `${file}: no preview`);
    assert.equal(await storageSnapshot(page), baseline, `${file}: storage unchanged`);
  }
  await shot(page, 'exchange-import-error');

  // The message follows the language switch.
  await page.setInputFiles('#import-file', join(CORPUS, 'gbk.json'));
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.import-panel [role="alert"]', { hasText: 'GBK' }).waitFor();
  assert.match(await alert.first().innerText(), /not UTF-8/);
  await page.getByRole('button', { name: '中文' }).click();
  const baselineZh = await storageSnapshot(page); // the language preference is stored

  // Larger than 5 MB: refused before it is read.
  await page.setInputFiles('#import-file', {
    name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20),
  });
  await page.locator('.import-panel [role="alert"]', { hasText: '超过 5 MB' }).waitFor();
  // Pasted text goes through the same checks.
  await page.fill('#import-paste', '{"format": "thc-assessment", "format_version": 1, "content": {');
  await page.getByRole('button', { name: '检查粘贴的内容' }).click();
  await page.locator('.import-panel [role="alert"]', { hasText: '文件不完整' }).waitFor();
  // Dropped files too.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['not json at all'], 'dropped.json', { type: 'application/json' }));
    return dt;
  });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
  await page.locator('.import-panel [role="alert"]', { hasText: '不是有效的 JSON' }).waitFor();
  assert.equal(await storageSnapshot(page), baselineZh);

  // A file changed after export: said plainly, viewable, never importable.
  await page.setInputFiles('#import-file', join(CORPUS, 'tampered.json'));
  await preview.locator('[role="alert"]', { hasText: '被修改过' }).waitFor();
  assert.equal(await preview.getByRole('button', { name: '作为新自评导入' }).count(), 0);
  assert.equal(await preview.getByRole('button', { name: '替换现有' }).count(), 0);
  await preview.getByRole('button', { name: '仅查看' }).click();
  const view = page.locator('.import-view');
  await view.waitFor();
  assert.match(await view.innerText(), /人员配备[\s\S]*已答/);
  await shot(page, 'exchange-tampered-view');
  assert.equal(await storageSnapshot(page), baselineZh);
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup in a file stays plain text', async () => {
  const { context, page, problems } = await newPage();
  await home(page);
  await page.setInputFiles('#import-file', join(CORPUS, 'markup.json'));
  const preview = page.locator('.import-preview');
  await preview.waitFor();
  const literal = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>青山镇卫生院";
  assert.ok((await preview.locator('.import-facts').innerText()).includes(literal));
  await preview.getByRole('button', { name: '作为新自评导入' }).click();
  await page.locator('.editor h1').waitFor();
  assert.ok((await page.locator('.editor h1').innerText()).includes(literal));
  assert.equal(await page.locator('main img, main script').count(), 0, 'no element was created from the text');
  assert.notEqual(await page.title(), 'pwned');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file whose assessment is already here replaces it only after confirming', async () => {
  const { context, page, problems } = await newPage();
  await home(page);
  // Seed the fixture's id with an older version (another centre name), as an earlier import would.
  const valid = JSON.parse(readFileSync(join(CORPUS, 'valid.json'), 'utf8'));
  const older = {
    layout: 1, revision: 3, saved_at: '2026-11-10T09:00:00+08:00', writer: 'tab-old', last_exported_at: null,
    assessment: {
      format_version: 1, id: 'fixture-qingshan-2026', catalogue_id: 'thc-standard', catalogue_version: 1,
      profile: { centre_name: '青山镇卫生院（旧）', county: '', centre_type: null, year: 2026, filled_by: '', flags: [] },
      inputs: {}, items: {}, created_at: '2026-11-01T09:00:00+08:00', updated_at: '2026-11-10T09:00:00+08:00',
    },
  };
  await page.evaluate((text) => localStorage.setItem('thc-assess.a.fixture-qingshan-2026', text), JSON.stringify(older));
  await home(page);
  await page.setInputFiles('#import-file', join(CORPUS, 'valid.json'));
  const preview = page.locator('.import-preview');
  await preview.locator('.help', { hasText: '本机已有编号相同的自评' }).waitFor();
  await preview.getByRole('button', { name: '替换现有' }).click();
  const confirm = preview.getByRole('alertdialog');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /现有版本会被覆盖/);
  await confirm.getByRole('button', { name: '取消' }).click();
  assert.equal((await storedAssessment(page, 'fixture-qingshan-2026')).assessment.profile.centre_name, '青山镇卫生院（旧）');
  await preview.getByRole('button', { name: '替换现有' }).click();
  await preview.getByRole('alertdialog').getByRole('button', { name: '确定替换' }).click();
  await page.waitForURL(/#\/a\/fixture-qingshan-2026$/);
  await page.locator('.editor h1', { hasText: '青山镇卫生院 · 2026' }).waitFor();
  const replaced = await storedAssessment(page, 'fixture-qingshan-2026');
  assert.equal(replaced.revision, 4);
  const expected = { format_version: 1, ...valid.content.assessment, catalogue_id: 'thc-standard', catalogue_version: 1 };
  assert.deepEqual(
    Object.fromEntries(Object.entries(replaced.assessment).sort()),
    Object.fromEntries(Object.entries(expected).sort()),
  );
  const backup = JSON.parse(await page.evaluate(() => localStorage.getItem('thc-assess.b.fixture-qingshan-2026')));
  assert.equal(backup.assessment.profile.centre_name, '青山镇卫生院（旧）', 'the replaced version is kept as the backup');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Excel and CSV exports open with independent readers, Chinese text included', async () => {
  const { context, page, problems } = await newPage();
  await fillAssessment(page, '青山镇卫生院');
  await openSummary(page);
  const xlsx = await download(page, '导出 Excel（.xlsx）');
  assert.match(xlsx.name, /^青山镇卫生院-\d{4}自评-\d{8}\.xlsx$/);
  assert.equal(readFileSync(xlsx.path).subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.match(python(['xlsx', xlsx.path, '--centre', '青山镇卫生院', '--min-gaps', '2']), /xlsx ok: 汇总, 差距清单, 整改计划/);
  const csv = await download(page, '导出 CSV');
  const bytes = readFileSync(csv.path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.match(bytes.toString('utf8'), /^\uFEFF部分,编号,条目,重要性,结论,说明,依据,整改措施,责任人,完成期限,进度\r\n/);
  assert.match(bytes.toString('utf8'), /"招聘 2 名卫生技术人员，""急需""",李副院长,2027-03-31,进行中\r\n/);
  assert.match(python(['csv', csv.path]), /csv ok/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy as text uses the clipboard, or a read-only box where there is none (WeChat)', async () => {
  // With a clipboard.
  {
    const { context, page, problems } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await fillAssessment(page, '青山镇卫生院');
    await openSummary(page);
    await page.getByRole('button', { name: '复制为文本' }).click();
    await page.locator('.export-panel [role="status"]', { hasText: '已复制到剪贴板' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.format, 'thc-assessment');
    assert.equal(copied.digest, digestOf(copied.content));
    assert.equal(copied.content.assessment.profile.centre_name, '青山镇卫生院');
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Without one: the text is offered in a read-only box, and pasting it imports.
  {
    const { context, page, problems } = await newPage();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await fillAssessment(page, '白河乡卫生院');
    await openSummary(page);
    await page.getByRole('button', { name: '复制为文本' }).click();
    await page.locator('.export-panel [role="alert"]', { hasText: '无法自动复制' }).waitFor();
    const box = page.getByLabel('自评文件内容（只读，可全选复制）');
    assert.equal(await box.getAttribute('readonly'), '');
    const text = await box.inputValue();
    const parsed = JSON.parse(text);
    assert.equal(parsed.digest, digestOf(parsed.content));
    await shot(page, 'exchange-copy-fallback');
    await home(page);
    const baseline = await storageSnapshot(page);
    await page.fill('#import-paste', text);
    await page.getByRole('button', { name: '检查粘贴的内容' }).click();
    const preview = page.locator('.import-preview');
    await preview.locator('[role="status"]', { hasText: '校验通过' }).waitFor();
    assert.match(await preview.locator('.import-facts').innerText(), /白河乡卫生院/);
    assert.match(await preview.locator('.help').first().innerText(), /本机已有编号相同的自评/);
    assert.equal(await storageSnapshot(page), baseline, 'a preview stores nothing');
    writeFileSync(join(OUT, 'exchange-pasted.json'), text);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the import and export panels pass an accessibility scan in every state', async () => {
  // axe is injected as a script, which the app's CSP (rightly) forbids: bypass it for the scan only.
  const { context, page } = await newPage({ bypassCSP: true });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await home(page);
  assert.deepEqual(await axeViolations(page), [], 'empty import panel');
  await page.setInputFiles('#import-file', join(CORPUS, 'gbk.json'));
  await page.locator('.import-panel [role="alert"]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'import error');
  await page.setInputFiles('#import-file', join(CORPUS, 'tampered.json'));
  await page.getByRole('button', { name: '仅查看' }).click();
  await page.locator('.import-view').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'tampered file, viewed');
  await page.setInputFiles('#import-file', join(CORPUS, 'valid.json'));
  await page.getByRole('button', { name: '作为新自评导入' }).click();
  await page.locator('.editor h1').waitFor();
  await home(page);
  await page.setInputFiles('#import-file', join(CORPUS, 'embedded-catalogue.json'));
  await page.locator('.import-preview .import-embedded', { hasText: '随文件附带的评价标准' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'embedded catalogue preview');
  // The catalogue carried in the file is kept, so the assessment opens like any other.
  await page.getByRole('button', { name: '作为新自评导入' }).click();
  await page.locator('.editor h1').waitFor();
  await home(page);
  assert.ok((await page.locator('#new-catalogue option').count()) > 3, 'the carried catalogue is offered');
  await page.locator('.entry a').first().click();
  await openSummary(page);
  await page.getByRole('button', { name: '复制为文本' }).click();
  await page.locator('#export-text').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'export panel with the copy box');
  await context.close();
});
