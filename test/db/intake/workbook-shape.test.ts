// The 填报表 workbooks as Excel sees them, a unit's and each channel's, read back with exceljs from a seeded store:
// sheet names, order and states, headers, column widths and formats, the drop-downs on their columns, no sheet
// protection, and the veryHidden identity sheet. Both kinds come from one builder; this pins what they write.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { seedRoster } from '../../helpers/assessment';
import { generate, generateChannel } from '../../helpers/intake';
import { newRosterHost } from '../../helpers/roster';

async function openBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** exceljs reads each validated cell as its own entry; the runtime model is missing from index.d.ts. */
interface SheetWithValidations {
  dataValidations: { model: Record<string, ExcelJS.DataValidation> };
}

/** The validations of a sheet by column: the rows they cover and the one rule of the column. */
function validationsByColumn(ws: ExcelJS.Worksheet): Record<string, { rows: string; rule: ExcelJS.DataValidation }> {
  const model = (ws as unknown as SheetWithValidations).dataValidations.model;
  const out: Record<string, { rows: string; rule: ExcelJS.DataValidation; min: number; max: number }> = {};
  for (const [address, rule] of Object.entries(model)) {
    const [, col = '', row = '0'] = /^([A-Z]+)(\d+)$/u.exec(address) ?? [];
    const n = Number(row);
    const seen = out[col];
    if (seen) {
      // One rule per column: a cell with another would be a drop-down on the wrong column.
      expect(rule, `${address}`).toEqual(seen.rule);
      seen.min = Math.min(seen.min, n);
      seen.max = Math.max(seen.max, n);
    } else out[col] = { rows: '', rule, min: n, max: n };
  }
  return Object.fromEntries(
    Object.entries(out).map(([c, v]) => [c, { rows: `${v.min}:${v.max}`, rule: v.rule }] as const),
  );
}

const list = (formula: string, what: string, errorStyle: 'stop' | 'warning' = 'stop') => ({
  rows: '3:502',
  rule: {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle,
    errorTitle: what,
    error: `请从下拉列表中选择${what}`,
  },
});

/** exceljs reads <sheetProtection> into a property its index.d.ts leaves out. */
const protectionOf = (ws: ExcelJS.Worksheet): unknown =>
  (ws as unknown as { sheetProtection?: unknown }).sheetProtection;
const widths = (ws: ExcelJS.Worksheet) => ws.columns.map((c) => c.width);
const formats = (ws: ExcelJS.Worksheet) =>
  Object.fromEntries(ws.columns.filter((c) => c.numFmt).map((c) => [c.letter, c.numFmt] as const));
const rowValues = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
const columnValues = (ws: ExcelJS.Worksheet, col: number) =>
  (ws.getColumn(col).values as unknown[]).slice(1).filter((v) => v !== undefined && v !== null);
const frozen = (ws: ExcelJS.Worksheet) => ws.views.map((v) => [v.state, v.state === 'frozen' ? v.ySplit : 0]);

/** What every 填报表 shares: the sheets' states, a bold header row, a guide in one wide column, no protection. */
function expectCommonShape(wb: ExcelJS.Workbook, titleStart: string) {
  expect(wb.views).toMatchObject([{ activeTab: 1, firstSheet: 0, visibility: 'visible' }]);
  // A 填报表 is not protected: a unit copies rows and widens columns as it needs.
  for (const ws of wb.worksheets) expect(protectionOf(ws), ws.name).toBeUndefined();
  const guide = wb.getWorksheet('填表说明')!;
  expect(widths(guide)).toEqual([110]);
  expect(String(guide.getCell(1, 1).value)).toMatch(new RegExp(`^${titleStart}.*填表说明$`, 'u'));
  expect(guide.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
  expect(guide.getCell(2, 1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  const materials = wb.getWorksheet('材料')!;
  expect(frozen(materials)).toEqual([['frozen', 2]]);
  expect(String(materials.getCell(1, 1).value)).toMatch(new RegExp(`^${titleStart}.*（截止 2025-10-10）$`, 'u'));
  expect(materials.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
  expect(materials.getRow(1).height).toBe(26);
  expect(materials.getCell(2, 1).font).toMatchObject({ bold: true });
  expect(materials.getCell(2, 1).fill).toMatchObject({
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: 'FFE7EEF7' },
  });
  expect(materials.getCell(2, 1).border.top).toMatchObject({ style: 'thin' });
  expect(materials.getCell(2, 1).alignment).toMatchObject({ vertical: 'middle', horizontal: 'center' });
  expect(wb.getWorksheet('选项')!.state).toBe('hidden');
  const info = wb.getWorksheet('包信息')!;
  expect(info.state).toBe('veryHidden');
  expect(columnValues(info, 1)).toEqual(['档案库标识', '单位编号', '单位名称', '季度', '模板版本', '序列号', '渠道']);
  return { guide, materials, lists: wb.getWorksheet('选项')!, info };
}

test('a unit’s 填报表: five sheets, the cadre drop-down and the others on their columns, the unit’s identity', async () => {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const { folder, files } = await generate(h, [r.units.wulan]);
  const wb = await openBook(join(folder, files[0]!));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['填表说明', 'visible'],
    ['材料', 'visible'],
    ['本单位干部', 'visible'],
    ['选项', 'hidden'],
    ['包信息', 'veryHidden'],
  ]);
  const { guide, materials, lists, info } = expectCommonShape(wb, '2025年第三季度乌兰镇');
  // The guide's two headings are bold, its numbered lines are not.
  expect(columnValues(guide, 1)).toHaveLength(18);
  expect(guide.getCell(3, 1).value).toBe('一、怎样填写');
  expect(guide.getCell(3, 1).font).toMatchObject({ bold: true });
  expect(guide.getCell(4, 1).font?.bold).toBeFalsy();
  expect(materials.model.merges).toEqual(['A1:J1']);
  expect(rowValues(materials, 2)).toEqual([
    '干部',
    '日期',
    '子项',
    '性质',
    '评价标准',
    '正负面清单项',
    '标题',
    '内容',
    '来源/渠道',
    '附件文件名',
  ]);
  expect(widths(materials)).toEqual([24, 12, 26, 8, 26, 24, 28, 50, 22, 30]);
  expect(formats(materials)).toEqual({ B: 'yyyy-mm-dd' });
  expect(rowValues(lists, 1)).toEqual(['干部', '子项', '性质', '评价标准', '正负面清单项', '来源/渠道']);
  expect(columnValues(lists, 1).slice(1)).toEqual(['阿古拉（科员）', '德力格尔（科员）', '额尔敦（科员）']);
  const end = (col: number) => columnValues(lists, col).length;
  expect(validationsByColumn(materials)).toEqual({
    A: list("'选项'!$A$2:$A$4", '本单位干部'),
    B: {
      rows: '3:502',
      rule: {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '日期',
        error: '日期请写成 2025-08-14',
      },
    },
    C: list(`'选项'!$B$2:$B$${end(2)}`, '子项'),
    D: list("'选项'!$C$2:$C$4", '性质'),
    // 评价标准 may hold several codes: only a warning.
    E: list(`'选项'!$D$2:$D$${end(4)}`, '评价标准', 'warning'),
    F: list(`'选项'!$E$2:$E$${end(5)}`, '正负面清单项'),
    I: list(`'选项'!$F$2:$F$${end(6)}`, '来源/渠道'),
  });
  const cadres = wb.getWorksheet('本单位干部')!;
  expect(frozen(cadres)).toEqual([['frozen', 1]]);
  expect(widths(cadres)).toEqual([24, 30, 50]);
  expect(rowValues(cadres, 1)).toEqual(['干部（下拉列表中的写法）', '职务', '2025年第三季度尚缺材料的板块']);
  expect(columnValues(cadres, 1)).toHaveLength(4);
  const identity = columnValues(info, 2);
  expect(identity.slice(1, 5)).toEqual([r.units.wulan, '乌兰镇', '2025Q3', 1]);
  expect(info.getCell(7, 2).value).toBe('');
  expect(identity[0]).toBe(h.host.session().storeId);
  const pkg = await h.host.session().db.selectFrom('intake_packages').select('serial').executeTakeFirstOrThrow();
  expect(identity[5]).toBe(pkg.serial);
});

test('a channel’s 填报表: four sheets, its columns with their widths and formats, its drop-downs, its identity', async () => {
  const h = await newRosterHost();
  await seedRoster(h);
  const wb = await openBook(await generateChannel(h, 'inspection'));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['填表说明', 'visible'],
    ['材料', 'visible'],
    ['选项', 'hidden'],
    ['包信息', 'veryHidden'],
  ]);
  const { guide, materials, lists, info } = expectCommonShape(wb, '2025年第三季度巡察/审计');
  expect(columnValues(guide, 1)).toHaveLength(11);
  expect(materials.model.merges).toEqual(['A1:L1']);
  expect(rowValues(materials, 2)).toEqual([
    '姓名',
    '身份证号',
    '单位',
    '日期',
    '子项',
    '性质',
    '评价标准',
    '正负面清单项',
    '标题',
    '内容',
    '来源/渠道',
    '附件文件名',
  ]);
  expect(widths(materials)).toEqual([16, 22, 16, 16, 16, 16, 16, 16, 36, 36, 16, 16]);
  // 身份证号 as text: Excel would round 18 digits.
  expect(formats(materials)).toEqual({ B: '@', D: 'yyyy-mm-dd' });
  expect(rowValues(lists, 1)).toEqual(['子项', '性质', '评价标准', '正负面清单项', '来源/渠道']);
  expect(columnValues(lists, 2).slice(1)).toEqual(['负面', '中性', '正面']);
  expect(columnValues(lists, 5).slice(1)).toEqual(['CH03 巡视巡察', 'CH05 审计']);
  const end = (col: number) => columnValues(lists, col).length;
  expect(validationsByColumn(materials)).toEqual({
    E: list(`'选项'!$A$2:$A$${end(1)}`, '子项'),
    F: list("'选项'!$B$2:$B$4", '性质'),
    G: list(`'选项'!$C$2:$C$${end(3)}`, '评价标准'),
    H: list(`'选项'!$D$2:$D$${end(4)}`, '正负面清单项'),
    K: list("'选项'!$E$2:$E$3", '来源/渠道'),
  });
  const identity = columnValues(info, 2);
  expect(identity[0]).toBe(h.host.session().storeId);
  expect(info.getCell(2, 2).value).toBe('');
  expect([3, 4, 5, 7].map((row) => info.getCell(row, 2).value)).toEqual(['巡察/审计', '2025Q3', 1, 'inspection']);
  const pkg = await h.host.session().db.selectFrom('intake_packages').select('serial').executeTakeFirstOrThrow();
  expect(info.getCell(6, 2).value).toBe(pkg.serial);
});

test('党校’s 填报表: the class columns, dates as dates, one drop-down for 结业评价', async () => {
  const h = await newRosterHost();
  await seedRoster(h);
  const wb = await openBook(await generateChannel(h, 'training'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '材料', '选项', '包信息']);
  const { guide, materials, lists, info } = expectCommonShape(wb, '2025年第三季度党校');
  expect(String(guide.getCell(5, 1).value)).toMatch(/^3\. 培训班名称/u);
  expect(materials.model.merges).toEqual(['A1:I1']);
  expect(rowValues(materials, 2)).toEqual([
    '姓名',
    '身份证号',
    '单位',
    '培训班名称',
    '主办单位',
    '开班日期',
    '结业日期',
    '学时',
    '结业评价',
  ]);
  expect(widths(materials)).toEqual([16, 22, 16, 36, 16, 16, 16, 16, 16]);
  expect(formats(materials)).toEqual({ B: '@', F: 'yyyy-mm-dd', G: 'yyyy-mm-dd' });
  expect(rowValues(lists, 1)).toEqual(['结业评价']);
  expect(columnValues(lists, 1)).toEqual(['结业评价', '优秀', '合格', '重修']);
  expect(validationsByColumn(materials)).toEqual({ I: list("'选项'!$A$2:$A$4", '结业评价') });
  expect([3, 7].map((row) => info.getCell(row, 2).value)).toEqual(['党校', 'training']);
});
