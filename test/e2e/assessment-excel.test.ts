// End to end: the Excel ballot template downloaded from the assessment, filled in (exceljs, as a clerk would in Excel),
// imported through the preview — errors shown by sheet, row and column, then fixed and imported — and the rankings
// exported to .xlsx, all through the real window against the real services.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillWorkedExample, loadWorkbook, peerRow, saveWorkbook, setRow } from '../helpers/ballot-excel';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { seedCollectingAssessment } from './harness/seed';
import { startTestApp, type TestApp } from './harness/app';
import { settledScreenshot as settledScreenshotOf, chooseTab } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const CHIEF = '正职·苏木镇（街道）';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-assessment-excel-');
  ({ work, dialogs } = app);
  await seedCollectingAssessment(app, { deputies: true });
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();
const templatePath = () => join(work, '测评票模板.xlsx');

const settledScreenshot = (name: string) => settledScreenshotOf(page, name);

describe('assessment Excel ballots', () => {
  test('下载测评票模板 writes the template with a sheet per group', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await page.getByTestId('assessment-title').filter({ hasText: NAME }).waitFor();
    dialogs.answerSave(templatePath());
    await page.getByTestId('ballot-template').click();
    await page.getByText('测评票模板已保存到 测评票模板.xlsx').waitFor();
    expect(dialogs.requests.at(-1)).toMatchObject({
      kind: 'save',
      title: '保存测评票模板',
      defaultName: `${NAME}测评票.xlsx`,
    });
    const wb = await loadWorkbook(templatePath());
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      CHIEF,
      '副职·乌兰镇',
      '填表说明',
    ]);
  });

  test('a filled workbook with an error: the preview names sheet, row and column, and import is not possible', async () => {
    const wb = await loadWorkbook(templatePath());
    fillWorkedExample(wb);
    const ws = wb.getWorksheet(CHIEF)!;
    setRow(ws, peerRow(ws, '巴特尔', '阿古拉'), 3, [90, 105, 90]);
    const bad = await saveWorkbook(wb, join(work, '有错误的测评票.xlsx'));
    await page.getByTestId('ballot-import').click();
    dialogs.answerOpen(bad);
    await clickSettled(dialog().getByTestId('ballot-import-choose'));
    const issues = dialog().getByTestId('ballot-import-issues');
    await issues.waitFor();
    const row = await issues.locator('tbody tr.ant-table-row').first().innerText();
    expect(row).toContain(CHIEF);
    expect(row).toMatch(/第 \d+ 行/u);
    expect(row).toContain('团队引领（D 列）');
    expect(row).toContain('分数 105 超出 0–100');
    await dialog().getByText('发现 1 处错误').waitFor();
    await expect(dialog().getByTestId('ballot-import-confirm').isDisabled()).resolves.toBe(true);
    await settledScreenshot('assessment-excel-01-import-errors');
  });

  test('the corrected workbook previews clean, imports on confirmation, and the rankings follow', async () => {
    const wb = await loadWorkbook(templatePath());
    fillWorkedExample(wb);
    const good = await saveWorkbook(wb, join(work, '测评票.xlsx'));
    dialogs.answerOpen(good);
    await clickSettled(dialog().getByTestId('ballot-import-choose'));
    await dialog().getByText('检查通过：共 13 项').waitFor();
    const counts = await dialog().locator('tbody tr.ant-table-row').first().innerText();
    expect(counts).toMatch(/正职·苏木镇（街道）\s+2 张\s+6 张\s+3 人\s+2 个\s+13\s+0/u);
    // Nothing imports before the clerk has chosen 累加 or 替换 for the group.
    await expect(dialog().getByTestId('ballot-import-confirm').isDisabled()).resolves.toBe(true);
    await clickSettled(dialog().getByTestId(`import-mode-${CHIEF}`).getByText('累加', { exact: true }));
    await settledScreenshot('assessment-excel-02-import-preview');
    await clickSettled(dialog().getByTestId('ballot-import-confirm'));
    await page
      .getByText('已导入上级排名 2 张、同级互评 6 张、职工测评 3 人、服务对象评分 2 个；评议终端的票未作改动')
      .waitFor();
    await chooseTab(page, '排名结果');
    const c1 = page.getByTestId(`ranking-group-${CHIEF}`);
    await c1.waitFor();
    const names = await c1.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    // Without the worked example's +3 bonus, 阿古拉 leads.
    expect(names).toEqual(['阿古拉', '巴特尔', '朝鲁']);
  });

  test('导出排名 Excel writes the rankings, a sheet per group', async () => {
    const out = join(work, '排名.xlsx');
    dialogs.answerSave(out);
    await page.getByTestId('export-rankings').click();
    await page.getByText(/已导出 \d+ 个分组的排名到 排名\.xlsx/u).waitFor();
    expect(existsSync(out)).toBe(true);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets[0]!.name).toBe(CHIEF);
    expect(wb.worksheets[0]!.getCell(3, 2).value).toBe('阿古拉');
    await settledScreenshot('assessment-excel-03-rankings-export');
  });
});
