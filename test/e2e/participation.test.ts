// End to end: the participation accounts. While 测评中 the 参评情况 tab shows, per group and rater kind, 应到/实到/
// 有效/无效/参评率 and the codes not yet used; the clerk's paper count is entered there and the mismatch is flagged;
// 汇总 warns (without blocking); the printed 排名表 carries the participation lines under each group and shows no
// ballot count for the staff component that rests on 2 ballots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { seedWorkedExample } from './harness/seed';
import { animationsDone, previewDrawn, settledScreenshot, chooseTab } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部考核（参评情况）';

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-participation-');
  const { assessmentId } = await seedWorkedExample(app, NAME);
  // Four leaders' codes, none used yet: 应到 4; 实到 the 2 typed-in ballots.
  await app.must('codes.generate', { assessmentId, kind: 'superior', group: 'chief:C1', count: 4 });
  page = await app.openPage();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const tab = (name: string) => chooseTab(page, name);
const dialog = () => page.getByRole('dialog').last();
const GROUP = '正职·苏木镇（街道）';

describe('participation accounts', () => {
  test('参评情况 while 测评中: per group and kind, with unused codes; the clerk’s paper count is entered and checked', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await tab('参评情况');
    const table = page.getByTestId('participation-table');
    const row = (kind: string) => table.locator('tbody tr.ant-table-row', { hasText: kind }).first();
    await expect.poll(() => row('上级排名').innerText()).toMatch(/上级排名\s+4\s+2\s+0\s+2\s+0\s+50\.0%\s+4/);
    await expect.poll(() => row('同级互评').innerText()).toMatch(/同级互评\s+3\s+3\s+0\s+3\s+0\s+100\.0%/);
    await expect.poll(() => row('职工测评').innerText()).toMatch(/职工测评\s+—\s+2\s+0\s+2\s+0\s+—/);
    await expect
      .poll(() => page.getByTestId('participation-warnings').innerText())
      .toContain(`“${GROUP}”上级排名实到 2 人，不足应到 4 人的三分之二`);

    // 职工测评 on paper: 发出 3, 收回 3 with 无效 1 — but only 2 forms typed in plus 1 无效 makes 3: it adds up.
    await row('职工测评').getByRole('button', { name: '清点数' }).click();
    const d = dialog();
    await d.getByText('录入纸质票清点数').waitFor();
    await d.locator('input[data-testid="sheet-expected"], [data-testid="sheet-expected"] input').first().fill('3');
    await d.locator('input[data-testid="sheet-received"], [data-testid="sheet-received"] input').first().fill('4');
    await d.locator('input[data-testid="sheet-invalid"], [data-testid="sheet-invalid"] input').first().fill('1');
    await settledScreenshot(page, 'participation-02-sheet');
    await clickSettled(d.getByRole('button', { name: /^保\s*存$/ }));
    // 收回 4 > 发出 3: refused in Chinese, nothing saved.
    await d.getByText('收回票数不能多于发出票数').waitFor();
    await d.locator('input[data-testid="sheet-received"], [data-testid="sheet-received"] input').first().fill('3');
    // Matched loosely: the refused save's loading icon (named “loading”) may still be leaving the button.
    await clickSettled(d.getByRole('button', { name: /保\s*存/ }));
    await page.getByText('纸质票清点数已保存').waitFor();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => row('职工测评').innerText()).toMatch(/职工测评\s+3\s+3\s+0\s+2\s+1/);
    expect(await row('职工测评').innerText()).not.toContain('纸质票数不平');
    await settledScreenshot(page, 'participation-01-live');
  }, 120_000);

  test('汇总 warns about low turnout by group and kind, and still summarizes', async () => {
    await page.getByTestId('assessment-summarize').click();
    const warnings = page.getByTestId('summarize-warnings');
    await expect.poll(() => warnings.innerText()).toContain(`“${GROUP}”上级排名实到 2 人，不足应到 4 人的三分之二`);
    await animationsDone(page);
    await settledScreenshot(page, 'participation-03-summarize-warning');
    await clickSettled(dialog().getByRole('button', { name: /^汇\s*总$/ }));
    await page.getByText('考核已变为“已汇总”').waitFor();
  }, 60_000);

  test('the printed 排名表 carries the participation lines under the group; no count for 2 staff ballots', async () => {
    await tab('排名结果');
    await page.getByTestId('print-rankings').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    const text = await preview.innerText();
    expect(text).toContain('参评情况：');
    expect(text).toContain('上级排名：应到 4，实到 2，弃权 0，有效 2，无效 0，参评率 50.0%');
    expect(text).toContain('同级互评：应到 3，实到 3，弃权 0，有效 3，无效 0，参评率 100.0%');
    expect(text).toContain('职工测评：应到 3，实到 3，弃权 0，有效 2，无效 1（纸质票清点为无效 1），参评率 100.0%');
    // 阿古拉's 职工测评 rests on 2 ballots: 92.50 shows, its count does not.
    const agula = await preview.locator('tr[data-rank-row="阿古拉"]').first().innerText();
    expect(agula).toMatch(/92\.50\s*不公开/);
    expect(agula).not.toMatch(/92\.50\s*2票/);
    // The two leaders were entered by name (not at the kiosk): their count stays.
    expect(agula).toMatch(/90\.00\s*2票/);
    await preview.locator('[data-participation="chief:C1"]').first().scrollIntoViewIfNeeded();
    await animationsDone(page);
    await settledScreenshot(page, 'participation-04-print');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  }, 90_000);
});

describe('configuration', () => {
  test('配置 warns when an anonymous kind may rest on fewer than 3 ballots, and holds the 参评率 share', async () => {
    await tab('配置');
    const warning = page.getByTestId('config-anonymity');
    await expect.poll(() => warning.innerText()).toContain('职工测评（1）');
    await expect.poll(() => warning.innerText()).toContain('的最少有效票数低于 3');
    const share = page
      .locator('input[data-testid="config-participationMinShare"], [data-testid="config-participationMinShare"] input')
      .first();
    expect(await share.inputValue()).toBe('66.7');
    await settledScreenshot(page, 'participation-05-config');
  }, 60_000);
});
