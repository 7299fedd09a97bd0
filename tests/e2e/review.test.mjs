// The county reviewer's workspace (#/review): a director exports a file through the UI; the
// reviewer opens several centres' files at once (a corrupt one is reported by name, the others
// load), sorts and filters the roll-up, looks at one criterion across centres, compares two years
// of one centre, reviews items, signs off and exports; the workspace survives a reload; the
// director imports the reviewed file and sees the review beside unchanged answers.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exchangeCheck, newWatchedPage, OUT, shot, useBrowserAndServer, waitForApp } from './harness.mjs';
import { digestOf } from './file-format.mjs';
import { axeViolations, card, input, openSection } from './ui.mjs';

const app = useBrowserAndServer();

const reviewItem = (page, criterionId) => page.locator(`#rc-${criterionId.replace(/[^A-Za-z0-9]/g, '-')}`);

// --- Files made outside the UI, by the published format -----------------------------------------

const item = (status, evidence = '') => ({ answer: status ? { status } : null, not_applicable: false, evidence, action: null });

/** An exported assessment file of thc-standard for one centre. */
function centreFile({ id, name, county, year = 2026, type = 'general', inputs, items = {}, exportedAt = '2026-11-23T10:15:00+08:00' }) {
  const content = {
    exported_at: exportedAt,
    app_version: '0.1.0',
    catalogue: { id: 'thc-standard', version: 1 },
    assessment: {
      id,
      created_at: `${year}-11-01T09:00:00+08:00`,
      updated_at: `${year}-11-20T16:30:00+08:00`,
      profile: { centre_name: name, county, centre_type: type, year, filled_by: '院长', flags: [] },
      inputs,
      items,
    },
  };
  return JSON.stringify({ format: 'thc-assessment', format_version: 1, digest: digestOf(content), content }, null, 2);
}

function writeOut(name, text) {
  const path = join(OUT, name);
  writeFileSync(path, text);
  return path;
}

function generatedFiles() {
  const baishui = writeOut('review-baishui.json', centreFile({
    id: 'baishui-2026', name: '白水镇卫生院', county: '安远县', type: 'central',
    inputs: { staff_total: 20, health_tech_staff: 17, beds: 35 },
    items: { 'thc.ethics.disclosure': item('met', '公示栏照片') },
  }));
  const dongling = writeOut('review-dongling.json', centreFile({
    id: 'dongling-2026', name: '东岭乡卫生院', county: '平阳县',
    inputs: { staff_total: 30, health_tech_staff: 22, beds: 8 },
    items: { 'thc.ethics.disclosure': item('not_met') },
  }));
  const qingshanLastYear = writeOut('review-qingshan-2025.json', centreFile({
    id: 'qingshan-2025', name: '青山镇卫生院', county: '平阳县', year: 2025,
    inputs: { staff_total: 48, health_tech_staff: 38, beds: 20 },
    items: { 'thc.staff.nursing': item('met'), 'thc.ethics.disclosure': item('not_met') },
    exportedAt: '2025-11-23T10:15:00+08:00',
  }));
  const good = centreFile({ id: 'x', name: '坏', county: '', inputs: {} });
  const corrupt = writeOut('坏文件.json', good.slice(0, Math.floor(good.length / 2)));
  return { baishui, dongling, qingshanLastYear, corrupt };
}

// --- UI steps ------------------------------------------------------------------------------------

async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const path = join(OUT, `review-dl-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** A director fills in 青山镇卫生院 and exports it from the summary page. */
async function directorExports(page) {
  await page.goto(app.url);
  await waitForApp(page);
  await page.fill('#new-centre-name', '青山镇卫生院');
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  await page.getByLabel('一般卫生院').check();
  await page.fill('#county', '平阳县');
  await page.fill('#filled-by', '王院长');
  await openSection(page, '基本情况与建设规模');
  await input(page, 'beds').fill('20');
  await openSection(page, '人员配备');
  await input(page, 'staff_total').fill('48');
  await input(page, 'health_tech_staff').fill('41');
  await card(page, 'thc.staff.nursing').getByLabel('部分符合').check();
  await card(page, 'thc.staff.legal-qualification').getByLabel('符合', { exact: true }).check();
  await openSection(page, '医德医风');
  await card(page, 'thc.ethics.disclosure').getByLabel('符合', { exact: true }).check();
  await page.locator('.section-nav a', { hasText: '汇总' }).click();
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor({ timeout: 5000 });
  return download(page, page.getByRole('button', { name: '导出文件（.json）' }));
}

const rowNames = (page) => page.locator('table.rollup tbody th[scope="row"] .centre-name').allInnerTexts();

async function openReviewTab(page, name) {
  await page.locator('.review-tabs').getByRole('button', { name }).click();
}

test('a reviewer loads many files, reviews one centre, and the director sees the review', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const { page, problems } = await newWatchedPage(context);
  const exported = await directorExports(page);
  const original = JSON.parse(readFileSync(exported.path, 'utf8'));
  const files = generatedFiles();

  // --- Open several files at once; the corrupt one is reported by name, the others load. ---
  await page.goto(`${app.url}#/review`);
  await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  await page.locator('.empty', { hasText: '工作区中还没有文件' }).waitFor();
  await page.setInputFiles('#review-files', [exported.path, files.baishui, files.corrupt, files.dongling]);
  await page.locator('.load-report [role="status"]', { hasText: '已载入 3 个文件' }).waitFor();
  const refused = await page.locator('.refused-files').innerText();
  assert.match(refused, /坏文件\.json：文件不完整/);
  assert.equal(await page.locator('table.rollup tbody tr').count(), 3);
  await shot(page, 'review-rollup');

  // --- Sorting: click a header; aria-sort follows. ---
  const centreHeader = page.locator('table.rollup thead th', { hasText: '卫生院' }).first();
  assert.equal(await centreHeader.getAttribute('aria-sort'), 'ascending');
  // Pinyin order (bai, dong, qing), as Excel sorts Chinese names; code points would put 东 first.
  assert.deepEqual(await rowNames(page), ['白水镇卫生院', '东岭乡卫生院', '青山镇卫生院']);
  await centreHeader.getByRole('button').click();
  assert.equal(await centreHeader.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await rowNames(page), ['青山镇卫生院', '东岭乡卫生院', '白水镇卫生院']);
  const staffing = page.locator('table.rollup thead th', { hasText: '人员配备' });
  await staffing.getByRole('button').click();
  assert.equal(await staffing.getAttribute('aria-sort'), 'ascending');
  assert.equal(await centreHeader.getAttribute('aria-sort'), 'none');
  // 东岭 22/30 fails the 85% share; 青山 41/48 and 白水 17/20 meet it.
  assert.equal((await rowNames(page))[0], '东岭乡卫生院');
  const bedHeader = page.locator('table.rollup thead th', { hasText: '床位规模' });
  await bedHeader.getByRole('button').click();
  assert.deepEqual(await rowNames(page), ['东岭乡卫生院', '青山镇卫生院', '白水镇卫生院']);

  // --- Filtering by text and by review status. ---
  await page.fill('#rollup-filter', '平阳');
  await page.locator('.rollup-count', { hasText: '显示 2 / 3 家' }).waitFor();
  assert.deepEqual((await rowNames(page)).sort(), ['东岭乡卫生院', '青山镇卫生院'].sort());
  await page.fill('#rollup-filter', '');
  await page.selectOption('#rollup-status', 'pass');
  await page.locator('.rollup-count', { hasText: '显示 0 / 3 家' }).waitFor();
  await page.selectOption('#rollup-status', 'not_started');
  await page.locator('.rollup-count', { hasText: '显示 3 / 3 家' }).waitFor();
  await page.selectOption('#rollup-status', 'all');

  // --- The roll-up exports as a workbook. ---
  const xlsx = await download(page, page.getByRole('button', { name: '导出当前表格（Excel）' }));
  assert.match(xlsx.name, /^县级复核汇总-\d{8}\.xlsx$/);
  const bytes = readFileSync(xlsx.path);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.ok(bytes.toString('utf8').includes('青山镇卫生院'));

  // --- One criterion across centres: which centres fail 卫技 ≥ 85%? ---
  await openReviewTab(page, '按条款查看');
  await page.selectOption('#criterion-pick', 'thc.staff.health-tech-share');
  await page.locator('table.across tbody tr').first().waitFor();
  assert.equal(await page.locator('table.across tbody tr').count(), 3);
  await page.getByLabel('只看未达标或部分达标的卫生院').check();
  await page.locator('.across-view [role="status"]', { hasText: '3 家中有 1 家' }).waitFor();
  const failing = page.locator('table.across tbody tr');
  assert.equal(await failing.count(), 1);
  assert.match(await failing.innerText(), /东岭乡卫生院[\s\S]*未达标[\s\S]*22 ÷ 30/);
  await shot(page, 'review-by-criterion');

  // --- Review 青山: verdicts, comments, sign-off, export. ---
  await openReviewTab(page, '汇总表');
  await page.getByRole('button', { name: '复核 青山镇卫生院' }).click();
  await page.locator('#review-pane-heading', { hasText: '复核：青山镇卫生院 · ' }).waitFor();
  const share = reviewItem(page, 'thc.staff.health-tech-share');
  assert.match(await share.locator('.figure').innerText(), /41 ÷ 48 = 85\.4%/);
  await share.getByLabel('不同意').check();
  // Typed key by key: the pane keeps the focus and every character (nothing re-renders under it).
  await share.getByLabel('意见说明').pressSequentially('花名册中 3 人为工勤人员，卫技实为 38 人');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rc-thc-staff-health-tech-share-comment');
  await reviewItem(page, 'thc.staff.nursing').getByLabel('需补充材料').check();
  await reviewItem(page, 'thc.ethics.disclosure').getByLabel('同意', { exact: true }).check();
  await page.locator('.tally', { hasText: '同意 1 项 · 不同意 1 项 · 需补充材料 1 项' }).waitFor();
  await page.locator('.review-pane .save-indicator', { hasText: '已保存到本机' }).waitFor({ timeout: 5000 });

  // Sign-off refuses what is missing, naming it.
  await page.getByRole('button', { name: '导出复核后的文件' }).click();
  const missing = await page.locator('#signoff-problems').innerText();
  assert.match(missing, /复核人姓名/);
  assert.match(missing, /复核结论/);
  assert.match(missing, /护士配备满足临床和社区护理需要/);
  await reviewItem(page, 'thc.staff.nursing').getByLabel('意见说明').fill('请补充护士花名册');
  await page.fill('#review-reviewer', '张科长');
  await page.fill('#review-date', '2026-12-01');
  await page.getByLabel('整改后复核').check();
  await page.fill('#review-comment', '人员配备两项需整改后复核。');
  await shot(page, 'review-pane');
  const reviewed = await download(page, page.getByRole('button', { name: '导出复核后的文件' }));
  assert.match(reviewed.name, /^青山镇卫生院-\d{4}自评-复核-\d{8}\.json$/);
  await page.locator('.signoff [role="status"]', { hasText: '已导出' }).waitFor();
  const file = JSON.parse(readFileSync(reviewed.path, 'utf8'));
  assert.equal(file.digest, digestOf(file.content), 'a fresh digest over content and review');
  assert.deepEqual(file.content.assessment, original.content.assessment, "the director's content is unchanged");
  assert.deepEqual(file.content.catalogue, original.content.catalogue);
  assert.equal(file.content.review.reviewer, '张科长');
  assert.equal(file.content.review.reviewed_on, '2026-12-01');
  assert.equal(file.content.review.conclusion, 'recheck_after_rectification');
  assert.deepEqual(file.content.review.items['thc.staff.health-tech-share'], {
    verdict: 'disagree', comment: '花名册中 3 人为工勤人员，卫技实为 38 人',
  });
  assert.equal(file.content.review.items['thc.ethics.disclosure'].verdict, 'agree');
  // The published schema describes the review exactly: the file passes, a made-up conclusion or
  // an unknown field in an item does not.
  exchangeCheck(['schema', reviewed.path]);
  const badConclusion = structuredClone(file);
  badConclusion.content.review.conclusion = 'maybe';
  const badItem = structuredClone(file);
  badItem.content.review.items['thc.ethics.disclosure'].score = 5;
  exchangeCheck(['schema-rejects',
    writeOut('review-bad-conclusion.json', JSON.stringify(badConclusion)),
    writeOut('review-bad-item.json', JSON.stringify(badItem))]);

  // --- A reload keeps the workspace and the review. ---
  await page.getByRole('button', { name: '← 返回汇总' }).click();
  await page.locator('table.rollup').waitFor();
  await page.reload();
  await waitForApp(page);
  await page.locator('table.rollup tbody tr').nth(2).waitFor();
  assert.equal(await page.locator('table.rollup tbody tr').count(), 3);
  const qingshanRow = page.locator('table.rollup tbody tr', { hasText: '青山镇卫生院' });
  assert.match(await qingshanRow.innerText(), /整改后复核/);
  await page.selectOption('#rollup-status', 'recheck_after_rectification');
  assert.deepEqual(await rowNames(page), ['青山镇卫生院']);
  await page.selectOption('#rollup-status', 'all');
  await page.getByRole('button', { name: '复核 青山镇卫生院' }).click();
  assert.equal(await reviewItem(page, 'thc.staff.health-tech-share').getByLabel('意见说明').inputValue(), '花名册中 3 人为工勤人员，卫技实为 38 人');
  assert.equal(await page.inputValue('#review-reviewer'), '张科长');

  // --- The reviewer's place is in the URL: a reload returns to the pane, Back to the roll-up. ---
  assert.match(page.url(), /#\/review\/f\/[A-Za-z0-9_-]+$/);
  await page.reload();
  await waitForApp(page);
  await page.locator('#review-pane-heading', { hasText: '复核：青山镇卫生院 · ' }).waitFor();
  assert.equal(await page.inputValue('#review-reviewer'), '张科长', 'the pane after a reload shows the saved review');
  await page.goBack();
  await page.locator('table.rollup').waitFor();
  assert.match(page.url(), /#\/review$/);
  await page.goForward();
  await page.locator('#review-pane-heading', { hasText: '复核：青山镇卫生院 · ' }).waitFor();
  await page.getByRole('button', { name: '← 返回汇总' }).click();
  await page.locator('table.rollup').waitFor();
  await openReviewTab(page, '按条款查看');
  assert.match(page.url(), /#\/review\/criterion$/);
  await page.reload();
  await waitForApp(page);
  await page.locator('.review-tabs button[aria-pressed="true"]', { hasText: '按条款查看' }).waitFor();
  await openReviewTab(page, '汇总表');

  // --- Compare two years of one centre. ---
  await page.setInputFiles('#review-files', [files.qingshanLastYear]);
  await page.locator('.load-report [role="status"]', { hasText: '已载入 1 个文件' }).waitFor();
  await openReviewTab(page, '前后对比');
  const comparison = page.locator('.comparison');
  await comparison.waitFor();
  assert.match(await page.locator('#compare-before option:checked').innerText(), /2025/);
  assert.match(await page.locator('#compare-after option:checked').innerText(), /2026/);
  assert.match(await comparison.locator('.change-improved').innerText(), /改善（2）[\s\S]*卫生技术人员占职工总数不低于85%[\s\S]*未达标 → 达标[\s\S]*医德规范/);
  assert.match(await comparison.locator('.change-new-gap').innerText(), /新增差距（1）[\s\S]*护士配备/);
  await shot(page, 'review-compare');

  // --- Removing a file asks first, and stays removed after a reload. ---
  await openReviewTab(page, '汇总表');
  await page.getByRole('button', { name: '移除 白水镇卫生院' }).click();
  const confirm = page.getByRole('alertdialog');
  assert.match(await confirm.innerText(), /白水镇卫生院/);
  await confirm.getByRole('button', { name: '取消' }).click();
  assert.equal(await page.locator('table.rollup tbody tr').count(), 4);
  await page.getByRole('button', { name: '移除 白水镇卫生院' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).click();
  await page.locator('table.rollup tbody tr', { hasText: '白水镇卫生院' }).waitFor({ state: 'detached' });
  await page.reload();
  await waitForApp(page);
  await page.locator('table.rollup tbody tr').nth(2).waitFor();
  assert.equal(await page.locator('table.rollup tbody tr').count(), 3);
  assert.equal(await page.locator('table.rollup tbody tr', { hasText: '白水镇卫生院' }).count(), 0);

  // --- The director imports the reviewed file and sees the review beside unchanged answers. ---
  await page.goto(app.url);
  await waitForApp(page);
  await page.setInputFiles('#import-file', reviewed.path);
  const preview = page.locator('.import-preview');
  await preview.locator('[role="status"]', { hasText: '校验通过' }).waitFor();
  await preview.getByRole('button', { name: '作为新自评导入' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  // The county's conclusion and remarks head every page of the editor.
  const banner = page.locator('.county-review-banner');
  assert.equal((await banner.locator('strong').innerText()).trim(), '县级复核：整改后复核（张科长，2026-12-01）');
  assert.match(await banner.innerText(), /人员配备两项需整改后复核。/);
  await openSection(page, '人员配备');
  assert.equal(await page.locator('.county-review-banner strong').count(), 1, 'still shown on a section page');
  assert.equal(await input(page, 'health_tech_staff').inputValue(), '41');
  const shareCard = card(page, 'thc.staff.health-tech-share');
  assert.match(await shareCard.locator('.verdict').innerText(), /达标/);
  assert.equal(
    (await shareCard.locator('.county-review').innerText()).trim(),
    '县级复核：不同意 — 花名册中 3 人为工勤人员，卫技实为 38 人'
  );
  assert.match(await card(page, 'thc.staff.nursing').locator('.county-review').innerText(), /需补充材料 — 请补充护士花名册/);
  assert.ok(await card(page, 'thc.staff.nursing').getByLabel('部分符合').isChecked(), 'the answer is unchanged');
  await shot(page, 'review-director-sees-review');
  // The printed report carries the review with its conclusion.
  await page.getByRole('link', { name: '查看差距报告' }).click();
  const printed = await page.locator('#report-review').innerText();
  assert.match(printed, /整改后复核[\s\S]*张科长 · 2026-12-01[\s\S]*人员配备两项需整改后复核。/);
  assert.match(printed, /卫生技术人员占职工总数不低于85%\s+不同意：花名册中 3 人为工勤人员/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that does not fit in storage stays open with a message', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  // Every workspace write fails as a full localStorage does.
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(key, value) {
      if (String(key).startsWith('thc-assess.r')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  const files = generatedFiles();
  await page.goto(`${app.url}#/review`);
  await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  await page.setInputFiles('#review-files', [files.baishui, files.dongling]);
  await page.locator('.load-report [role="status"]', { hasText: '已载入 2 个文件' }).waitFor();
  const alert = await page.locator('.load-report [role="alert"]').innerText();
  assert.match(alert, /有 2 个文件未能保存到本机（浏览器存储空间已满/);
  assert.equal(await page.locator('table.rollup .badge-warn', { hasText: '未保存到本机' }).count(), 2);
  await page.getByRole('button', { name: '复核 白水镇卫生院' }).click();
  await page.locator('.review-pane .field-warning', { hasText: '未能保存到本机' }).waitFor();
  await reviewItem(page, 'thc.ethics.disclosure').getByLabel('同意', { exact: true }).check();
  await page.locator('.review-pane .save-indicator', { hasText: '存储空间已满' }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thc-assess.r')).length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workspace reads well at 360 px and passes an accessibility scan', async () => {
  // axe is injected as a script, which the app's CSP (rightly) forbids: bypass it for the scan only.
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
  const { page, problems } = await newWatchedPage(context);
  const files = generatedFiles();
  await page.goto(`${app.url}#/review`);
  await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  await page.setInputFiles('#review-files', [files.baishui, files.dongling, files.qingshanLastYear, files.corrupt]);
  await page.locator('table.rollup tbody tr').nth(2).waitFor();

  const scan = async (name) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 360 px`);
    const result = await axeViolations(page);
    assert.deepEqual(result, [], `axe on ${name}`);
    await page.screenshot({ path: join(OUT, `review-phone-${name}.png`), fullPage: true });
  };
  await scan('rollup');
  // The language switch redraws the workspace, files and sort kept.
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('main h1', { hasText: 'County review' }).waitFor();
  await page.locator('table.rollup thead th', { hasText: 'Centre' }).first().waitFor();
  assert.equal(await page.locator('table.rollup tbody tr').count(), 3);
  await page.getByRole('button', { name: '中文' }).click();
  await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  await openReviewTab(page, '按条款查看');
  await page.selectOption('#criterion-pick', 'thc.staff.health-tech-share');
  await page.locator('table.across tbody tr').first().waitFor();
  await scan('by-criterion');
  await openReviewTab(page, '前后对比');
  await page.locator('.compare-view h2').waitFor();
  await scan('compare');
  await openReviewTab(page, '汇总表');
  await page.getByRole('button', { name: '移除 东岭乡卫生院' }).click();
  await page.getByRole('alertdialog').waitFor();
  await scan('remove-confirm');
  await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '复核 白水镇卫生院' }).click();
  await page.locator('#review-pane-heading').waitFor();
  await reviewItem(page, 'thc.staff.health-tech-share').getByLabel('不同意').check();
  await page.getByRole('button', { name: '导出复核后的文件' }).click();
  await page.locator('#signoff-problems').waitFor();
  await scan('review-pane');
  // The keyboard reaches the verdicts: Tab from the comment box of one item to the next item.
  await page.locator('#review-reviewer').focus();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-reviewer');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged workspace entry is recovered from its backup, its text set aside', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  const files = generatedFiles();
  await page.goto(`${app.url}#/review`);
  await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  await page.setInputFiles('#review-files', [files.baishui]);
  await page.getByRole('button', { name: '复核 白水镇卫生院' }).click();
  await reviewItem(page, 'thc.ethics.disclosure').getByLabel('同意', { exact: true }).check();
  await page.locator('.review-pane .save-indicator', { hasText: '已保存到本机' }).waitFor({ timeout: 5000 });
  await reviewItem(page, 'thc.ethics.disclosure').getByLabel('意见说明').fill('公示栏照片清晰');
  await page.locator('.review-pane .save-indicator', { hasText: '已保存到本机' }).waitFor({ timeout: 5000 });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thc-assess.r')).sort());
  assert.equal(keys.length, 2, `entry and backup: ${keys}`);
  const main = keys.find((k) => k.startsWith('thc-assess.r.'));
  const backup = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), keys.find((k) => k.startsWith('thc-assess.rb.'))));
  assert.equal(backup.review.items['thc.ethics.disclosure'].verdict, 'agree', 'the backup is the previous save');
  // Damage the entry, as an interrupted write or another program might.
  await page.evaluate((k) => localStorage.setItem(k, '{"layout":1,"id":'), main);
  await page.reload();
  await waitForApp(page);
  await page.getByRole('status').filter({ hasText: '已从备份恢复' }).waitFor();
  // The reload returns to where the reviewer was: the pane of the recovered file.
  await page.locator('#review-pane-heading', { hasText: '白水镇卫生院' }).waitFor();
  await page.getByRole('button', { name: '← 返回汇总' }).click();
  await page.locator('table.rollup tbody tr', { hasText: '白水镇卫生院' }).waitFor();
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thc-assess.')).sort());
  assert.ok(after.some((k) => k.startsWith('thc-assess.quarantine.r-')), `damaged text kept aside: ${after}`);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), main)).review.items['thc.ethics.disclosure'].verdict, 'agree');
  await page.getByRole('button', { name: '复核 白水镇卫生院' }).click();
  assert.ok(await reviewItem(page, 'thc.ethics.disclosure').getByLabel('同意', { exact: true }).isChecked());
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs of the workspace follow each other: files opened, reviews saved, files removed', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const first = await newWatchedPage(context);
  const second = await newWatchedPage(context);
  const [a, b] = [first.page, second.page];
  const files = generatedFiles();
  for (const page of [a, b]) {
    await page.goto(`${app.url}#/review`);
    await page.locator('main h1', { hasText: '县级复核' }).waitFor();
  }

  // Files opened in one tab appear in the other without a reload.
  await a.setInputFiles('#review-files', [files.baishui, files.dongling]);
  await a.locator('.load-report [role="status"]', { hasText: '已载入 2 个文件' }).waitFor();
  await b.locator('table.rollup tbody tr').nth(1).waitFor({ timeout: 5000 });
  assert.deepEqual(await rowNames(b), ['白水镇卫生院', '东岭乡卫生院']);

  // A review saved in the second tab shows in the first tab's roll-up.
  await b.getByRole('button', { name: '复核 白水镇卫生院' }).click();
  await reviewItem(b, 'thc.ethics.disclosure').getByLabel('同意', { exact: true }).check();
  await b.locator('.review-pane .save-indicator', { hasText: '已保存到本机' }).waitFor({ timeout: 5000 });
  await a.locator('table.rollup tbody tr', { hasText: '白水镇卫生院' }).filter({ hasText: '复核中' })
    .waitFor({ timeout: 5000 });

  // A file removed in the first tab leaves the second tab's workspace too.
  await a.getByRole('button', { name: '移除 东岭乡卫生院' }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).click();
  await b.getByRole('button', { name: '← 返回汇总' }).click();
  await b.locator('table.rollup tbody tr', { hasText: '东岭乡卫生院' }).waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(await rowNames(b), ['白水镇卫生院']);
  // The second tab's review, made before, is still there after all this.
  await b.reload();
  await waitForApp(b);
  await b.locator('table.rollup tbody tr', { hasText: '白水镇卫生院' }).filter({ hasText: '复核中' }).waitFor();

  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await context.close();
});
