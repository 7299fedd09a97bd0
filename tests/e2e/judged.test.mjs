// What the director typed is what is judged (issue 14), tried in a real browser as a director
// types: character by character. For each bad value the field, the card's verdict, the summary
// and the printed report must agree, and a reload must bring back exactly what was typed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWatchedPage, shot, useBrowserAndServer, waitForApp } from './harness.mjs';
import { card, input, openSection, saved } from './ui.mjs';
import { printToPdf, squash } from './pdf.mjs';

const app = useBrowserAndServer();

/** Types into a field key by key (each key is an input event, as on a real keyboard). */
async function typeInto(page, inputId, text) {
  const field = input(page, inputId);
  await field.fill('');
  await field.pressSequentially(text);
}

async function storedAssessment(page, id) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)).assessment, `thc-assess.a.${id}`);
}

const verdict = (page, id) => card(page, id).locator('.criterion-head .verdict');
const figure = (page, id) => card(page, id).locator('.figure');

test('bad and contradictory figures are kept as typed, never judged, and the card, summary and report agree', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newWatchedPage(context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.fill('#new-centre-name', '青山镇卫生院');
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  const id = /#\/a\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.getByLabel('一般卫生院').check();

  // 7. The population card shows the total it uses.
  await openSection(page, '基本情况与建设规模');
  await typeInto(page, 'resident_population', '28000');
  await typeInto(page, 'temporary_population', '4000');
  await figure(page, 'thc.profile.population').filter({ hasText: '= 32,000 人' }).waitFor();
  assert.equal(
    await figure(page, 'thc.profile.population').innerText(),
    '服务人口 = 常住人口 28,000 + 暂住（流动）人口 4,000 = 32,000 人'
  );
  assert.match(await card(page, 'thc.profile.population').innerText(), /24,000 ÷ 3 = 38,000/);
  // 8. Sources by their own title, issuer and section; never an internal file number.
  const bedSource = await card(page, 'thc.profile.bed-class').locator('.source').innerText();
  assert.match(bedSource, /《河北省创建标准化乡\(镇\)卫生院实施方案》（河北省卫生厅）三\(一\)1 · 省级文件/);
  assert.doesNotMatch(await page.locator('main').innerText(), /种子|篇\d/);

  // 3. "How many more" when 卫技 are part of the total.
  await openSection(page, '人员配备');
  await typeInto(page, 'staff_total', '48');
  await typeInto(page, 'health_tech_staff', '40');
  const share = 'thc.staff.health-tech-share';
  await verdict(page, share).filter({ hasText: '未达标' }).waitFor();
  const shareLine = await figure(page, share).innerText();
  assert.match(shareLine, /还需增加 6 人（46 ÷ 54）/);
  assert.match(shareLine, /其他人员减少 1 人（40 ÷ 47）/);
  assert.doesNotMatch(shareLine, /还差 1/);
  // 9. The range ceiling is labelled as the tool's reading.
  assert.match(await card(page, 'thc.staff.prevention').locator('.source').innerText(), /本工具的解释/);
  // 10. The director's title is a choice of level.
  await card(page, 'thc.staff.director-title').getByLabel('中级', { exact: true }).check();
  await verdict(page, 'thc.staff.director-title').filter({ hasText: '达标' }).waitFor();
  assert.equal(await card(page, 'thc.staff.director-title').getByLabel('部分符合').count(), 0);

  // 2. A contradiction: 卫技 50 of 48 staff; shown on both fields, the share not judged.
  await typeInto(page, 'health_tech_staff', '50');
  await verdict(page, share).filter({ hasText: '待更正' }).waitFor();
  assert.doesNotMatch(await figure(page, share).innerText(), /104/);
  assert.equal(await input(page, 'staff_total').getAttribute('aria-invalid'), 'true');
  assert.equal(await input(page, 'health_tech_staff').getAttribute('aria-invalid'), 'true');
  // 中医 20 of 16 clinical physicians: never "达标（附注）" at 125%.
  await typeInto(page, 'health_tech_staff', '40');
  await typeInto(page, 'clinical_physicians', '16');
  await typeInto(page, 'clinical_assistant_physicians', '0');
  await typeInto(page, 'tcm_physicians', '20');
  await typeInto(page, 'tcm_assistant_physicians', '0');
  await verdict(page, 'thc.staff.tcm-share').filter({ hasText: '待更正' }).waitFor();
  assert.doesNotMatch(await figure(page, 'thc.staff.tcm-share').innerText(), /125/);
  await typeInto(page, 'tcm_physicians', '2');
  await typeInto(page, 'clinical_physicians', '20');
  await verdict(page, 'thc.staff.tcm-share').filter({ hasText: /^达标$/ }).waitFor();

  // 1. 48.5 people and "95人" are errors, kept as typed, never 48 or 95.
  await typeInto(page, 'staff_total', '48.5');
  await typeInto(page, 'health_tech_staff', '95人');
  await verdict(page, share).filter({ hasText: '待更正' }).waitFor();
  const refused = await figure(page, share).innerText();
  assert.match(refused, /“48\.5”（须为整数）/);
  assert.match(refused, /“95人”（不是数字）/);
  assert.equal(await input(page, 'staff_total').inputValue(), '48.5');
  await shot(page, 'judged-staffing');

  // 1, 5, 6. A rate of 120, a rate typed as a fraction, a partly filled data card.
  await openSection(page, '预防保健服务');
  await typeInto(page, 'vaccine_coverage', '120');
  await typeInto(page, 'maternal_mgmt_rate', '0.92');
  await typeInto(page, 'child_mgmt_rate', '85');
  const vaccine = 'thc.ph.vaccine-coverage';
  await verdict(page, vaccine).filter({ hasText: '待更正' }).waitFor();
  const vaccineLine = await figure(page, vaccine).innerText();
  assert.match(vaccineLine, /“120”（不能大于 100%）/);
  assert.doesNotMatch(vaccineLine, /12%/);
  assert.match(await card(page, 'thc.ph.inputs').innerText(), /不能大于 100%/);
  assert.match(await card(page, 'thc.ph.inputs').locator('.field-warning').first().innerText(), /是否指 92%/);
  await verdict(page, 'thc.ph.maternal-management').filter({ hasText: '未达标' }).waitFor();
  await shot(page, 'judged-public-health');
  // 6. A data card with one of its two rates: partly answered, not unanswered.
  await openSection(page, '医德医风');
  await typeInto(page, 'outpatient_satisfaction', '98');
  await verdict(page, 'thc.ethics.satisfaction-inputs').filter({ hasText: '部分作答' }).waitFor();
  assert.match(await figure(page, 'thc.ethics.satisfaction-inputs').innerText(), /已填写 1 项，尚缺：群众对窗口服务满意度/);
  await verdict(page, 'thc.ethics.outpatient-satisfaction').filter({ hasText: '达标' }).waitFor();
  await saved(page);

  // Counted before a reload: the values and the refused texts stored.
  const before = await storedAssessment(page, id);
  assert.deepEqual(before.rejected_inputs, { staff_total: '48.5', health_tech_staff: '95人', vaccine_coverage: '120' });
  assert.equal(before.inputs.staff_total, undefined, 'no value kept from a prefix');
  assert.equal(before.inputs.vaccine_coverage, undefined, 'no 12 from the prefix of 120');
  assert.equal(before.inputs.maternal_mgmt_rate, 92);
  const inputsBefore = Object.keys(before.inputs).length;

  await page.reload();
  await waitForApp(page);
  await openSection(page, '预防保健服务');
  assert.equal(await input(page, 'vaccine_coverage').inputValue(), '120');
  assert.equal(await input(page, 'vaccine_coverage').getAttribute('aria-invalid'), 'true');
  await verdict(page, vaccine).filter({ hasText: '待更正' }).waitFor();
  await openSection(page, '人员配备');
  assert.equal(await input(page, 'health_tech_staff').inputValue(), '95人');
  const after = await storedAssessment(page, id);
  assert.deepEqual(after.rejected_inputs, before.rejected_inputs);
  assert.equal(Object.keys(after.inputs).length, inputsBefore);

  // The summary counts them apart.
  await page.locator('.section-nav a', { hasText: '汇总' }).click();
  await page.locator('.page .overall').filter({ hasText: '待更正' }).waitFor();
  const overall = await page.locator('.page .overall').innerText();
  const toCorrect = Number(/待更正 (\d+)/.exec(overall)[1]);
  assert.ok(toCorrect >= 4, overall);

  // The report lists what to correct, prints the same, and never a judged prefix.
  await page.goto(`${app.url}#/report/${id}`);
  await page.locator('#report-end').waitFor({ state: 'attached', timeout: 20000 });
  const corrections = page.locator('#report-corrections li');
  assert.equal(await corrections.count(), toCorrect);
  const onScreen = await page.locator('#report-corrections').innerText();
  const pdf = await printToPdf(page, 'judged-report');
  const printed = squash(pdf.text);
  for (const needle of ['待更正的数据', '“120”（不能大于100%）', '“48.5”（须为整数）', '“95人”（不是数字）', `待更正${toCorrect}`]) {
    assert.ok(printed.includes(squash(needle)), `the report prints ${needle}`);
  }
  assert.ok(squash(onScreen).includes(squash('“120”（不能大于 100%）')));
  for (const wrong of ['=12%', '104.2%', '125', '种子文件', '已达到的最高等级']) {
    assert.ok(!printed.includes(squash(wrong)), `the report does not print ${wrong}`);
  }
  // Partly filled: listed as such, not as unanswered.
  assert.ok(printed.includes(squash('满意度调查结果（部分作答：已填写 1 项')), 'partly answered card');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an optional room under 一般卫生院 reads 选设, and 未设置 is not 不适用', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newWatchedPage(context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.fill('#new-centre-name', '白沙乡卫生院');
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  await page.getByLabel('一般卫生院').check();
  await openSection(page, '科室设置');
  const room = 'thc.dept.operating-room';
  assert.equal(await card(page, room).locator('.badge').innerText(), '选设');
  await card(page, room).getByLabel('未设置').check();
  await verdict(page, room).filter({ hasText: '未设置（选设）' }).waitFor();
  // A required room keeps 核心 and is a gap when not set.
  assert.equal(await card(page, 'thc.dept.pharmacy').locator('.badge').innerText(), '核心');
  await shot(page, 'judged-departments');
  assert.deepEqual(problems, []);
  await context.close();
});
