// Row and file checks: every issue names the row, the column's Chinese header and the reason.
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../../db/roster/excel/columns';
import { parseRosterWorkbook, type RawRow } from '../../../../db/roster/excel/parse';
import { validateRosterRows, type ValidationResult } from '../../../../db/roster/excel/validate';
import type { CadreInput } from '../../../../shared/roster/types';
import { ID_BAD_CHECK, ID_CHEN, ID_LI, ID_WANG } from './fixtures';
import { TODAY, UNITS, fixture, makeId } from './helpers';

const ctx = { units: UNITS, today: TODAY };

async function validateFixture(name: string): Promise<ValidationResult> {
  const parsed = await parseRosterWorkbook(fixture(name));
  if (!parsed.ok) throw new Error(parsed.error);
  return validateRosterRows(parsed.rows, ctx);
}

const EMPTY = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;
const BASE = {
  name: '张三',
  gender: '男',
  birthMonth: '1975.03',
  currentPost: '科员',
  unit: '县委办公室',
  position: '副职',
};

function raw(rowNumber: number, cells: Partial<Record<ColumnKey, string>>, numberCells?: ColumnKey[]): RawRow {
  return { rowNumber, cells: { ...EMPTY, ...BASE, ...cells }, ...(numberCells ? { numberCells } : {}) };
}

const issuesOf = (rows: RawRow[]) => validateRosterRows(rows, ctx).rows.map((r) => [r.rowNumber, r.issues]);
const one = (cells: Partial<Record<ColumnKey, string>>, numberCells?: ColumnKey[]) =>
  validateRosterRows([raw(2, cells, numberCells)], ctx).rows[0]!;

const emptyInput: Omit<CadreInput, 'name' | 'gender' | 'birthMonth' | 'currentPost' | 'unitId' | 'position'> = {
  ethnicity: '',
  nativePlace: '',
  birthPlace: '',
  partyJoin: '',
  workStart: '',
  health: '',
  techTitle: '',
  expertise: '',
  fulltimeEducation: '',
  fulltimeDegree: '',
  fulltimeSchool: '',
  parttimeEducation: '',
  parttimeDegree: '',
  parttimeSchool: '',
  postSince: '',
  rank: '',
  resume: '',
  rewards: '',
  idNumber: '',
  familiarFields: '',
  traits: '',
  shortcomings: '',
  annualResultsNote: '',
  status: '在职',
  annualResults: [],
  family: [],
};

describe('the valid fixture', () => {
  it('validates clean into CadreInputs', async () => {
    const result = await validateFixture('roster-valid.xlsx');
    expect(result.validCount).toBe(5);
    expect(result.errorCount).toBe(0);
    const [wang, li, zhang, liu, chen] = result.rows.map((r) => r.input);
    expect(wang).toStrictEqual({
      name: '王建国',
      gender: '男',
      ethnicity: '汉族',
      birthMonth: '1975-03',
      nativePlace: '河北正定',
      birthPlace: '河北正定',
      partyJoin: '1998-06',
      workStart: '1996-08',
      health: '健康',
      techTitle: '高级经济师',
      expertise: '干部管理',
      fulltimeEducation: '大学',
      fulltimeDegree: '管理学学士',
      fulltimeSchool: '河北经贸大学工商管理专业',
      parttimeEducation: '研究生',
      parttimeDegree: '',
      parttimeSchool: '省委党校经济管理专业',
      currentPost: '县委组织部部务委员、干部科科长',
      postSince: '2021-09',
      rank: '正科级',
      unitId: 1,
      position: 'chief',
      resume:
        '1996.08--2003.05  城关镇人民政府科员\n2003.05--2021.09  县委组织部干部科科员、副科长\n2021.09--  县委组织部干部科科长',
      rewards: '2022年被评为全县优秀共产党员',
      idNumber: ID_WANG,
      familiarFields: '组织人事',
      traits: '政治坚定，作风扎实',
      shortcomings: '工作方法有待创新',
      annualResultsNote: '',
      status: '在职', // empty in the sheet
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
      ],
      family: [],
    });
    expect(li).toMatchObject({
      birthMonth: '1980-11',
      partyJoin: '中国民主同盟',
      workStart: '2002-07',
      postSince: '2019-04',
      unitId: 5,
      idNumber: ID_LI,
    });
    expect(zhang).toMatchObject({
      ethnicity: '回族',
      birthMonth: '1982-07',
      postSince: '2020-10',
      unitId: 4,
      position: 'chief',
    });
    expect(liu).toMatchObject({
      name: '刘洋',
      birthMonth: '1979-12',
      postSince: '2020-01',
      rank: '三级调研员',
      unitId: 3,
    });
    expect(chen).toMatchObject({ birthMonth: '1985-10', partyJoin: '2007-07', idNumber: ID_CHEN, status: '调出' });
  });

  it('validates the LibreOffice-saved copy into the same CadreInputs', async () => {
    expect(await validateFixture('roster-libreoffice.xlsx')).toStrictEqual(await validateFixture('roster-valid.xlsx'));
  });
});

describe('the errors fixture', () => {
  it('reports each problem with its row, column and reason; accepts the four date styles', async () => {
    const result = await validateFixture('roster-errors.xlsx');
    expect(result.rows.map((r) => [r.rowNumber, r.issues])).toStrictEqual([
      [3, [{ column: '出生年月', reason: '出生年月“1975.13”的月份不正确' }]],
      [4, [{ column: '单位', reason: '单位“县委组织”不存在，请先在单位管理中添加（是否为“县委组织部”？）' }]],
      [5, [{ column: '身份证号', reason: '与第 6 行身份证号重复' }]],
      [6, [{ column: '身份证号', reason: '与第 5 行身份证号重复' }]],
      [7, [{ column: '身份证号', reason: '身份证号校验位错误（最后一位应为 9）' }]],
      [8, [{ column: '姓名', reason: '请填写姓名' }]],
      [9, [{ column: '性别', reason: '性别应为“男”或“女”，不能填“男性”' }]],
      [10, []],
      [11, []],
      [12, []],
      [13, []],
      [
        14,
        [
          {
            column: '出生年月',
            reason:
              '出生年月“1975.1”有歧义：Excel 把它当作数字保存，无法区分 1975.10（10 月）和 1975.01（1 月），请把该列设为文本格式后写作 1975.10 或 1975.01',
          },
        ],
      ],
      [
        15,
        [
          {
            column: '身份证号',
            reason:
              '身份证号校验位错误（最后一位应为 X）；身份证号被 Excel 当作数字保存，后几位已丢失，请把该列设为文本格式后重新填写',
          },
        ],
      ],
      [16, []], // an unknown result is kept verbatim in 年度考核结果（原文）, not an error
    ]);
    expect(result.rows.slice(7, 11).map((r) => [r.rowNumber, r.input?.birthMonth])).toStrictEqual([
      [10, '1975-03'],
      [11, '1975-03'],
      [12, '1975-03'],
      [13, '1975-03'],
    ]);
    expect(result.rows[10]!.input?.postSince).toBe('2020-10');
    expect(result.rows[13]!.input).toMatchObject({ annualResults: [], annualResultsNote: '2022年度优良' });
    // Kept, not dropped, and the preview says so.
    expect(result.rows[13]!.warnings).toEqual([
      {
        column: '年度考核结果',
        reason: '“2022年度优良”无法读作某年度的考核结果，已原样保留在“年度考核结果（原文）”中',
      },
    ]);
    expect([result.validCount, result.errorCount]).toStrictEqual([5, 9]);
    expect(ID_BAD_CHECK.slice(17)).toBe('0'); // the fixture's wrong check digit (9 is right)
  });
});

describe('row checks', () => {
  it('builds a minimal cadre, 状态 defaulting to 在职', () => {
    expect(one({})).toStrictEqual({
      rowNumber: 2,
      name: '张三',
      issues: [],
      warnings: [],
      input: {
        ...emptyInput,
        name: '张三',
        gender: '男',
        birthMonth: '1975-03',
        currentPost: '科员',
        unitId: 2,
        position: 'deputy',
      },
    });
  });

  it('reads 入党时间 as a year-month when it starts with a digit, else as free text', () => {
    expect(one({ partyJoin: '1998.6' }).input?.partyJoin).toBe('1998-06');
    expect(one({ partyJoin: '中国农工民主党' }).input?.partyJoin).toBe('中国农工民主党');
    expect(one({ partyJoin: '1998.13' }).issues).toStrictEqual([
      { column: '入党时间', reason: '入党时间“1998.13”的月份不正确' },
    ]);
    expect(one({ partyJoin: '1970.01' }).issues).toStrictEqual([
      { column: '入党时间', reason: '入党时间不能早于出生年月' },
    ]);
  });

  it('refuses dates after today and dates before birth', () => {
    expect(one({ birthMonth: '2025.07' }).issues).toStrictEqual([
      { column: '出生年月', reason: '出生年月“2025.07”晚于当前日期' },
    ]);
    expect(one({ postSince: '1970.01' }).issues).toStrictEqual([
      { column: '任职时间', reason: '任职时间不能早于出生年月' },
    ]);
    expect(one({ workStart: '1974.12' }).issues).toStrictEqual([
      { column: '参加工作时间', reason: '参加工作时间不能早于出生年月' },
    ]);
    expect(one({ birthMonth: '' }).issues).toStrictEqual([{ column: '出生年月', reason: '请填写出生年月' }]);
    expect(one({ birthMonth: '七五年三月' }).issues).toStrictEqual([
      { column: '出生年月', reason: '出生年月“七五年三月”无法识别，应写作 1975.03 或 197503' },
    ]);
  });

  it('accepts a number cell 1975.3 (unambiguous) but not 1975.1', () => {
    expect(one({ birthMonth: '1975.3' }, ['birthMonth']).input?.birthMonth).toBe('1975-03');
    expect(one({ birthMonth: '1975.1' }).input?.birthMonth).toBe('1975-01'); // typed as text: January
    expect(one({ birthMonth: '1975.1' }, ['birthMonth']).issues[0]?.reason).toContain('有歧义');
  });

  it('checks 正职/副职, 状态 and the required texts', () => {
    expect(one({ position: '正科' }).issues).toStrictEqual([
      { column: '正职/副职', reason: '正职/副职应填“正职”或“副职”，不能填“正科”' },
    ]);
    expect(one({ status: '离职' }).issues).toStrictEqual([
      { column: '状态', reason: '状态应为在职、调出、退休、免职、辞职、去世之一，不能填“离职”' },
    ]);
    expect(one({ status: '退休' }).input?.status).toBe('退休');
    expect(one({ currentPost: '' }).issues).toStrictEqual([{ column: '现任职务', reason: '请填写现任职务' }]);
    expect(one({ name: '张'.repeat(41) }).issues).toStrictEqual([{ column: '姓名', reason: '姓名不能超过 40 个字' }]);
  });

  it('lists several issues of one row in column order', () => {
    expect(one({ name: '', unit: '', gender: '' }).issues.map((i) => i.column)).toStrictEqual(['姓名', '性别', '单位']);
  });

  it('matches 单位 by exact name and suggests the closest one', () => {
    expect(one({ unit: '县农业农村局（县乡村振兴局）' }).input?.unitId).toBe(5);
    expect(one({ unit: '县农业农村局(县乡村振兴局)' }).issues).toStrictEqual([
      {
        column: '单位',
        reason:
          '单位“县农业农村局(县乡村振兴局)”不存在，请先在单位管理中添加（是否为“县农业农村局（县乡村振兴局）”？）',
      },
    ]);
    expect(one({ unit: '城关镇' }).issues[0]?.reason).toBe(
      '单位“城关镇”不存在，请先在单位管理中添加（是否为“城关镇人民政府”？）',
    );
    expect(one({ unit: '县教育局' }).issues).toStrictEqual([
      { column: '单位', reason: '单位“县教育局”不存在，请先在单位管理中添加' },
    ]);
  });

  it('reads 年度考核结果 and keeps what it cannot read verbatim, without blocking the row', () => {
    expect(one({ annualResults: '2023年度优秀；2022年度：称职。' }).input?.annualResults).toStrictEqual([
      { year: 2022, result: '称职' },
      { year: 2023, result: '优秀' },
    ]);
    expect(one({ annualResults: '2022、2023年度考核均为称职' }).input).toMatchObject({
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '称职' },
      ],
      annualResultsNote: '',
    });
    const mixed = one({ annualResults: '2022年度称职；2023年优良' });
    expect(mixed.issues).toStrictEqual([]);
    expect(mixed.input).toMatchObject({
      annualResults: [{ year: 2022, result: '称职' }],
      annualResultsNote: '2023年优良',
    });
    expect(one({ annualResults: '（无）' }).input).toMatchObject({ annualResults: [], annualResultsNote: '' });
    expect(one({ annualResults: '2022年度称职；2022年度优秀' }).issues).toStrictEqual([
      { column: '年度考核结果', reason: '2022 年度的考核结果重复（“称职”和“优秀”）' },
    ]);
    expect(one({ annualResults: '2026年度优秀' }).issues).toStrictEqual([
      { column: '年度考核结果', reason: '年度考核结果中的 2026 年度晚于当前年份' },
    ]);
  });

  it('checks 身份证号 and that it agrees with 出生年月 and 性别', () => {
    expect(one({ idNumber: makeId('19750315', '男') }).input?.idNumber).toBe(makeId('19750315', '男'));
    expect(one({ idNumber: '13010219750315' }).issues).toStrictEqual([
      { column: '身份证号', reason: '身份证号应为 18 位，实际为 14 位' },
    ]);
    expect(one({ idNumber: makeId('19760315', '男') }).issues).toStrictEqual([
      { column: '身份证号', reason: '身份证号中的出生日期（1976-03）与出生年月（1975-03）不一致' },
    ]);
    expect(one({ idNumber: makeId('19750315', '女') }).issues).toStrictEqual([
      { column: '身份证号', reason: '身份证号显示性别为“女”，与所填性别不一致' },
    ]);
    expect(one({ idNumber: '1.30102E+17' }).issues[0]?.reason).toContain('后几位已丢失');
  });
});

describe('file checks', () => {
  it('puts a duplicate 身份证号 on every row that has it, naming the others', () => {
    const id = makeId('19750315', '男');
    expect(
      issuesOf([
        raw(3, { idNumber: id }),
        raw(4, { name: '李四' }),
        raw(9, { name: '王五', idNumber: id }),
        raw(12, { name: '赵六', idNumber: id.toLowerCase() }),
      ]),
    ).toStrictEqual([
      [3, [{ column: '身份证号', reason: '与第 9 行、第 12 行身份证号重复' }]],
      [4, []],
      [9, [{ column: '身份证号', reason: '与第 3 行、第 12 行身份证号重复' }]],
      [12, [{ column: '身份证号', reason: '与第 3 行、第 9 行身份证号重复' }]],
    ]);
  });

  it('flags the same 姓名 + 出生年月 when a row of the pair has no 身份证号; not two different 身份证号', () => {
    const reason = (n: number) =>
      `与第 ${n} 行姓名、出生年月相同，可能是同一人；请核实后删除重复行，或为这些行都填写身份证号`;
    expect(issuesOf([raw(3, {}), raw(4, { birthMonth: '197503' })])).toStrictEqual([
      [3, [{ column: '姓名', reason: reason(4) }]],
      [4, [{ column: '姓名', reason: reason(3) }]],
    ]);
    expect(issuesOf([raw(3, { idNumber: makeId('19750315', '男') }), raw(4, {})])).toStrictEqual([
      [3, [{ column: '姓名', reason: reason(4) }]],
      [4, [{ column: '姓名', reason: reason(3) }]],
    ]);
    expect(
      issuesOf([
        raw(3, { idNumber: makeId('19750315', '男', 11) }),
        raw(4, { idNumber: makeId('19750301', '男', 23) }),
      ]),
    ).toStrictEqual([
      [3, []],
      [4, []],
    ]);
  });

  it('counts valid and erroneous rows', () => {
    const result = validateRosterRows(
      [raw(3, {}), raw(4, { name: '李四', gender: '' }), raw(5, { name: '王五' })],
      ctx,
    );
    expect([result.validCount, result.errorCount]).toStrictEqual([2, 1]);
    expect(result.rows[1]).toStrictEqual({
      rowNumber: 4,
      name: '李四',
      issues: [{ column: '性别', reason: '请填写性别' }],
      warnings: [],
    });
  });
});
