// The import template, re-read with exceljs: sheets, headers, drop-downs, text formats, the example row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../../db/roster/excel/columns';
import { parseRosterWorkbook } from '../../../../db/roster/excel/parse';
import { EXAMPLE_ID_NUMBER, TEMPLATE_ROWS, buildTemplate } from '../../../../db/roster/excel/template';
import { validateRosterRows } from '../../../../db/roster/excel/validate';
import { columnLetter } from '../../../../db/roster/excel/workbook';
import { validateIdNumber } from '../../../../shared/roster/idcard';
import { CADRE_STATUSES, EDUCATION_LEVELS, RANKS } from '../../../../shared/roster/types';
import { generateUnits } from './generate';
import { TODAY, UNITS } from './helpers';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const letter = (key: ColumnKey) => columnLetter(ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1);

describe('buildTemplate', () => {
  it('has the roster sheet first, the guide, and a hidden unit list', async () => {
    const wb = await load(await buildTemplate(UNITS));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toStrictEqual([
      ['干部名册', 'visible'],
      ['单位列表', 'hidden'],
      ['填写说明', 'visible'],
    ]);
    const units = wb.getWorksheet('单位列表')!;
    expect(units.getColumn(1).values.slice(1)).toStrictEqual(UNITS.map((u) => u.name));
  });

  it('writes every column header in order, required ones starred and red, the header row bold and frozen', async () => {
    const ws = (await load(await buildTemplate(UNITS))).getWorksheet('干部名册')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toStrictEqual([
      '姓名*',
      '性别*',
      '民族',
      '出生年月*',
      '籍贯',
      '出生地',
      '入党时间',
      '参加工作时间',
      '健康状况',
      '专业技术职务',
      '熟悉专业有何专长',
      '全日制学历',
      '全日制学位',
      '全日制毕业院校系及专业',
      '在职学历',
      '在职学位',
      '在职毕业院校系及专业',
      '现任职务*',
      '任职时间',
      '职级',
      '单位*',
      '正职/副职*',
      '身份证号',
      '熟悉领域',
      '主要特点',
      '存在不足',
      '状态',
      '年度考核结果',
      '简历',
      '奖惩情况',
    ]);
    ROSTER_COLUMNS.forEach((c, i) => {
      const cell = ws.getRow(1).getCell(i + 1);
      expect(cell.font.bold).toBe(true);
      expect(cell.font.color?.argb === 'FFC00000').toBe(c.required);
      expect(ws.getColumn(i + 1).width).toBe(c.width);
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('formats 身份证号 and the date columns as text, so Excel keeps 1975.10 and 18 digits as typed', async () => {
    const ws = (await load(await buildTemplate(UNITS))).getWorksheet('干部名册')!;
    for (const key of ['idNumber', 'birthMonth', 'partyJoin', 'workStart', 'postSince'] as const) {
      expect(ws.getColumn(letter(key)).numFmt, key).toBe('@');
      expect(ws.getCell(`${letter(key)}3000`).numFmt, key).toBe('@');
    }
    expect(ws.getColumn(letter('name')).numFmt).toBeUndefined();
  });

  it('puts drop-down lists on 性别, 正职/副职, 职级, 状态, both 学历 and 单位 (from the hidden sheet)', async () => {
    const ws = (await load(await buildTemplate(UNITS))).getWorksheet('干部名册')!;
    const dv = (key: ColumnKey, row = 2) => ws.getCell(`${letter(key)}${row}`).dataValidation;
    expect(dv('gender')).toMatchObject({ type: 'list', formulae: ['"男,女"'], errorStyle: 'stop' });
    expect(dv('position')).toMatchObject({ type: 'list', formulae: ['"正职,副职"'], errorStyle: 'stop' });
    expect(dv('status')).toMatchObject({
      type: 'list',
      formulae: [`"${CADRE_STATUSES.join(',')}"`],
      errorStyle: 'stop',
    });
    expect(dv('rank')).toMatchObject({ type: 'list', formulae: [`"${RANKS.join(',')}"`], errorStyle: 'warning' });
    for (const key of ['fulltimeEducation', 'parttimeEducation'] as const) {
      expect(dv(key)).toMatchObject({
        type: 'list',
        formulae: [`"${EDUCATION_LEVELS.join(',')}"`],
        errorStyle: 'warning',
      });
    }
    expect(dv('unit')).toMatchObject({
      type: 'list',
      formulae: [`'单位列表'!$A$1:$A$${UNITS.length}`],
      errorStyle: 'stop',
    });
    // The lists cover the data area, not the header; other columns have none.
    expect(dv('gender', TEMPLATE_ROWS + 1)).toMatchObject({ type: 'list' });
    expect(dv('gender', 1)).toBeUndefined();
    expect(dv('name')).toBeUndefined();
  });

  it('uses a range for a unit list longer than an inline list may be (255 characters)', async () => {
    const units = generateUnits(400, 3);
    expect(units.map((u) => u.name).join(',').length).toBeGreaterThan(255);
    const wb = await load(await buildTemplate(units));
    expect(wb.getWorksheet('干部名册')!.getCell(`${letter('unit')}2`).dataValidation).toMatchObject({
      formulae: [`'单位列表'!$A$1:$A$400`],
    });
    expect(wb.getWorksheet('单位列表')!.getCell('A400').value).toBe(units[399]!.name);
  });

  it('still builds without units (no 单位 drop-down)', async () => {
    const wb = await load(await buildTemplate([]));
    expect(wb.getWorksheet('干部名册')!.getCell(`${letter('unit')}2`).dataValidation).toBeUndefined();
    expect(wb.getWorksheet('单位列表')!.rowCount).toBe(0);
  });

  it('has a Chinese guide naming the rules, the example row and that family members are not imported', async () => {
    const guide = (await load(await buildTemplate(UNITS))).getWorksheet('填写说明')!;
    const text = (guide.getColumn(1).values as unknown[]).join('\n');
    for (const phrase of [
      '带“*”的列为必填',
      '姓名以“示例”开头的行不会被导入',
      '家庭主要成员不在本表导入',
      '1975.03',
      '不填视为“在职”',
      '2022年度称职',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('parses, untouched, to “没有可导入的数据行”: the example row is skipped', async () => {
    expect(await parseRosterWorkbook(await buildTemplate(UNITS))).toStrictEqual({
      ok: false,
      error: '没有可导入的数据行',
    });
  });

  it('has an example row that is a valid cadre apart from its 示例 marker', async () => {
    expect(validateIdNumber(EXAMPLE_ID_NUMBER)).toMatchObject({ ok: true, birthDate: '1978-05-12', gender: '男' });
    const wb = await load(await buildTemplate(UNITS));
    const ws = wb.getWorksheet('干部名册')!;
    expect(ws.getCell('A2').value).toBe('示例：张三');
    ws.getCell('A2').value = '张三';
    const parsed = await parseRosterWorkbook(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows.map((r) => r.rowNumber)).toStrictEqual([2]);
    const result = validateRosterRows(parsed.rows, { units: UNITS, today: TODAY });
    expect(result.rows[0]!.issues).toStrictEqual([]);
    expect(result.rows[0]!.input).toMatchObject({
      name: '张三',
      unitId: 1,
      position: 'deputy',
      birthMonth: '1978-05',
      idNumber: EXAMPLE_ID_NUMBER,
    });
  });
});
