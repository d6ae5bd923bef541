// End to end at 1366×768 (issue 17 §3): a 纪检监察 填报表 generated from 填报审核, filled by the office (exceljs) naming
// cadres by 姓名 + 单位; the preview offers the two 巴特尔 to pick from, leaves the unknown name out; a corrected file
// shows what it would replace and remove before 导入; the picked cadre's row is reviewed and 采纳 into the dossier;
// the channel's own row in the counts of 填报审核 and 季度采集, and its 退回清单.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone, settledScreenshot } from './harness/browser';
import { seedIntakeRoster } from './harness/seed-intake';
import { fillByHeader } from '../helpers/intake';
import { tempDir } from '../helpers/tmp-store';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-intake-channels-');
  ({ ids } = await seedIntakeRoster(app, [
    { key: 'bater-sumu', unit: '阿尔巴斯苏木', name: '巴特尔', currentPost: '阿尔巴斯苏木党委书记' },
    { key: 'bater-wulan', unit: '乌兰镇', name: '巴特尔', currentPost: '乌兰镇副镇长' },
    { key: 'li', unit: '阿尔巴斯苏木', name: '李秀梅', currentPost: '阿尔巴斯苏木党委副书记' },
  ]));
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

const option = (text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

const row = (over: Record<string, string | Date>) => ({
  日期: new Date(Date.UTC(2025, 7, 20)),
  子项: 'S6.3 诫勉',
  性质: '负面',
  正负面清单项: 'N4 受到提醒、函询、诫勉',
  标题: '受到诫勉',
  内容: '因履职不力受到诫勉。',
  '来源/渠道': 'CH10 纪检监察',
  ...over,
});

describe('a channel’s list through the same intake', () => {
  test('generate a 纪检监察 list, import it, pick the ambiguous cadre, see a re-submission, review and 采纳', async () => {
    await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
    await page.getByRole('tab', { name: '填报审核' }).click();
    const panel = page.getByTestId('intake-review');
    await panel.getByTestId('intake-quarter').click();
    await clickSettled(option('2025年第三季度'));

    await panel.getByTestId('intake-open-generate').click();
    const gen = page.getByTestId('intake-generate');
    await clickSettled(gen.getByTestId('intake-target').getByText('纪检监察'));
    await expect.poll(() => gen.getByTestId('intake-target-hint').innerText()).toContain('问责、处分、函询、诫勉');
    await gen.getByTestId('intake-deadline').fill('2025-10-10');
    await gen.getByTestId('intake-return-to').fill('旗委组织部干部一科');
    await animationsDone(page);
    await settledScreenshot(page, 'intake-channel-generate');
    const folder = tempDir('ganbu-e2e-channel-');
    app.dialogs.answerOpen(folder);
    await clickSettled(gen.getByRole('button', { name: '选择保存位置并生成' }));
    await expect.poll(() => readdirSync(folder)).toEqual(['2025年第三季度-纪检监察-政治素质材料填报表.xlsx']);
    await expect.poll(() => page.getByTestId('intake-generate').count()).toBe(0);

    // The office fills it: a 巴特尔 of a unit that has none (two in the roster), 李秀梅 of her unit, an unknown name.
    const template = join(folder, readdirSync(folder)[0]!);
    const filled = await fillByHeader(template, [
      row({ 姓名: '巴特尔', 单位: '旗纪委监委' }),
      row({ 姓名: '李秀梅', 单位: '阿尔巴斯苏木', 子项: 'S6.2 函询', 标题: '函询' }),
      row({ 姓名: '赵六', 单位: '乌兰镇', 标题: '花名册中没有' }),
    ]);
    await panel.getByTestId('intake-open-import').click();
    const imp = page.getByTestId('intake-import');
    app.dialogs.answerOpen(filled);
    await clickSettled(imp.getByTestId('intake-pick'));
    await expect
      .poll(() => imp.getByTestId('intake-summary').innerText(), { timeout: 30_000 })
      .toContain('纪检监察名单，共 3 行，其中 1 行有错误');
    await expect.poll(() => imp.getByTestId('intake-problems-5').innerText()).toContain('花名册中没有在职干部“赵六”');
    await expect.poll(() => imp.getByTestId('intake-unpicked').innerText()).toContain('1 行的干部');
    // Not guessed: 导入 counts the rows whose cadre is known (李秀梅) until 巴特尔 is picked.
    await expect.poll(() => imp.getByTestId('intake-commit').innerText()).toContain('导入 1 条');
    await clickSettled(imp.getByTestId('intake-pick-3'));
    await expect.poll(() => option('乌兰镇').count()).toBe(1);
    await expect.poll(() => option('阿尔巴斯苏木').count()).toBe(1);
    await animationsDone(page);
    await settledScreenshot(page, 'intake-channel-pick');
    await clickSettled(option('乌兰镇副镇长'));
    await expect.poll(() => imp.getByTestId('intake-commit').innerText()).toContain('导入 2 条');
    await expect.poll(() => imp.getByTestId('intake-unpicked').count()).toBe(0);
    await settledScreenshot(page, 'intake-channel-preview');
    await clickSettled(imp.getByTestId('intake-commit'));
    await expect.poll(() => page.getByTestId('intake-import').count()).toBe(0);
    const list = panel.getByTestId('intake-list');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(2);

    // A corrected list: 巴特尔's row changed, 李秀梅's deleted. Before 导入 the preview says what goes.
    const corrected = await fillByHeader(
      template,
      [row({ 姓名: '巴特尔', 单位: '乌兰镇', 标题: '受到诫勉（改正）' })],
      '改正.xlsx',
    );
    await panel.getByTestId('intake-open-import').click();
    app.dialogs.answerOpen(corrected);
    await clickSettled(imp.getByTestId('intake-pick'));
    await expect
      .poll(() => imp.getByTestId('intake-resubmission').innerText(), { timeout: 30_000 })
      .toContain('替换 1 条尚未审核的材料（第 3 行），移除 1 条新表中已删去的待审核材料');
    await expect.poll(() => imp.getByTestId('intake-removed-rows').innerText()).toContain('原第 4 行　李秀梅：函询');
    await settledScreenshot(page, 'intake-channel-resubmission');
    await clickSettled(imp.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/u }));
    await expect.poll(() => page.getByTestId('intake-import').count()).toBe(0);

    // 审核: the picked 巴特尔's row, from 纪检监察, 采纳 into his dossier (not the other 巴特尔's).
    const rows = await app.must<{ id: number; cadreId: number; unitName: string }[]>('intake.list', {
      quarter: '2025Q3',
      status: 'pending',
    });
    const bater = rows.find((r) => r.cadreId === ids['bater-wulan']);
    expect(bater?.unitName).toBe('纪检监察');
    await expect.poll(() => list.innerText()).toContain('巴特尔（乌兰镇）');
    await settledScreenshot(page, 'intake-channel-review');
    await list.getByTestId(`intake-accept-${bater!.id}`).click();
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);
    const dossier = await app.must<{ entries: { title: string; intakeSource: string | null }[] }>('dossier.get', {
      cadreId: ids['bater-wulan'],
    });
    expect(dossier.entries.map((e) => [e.title, e.intakeSource])).toEqual([['受到诫勉', '纪检监察 2025Q3 填报']]);
    const other = await app.must<{ entries: unknown[] }>('dossier.get', { cadreId: ids['bater-sumu'] });
    expect(other.entries).toEqual([]);

    // The channel's list is a row of its own in the counts, named by the channel: 1 sent, 1 pending, 1 accepted.
    const counts = panel.getByTestId('intake-channel-discipline');
    await expect.poll(() => counts.innerText()).toMatch(/纪检监察\s+报送渠道\s+1 份\s+1\s+1\s+0/u);
    // 退回 李秀梅's row; the channel's 退回清单 names her with her unit, and the reason.
    const li = rows.find((r) => r.cadreId === ids['li']);
    await list.getByTestId(`intake-return-${li!.id}`).click();
    await page.getByTestId('reason-modal').locator('textarea').fill('函询日期有误，请核实后重新报送');
    await clickSettled(page.getByTestId('reason-modal').getByRole('button', { name: /退\s*回/u }));
    await expect.poll(() => counts.innerText()).toMatch(/1 份\s+0\s+1\s+1/u);
    await counts.click();
    await expect.poll(() => panel.getByTestId('intake-export-returned').innerText()).toBe('导出退回清单');
    await panel.getByTestId('intake-status').click();
    await clickSettled(option('全部状态'));
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(2);
    await animationsDone(page);
    await settledScreenshot(page, 'intake-channel-counts');
    const out = join(tempDir('ganbu-e2e-returned-'), '纪检监察退回清单.xlsx');
    app.dialogs.answerSave(out);
    await panel.getByTestId('intake-export-returned').click();
    await expect.poll(() => existsSync(out)).toBe(true);
    expect(app.dialogs.requests.at(-1)?.defaultName).toContain('2025年第三季度纪检监察退回清单');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('退回清单')!;
    expect(sheet.getCell(1, 1).value).toBe('2025年第三季度纪检监察政治素质材料退回清单');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      1,
      4,
      '李秀梅（阿尔巴斯苏木）',
      '2025-08-20',
      '函询',
      '函询日期有误，请核实后重新报送',
    ]);

    // 季度采集: the channel's counts in a row of its own under the units.
    await page.getByRole('tab', { name: '季度采集' }).click();
    const completeness = page.getByTestId('completeness');
    await completeness.locator('.ant-select').first().click();
    await clickSettled(option('2025年第三季度'));
    await expect.poll(() => completeness.getByTestId('intake-counts-discipline').innerText()).toBe('1 份 / 0 / 1 / 1');
    await expect.poll(() => completeness.getByTestId('intake-channel-discipline').innerText()).toContain('纪检监察');
    await animationsDone(page);
    await settledScreenshot(page, 'intake-channel-collection');
  });
});
