// Reading uploaded workbooks: the committed fixtures (exceljs- and LibreOffice-saved), cell types, headers, bad files.
import { describe, expect, it } from 'vitest';
import { parseRosterWorkbook, type ParseResult, type RawRow } from '../../../../db/roster/excel/parse';
import { ROSTER_COLUMNS } from '../../../../db/roster/excel/columns';
import { ID_CHEN, ID_LI, ID_WANG } from './fixtures';
import { fillTemplate, fixture, inlineStringWorkbook, makeOle, makeZip, sheetWorkbook } from './helpers';

async function rowsOf(bytes: Buffer): Promise<RawRow[]> {
  const r = await parseRosterWorkbook(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.rows;
}

const nonEmpty = (row: RawRow) => Object.fromEntries(Object.entries(row.cells).filter(([, v]) => v !== ''));
const err = (error: string): ParseResult => ({ ok: false, error });

describe('parseRosterWorkbook on the valid fixture', () => {
  it('reads every data row with its Excel row number, skipping the example row and the empty row 6', async () => {
    const result = await parseRosterWorkbook(fixture('roster-valid.xlsx'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheetName).toBe('干部名册');
    expect(result.columns).toStrictEqual(ROSTER_COLUMNS.map((c) => c.key));
    expect(result.rows.map((r) => r.rowNumber)).toStrictEqual([3, 4, 5, 7, 8]);
    expect(result.rows.every((r) => Object.keys(r.cells).length === ROSTER_COLUMNS.length)).toBe(true);
  });

  it('reads each cell as the text the user sees', async () => {
    const [wang, li, zhang, liu, chen] = await rowsOf(fixture('roster-valid.xlsx'));
    expect(wang!.cells).toMatchObject({
      name: '王建国',
      birthMonth: '1975.03',
      idNumber: ID_WANG,
      status: '',
      resume:
        '1996.08--2003.05  城关镇人民政府科员\n2003.05--2021.09  县委组织部干部科科员、副科长\n2021.09--  县委组织部干部科科长',
    });
    expect(li!.cells).toMatchObject({ birthMonth: '198011', idNumber: ID_LI.toLowerCase(), partyJoin: '中国民主同盟' });
    // A formula gives its result; date cells become year-months.
    expect(nonEmpty(zhang!)).toStrictEqual({
      name: '张伟',
      gender: '男',
      ethnicity: '回族',
      birthMonth: '1982.07',
      currentPost: '城关镇党委书记',
      postSince: '2020.10',
      unit: '城关镇人民政府',
      position: '正职',
    });
    // Rich text is joined; a number has no ".0" and is flagged as a number cell.
    expect(liu!.cells).toMatchObject({ name: '刘洋', birthMonth: '197912' });
    expect(liu!.numberCells).toStrictEqual(['birthMonth']);
    expect(chen!.cells).toMatchObject({ birthMonth: '1985年10月', partyJoin: '20070701', idNumber: ID_CHEN });
  });

  it('reads the LibreOffice-saved copy exactly like the original', async () => {
    const original = await parseRosterWorkbook(fixture('roster-valid.xlsx'));
    const libre = await parseRosterWorkbook(fixture('roster-libreoffice.xlsx'));
    expect(libre).toStrictEqual(original);
  });
});

describe('cell values', () => {
  it('reads inline strings in a minimal workbook without shared strings or styles', async () => {
    const bytes = inlineStringWorkbook('干部名册', [
      ['姓名*', '性别*', '出生年月*', '现任职务*', '单位*', '正职/副职*', '身份证号'],
      ['示例：张三', '男', '1978.05', '科员', '县委办公室', '副职', ''],
      ['张 三 ', '男', 197503, '科员', '县委办公室', '副职', ID_WANG],
    ]);
    const result = await parseRosterWorkbook(bytes);
    expect(result.ok && result.rows.map((r) => [r.rowNumber, nonEmpty(r), r.numberCells])).toStrictEqual([
      [
        3,
        {
          name: '张 三',
          gender: '男',
          birthMonth: '197503',
          currentPost: '科员',
          unit: '县委办公室',
          position: '副职',
          idNumber: ID_WANG,
        },
        ['birthMonth'],
      ],
    ]);
  });

  it('honours a fixed-decimal number format (1975.10 shown as such) and trims spaces, including full-width ones', async () => {
    const rows = await rowsOf(
      await fillTemplate([
        {
          name: '  张三\u3000',
          birthMonth: 1975.1,
          workStart: 1996.1,
          numFmt: { birthMonth: '0.00', workStart: 'General' },
        },
      ]),
    );
    expect(rows[0]!.cells).toMatchObject({ name: '张三', birthMonth: '1975.10', workStart: '1996.1' });
    expect(rows[0]!.numberCells).toStrictEqual(['workStart']);
  });

  it('gives the cached result of formulas, joins hyperlink text and drops float noise', async () => {
    const rows = await rowsOf(
      await fillTemplate([
        {
          name: { formula: 'CONCATENATE("李","四")', result: '李四' },
          birthMonth: { formula: '197500+3', result: 197503 },
          rewards: { text: '表彰文件', hyperlink: 'https://example.org/a' },
          traits: 0.1 + 0.2,
        },
      ]),
    );
    expect(rows[0]!.cells).toMatchObject({ name: '李四', birthMonth: '197503', rewards: '表彰文件', traits: '0.3' });
  });

  it('skips rows that are empty or only spaces, and rows whose 姓名 starts with 示例', async () => {
    const rows = await rowsOf(
      await fillTemplate([{ name: '示例：李四', gender: '女' }, { name: '   ' }, null, { name: '王五' }]),
    );
    expect(rows.map((r) => [r.rowNumber, r.cells.name])).toStrictEqual([[6, '王五']]);
  });
});

describe('headers', () => {
  const required = ['姓名', '性别', '出生年月', '现任职务', '单位', '正职/副职'];
  const data = ['张三', '男', '1975.03', '科员', '县委办公室', '副职'];

  it('accepts headers with or without *, with spaces, full-width forms and a title row above; ignores unknown columns', async () => {
    const bytes = await sheetWorkbook([
      {
        name: '干部名册',
        rows: [
          ['某某县科级干部名册'],
          ['序号', ' 姓 名＊', '性别*', '出生年月（必填）', '现任职务 ', '单位', '正职／副职', '年龄', '身份证号码'],
          [1, ...data, 50, ''],
        ],
      },
    ]);
    const result = await parseRosterWorkbook(bytes);
    expect(result.ok && result.columns).toStrictEqual([
      'name',
      'gender',
      'birthMonth',
      'currentPost',
      'unit',
      'position',
      'idNumber',
    ]);
    expect(result.ok && result.rows.map((r) => [r.rowNumber, nonEmpty(r)])).toStrictEqual([
      [
        3,
        {
          name: '张三',
          gender: '男',
          birthMonth: '1975.03',
          currentPost: '科员',
          unit: '县委办公室',
          position: '副职',
        },
      ],
    ]);
  });

  it('falls back to another sheet whose header row has the required columns', async () => {
    const bytes = await sheetWorkbook([
      { name: '说明', rows: [['请按下表填写']] },
      { name: 'Sheet1', rows: [required, data] },
    ]);
    const result = await parseRosterWorkbook(bytes);
    expect(result.ok && result.sheetName).toBe('Sheet1');
  });

  it('refuses a workbook with a different sheet and different headers', async () => {
    const bytes = await sheetWorkbook([
      {
        name: '工资表',
        rows: [
          ['编号', '金额'],
          [1, 100],
        ],
      },
    ]);
    expect(await parseRosterWorkbook(bytes)).toStrictEqual(
      err('找不到干部名单：没有哪个工作表像“干部名册”那样有姓名、性别等列标题'),
    );
  });

  it('names the missing required columns', async () => {
    const bytes = await sheetWorkbook([
      {
        name: '干部名册',
        rows: [
          ['性别', '现任职务', '单位', '正职/副职', '民族'],
          ['男', '科员', '县委办公室', '副职', '汉族'],
        ],
      },
    ]);
    const result = await parseRosterWorkbook(bytes);
    expect(result).toMatchObject({
      ok: false,
      error: '缺少必填列：姓名、出生年月',
      needsMapping: { missing: ['姓名', '出生年月'], headerRow: 1 },
    });
    // Too little to be a table: no sheet is found.
    const none = await sheetWorkbook([{ name: '干部名册', rows: [['a', 'b']] }]);
    expect((await parseRosterWorkbook(none)).ok).toBe(false);
  });

  it('refuses a column that appears twice', async () => {
    const bytes = await sheetWorkbook([
      {
        name: '干部名册',
        rows: [
          [...required, '姓名*'],
          [...data, '李四'],
        ],
      },
    ]);
    expect(await parseRosterWorkbook(bytes)).toStrictEqual(err('列标题“姓名”出现了 2 次（A、G 列），请删除多余的列'));
  });

  it('reports a sheet with headers but no data rows', async () => {
    const bytes = await sheetWorkbook([{ name: '干部名册', rows: [required] }]);
    expect(await parseRosterWorkbook(bytes)).toStrictEqual(err('没有可导入的数据行'));
  });
});

describe('bad files', () => {
  it('refuses an empty file', async () => {
    expect(await parseRosterWorkbook(Buffer.alloc(0))).toStrictEqual(
      err('文件是空的，请选择填写好的 Excel 工作簿（.xlsx）'),
    );
  });

  it('refuses random bytes, a truncated workbook and a zip that is not a workbook', async () => {
    const corrupt = err('文件已损坏或不是 Excel 工作簿（.xlsx）');
    expect(await parseRosterWorkbook(Buffer.from('姓名,性别\n张三,男\n', 'utf8'))).toStrictEqual(corrupt);
    const valid = fixture('roster-valid.xlsx');
    expect(await parseRosterWorkbook(valid.subarray(0, valid.length >> 1))).toStrictEqual(corrupt);
    expect(await parseRosterWorkbook(makeZip({ 'readme.txt': 'not a workbook' }))).toStrictEqual(corrupt);
    expect(await parseRosterWorkbook(makeZip({ 'word/document.xml': '<w:document/>' }))).toStrictEqual(corrupt);
  });

  it('tells an encrypted workbook from an old .xls (both OLE compound files)', async () => {
    expect(await parseRosterWorkbook(makeOle('EncryptionInfo'))).toStrictEqual(
      err('工作簿设有打开密码，请在 Excel 中取消密码后再导入'),
    );
    expect(await parseRosterWorkbook(makeOle('Workbook'))).toStrictEqual(
      err('这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入'),
    );
    expect(await parseRosterWorkbook(makeOle())).toStrictEqual(
      err(
        '无法读取该文件：如果工作簿设有打开密码，请在 Excel 中取消密码；如果是旧版 .xls 文件，请另存为 .xlsx 后再导入',
      ),
    );
  });
});
