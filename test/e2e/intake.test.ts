// End to end at 1366×768: 填报表 generated for a unit from 填报审核, filled as the unit would (exceljs) and returned
// as a zip with a photo, previewed with its problems by row and column, imported as 待审核, the photo viewed,
// one row 采纳 (it joins the dossier), one 退回 with a reason; 季度采集 shows the unit's counts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone, settledScreenshot } from './harness/browser';
import { seedIntakeRoster } from './harness/seed-intake';
import { samplePng } from '../helpers/dossier';
import { fill, material, zipWith } from '../helpers/intake';
import { tempDir } from '../helpers/tmp-store';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-intake-');
  const seeded = await seedIntakeRoster(app, [
    { key: '巴特尔', unit: '阿尔巴斯苏木', name: '巴特尔' },
    { key: '李秀梅', unit: '阿尔巴斯苏木', name: '李秀梅' },
  ]);
  ids = { ...seeded.ids, sumu: seeded.units['阿尔巴斯苏木'] };
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

const option = (text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

describe('填报表 out and back', () => {
  test('generate for a unit, import its zip, view the photo, 采纳 one, 退回 one', async () => {
    await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
    await page.getByRole('tab', { name: '填报审核' }).click();
    const panel = page.getByTestId('intake-review');
    await panel.getByTestId('intake-quarter').click();
    await clickSettled(option('2025年第三季度'));

    // 生成填报表 for one unit into a folder.
    await panel.getByTestId('intake-open-generate').click();
    const gen = page.getByTestId('intake-generate');
    await clickSettled(gen.getByTestId('intake-units'));
    await clickSettled(option('阿尔巴斯苏木'));
    await page.keyboard.press('Escape');
    await gen.getByTestId('intake-deadline').fill('2025-10-10');
    await gen.getByTestId('intake-return-to').fill('旗委组织部干部一科');
    await animationsDone(page);
    await settledScreenshot(page, 'intake-generate');
    const folder = tempDir('ganbu-e2e-packages-');
    app.dialogs.answerOpen(folder);
    await clickSettled(gen.getByRole('button', { name: '选择保存位置并生成' }));
    await expect.poll(() => readdirSync(folder)).toEqual(['2025年第三季度-阿尔巴斯苏木-政治素质材料填报表.xlsx']);
    await expect.poll(() => panel.getByTestId(`intake-unit-${ids['sumu']}`).innerText()).toContain('1 份');

    // The unit fills it: two good rows (one with a photo), one with an unknown cadre.
    const filled = await fill(join(folder, readdirSync(folder)[0]!), [
      material({ 附件文件名: '表彰照片.png' }),
      material({ 干部: '李秀梅（阿尔巴斯苏木党委书记）', 标题: '防汛抢险带头', 子项: 'S1.1 理论学习' }),
      material({ 干部: '张三（局长）', 标题: '不是本单位的' }),
    ]);
    const zip = await zipWith(filled, { '表彰照片.png': samplePng() });

    await panel.getByTestId('intake-open-import').click();
    const imp = page.getByTestId('intake-import');
    app.dialogs.answerOpen(zip);
    await clickSettled(imp.getByTestId('intake-pick'));
    // Reading the workbook and its zip takes a few seconds on a loaded machine.
    await expect
      .poll(() => imp.getByTestId('intake-summary').innerText(), { timeout: 30_000 })
      .toContain('共 3 行，其中 1 行有错误');
    await expect
      .poll(() => imp.getByTestId('intake-problems-5').innerText())
      .toContain('“张三（局长）”不是本单位的在职干部');
    await settledScreenshot(page, 'intake-preview');
    await clickSettled(imp.getByTestId('intake-commit'));
    await expect.poll(() => page.getByTestId('intake-import').count()).toBe(0);
    const list = panel.getByTestId('intake-list');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(2);
    // Not in the dossier until accepted.
    const before = await app.must<{ entries: unknown[] }>('dossier.get', { cadreId: ids['巴特尔'] });
    expect(before.entries).toEqual([]);
    await settledScreenshot(page, 'intake-review');

    // The photo, in the viewer every attachment uses.
    await list.getByText('表彰照片.png').click();
    await expect.poll(() => page.getByTestId('attachment-image').count()).toBe(1);
    await settledScreenshot(page, 'intake-attachment');
    await clickSettled(page.getByTestId('attachment-viewer').locator('.ant-modal-close'));

    const rows = await app.must<{ id: number; cadreName: string }[]>('intake.list', { quarter: '2025Q3' });
    const bater = rows.find((r) => r.cadreName === '巴特尔')!;
    const li = rows.find((r) => r.cadreName === '李秀梅')!;
    await list.getByTestId(`intake-accept-${bater.id}`).click();
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);
    // 修改后采纳 opens the entry form on the returned values (looked at, then closed untouched).
    await list.getByTestId(`intake-edit-${li.id}`).click();
    const edit = page.getByTestId('intake-edit');
    await expect.poll(() => edit.getByTestId('entry-title').inputValue()).toBe('防汛抢险带头');
    await animationsDone(page);
    await settledScreenshot(page, 'intake-edit');
    await clickSettled(edit.getByRole('button', { name: /取\s*消/u }));
    await expect.poll(() => page.getByTestId('intake-edit').count()).toBe(0);
    await list.getByTestId(`intake-return-${li.id}`).click();
    await page.getByTestId('reason-modal').locator('textarea').waitFor();
    await animationsDone(page);
    await page.getByTestId('reason-modal').locator('textarea').fill('子项应为“重点工作跟进”，请改正后重新报送');
    await settledScreenshot(page, 'intake-return');
    await clickSettled(page.getByTestId('reason-modal').getByRole('button', { name: /退\s*回/u }));
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(0);
    await expect.poll(() => panel.getByTestId(`intake-unit-${ids['sumu']}`).innerText()).toMatch(/1 份\s+0\s+1\s+1/u);
    const after = await app.must<{ entries: { title: string }[] }>('dossier.get', { cadreId: ids['巴特尔'] });
    expect(after.entries.map((e) => e.title)).toEqual(['获评全旗优秀共产党员']);

    // 季度采集 shows the unit's 填报表 counts.
    await page.getByRole('tab', { name: '季度采集' }).click();
    const completeness = page.getByTestId('completeness');
    await completeness.locator('.ant-select').first().click();
    await clickSettled(option('2025年第三季度'));
    await expect
      .poll(() => completeness.getByTestId(`intake-counts-${ids['sumu']}`).innerText())
      .toBe('1 份 / 0 / 1 / 1');
    await settledScreenshot(page, 'intake-collection');
  });
});
