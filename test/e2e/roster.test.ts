// End to end: units, an Excel roster with errors then fixed, pinyin search, a profile edit, .lrmx import, export and re-import.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDigit } from '../../shared/roster/idcard';
import { startTestApp, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { rosterWorkbook } from '../helpers/roster';

const SAMPLES = join(process.cwd(), 'test', 'fixtures', 'lrmx');
const id = (first17: string) => first17 + checkDigit(first17);

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

const base = { gender: '男', ethnicity: '汉族', currentPost: '', position: '副职', status: '在职' };
const zhang = { ...base, name: '张三丰', birthMonth: '1975.03', unit: '阿尔巴斯苏木', currentPost: '阿尔巴斯苏木党委副书记', idNumber: id('15062419750315301') };
const wang = { ...base, name: '王五', birthMonth: '198206', unit: '鄂托克旗农牧局', currentPost: '鄂托克旗农牧局局长', position: '正职', idNumber: id('15062419820610123') };
const bad = { ...base, name: '刘错误', birthMonth: '1975.13', unit: '不存在的单位', currentPost: '某职务' };

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-roster-');
  ({ work, dialogs } = app);
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const dialog = () => page.getByRole('dialog').last();

async function addUnit(name: string, category: string) {
  await page.getByRole('button', { name: /新增单位/ }).click();
  await dialog().getByLabel('单位名称').fill(name);
  await dialog().getByLabel('单位类别').click();
  await page.locator('.ant-select-item-option', { hasText: category }).click();
  await dialog().getByRole('button', { name: /保\s?存/ }).click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

async function rosterNames(): Promise<string[]> {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return page.getByTestId('cadre-name').allInnerTexts();
}

async function search(text: string) {
  const box = page.getByTestId('roster-search').locator('input');
  await box.fill(text);
  await page.waitForTimeout(400); // the search is debounced
}

describe('roster', () => {
  test('units are added with their category', async () => {
    await menu('单位管理');
    await addUnit('阿尔巴斯苏木', '苏木镇（街道）');
    await addUnit('鄂托克旗农牧局', '综合经济管理部门');
    await screenshot(page, '10-units');
  });

  test('an Excel roster with errors is refused row by row, then the fixed file imports', async () => {
    const withErrors = join(work, '名册-有错误.xlsx');
    writeFileSync(withErrors, await rosterWorkbook([zhang, wang, bad]));
    await menu('干部名册');
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入 Excel 干部名册').click();
    dialogs.answerOpen(withErrors);
    await page.getByTestId('excel-pick').click();
    await page.getByTestId('excel-rows').waitFor();
    const rowsText = await page.getByTestId('excel-rows').innerText();
    expect(rowsText).toContain('第 4 行');
    expect(rowsText).toContain('出生年月');
    expect(rowsText).toContain('月份不正确');
    expect(rowsText).toContain('不存在的单位');
    await expect(page.getByTestId('include-row-4').isDisabled()).resolves.toBe(true);
    await screenshot(page, '11-excel-preview-errors');

    // The user fixes the file and picks it again.
    const fixed = join(work, '名册-已修改.xlsx');
    writeFileSync(fixed, await rosterWorkbook([zhang, wang, { ...bad, birthMonth: '1975.12', unit: '阿尔巴斯苏木', idNumber: id('15062419751201501') }]));
    dialogs.answerOpen(fixed);
    await page.getByTestId('excel-repick').first().click();
    await expect.poll(async () => page.getByTestId('excel-plan').innerText()).toContain('将新增 3 人');
    await page.getByTestId('excel-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('新增 3 人');
    await page.getByTestId('import-done').click();
    await expect.poll(() => page.getByTestId('roster-count').innerText()).toBe('共 3 人');
  });

  test('a cadre is found by pinyin initials and by a two-character name', async () => {
    await search('zsf');
    await expect.poll(rosterNames).toEqual(['张三丰']);
    await search('王五');
    await expect.poll(rosterNames).toEqual(['王五']);
    await search('');
    await expect.poll(() => page.getByTestId('roster-count').innerText()).toBe('共 3 人');
    await screenshot(page, '12-roster');
  });

  test('editing a field shows the validation error, then saves a valid value', async () => {
    await search('张三丰');
    await page.getByText('张三丰').first().click();
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    const form = dialog();
    await form.getByLabel('出生年月').fill('1975.13');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText('月份不正确').waitFor();
    await screenshot(page, '13-edit-error');
    await form.getByLabel('出生年月').fill('1975.03');
    await form.getByLabel('现任职务').fill('阿尔巴斯苏木党委书记');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存修改').waitFor();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.innerText()).toContain('阿尔巴斯苏木党委书记');
    await screenshot(page, '14-profile');
    await page.locator('.ant-drawer-close').click();
  });

  test('任免审批表 files are imported with their photo and family', async () => {
    await search('');
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入任免审批表（.lrmx）').click();
    const files = ['巴特尔.lrmx', '李秀梅.lrmx', 'variant-not-xml.lrmx'].map((f) => {
      const to = join(work, f);
      copyFileSync(join(SAMPLES, f), to);
      return to;
    });
    dialogs.answerOpen(...files);
    await page.getByTestId('lrmx-pick-files').click();
    await page.getByTestId('lrmx-files').waitFor();
    const text = await page.getByTestId('lrmx-files').innerText();
    expect(text).toContain('巴特尔');
    expect(text).toContain('不是有效的任免审批表文件');
    // 巴特尔's post names 阿尔巴斯苏木, so the unit is suggested; 李秀梅 needs one chosen.
    for (const i of [0, 1]) {
      const unitSelect = page.getByTestId(`unit-file-${i}`);
      if ((await unitSelect.innerText()).includes('阿尔巴斯苏木')) continue;
      await unitSelect.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '鄂托克旗农牧局' }).click();
    }
    await screenshot(page, '15-lrmx-preview');
    await page.getByTestId('lrmx-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('新增 2 人');
    await page.getByTestId('import-done').click();
    await search('bte');
    await expect.poll(rosterNames).toEqual(['巴特尔']);
    await page.getByText('巴特尔').first().click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.innerText()).toContain('王丽');
    await expect(drawer.locator('img[alt="巴特尔的照片"]').count()).resolves.toBe(1);
    await page.locator('.ant-drawer-close').click();
  });

  test('the roster exports to Excel and the export re-imports as updates', async () => {
    await search('');
    const exported = join(work, '导出名册.xlsx');
    dialogs.answerSave(exported);
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    await page.getByText(/已导出 5 人/).waitFor({ timeout: 30_000 });
    expect(existsSync(exported)).toBe(true);
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入 Excel 干部名册').click();
    dialogs.answerOpen(exported);
    await page.getByTestId('excel-pick').click();
    await expect.poll(async () => page.getByTestId('excel-plan').innerText()).toContain('更新 5 人');
    await page.getByTestId('excel-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('更新 5 人');
    await page.getByTestId('import-done').click();
    await expect.poll(() => page.getByTestId('roster-count').innerText()).toBe('共 5 人');
  });
});
