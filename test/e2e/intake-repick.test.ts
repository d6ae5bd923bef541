// End to end at 1366×768 (issue 17 §3 follow-up): a 纪检监察 list imported with the user's pick among two 巴特尔 comes
// back unchanged; the earlier pick is shown again, and picking the other 巴特尔 turns the row into a 替换 that names
// old → new before 导入; the commit moves the pending row to the newly picked cadre.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone, settledScreenshot } from './harness/browser';
import { clickSettled } from './harness/settled-click';
import { cadreInput } from '../helpers/roster';
import { fillByHeader } from '../helpers/intake';
import { tempDir } from '../helpers/tmp-store';

let app: TestApp;
let page: Page;
const ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-intake-repick-');
  const sumu = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const wulan = await app.must<{ id: number }>('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 2 });
  const add = async (key: string, unitId: number, currentPost: string) =>
    (ids[key] = (
      await app.must<{ id: number }>('cadres.create', {
        input: cadreInput(unitId, { name: '巴特尔', currentPost, idNumber: '' }),
      })
    ).id);
  await add('sumu', sumu.id, '阿尔巴斯苏木党委书记');
  await add('wulan', wulan.id, '乌兰镇副镇长');
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

const option = (text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

test('the same list back: the earlier pick shown, another pick is a 替换 naming old → new, and the row moves', async () => {
  await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
  await page.getByRole('tab', { name: '填报审核' }).click();
  const panel = page.getByTestId('intake-review');
  await panel.getByTestId('intake-quarter').click();
  await clickSettled(option('2025年第三季度'));
  await panel.getByTestId('intake-open-generate').click();
  const gen = page.getByTestId('intake-generate');
  await gen.getByTestId('intake-target').getByText('纪检监察').click();
  await gen.getByTestId('intake-deadline').fill('2025-10-10');
  await gen.getByTestId('intake-return-to').fill('旗委组织部干部一科');
  const folder = tempDir('ganbu-e2e-repick-');
  app.dialogs.answerOpen(folder);
  await animationsDone(page);
  await clickSettled(gen.getByRole('button', { name: '选择保存位置并生成' }));
  await expect.poll(() => readdirSync(folder).length).toBe(1);
  await expect.poll(() => page.getByTestId('intake-generate').count()).toBe(0);
  const filled = await fillByHeader(join(folder, readdirSync(folder)[0]!), [
    {
      姓名: '巴特尔',
      单位: '旗纪委监委',
      日期: new Date(Date.UTC(2025, 7, 20)),
      子项: 'S6.3 诫勉',
      性质: '负面',
      正负面清单项: 'N4 受到提醒、函询、诫勉',
      标题: '受到诫勉',
      内容: '因履职不力受到诫勉。',
      '来源/渠道': 'CH10 纪检监察',
    },
  ]);

  const imp = page.getByTestId('intake-import');
  const openFile = async () => {
    await panel.getByTestId('intake-open-import').click();
    await animationsDone(page);
    app.dialogs.answerOpen(filled);
    await clickSettled(imp.getByTestId('intake-pick'));
    await expect.poll(() => imp.getByTestId('intake-summary').innerText(), { timeout: 30_000 }).toContain('共 1 行');
  };
  const pick = async (text: string) => {
    await imp.getByTestId('intake-pick-3').click();
    await expect.poll(() => option(text).count()).toBe(1);
    await clickSettled(option(text));
  };

  // First import: 巴特尔 of 阿尔巴斯苏木 picked.
  await openFile();
  await pick('阿尔巴斯苏木党委书记');
  await expect.poll(() => imp.getByTestId('intake-outcome-3').innerText()).toBe('新增');
  await clickSettled(imp.getByTestId('intake-commit'));
  await expect.poll(() => page.getByTestId('intake-import').count()).toBe(0);

  // The same file again: the earlier pick is kept and nothing would change.
  await openFile();
  await expect.poll(() => imp.getByTestId('intake-pick-3').innerText()).toContain('巴特尔（阿尔巴斯苏木');
  await expect.poll(() => imp.getByTestId('intake-outcome-3').innerText()).toBe('已导入过，无变化');
  expect(await imp.getByTestId('intake-resubmission').count()).toBe(0);

  // Picking the other 巴特尔 is a change: said on the row and above the table before 导入, naming old → new.
  await pick('乌兰镇副镇长');
  await expect
    .poll(() => imp.getByTestId('intake-outcome-3').innerText())
    .toBe('替换待审核：巴特尔（阿尔巴斯苏木） → 巴特尔（乌兰镇）');
  await expect
    .poll(() => imp.getByTestId('intake-resubmission').innerText())
    .toContain('替换 1 条尚未审核的材料（第 3 行）');
  await expect
    .poll(() => imp.getByTestId('intake-moved-rows').innerText())
    .toBe('第 3 行“受到诫勉”改记入：巴特尔（阿尔巴斯苏木） → 巴特尔（乌兰镇）');
  await settledScreenshot(page, 'intake-repick-preview');
  await clickSettled(imp.getByTestId('intake-commit'));
  await expect.poll(() => page.getByTestId('intake-import').count()).toBe(0);
  const rows = await app.must<{ cadreId: number; rowNo: number }[]>('intake.list', {
    quarter: '2025Q3',
    status: 'pending',
  });
  expect(rows.map((r) => [r.rowNo, r.cadreId])).toEqual([[3, ids['wulan']]]);
  await expect.poll(() => panel.getByTestId('intake-list').innerText()).toContain('巴特尔（乌兰镇）');
});
