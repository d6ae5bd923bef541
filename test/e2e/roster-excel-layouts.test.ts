// End to end in Chromium at 1366×768: a roster in a department's own layout through the column-mapping step, the
// mapping remembered, and a LibreOffice-saved 干部名单 whose suggested 正职/副职 the user confirms before the import.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { SCREENSHOT_DIR, animationsDone } from './harness/browser';
import { DEPARTMENT_UNITS, MAPPING_HEADERS, MAPPING_ROWS } from '../db/roster/excel/department-fixtures';
import { clickSettled } from './harness/settled-click';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'excel');

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-excel-layouts-');
  for (const [i, name] of DEPARTMENT_UNITS.entries())
    await app.must('units.save', { name, categoryCode: 'C1', sort: i });
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

/** What the user sees in the 1366×768 window (not the full page). */
async function shot(name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.mouse.move(1, 1);
  await animationsDone(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** A folder for files the tests write themselves. */
const FIXTURES_OUT = () => app.work;

async function openExcelImport(file: string, from = FIXTURES) {
  const path = join(app.work, file);
  if (from !== app.work) copyFileSync(join(from, file), path);
  await page.locator('.ant-menu-item', { hasText: '干部名册' }).click();
  await page.getByTestId('import-menu').hover();
  await page.getByText('导入 Excel 干部名册').click();
  app.dialogs.answerOpen(path);
  await clickSettled(page.getByTestId('excel-pick'));
}

async function mapColumn(column: number, search: string, option: string) {
  await page.getByTestId(`map-column-${column}`).click();
  await page.keyboard.type(search);
  await clickSettled(page.locator('.ant-select-item-option', { hasText: option }).first());
}

async function commitAndClose(expected: string) {
  await page.getByTestId('excel-commit').click();
  await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('import-result').innerText()).toContain(expected);
  await page.getByTestId('import-done').click();
}

describe('an Excel roster in a department’s own layout', () => {
  test('is mapped column by column, previewed and imported', async () => {
    await openExcelImport('department-roster-mapping.xlsx');
    await page.getByTestId('excel-mapping').waitFor();
    expect(await page.getByTestId('excel-mapping-missing').innerText()).toBe(
      '尚未对应的必填项：姓名、出生年月、现任职务',
    );
    expect(await page.getByTestId('excel-mapping-columns').innerText()).toContain('周文；吴敏；郑强');
    await expect(page.getByTestId('excel-mapping-check').isDisabled()).resolves.toBe(true);
    await shot('60-excel-mapping-step');

    await mapColumn(1, '姓名', '姓名（必填）');
    await mapColumn(3, '出生年月', '出生年月（必填）');
    expect(await page.getByTestId('excel-mapping-missing').innerText()).toBe('尚未对应的必填项：现任职务');
    await mapColumn(5, '现任职务', '现任职务（必填）');
    await expect.poll(() => page.getByTestId('excel-mapping-missing').count()).toBe(0);
    await shot('61-excel-mapping-done');

    await page.getByTestId('excel-mapping-check').click();
    await page.getByTestId('excel-rows').waitFor();
    await expect.poll(() => page.getByTestId('excel-plan').innerText()).toContain('将新增 3 人');
    await shot('62-excel-mapped-preview');
    await commitAndClose('新增 3 人');
    await expect.poll(() => page.getByTestId('roster-count').innerText()).toBe('共 3 人');
  });

  test('the next file with the same headers skips the mapping step', async () => {
    await openExcelImport('department-roster-mapping.xlsx');
    await page.getByTestId('excel-rows').waitFor();
    expect(await page.getByTestId('excel-mapping').count()).toBe(0);
    await expect.poll(() => page.getByTestId('excel-counts').innerText()).toContain('同名同出生年月待确认');
    expect(await page.getByTestId('excel-import-modal').innerText()).toContain('已使用上次导入时记住的列对应关系');
    // The user can go back and change the remembered mapping.
    await page.getByTestId('excel-adjust-mapping').click();
    await page.getByTestId('excel-mapping').waitFor();
    expect(await page.getByTestId('map-column-1').innerText()).toContain('姓名');
    expect(await page.getByTestId('map-column-7').innerText()).toContain('民族');
    await clickSettled(page.locator('.ant-modal-footer').getByRole('button', { name: /关\s?闭/ }));
    await page.getByTestId('excel-import-modal').waitFor({ state: 'hidden' });
  });

  test('a changed copy of that roster shows each field difference before anything is written', async () => {
    // 周文 is promoted (岗位 副主任 → 主任, 是否正职 否 → 是), 郑强's 民族 is corrected; 吴敏 is unchanged.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow([...MAPPING_HEADERS]);
    ws.addRow(['周文', '男', '1976.05', '县委办公室', '主任', '是', '汉']);
    ws.addRow([...MAPPING_ROWS[1]!]);
    ws.addRow(['郑强', '男', '19790915', '县委组织部', '部长', '是', '蒙古']);
    writeFileSync(join(FIXTURES_OUT(), 'department-roster-changed.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    await openExcelImport('department-roster-changed.xlsx', FIXTURES_OUT());
    await page.getByTestId('excel-rows').waitFor();
    expect(await page.getByTestId('excel-import-modal').innerText()).toContain('已使用上次导入时记住的列对应关系');
    // No 身份证号 in this layout: each person is matched by 姓名 + 出生年月 and must be confirmed.
    const changes = page.locator('.import-change');
    await expect
      .poll(() => changes.allInnerTexts())
      .toEqual([
        expect.stringMatching(/现任职务\s+副主任\s+主任/),
        expect.stringMatching(/正职\/副职\s+副职\s+正职/),
        expect.stringMatching(/民族\s+满族\s+蒙古族/),
      ]);
    expect(await page.getByTestId('excel-plan').innerText()).toContain('更新 0 人');
    for (const name of ['周文', '吴敏', '郑强'])
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByText('确认为同一人并更新')
        .click();
    await expect
      .poll(() => page.getByTestId('excel-plan').innerText())
      .toContain('更新 2 人（另有 1 人无变化，不写入）');
    await shot('66-excel-mapped-changes');
    await commitAndClose('更新 2 人');
    const zhou = (await app.call('roster.query', { text: '周文' })).find((r) => r.name === '周文')!;
    expect(zhou).toMatchObject({ position: 'chief', currentPost: '主任' });
  });

  test('a LibreOffice-saved 干部名单: the split 单位及职务 and the suggested 正职/副职 are confirmed before importing', async () => {
    await openExcelImport('department-roster-libreoffice.xlsx');
    await page.getByTestId('excel-rows').waitFor();
    const rows = await page.getByTestId('excel-rows').innerText();
    expect(rows).toContain('中共城关镇委员会');
    expect(rows).toContain('职务：党委书记');
    expect(rows).toContain('按职务推断：正职');
    expect(rows).toContain('单位及职务');
    expect(await page.getByTestId('excel-plan').innerText()).toContain('6 行正职/副职待确认');
    await expect(page.getByTestId('excel-commit').isDisabled()).resolves.toBe(true);
    await shot('63-excel-suggested-positions');
    await page.getByTestId('excel-filter').getByText('有错误').click();
    await shot('65-excel-unit-not-found');
    await page.getByTestId('excel-filter').getByText('全部').click();

    await page.getByTestId('positions-accept-all').click();
    await page.getByTestId('position-row-7').click();
    await clickSettled(page.locator('.ant-select-item-option', { hasText: '副职' }).last());
    await expect.poll(() => page.getByTestId('excel-plan').innerText()).not.toContain('待确认');
    await shot('64-excel-positions-confirmed');
    await commitAndClose('新增 6 人');
    const liu = (await app.call('roster.query', { text: '刘洋' })).find((r) => r.name === '刘洋')!;
    expect(liu).toMatchObject({ position: 'deputy', unitName: '县委办公室', currentPost: '主任' });
    const zhang = (await app.call('roster.query', { text: '张伟' })).find((r) => r.name === '张伟')!;
    expect(zhang).toMatchObject({ position: 'chief', unitName: '中共城关镇委员会' });
  });
});
