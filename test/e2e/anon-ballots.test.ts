// End to end (issue 16): after kiosk ballots, the 上级排名 form never offers an 匿名评议 label as a leader, a typed one
// is refused with its Chinese message, and the list and the audit log show kiosk ballots with the day only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { settledScreenshot, chooseTab } from './harness/browser';
import { ASSESSMENT_NAME as NAME, seedCollectingAssessment } from './harness/seed';
import { wholeBallots } from '../../shared/assessment/ballot-parts';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let assessmentId = 0;
let ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-anon-');
  ({ assessmentId, ids } = await seedCollectingAssessment(app));
  // Two leaders and one staff member vote at the kiosk, and a clerk enters one leader by name.
  const leaders = await app.call('codes.generate', { assessmentId, kind: 'superior', group: 'chief:C1', count: 2 });
  const staff = await app.call('codes.generate', { assessmentId, kind: 'staff', group: 'chief:C1', count: 1 });
  const [a, b, c] = [ids['阿古拉']!, ids['巴特尔']!, ids['朝鲁']!];
  await app.call('kiosk.start', { assessmentId });
  await app.call('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [a, b, c] } });
  await app.call('kiosk.submit', { code: leaders.slips[1]!.code, ballot: { kind: 'superior', order: [c, b, a] } });
  await app.call('kiosk.submit', {
    code: staff.slips[0]!.code,
    ballot: { kind: 'staff', votes: [a, b, c].map((targetId) => ({ targetId, grade: 'good' as const })) },
  });
  await app.call('kiosk.exit', { password: ADMIN.password });
  await app.call('ballots.saveSuperior', { assessmentId, raterLabel: '旗委书记', group: 'chief:C1', order: [b, a, c] });
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

const input = (testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe('anonymous ballots on the clerk screens', () => {
  test('上级排名: kiosk ballots listed with the day only and no 修改; the leader field offers only 旗委书记; an 匿名评议 label is refused', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
    if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await title.waitFor();
    await chooseTab(page, '上级排名');
    const table = page.locator('.ant-table').filter({ hasText: '旗委书记' }).first();
    await table.waitFor();
    const text = await table.innerText();
    expect(text.match(/匿名评议-[0-9a-f]{8}/g)).toHaveLength(2);
    expect(text).toMatch(/评议终端 \d{4}-\d{2}-\d{2}(\s|$)/);
    expect(text).not.toMatch(/评议终端 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    await input('superior-rater').click();
    await page.keyboard.press('ArrowDown');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['旗委书记']);
    await settledScreenshot(page, 'anon-superior-tab');
    await page.keyboard.press('Escape');

    await input('superior-rater').fill('匿名评议-0000abcd');
    await page.keyboard.press('Escape');
    for (const [i, name] of ['阿古拉', '巴特尔', '朝鲁'].entries()) await input(`place-${name}`).fill(String(i + 1));
    await page.getByTestId('superior-save').click();
    await expect
      .poll(() => page.getByTestId('superior-problem').innerText())
      .toBe('上级领导名称不能以“匿名评议”开头（该名称留给评议终端的匿名评议票），请填写领导的姓名或职务');
    await settledScreenshot(page, 'anon-superior-refused');
  });

  test('审计日志: each kiosk ballot’s entry shows the day, no time', async () => {
    await page.locator('.ant-menu-item', { hasText: '审计日志' }).click();
    const rows = page.locator('.ant-table-row', { hasText: '提交匿名评议票' });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    for (const text of await rows.allInnerTexts()) {
      expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    }
    await settledScreenshot(page, 'anon-audit-day-only');
  });

  test('评议码: 作废本组匿名评议 removes the panel’s kiosk ballots after a confirmation; the clerk’s leader stays', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
    if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await title.waitFor();
    await chooseTab(page, '评议码');
    await page.getByTestId('seats-table').waitFor();
    // The picker starts at 同级互评, which has no used seat: no button until 上级领导综合排名 is chosen.
    expect(await page.getByTestId('codes-void-panel').count()).toBe(0);
    await page.getByTestId('codes-kind').click();
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '上级' }).first(),
    );
    await page.getByTestId('codes-void-panel').click();
    await page.locator('.ant-popconfirm').waitFor();
    await settledScreenshot(page, 'anon-void-panel-confirm');
    await clickSettled(page.locator('.ant-popconfirm').getByRole('button', { name: /作\s?废/ }));
    await page.getByText('已作废本组匿名评议，删除评议终端提交的评议票 2 条').waitFor();
    const list = wholeBallots(await app.call('ballots.list', { assessmentId }));
    expect(list.superior.map((b) => b.raterLabel)).toEqual(['旗委书记']);
    await settledScreenshot(page, 'anon-void-panel-done');
  });
});
