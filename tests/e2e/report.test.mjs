// The printable gap report and the blank checklist (issue 7), printed the way a director prints
// them: Chromium's PDF of the page on A4, read back with pdftotext and rendered to PNG with
// pdftoppm (poppler-utils) into tests/e2e/out/ for a person to look at.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { newWatchedPage, ROOT, shot, useBrowserAndServer, waitForApp } from './harness.mjs';
import { assertInOrder, printToPdf, squash } from './pdf.mjs';

const env = useBrowserAndServer();

const catalogue = (id) => JSON.parse(readFileSync(join(ROOT, 'core/src/catalogue/data', `${id}.json`), 'utf8'));
const THC = catalogue('thc-standard');
const criteria = (cat) => cat.sections.flatMap((s) => s.criteria.map((c) => ({ ...c, section: s.id })));
const NOW = '2026-11-20T14:03:27+08:00';

/** A stored entry exactly as persist.rs writes it (layout 1). */
function stored(assessment) {
  return { layout: 1, revision: 3, saved_at: NOW, writer: 'tab-e2e', last_exported_at: null, assessment };
}

function baseAssessment(id, cat, profile) {
  return {
    format_version: 1, id, catalogue_id: cat.id, catalogue_version: cat.version, profile,
    inputs: {}, items: {}, created_at: '2026-11-18T09:30:00+08:00', updated_at: NOW,
  };
}

const item = (answer, extra = {}) => ({ answer, not_applicable: false, evidence: '', action: null, ...extra });
const status = (s) => ({ status: s });

/** 青山镇卫生院: realistic answers, a handful of gaps with and without actions, items marked not
 * applicable, and leftovers from an older catalogue (same data as tests/core_report.rs). */
function realistic(id) {
  const a = baseAssessment(id, THC, {
    centre_name: '青山镇卫生院', county: '平阳县', centre_type: 'general', year: 2026, filled_by: '王建国', flags: [],
  });
  Object.assign(a.inputs, {
    resident_population: 28000, temporary_population: 4000, beds: 20, floor_area: 800, staff_total: 58,
    health_tech_staff: 47, clinical_physicians: 12, clinical_assistant_physicians: 6, tcm_physicians: 1,
    tcm_assistant_physicians: 0, prevention_staff: 3, immunization_staff: 3, old_fridges: 3,
  });
  for (const c of criteria(THC)) {
    if (c.kind === 'checklist' || c.kind === 'department') a.items[c.id] = item(status('met'));
  }
  a.items['thc.dept.sterile-supply'] = item(status('not_met'), {
    evidence: '消毒供应室目前与处置室合用一间，未做到三区分开。',
    action: { measure: '改造消毒供应室，三区分开', owner: '后勤 李强', deadline: '2027-03-31', status: 'planned' },
  });
  a.items['thc.dept.ent-dental'] = item(status('not_met'));
  a.items['thc.staff.appointment-system'] = item(status('not_met'));
  a.items['thc.ph.chronic-disease'] = item(status('not_met'));
  a.items['thc.mgmt.infection-control'] = item(status('partly'), { evidence: '消毒记录不全（9、10 月缺）' });
  a.items['thc.fn.patriotic-health'] = item(status('met'), {
    not_applicable: true, evidence: '爱国卫生技术指导由镇政府另设机构承担。',
  });
  a.items['thc.staff.health-tech-share'] = item(null, {
    action: { measure: '招聘 3 名卫生技术人员，非卫技岗位不再新增', owner: '院办 张丽', deadline: '2027-06-30', status: 'in_progress' },
  });
  a.items['thc.old.retired-item'] = item(status('not_met'), {
    evidence: '旧版条目', action: { measure: '旧措施', owner: '', deadline: null, status: 'planned' },
  });
  return a;
}

const NOTE_TAIL = '【完】';
/** A note of 500+ characters ending in a marker, so a clipped note is caught. */
function longNote(n) {
  const sentence = `第 ${n} 项：现场查看发现制度文本与实际执行不一致，台账记录缺失较多，相关人员对流程不熟悉，需要重新培训并定期督查；`;
  let note = '';
  while (note.length < 520) note += sentence;
  return note + NOTE_TAIL;
}

/** Every checklist item and department not met, each with a 500+ character note and action. */
function everythingAGap(id) {
  const a = realistic(id);
  let n = 0;
  for (const c of criteria(THC)) {
    if (c.kind !== 'checklist' && c.kind !== 'department') continue;
    n += 1;
    a.items[c.id] = item(status('not_met'), {
      evidence: longNote(n),
      action: { measure: longNote(n), owner: '院长', deadline: '2027-12-31', status: 'planned' },
    });
  }
  return a;
}

async function seed(page, entry) {
  await page.goto(env.url);
  await waitForApp(page);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text),
    [`thc-assess.a.${entry.assessment.id}`, JSON.stringify(entry)]);
}

async function openReport(page, id) {
  await page.goto(`${env.url}#/report/${id}`);
  await page.locator('#report-end').waitFor({ state: 'attached', timeout: 20000 });
}

function assertA4(pdf) {
  // A4 is 595.28 x 841.89 pt.
  assert.ok(Math.abs(pdf.width - 595.3) < 1.5 && Math.abs(pdf.height - 841.9) < 1.5, `A4 portrait, got ${pdf.width} x ${pdf.height}`);
}

function assertPageNumbers(pdf) {
  for (let p = 1; p <= pdf.pages; p += 1) {
    assert.match(pdf.pageTexts[p - 1], new RegExp(`\\b${p}\\s*/\\s*${pdf.pages}\\b`), `page ${p} is numbered "${p} / ${pdf.pages}"`);
  }
}

function assertNothingInteractivePrinted(text) {
  const flat = squash(text);
  for (const word of ['打印', '返回自评', '空白现场检查表', '我的自评', '数据只保存在本机', '乡镇卫生院标准化自评']) {
    assert.ok(!flat.includes(squash(word)), `"${word}" (button, link, header bar or footer) is not printed`);
  }
}

test('the gap report of a filled assessment prints on A4: header, result, gaps, actions, signatures in order', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await newWatchedPage(context);
  const id = 'e2e-report-1';
  await seed(page, stored(realistic(id)));
  await openReport(page, id);

  // On screen: the print button and the way back; the chart is SVG.
  assert.equal(await page.locator('main h1').innerText(), '差距报告');
  await page.getByRole('button', { name: '打印' }).waitFor();
  assert.equal(await page.getByRole('link', { name: '返回自评' }).getAttribute('href'), `#/a/${id}`);
  assert.equal(await page.getByRole('link', { name: /空白现场检查表/ }).getAttribute('href'), `#/checklist/${id}`);
  assert.equal(await page.locator('svg.report-chart g').count(), THC.sections.length);
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style attributes (the CSP forbids them)');
  assert.equal(await page.locator('.gap-item').count(), 7);
  assert.equal(await page.locator('.action-table tbody tr').count(), 7);
  await shot(page, 'report-screen');

  const pdf = await printToPdf(page, 'report');
  assertA4(pdf);
  assertPageNumbers(pdf);
  assertNothingInteractivePrinted(pdf.text);
  // The parts, in order, as laid out on the page ...
  assertInOrder(pdf.text, ['差距报告', '基本信息', '青山镇卫生院', '总体结果', '差距清单', '整改计划', '签字', '院长（签字）', '县级复核意见']);
  // ... and everything in them, in reading order.
  assertInOrder(pdf.raw, [
    // header
    '差距报告', '青山镇卫生院 · 2026 年度', '基本信息', '青山镇卫生院', '平阳县', '一般卫生院', '20 张（11–29 床）',
    '32,000 人（常住 28,000 + 暂住 4,000）', '2026-11-20', '乡镇卫生院标准化建设自评（第 1 版）', '王建国',
    // overall
    '总体结果', '总体符合度', '已答', '各部分符合度', '科室设置',
    // gap list, grouped by section, core first
    '差距清单（7）', '科室设置', '1.', '消毒供应室', '核心', '未达标', '自评说明', '未做到三区分开', '依据',
    '人员配备', '卫生技术人员占职工总数不低于85%', '47 ÷ 58', '还需增加 16 人（63 ÷ 74）',
    '中医执业（助理）医师占临床医疗服务人员8%–12%', '实行全员聘任制和按绩效分配', '推荐',
    '慢性病、地方病、职业病防治与筛查', '执行消毒隔离制度', '部分达标', '消毒记录不全', '免疫规划人员按每万人1人配备',
    // action plan
    '整改计划', '序号', '条目', '整改措施', '责任人', '完成期限', '进度',
    '改造消毒供应室，三区分开', '后勤 李强', '2027-03-31', '未开始',
    '招聘 3 名卫生技术人员', '院办 张丽', '2027-06-30', '进行中', '未制定',
    // not applicable, orphans
    '标记为不适用的条目', '爱国卫生技术指导由镇政府另设机构承担。',
    '按基本情况不适用的条目', '选设科室，未设置（不计为差距）',
    '当前标准中已不存在的内容', 'old_fridges', '数值：3', 'thc.old.retired-item', '旧措施',
    // signatures
    '签字', '院长（签字）', '日期', '填报人（签字）', '日期', '县级复核意见', '复核人（签字）', '日期',
  ]);
  assert.ok(pdf.pages >= 2, `${pdf.pages} pages`);
  // The signature block is never split: its lines share a page.
  const signPage = pdf.pageTexts.find((t) => squash(t).includes('院长（签字）'));
  assert.ok(squash(signPage).includes('复核人（签字）'), 'the whole signature block is on one page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long report (every item a gap, 500+ character notes) lays out on many pages and loses nothing', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await newWatchedPage(context);
  const id = 'e2e-report-long';
  await seed(page, stored(everythingAGap(id)));
  await openReport(page, id);
  const gaps = await page.locator('.gap-item').count();
  assert.ok(gaps > 70, `${gaps} gaps`);
  await shot(page, 'report-long-screen');
  const pdf = await printToPdf(page, 'report-long');
  assertA4(pdf);
  assert.ok(pdf.pages > 2, `${pdf.pages} pages`);
  assertPageNumbers(pdf);
  assertNothingInteractivePrinted(pdf.text);
  const lastTitle = criteria(THC).filter((c) => c.kind === 'checklist').at(-1).title.zh;
  assertInOrder(pdf.text, ['差距报告', '总体结果', '差距清单', '整改计划', '签字', '院长（签字）', '县级复核意见', '复核人（签字）']);
  assertInOrder(pdf.raw, ['差距报告', '总体结果', '差距清单', lastTitle, '整改计划', lastTitle, '签字', '院长（签字）', '县级复核意见', '复核人（签字）']);
  // Every note and every measure printed to its end: nothing clipped.
  const answered = criteria(THC).filter((c) => c.kind === 'checklist' || c.kind === 'department').length;
  const tails = squash(pdf.raw).split(NOTE_TAIL).length - 1;
  // Each note prints in the gap list and each measure in the action plan, except the notes of
  // the 7 items that are not gaps (6 optional departments, absent; normal delivery without an
  // obstetric service), whose actions still print.
  assert.equal(tails, 2 * answered - 7, 'every note and measure printed to its last character');
  // The action plan spans pages and its header row repeats on each of them.
  const actionPages = pdf.pageTexts.filter((t) => t.includes('2027-12-31'));
  assert.ok(actionPages.length >= 2, `action plan on ${actionPages.length} pages`);
  for (const t of actionPages) {
    assertInOrder(t, ['序号', '条目', '整改措施', '责任人', '完成期限', '进度', '2027-12-31']);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the blank checklist prints every applicable item with boxes, figure blanks and note lines', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await newWatchedPage(context);
  const id = 'e2e-checklist';
  await seed(page, stored(realistic(id)));
  await openReport(page, id);
  await page.getByRole('link', { name: /空白现场检查表/ }).click();
  await page.waitForURL(new RegExp(`#/checklist/${id}$`));
  await page.locator('#checklist-end').waitFor({ state: 'attached' });
  assert.equal(await page.locator('main h1').innerText(), '现场检查表');
  const total = criteria(THC).length;
  // No obstetric service and more than 10,000 people: two items do not apply.
  assert.equal(await page.locator('.check-item').count(), total - 2);
  assert.equal(await page.locator('.fill-box').count(), THC.inputs.length, 'one blank per input');
  assert.equal(await page.locator('[style]').count(), 0);
  await shot(page, 'checklist-screen');

  const pdf = await printToPdf(page, 'checklist');
  assertA4(pdf);
  assert.ok(pdf.pages > 2, `${pdf.pages} pages`);
  assertPageNumbers(pdf);
  assertNothingInteractivePrinted(pdf.text);
  assertInOrder(pdf.raw, [
    '现场检查表', '青山镇卫生院', '检查日期', '检查人',
    '基本情况与建设规模', '服务人口', '常住人口', '床位数',
    '科室设置', '急诊（抢救）室', '□ 已设置', '□ 部分具备', '□ 未设置', '□ 不适用',
    '人员配备', '在编职工总数', '卫生技术人员占职工总数不低于85%', '由数据自动计算',
    '卫技人员有法定执业资格', '□ 符合', '□ 部分符合', '□ 不符合', '□ 不适用', '记录',
    '预防接种门诊', criteria(THC).at(-1).title.zh,
  ]);
  assert.ok(!squash(pdf.text).includes('设产科的能提供正常产服务'), 'items the profile excludes are left out');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a graded catalogue reports its tiers and what is missing; the language switch redraws the report', async () => {
  const cat = catalogue('national-graded-sample');
  const id = 'e2e-report-graded';
  const a = baseAssessment(id, cat, {
    centre_name: '白沙乡卫生院', county: '平阳县', centre_type: 'general', year: 2026, filled_by: '陈医生', flags: [],
  });
  Object.assign(a.inputs, { medical_staff: 25, resident_population: 15000, temporary_population: 0, beds: 10 });
  for (const c of criteria(cat)) {
    if (c.kind !== 'graded') continue;
    const subs = c.graded?.sub_items ?? [];
    a.items[c.id] = subs.length
      ? item({ sub_items: Object.fromEntries(subs.map((s) => [s.id, s.level === 'C'])) })
      : item({ grade: c.id === 'g.1.1' ? 'D' : 'C' });
  }
  const context = await env.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  await seed(page, stored(a));
  await openReport(page, id);
  const tiers = page.locator('.tier-table');
  assert.match(await tiers.innerText(), /合格标准[\s\S]*不符合申报条件[\s\S]*基本标准[\s\S]*未达到[\s\S]*还差/);
  assert.match(await page.locator('#report-overall').innerText(), /尚未达到任何等级/);
  assert.match(await page.locator('.sample-note').innerText(), /示例/);
  assert.match(await page.locator('.gap-source').first().innerText(), /本工具的解释/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('main h1', { hasText: 'Gap report' }).waitFor();
  assert.match(await page.locator('.tier-table').innerText(), /Basic tier[\s\S]*Not reached/);
  assert.match(await page.locator('#report-signatures').innerText(), /Director \(signature\)[\s\S]*County review opinion/);
  await shot(page, 'report-graded-en');
  await page.getByRole('button', { name: '中文' }).click();
  await page.locator('main h1', { hasText: '差距报告' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report of an assessment that does not exist says so with a way home', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  await page.goto(`${env.url}#/report/no-such-assessment`);
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), '找不到这份自评');
  await page.goto(`${env.url}#/checklist/no-such-assessment`);
  await page.locator('main h1', { hasText: '找不到这份自评' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
