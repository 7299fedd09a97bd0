// A centre director fills in a realistic assessment through the UI, checks the verdicts and
// formulas shown, reloads, and finds everything still there. Screenshots of every section at
// desktop and phone width land in tests/e2e/out/ to be looked at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWatchedPage, shot, useBrowserAndServer, waitForApp } from './harness.mjs';
import { axeViolations, card, input, openSection, saved } from './ui.mjs';

const app = useBrowserAndServer();


async function createAssessment(page, name) {
  await page.goto(app.url);
  await waitForApp(page);
  await page.fill('#new-centre-name', name);
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  await page.locator('.editor h1', { hasText: name }).waitFor();
}

test('a director fills a realistic assessment, sees exact verdicts, reloads and finds it all', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newWatchedPage(context);
  await createAssessment(page, '青山镇卫生院');

  // Profile first: type decides the department set.
  await page.getByLabel('一般卫生院').check();
  await page.fill('#county', '平阳县');
  await page.fill('#filled-by', '王院长');
  await shot(page, 'director-profile');

  await openSection(page, '基本情况与建设规模');
  await input(page, 'resident_population').fill('28000');
  await input(page, 'temporary_population').fill('4000');
  await input(page, 'beds').fill('51');
  await assert.doesNotReject(
    card(page, 'thc.profile.beds').locator('.field-warning').first().waitFor(),
    'more than 50 beds warns'
  );
  await input(page, 'beds').fill('20');
  await input(page, 'floor_area').fill('900');
  assert.match(await card(page, 'thc.profile.bed-class').locator('.figure').innerText(), /11–29/);

  await openSection(page, '人员配备');
  await input(page, 'staff_total').fill('48');
  await input(page, 'health_tech_staff').fill('40');
  const share = card(page, 'thc.staff.health-tech-share');
  await share.locator('.verdict', { hasText: '未达标' }).waitFor();
  assert.match(await share.locator('.figure').innerText(), /40 ÷ 48 = 83\.3%.*85%/);
  await input(page, 'health_tech_staff').fill('41');
  await share.locator('.verdict', { hasText: '达标' }).waitFor();
  assert.match(await share.locator('.figure').innerText(), /41 ÷ 48 = 85\.4%/);
  // Bad input keeps its text with a message, and nothing is judged from it (never the old 41).
  await input(page, 'health_tech_staff').fill('-3');
  await card(page, 'thc.staff.inputs').locator('.field-error').first().waitFor();
  assert.equal(await input(page, 'health_tech_staff').getAttribute('aria-invalid'), 'true');
  await share.locator('.verdict', { hasText: '待更正' }).waitFor();
  assert.doesNotMatch(await share.locator('.figure').innerText(), /41 ÷ 48/);
  await input(page, 'health_tech_staff').fill('41');
  await share.locator('.verdict', { hasText: '达标' }).waitFor();
  // 卫技 above all staff is a cross-field error.
  await input(page, 'staff_total').fill('40');
  await card(page, 'thc.staff.inputs').locator('.field-error').first().waitFor();
  await input(page, 'staff_total').fill('48');
  await input(page, 'clinical_physicians').fill('15');
  await input(page, 'clinical_assistant_physicians').fill('5');
  await input(page, 'tcm_physicians').fill('2');
  await input(page, 'tcm_assistant_physicians').fill('0');
  await input(page, 'prevention_staff').fill('3');
  await card(page, 'thc.staff.tcm-share').locator('.verdict', { hasText: '达标' }).waitFor();
  assert.match(await card(page, 'thc.staff.tcm-share').locator('.figure').innerText(), /2 ÷ 20 = 10(\.0)?%/);
  await card(page, 'thc.staff.nursing').getByLabel('部分符合').check();
  await card(page, 'thc.staff.nursing').locator('.verdict', { hasText: '部分' }).waitFor();
  await shot(page, 'director-staffing');

  await openSection(page, '预防接种门诊');
  await input(page, 'immunization_staff').fill('3');
  await input(page, 'immunization_trainings').fill('2');
  await input(page, 'immunization_slogans').fill('5');
  await input(page, 'record_cabinets').fill('2');
  const imm = card(page, 'thc.imm.staff');
  await imm.locator('.verdict', { hasText: '未达标' }).waitFor();
  assert.match(await imm.locator('.figure').innerText(), /32,000/);
  assert.match(await imm.locator('.figure').innerText(), /4/);
  await imm.getByLabel('措施').fill('向县卫健局申请增配 1 名预防接种人员');
  await imm.getByLabel('责任人').fill('李副院长');
  await imm.getByLabel('完成期限').fill('2027-03-31');
  await imm.getByLabel('进度').selectOption('in_progress');
  await card(page, 'thc.imm.four-rooms').getByLabel('符合', { exact: true }).check();
  await shot(page, 'director-immunization');

  await openSection(page, '科室设置');
  const theatre = card(page, 'thc.dept.operating-room');
  await card(page, 'thc.dept.internal-medicine').getByLabel('已设置').check();
  await theatre.getByLabel('未设置').check();
  assert.doesNotMatch(await theatre.locator('.verdict').innerText(), /未达标/, 'optional for a general centre');
  await page.locator('.section-nav a', { hasText: '基本情况' }).first().click();
  await page.getByLabel('中心卫生院').check();
  await openSection(page, '科室设置');
  await theatre.locator('.verdict', { hasText: '未达标' }).waitFor();
  await page.locator('.section-nav a', { hasText: '基本情况' }).first().click();
  await page.getByLabel('一般卫生院').check();
  await saved(page);

  // "Show only gaps" and "next unanswered" navigation.
  await openSection(page, '人员配备');
  await page.getByLabel('只看差距').check();
  assert.ok(await card(page, 'thc.staff.nursing').isVisible(), 'partly met shows among gaps');
  assert.ok(!(await card(page, 'thc.staff.health-tech-share').isVisible()), 'met items are hidden');
  await page.getByLabel('只看差距').uncheck();
  await page.getByRole('button', { name: '下一个未答项' }).click();
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.match(focused, /^c-thc-staff-/);

  await page.locator('.section-nav a', { hasText: '汇总' }).click();
  await page.locator('svg.section-bars').waitFor();
  assert.match(await page.locator('.top-gaps').innerText(), /免疫规划人员/);
  await shot(page, 'director-summary');

  // Reload: everything is still there.
  await page.reload();
  await waitForApp(page);
  await openSection(page, '预防接种门诊');
  assert.equal(await input(page, 'immunization_staff').inputValue(), '3');
  assert.equal(await imm.getByLabel('责任人').inputValue(), '李副院长');
  assert.equal(await imm.getByLabel('完成期限').inputValue(), '2027-03-31');
  assert.equal(await imm.getByLabel('进度').inputValue(), 'in_progress');
  await openSection(page, '人员配备');
  assert.equal(await input(page, 'health_tech_staff').inputValue(), '41');
  await share.locator('.verdict', { hasText: '达标' }).waitFor();
  await page.goto(app.url);
  await waitForApp(page);
  assert.match(await page.locator('.entry').first().innerText(), /青山镇卫生院[\s\S]*已答/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every section reads well at phone width and on a 1366×768 screen', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const { page, problems } = await newWatchedPage(context);
  await createAssessment(page, '手机测试卫生院');
  const sections = await page.locator('.section-nav a').allInnerTexts();
  assert.ok(sections.length >= 10, `sections listed: ${sections.length}`);
  for (const [i, label] of sections.entries()) {
    await page.locator('.section-nav a').nth(i).click();
    await page.locator('.page h2').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `section "${label.split('\n')[0]}" scrolls sideways by ${overflow}px at 360 px`);
    await page.screenshot({ path: `tests/e2e/out/phone-section-${i}.png` });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the whole workflow works from the keyboard alone', async () => {
  const context = await app.browser.newContext();
  const { page, problems } = await newWatchedPage(context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.focus('#new-centre-name');
  await page.keyboard.type('键盘卫生院');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/a\//);
  await page.locator('.section-nav a', { hasText: '人员配备' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.page h2', { hasText: '人员配备' }).waitFor();
  await input(page, 'staff_total').focus();
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await page.keyboard.type('17');
  await card(page, 'thc.staff.health-tech-share').locator('.verdict', { hasText: '达标' }).waitFor();
  assert.match(await card(page, 'thc.staff.health-tech-share').locator('.figure').innerText(), /17 ÷ 20 = 85(\.0)?%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an automated accessibility scan finds no serious or critical violations', async () => {
  // axe is injected as a script, which the app's CSP (rightly) forbids: bypass it for the scan only.
  const context = await app.browser.newContext({ bypassCSP: true });
  const { page } = await newWatchedPage(context);
  await createAssessment(page, '无障碍卫生院');
  const views = [
    ['home', app.url],
    ['profile', null],
    ['staffing', '人员配备'],
    ['departments', '科室设置'],
    ['summary', '汇总'],
  ];
  for (const [name, target] of views) {
    if (name === 'home') {
      await page.goto(target);
      await waitForApp(page);
      await page.locator('.entry').first().waitFor();
    } else if (target) {
      await page.goBack().catch(() => {});
      await page.locator('.entry a').first().click().catch(() => {});
      await page.locator('.section-nav').waitFor();
      await page.locator('.section-nav a', { hasText: target }).first().click();
      await page.locator('.page h2').waitFor();
    } else {
      await page.locator('.entry a').first().click();
      await page.locator('.section-nav').waitFor();
    }
    const result = await axeViolations(page);
    assert.deepEqual(result, [], `axe on ${name}`);
  }
  await context.close();
});
