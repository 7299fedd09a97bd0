// What a director does in the UI, as the end-to-end tests do it (tests/e2e/director.test.mjs):
// used to bring the app into the state a measurement needs.

import { card, input, openSection } from '../../tests/e2e/ui.mjs';

export { card, input, openSection };

export async function waitForApp(page, timeout = 60000) {
  await page.waitForSelector('main#main h1', { timeout });
}

/** Creates an assessment from the home view; resolves to its id. */
export async function createAssessment(page, url, name) {
  await page.goto(url);
  await waitForApp(page);
  await page.fill('#new-centre-name', name);
  await page.getByRole('button', { name: '新建并开始填写' }).click();
  await page.waitForURL(/#\/a\/[a-z0-9]+$/);
  await page.locator('.editor h1', { hasText: name }).waitFor();
  return page.url().split('#/a/')[1];
}

/** The first director test's walk through the assessment, without its assertions. */
export async function directorFlow(page, url) {
  await createAssessment(page, url, '青山镇卫生院');
  await page.getByLabel('一般卫生院').check();
  await page.fill('#county', '平阳县');
  await page.fill('#filled-by', '王院长');

  await openSection(page, '基本情况与建设规模');
  await input(page, 'resident_population').fill('28000');
  await input(page, 'temporary_population').fill('4000');
  await input(page, 'beds').fill('20');
  await input(page, 'floor_area').fill('900');

  await openSection(page, '人员配备');
  await input(page, 'staff_total').fill('48');
  await input(page, 'health_tech_staff').fill('41');
  await card(page, 'thc.staff.health-tech-share').locator('.verdict', { hasText: '达标' }).waitFor();
  await input(page, 'clinical_physicians').fill('15');
  await input(page, 'clinical_assistant_physicians').fill('5');
  await input(page, 'tcm_physicians').fill('2');
  await input(page, 'tcm_assistant_physicians').fill('0');
  await input(page, 'prevention_staff').fill('3');
  await card(page, 'thc.staff.nursing').getByLabel('部分符合').check();

  await openSection(page, '预防接种门诊');
  await input(page, 'immunization_staff').fill('3');
  await input(page, 'immunization_trainings').fill('2');
  await input(page, 'immunization_slogans').fill('5');
  await input(page, 'record_cabinets').fill('2');
  const imm = card(page, 'thc.imm.staff');
  await imm.locator('.verdict', { hasText: '未达标' }).waitFor();
  await imm.getByLabel('措施').fill('向县卫健局申请增配 1 名预防接种人员');
  await imm.getByLabel('责任人').fill('李副院长');
  await imm.getByLabel('完成期限').fill('2027-03-31');
  await imm.getByLabel('进度').selectOption('in_progress');
  await card(page, 'thc.imm.four-rooms').getByLabel('符合', { exact: true }).check();

  await openSection(page, '科室设置');
  await card(page, 'thc.dept.internal-medicine').getByLabel('已设置').check();
  await card(page, 'thc.dept.operating-room').getByLabel('未设置').check();

  await page.locator('.section-nav a', { hasText: '汇总' }).click();
  await page.locator('svg.section-bars').waitFor();
  await page.locator('.save-indicator', { hasText: '已保存' }).waitFor({ timeout: 10000 });
}
