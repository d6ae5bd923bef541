// Finding a real roster's sheet and header row by content, recognising its headers, and the mapping it asks for.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, missingFields } from '../../../../db/roster/excel/headers';
import { parseRosterWorkbook } from '../../../../db/roster/excel/parse';
import { DEPARTMENT_ROWS } from './department-fixtures';
import { fixture, sheetWorkbook } from './helpers';

describe('fieldOfHeader', () => {
  it.each([
    ['出生时间', 'birthMonth'],
    ['出生日期', 'birthMonth'],
    ['出生年月(岁)', 'birthMonth'],
    ['出生\n年月', 'birthMonth'],
    ['出 生 年 月（岁）', 'birthMonth'],
    ['所在单位及职务', 'unitAndPost'],
    ['工作单位及职务', 'unitAndPost'],
    ['单位及职务', 'unitAndPost'],
    ['现职务', 'currentPost'],
    ['职务', 'currentPost'],
    ['任现职时间', 'postSince'],
    ['现职务始任时间', 'postSince'],
    ['全日制学历', 'fulltimeEducation'],
    ['最高学历学位', 'fulltimeEducation'],
    ['是否正职', 'position'],
    ['政治面貌', 'politicalStatus'],
    ['民族', 'ethnicity'],
  ])('%j is %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('knows nothing of 序号, 年龄, 备注 and invented headers', () => {
    for (const h of ['序号', '年龄', '备注', '名字', '生日', '岗位', '']) expect(fieldOfHeader(h)).toBeUndefined();
  });

  it('counts 单位及职务 for both 单位 and 现任职务; 正职/副职 is never missing (it can be suggested)', () => {
    expect(missingFields(new Set(['name', 'gender', 'birthMonth', 'unitAndPost']))).toEqual([]);
    expect(missingFields(new Set(['name', 'unit']))).toEqual(['性别', '出生年月', '现任职务']);
  });
});

describe('the header row found by content', () => {
  it('reads the LibreOffice-saved department roster: title and 制表单位 rows above, broken headers, a merged note below', async () => {
    const r = await parseRosterWorkbook(fixture('department-roster-libreoffice.xlsx'));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheetName).toBe('Sheet1');
    expect(r.rows.map((row) => row.rowNumber)).toEqual(DEPARTMENT_ROWS.map((_, i) => 4 + i));
    expect(r.fields).toEqual(
      expect.arrayContaining([
        'name',
        'gender',
        'ethnicity',
        'birthMonth',
        'politicalStatus',
        'partyJoin',
        'fulltimeEducation',
        'unitAndPost',
        'postSince',
      ]),
    );
    expect(r.fields).not.toContain('position');
    const [wang, , , , chen, zhao] = r.rows;
    expect(wang!.cells).toMatchObject({ name: '王建国', ethnicity: '汉', birthMonth: '1975.03', postSince: '2021.09' });
    expect(wang!.extra).toEqual({ unitAndPost: '县委组织部副部长', politicalStatus: '中共党员' });
    expect(chen!.cells.birthMonth).toBe('1985.10'); // a date cell
    expect(zhao!.cells.birthMonth).toBe('1972.03\n(52岁)');
  });

  it('picks the sheet that holds the roster, whatever its name, past a sheet of notes', async () => {
    const bytes = await sheetWorkbook([
      { name: '说明', rows: [['填表说明'], ['请按实际填写']] },
      {
        name: '中层干部',
        rows: [
          ['序号', '姓名', '性别', '出生年月', '单位及职务'],
          [1, '王一', '男', '1970.01', '县委办公室主任'],
        ],
      },
    ]);
    const r = await parseRosterWorkbook(bytes);
    expect(r.ok && r.sheetName).toBe('中层干部');
  });

  it('joins a two-row header (学历 over 全日制 / 在职) and reads the data below the second row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '性别', '出生年月', '单位及职务', '学历', null]);
    ws.addRow([null, null, null, null, '全日制', '在职']);
    ws.addRow(['王一', '男', '1970.01', '县委办公室主任', '大学', '研究生']);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('C1:C2');
    ws.mergeCells('D1:D2');
    ws.mergeCells('E1:F1');
    const r = await parseRosterWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.error);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.rowNumber).toBe(3);
    expect(r.rows[0]!.cells).toMatchObject({ fulltimeEducation: '大学', parttimeEducation: '研究生' });
  });
});

describe('the mapping step', () => {
  it('is asked for when required fields are not found, with each column’s samples and recognised field', async () => {
    const r = await parseRosterWorkbook(fixture('department-roster-mapping.xlsx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.needsMapping).toMatchObject({
      sheetName: '人员',
      headerRow: 1,
      missing: ['姓名', '出生年月', '现任职务'],
    });
    expect(r.needsMapping!.message).toContain('姓名、出生年月、现任职务');
    expect(r.needsMapping!.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '名字', null],
      ['B', '性别', 'gender'],
      ['C', '生日', null],
      ['D', '单位', 'unit'],
      ['E', '岗位', null],
      ['F', '是否正职', 'position'],
      ['G', '民族', 'ethnicity'],
    ]);
    expect(r.needsMapping!.columns[0]!.samples).toEqual(['周文', '吴敏', '郑强']);
  });

  it('reads the rows once the columns are mapped; a column mapped to 不导入 is left out', async () => {
    const mapping = new Map([
      [1, 'name'],
      [3, 'birthMonth'],
      [5, 'currentPost'],
      [7, null],
    ] as const);
    const r = await parseRosterWorkbook(fixture('department-roster-mapping.xlsx'), mapping);
    if (!r.ok) throw new Error(r.error);
    expect(r.rows[0]!.cells).toMatchObject({
      name: '周文',
      birthMonth: '1976.05',
      currentPost: '副主任',
      position: '否',
      ethnicity: '',
    });
  });

  it('refuses a field mapped to two columns, naming them', async () => {
    const mapping = new Map([
      [1, 'name'],
      [3, 'birthMonth'],
      [5, 'currentPost'],
      [7, 'name'],
    ] as const);
    expect(await parseRosterWorkbook(fixture('department-roster-mapping.xlsx'), mapping)).toEqual({
      ok: false,
      error: '列标题“姓名”出现了 2 次（A、G 列），请删除多余的列',
    });
  });

  it('asks for a mapping of a sheet whose headers it knows not at all', async () => {
    const bytes = await sheetWorkbook([
      {
        name: 'Sheet1',
        rows: [
          ['甲', '乙', '丙'],
          ['1', '2', '3'],
        ],
      },
    ]);
    const r = await parseRosterWorkbook(bytes);
    expect(!r.ok && r.needsMapping?.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙']);
  });
});
