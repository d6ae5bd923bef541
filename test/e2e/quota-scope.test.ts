// End to end: the 优秀 quota scope. Under 按组计算 the rankings and the printed 排名表 say that a small group has no
// 优秀 place; the administrator switches 考核配置 to 正职、副职分别合并计算 (with 优秀比例 0.34), and the rankings
// and the 排名表 state the pooled quota, with scoring.md's pooled worked example: 冯建国 (its d) 优秀, 巴特尔 称职.
// Then 冯建国 is listed as 不得评优 (本年度受诫勉): the place goes to 巴特尔, and the reason shows on screen and in print.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import { startTestApp, type TestApp } from './harness/app';
import { seedWorkedExample } from './harness/seed';
import { previewDrawn, settledScreenshot, animationsDone, chooseTab } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部考核（合并名额）';

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-quota-scope-');
  const { assessmentId, roster: r } = await seedWorkedExample(app, NAME, ['C1', 'C2']);
  await app.must('ballots.saveSuperior', { assessmentId, raterLabel: 'L1', group: 'chief:C2', order: [r.f] });
  await app.must('ballots.saveStaff', {
    assessmentId,
    counts: [{ targetId: r.f, excellent: 0, good: 2, fair: 0, poor: 0 }],
  });
  page = await app.openPage();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const tab = (name: string) => chooseTab(page, name);
const dialog = () => page.getByRole('dialog').last();

async function printPreviewText(): Promise<string> {
  await page.getByTestId('print-rankings').click();
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview);
  const text = await preview.innerText();
  return text;
}

async function closePreview(): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
}

describe('优秀 quota scope', () => {
  test('按组计算: each small group says it has no 优秀 place, on screen and in the printed 排名表', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await tab('排名结果');
    const c1 = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    const c2 = page.getByTestId('ranking-group-正职·党群部门');
    await c2.waitFor();
    await expect
      .poll(() => c1.getByTestId('quota-small-group').innerText())
      .toBe('本组 3 人，按 20% 计算无优秀名额；可在考核配置中改为合并计算');
    await expect
      .poll(() => c2.getByTestId('quota-small-group').innerText())
      .toBe('本组 1 人，按 20% 计算无优秀名额；可在考核配置中改为合并计算');
    expect(await page.getByTestId('quota-pool').count()).toBe(0);
    await settledScreenshot(page, 'quota-scope-01-rankings-group');
    const printed = await printPreviewText();
    expect(printed).toContain('本组 3 人，按 20% 计算无优秀名额；可在考核配置中改为合并计算');
    expect(printed).toContain('本组 1 人，按 20% 计算无优秀名额；可在考核配置中改为合并计算');
    await closePreview();
  }, 90_000);

  test('考核配置: 优秀比例 0.34 and 正职、副职分别合并计算, with the line that explains the difference, saved', async () => {
    await tab('配置');
    const scope = page.getByTestId('config-excellentQuotaScope');
    await scope.waitFor();
    await expect.poll(() => scope.locator('.ant-radio-wrapper-checked').innerText()).toBe('按组计算');
    await page.getByText(/按组计算：每个正职类别、每个副职单位各按比例计算优秀名额/).waitFor();
    const ratio = page
      .locator('input[data-testid="config-excellentRatio"], [data-testid="config-excellentRatio"] input')
      .first();
    await ratio.fill('0.34');
    await scope.getByText('正职、副职分别合并计算').click();
    await page.getByTestId('config-save').click();
    await page.getByText('考核配置已保存').waitFor();
    await settledScreenshot(page, 'quota-scope-02-config');
    const saved = await app.must<AssessmentDetail[]>('assessments.list', {});
    const id = saved.find((a) => a.name === NAME)!.id;
    expect((await app.must<AssessmentDetail>('assessments.get', { id })).config).toMatchObject({
      excellentRatio: 0.34,
      excellentQuotaScope: 'position',
    });
  }, 60_000);

  test('合并计算: the rankings and the 排名表 state the pool; 冯建国 is 优秀 in a group of one, 巴特尔 称职', async () => {
    await tab('排名结果');
    const pool = page.getByTestId('quota-pool');
    await expect
      .poll(() => pool.innerText())
      .toBe('正职优秀名额合并计算：全部正职参与排名 4 人，按 34% 共 1 名，按得分从高到低跨组评定');
    expect(await page.getByTestId('quota-small-group').count()).toBe(0);
    const c1 = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    const c2 = page.getByTestId('ranking-group-正职·党群部门');
    await expect.poll(() => c2.innerText()).toContain('优秀名额 1 名（正职合并计算）');
    await expect.poll(() => c2.locator('tbody tr.ant-table-row').first().innerText()).toMatch(/冯建国[\s\S]*优秀/);
    const first = await c1.locator('tbody tr.ant-table-row').first().innerText();
    expect(first).toMatch(/巴特尔[\s\S]*称职[\s\S]*超出正职合并计算的优秀名额/);
    expect(first.split(/[\t\n]/).map((x) => x.trim())).not.toContain('优秀'); // no 优秀 grade tag
    await settledScreenshot(page, 'quota-scope-03-rankings-pooled');
    const printed = await printPreviewText();
    expect(printed).toContain('正职优秀名额合并计算：全部正职参与排名 4 人，按 34% 共 1 名，按得分从高到低跨组评定');
    expect(printed).toContain('优秀名额 1 名（正职合并计算）');
    expect(printed).not.toContain('无优秀名额');
    await animationsDone(page); // the modal's fade-in
    await settledScreenshot(page, 'quota-scope-04-print-pooled');
    await closePreview();
  }, 90_000);

  test('不得评优: 冯建国 listed with its reason; the pooled place goes to 巴特尔; the reason on screen and in the 排名表', async () => {
    await tab('不得评优');
    await page.getByTestId('ineligible-list').waitFor();
    await page.getByTestId('ineligible-add').click();
    await page.getByText('请选择干部').waitFor();
    await page.getByText('请填写不得评优理由').waitFor();
    await page.getByTestId('ineligible-target').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '冯建国' }).first();
    await clickSettled(option);
    await page.locator('input[data-testid="ineligible-reason"]').fill('本年度受诫勉');
    await page.getByTestId('ineligible-add').click();
    await page.getByText('已列入不得评优名单').waitFor();
    await expect
      .poll(() => page.getByTestId('ineligible-list').innerText())
      .toMatch(/冯建国[\s\S]*旗委组织部[\s\S]*本年度受诫勉[\s\S]*王管理员/);
    await settledScreenshot(page, 'quota-scope-05-ineligible');

    await tab('排名结果');
    const c1 = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    const c2 = page.getByTestId('ranking-group-正职·党群部门');
    await expect.poll(() => c1.locator('tbody tr.ant-table-row').first().innerText()).toMatch(/巴特尔[\s\S]*优秀/);
    const fjg = await c2.locator('tbody tr.ant-table-row').first().innerText();
    expect(fjg).toMatch(/冯建国[\s\S]*称职[\s\S]*本年度受诫勉，不得评为优秀/);
    expect(fjg.split(/[\t\n]/).map((x) => x.trim())).not.toContain('优秀'); // no 优秀 grade tag
    await settledScreenshot(page, 'quota-scope-06-rankings-ineligible');
    const printed = await printPreviewText();
    expect(printed).toContain('本年度受诫勉，不得评为优秀');
    await closePreview();
  }, 90_000);
});
