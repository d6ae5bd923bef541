// End to end: units, an Excel roster with errors then fixed, pinyin search, a profile edit, .lrmx import, export and re-import.
import { CALL_PATH } from './harness/bridge-server';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDigit } from '../../shared/roster/idcard';
import { startTestApp, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { rosterWorkbook, unitsWorkbook } from '../helpers/roster';
import { clickSettled } from './harness/settled-click';

const SAMPLES = join(process.cwd(), 'test', 'fixtures', 'lrmx');
const id = (first17: string) => first17 + checkDigit(first17);

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

const base = { gender: '男', ethnicity: '汉族', currentPost: '', position: '副职', status: '在职' };
const zhang = {
  ...base,
  name: '张三丰',
  birthMonth: '1975.03',
  unit: '阿尔巴斯苏木',
  currentPost: '阿尔巴斯苏木党委副书记',
  idNumber: id('15062419750315301'),
};
const wang = {
  ...base,
  name: '王五',
  birthMonth: '198206',
  unit: '鄂托克旗农牧局',
  currentPost: '鄂托克旗农牧局局长',
  position: '正职',
  idNumber: id('15062419820610123'),
};
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

/** Adds units one after another in one dialog (保存并新增), the last with 保存. */
async function addUnits(units: readonly (readonly [name: string, category: string])[]) {
  await page.getByRole('button', { name: /新增单位/ }).click();
  for (const [i, [name, category]] of units.entries()) {
    await dialog().getByLabel('单位名称').fill(name);
    await clickSettled(dialog().getByLabel('单位类别'));
    await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: category }));
    await clickSettled(dialog().getByTestId(i < units.length - 1 ? 'unit-save-next' : 'unit-save'));
    if (i < units.length - 1) await expect.poll(() => dialog().getByLabel('单位名称').inputValue()).toBe('');
  }
  for (const [name] of units) await page.getByRole('cell', { name, exact: true }).waitFor();
}

async function rosterNames(): Promise<string[]> {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return page.getByTestId('cadre-name').allInnerTexts();
}

/** Starts the import shown in the dialog, waits for its result and closes it. */
async function commitAndDone(prefix: 'excel' | 'lrmx', result: string) {
  await page.getByTestId(`${prefix}-commit`).click();
  await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('import-result').innerText()).toContain(result);
  await page.getByTestId('import-done').click();
}

/** The profile drawer's text once it shows `waitFor`; the drawer is closed again. */
async function profileOf(name: string, waitFor: string): Promise<string> {
  await search(name);
  await page.getByText(name).first().click();
  const drawer = page.locator('.ant-drawer');
  await expect.poll(() => drawer.innerText()).toContain(waitFor);
  const text = await drawer.innerText();
  await clickSettled(page.locator('.ant-drawer-close'));
  return text;
}

async function search(text: string) {
  const box = page.getByTestId('roster-search').locator('input');
  if ((await box.inputValue()) === text) return; // nothing new to ask
  // The search is debounced: wait for the roster query that carries the new text to be answered.
  const answered = page.waitForResponse((r) => {
    if (!r.url().endsWith(CALL_PATH)) return false;
    const body = r.request().postDataJSON() as { name: string; input: { text?: string } };
    return body.name === 'roster.query' && (body.input.text ?? '') === text;
  });
  await box.fill(text);
  await answered;
}

describe('roster', () => {
  test('units are added with their category', async () => {
    await menu('单位管理');
    await addUnits([
      ['阿尔巴斯苏木', '苏木镇（街道）'],
      ['鄂托克旗农牧局', '综合经济管理部门'],
    ]);
    await screenshot(page, '10-units');
  });

  test('units are imported from a department’s Excel list: errors first, then the rest', async () => {
    const list = join(work, '单位一览表.xlsx');
    writeFileSync(
      list,
      await unitsWorkbook([
        ['乌兰镇', '苏木镇（街道）', '3'],
        ['鄂托克旗农牧局', '综合经济管理部门', '5'],
        ['鄂托克旗财政局', '财政', '2'],
      ]),
    );
    await page.getByTestId('units-import-open').click();
    dialogs.answerOpen(list);
    await clickSettled(page.getByTestId('units-import-pick'));
    const rows = page.getByTestId('units-import-rows');
    await expect
      .poll(() => rows.locator('tbody tr.ant-table-row').first().innerText())
      .toContain('单位类别：“财政”不存在');
    expect(await page.getByTestId('units-import-plan').innerText()).toBe(
      '将新增 1 个、更新 1 个单位；1 行有错误，不导入',
    );
    expect(await rows.innerText()).toContain('排序号：1 → 5'); // 保存并新增 gave it 排序号 1
    await screenshot(page, '10b-units-import');
    await page.getByTestId('units-import-commit').click();
    await page.getByText('已新增 1 个单位，更新 1 个单位').waitFor();
    await page.getByRole('cell', { name: '乌兰镇', exact: true }).waitFor();
  });

  test('an Excel roster with errors is refused row by row, then the fixed file imports', async () => {
    const withErrors = join(work, '名册-有错误.xlsx');
    writeFileSync(withErrors, await rosterWorkbook([zhang, wang, bad]));
    await menu('干部名册');
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入 Excel 干部名册').click();
    dialogs.answerOpen(withErrors);
    await clickSettled(page.getByTestId('excel-pick'));
    await page.getByTestId('excel-rows').waitFor();
    const rowsText = await page.getByTestId('excel-rows').innerText();
    expect(rowsText).toContain('第 4 行');
    expect(rowsText).toContain('出生年月');
    expect(rowsText).toContain('月份不正确');
    expect(rowsText).toContain('不存在的单位');
    await expect(page.getByTestId('include-row-4').isDisabled()).resolves.toBe(true);
    // The errors come first, counted in a banner that leads to them.
    expect(await page.getByTestId('excel-errors-banner').innerText()).toMatch(/发现 [2-9] 处错误（1 行）/);
    expect(await page.getByTestId('excel-rows').locator('tbody tr.ant-table-row').first().innerText()).toContain(
      '第 4 行',
    );
    await page.getByTestId('excel-show-errors').click();
    await expect.poll(() => page.getByTestId('excel-rows').locator('tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, '11-excel-preview-errors');

    // The user fixes the file and picks it again.
    const fixed = join(work, '名册-已修改.xlsx');
    writeFileSync(
      fixed,
      await rosterWorkbook([
        zhang,
        wang,
        { ...bad, birthMonth: '1975.12', unit: '阿尔巴斯苏木', idNumber: id('15062419751201501') },
      ]),
    );
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
    await clickSettled(page.locator('.ant-drawer-close'));
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
    await clickSettled(page.getByTestId('lrmx-pick-files'));
    await page.getByTestId('lrmx-files').waitFor();
    const text = await page.getByTestId('lrmx-files').innerText();
    expect(text).toContain('巴特尔');
    expect(text).toContain('不是有效的任免审批表文件');
    // 巴特尔's post names 阿尔巴斯苏木, so the unit is suggested; 李秀梅 needs one chosen.
    for (const i of [0, 1]) {
      const unitSelect = page.getByTestId(`unit-file-${i}`);
      if ((await unitSelect.innerText()).includes('阿尔巴斯苏木')) continue;
      await unitSelect.click();
      await clickSettled(
        page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '鄂托克旗农牧局' }),
      );
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
    await clickSettled(page.locator('.ant-drawer-close'));
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
    await clickSettled(page.getByTestId('excel-pick'));
    // Nothing differs from the store, so nothing will be written.
    await expect
      .poll(async () => page.getByTestId('excel-plan').innerText())
      .toContain('更新 0 人（另有 5 人无变化，不写入）');
    expect(await page.getByTestId('excel-rows').innerText()).toContain('与档案库中一致，不会修改');
    await expect(page.getByTestId('excel-commit').isDisabled()).resolves.toBe(true);
    await clickSettled(
      dialog()
        .getByRole('button', { name: /关\s?闭/ })
        .last(),
    );
    await expect.poll(() => page.getByTestId('roster-count').innerText()).toBe('共 5 人');
  });

  test('a changed copy of the roster shows each field difference before anything is written; a kept column stays as stored', async () => {
    const exported = join(work, '导出名册.xlsx');
    const changed = join(work, '导出名册-修改.xlsx');
    await editCells(exported, changed, {
      巴特尔: { 民族: '汉族', 现任职务: '阿尔巴斯苏木党委书记、人大主席' },
      王五: { 民族: '蒙古族' },
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入 Excel 干部名册').click();
    dialogs.answerOpen(changed);
    await clickSettled(page.getByTestId('excel-pick'));
    await expect
      .poll(async () => page.getByTestId('excel-plan').innerText())
      .toContain('更新 2 人（另有 3 人无变化，不写入）');
    await page.getByTestId('excel-filter').getByText('有变更（2）').click();
    const rows = page.getByTestId('excel-rows');
    // Every difference is listed open, as field, value in the store, value in the file.
    const change = (field: string) => rows.locator(`.import-change[data-testid$="-${field}"]`);
    await expect.poll(() => change('ethnicity').count()).toBe(2);
    expect(await change('ethnicity').allInnerTexts()).toEqual([
      expect.stringMatching(/民族\s+蒙古族\s+汉族/),
      expect.stringMatching(/民族\s+汉族\s+蒙古族/),
    ]);
    expect(await change('currentPost').allInnerTexts()).toEqual([
      expect.stringMatching(/现任职务\s+阿尔巴斯苏木党委书记\s+阿尔巴斯苏木党委书记、人大主席/),
    ]);
    await screenshot(page, '16-excel-changes');
    // 民族 is kept as stored for every row: 王五's row then changes nothing.
    await page.getByTestId('keep-column-ethnicity').click();
    await expect
      .poll(async () => page.getByTestId('excel-plan').innerText())
      .toContain('更新 1 人（另有 4 人无变化，不写入）');
    await screenshot(page, '17-excel-keep-column');
    await commitAndDone('excel', '更新 1 人');
    const profile = await profileOf('巴特尔', '阿尔巴斯苏木党委书记、人大主席');
    expect(profile).toContain('蒙古族');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('a 任免审批表 without 民族 and 简历 (as JAXB writers leave null fields out) keeps them; the preview shows only what differs', async () => {
    await search('');
    const jaxb = join(work, '巴特尔-外系统.lrmx');
    writeFileSync(
      jaxb,
      readFileSync(join(SAMPLES, '巴特尔.lrmx'), 'utf8')
        .replace(/\s*<MinZu>[^<]*<\/MinZu>/, '')
        .replace(/\s*<JianLi>[\s\S]*?<\/JianLi>/, '')
        .replace(
          '<JiangChengQingKuang>2021年被评为全旗优秀党务工作者。</JiangChengQingKuang>',
          '<JiangChengQingKuang>2021年被评为全旗优秀党务工作者。\n2024年被评为全市优秀基层干部。</JiangChengQingKuang>',
        ),
    );
    await page.getByTestId('import-menu').hover();
    await page.getByText('导入任免审批表（.lrmx）').click();
    dialogs.answerOpen(jaxb);
    await clickSettled(page.getByTestId('lrmx-pick-files'));
    await page.getByTestId('lrmx-files').waitFor();
    const changes = page.getByTestId('changes-file-0');
    await expect.poll(() => changes.innerText()).toContain('奖惩情况');
    const text = await changes.innerText();
    expect(text).toContain('+ 2024年被评为全市优秀基层干部。');
    expect(text).toContain('现任职务');
    expect(text).not.toContain('民族');
    expect(text).not.toContain('简历');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, '18-lrmx-changes');
    await page.getByTestId('changes-file-0-keep-currentPost').click();
    await commitAndDone('lrmx', '更新 1 人');
    const profile = await profileOf('巴特尔', '2024年被评为全市优秀基层干部');
    expect(profile).toContain('蒙古族');
    expect(profile).toContain('阿尔巴斯苏木党委书记、人大主席');
    expect(profile).toContain('草原站干部');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

/** The exported roster with some cells changed (by 姓名 and column header), saved as another file. */
async function editCells(from: string, to: string, edits: Record<string, Record<string, string>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('干部名册')!;
  const headers = new Map<string, number>();
  ws.getRow(2).eachCell((c, n) => headers.set(String(c.text).replace(/\*$/, ''), n));
  ws.eachRow((row, n) => {
    const e = n > 2 ? edits[row.getCell(headers.get('姓名')!).text] : undefined;
    for (const [label, value] of Object.entries(e ?? {})) row.getCell(headers.get(label)!).value = value;
  });
  await wb.xlsx.writeFile(to);
}
