// The export: the template's columns plus 年龄 and 单位类别, and a round trip export → parse → validate.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../../../db/roster/excel/columns';
import { exportRoster, type ExportCadre } from '../../../../db/roster/excel/export';
import { parseRosterWorkbook } from '../../../../db/roster/excel/parse';
import { validateRosterRows } from '../../../../db/roster/excel/validate';
import { ageAt } from '../../../../shared/roster/dates';
import type { CadreInput } from '../../../../shared/roster/types';
import { generateRosterRows, generateUnits } from './generate';
import { TODAY, UNITS, makeIdEndingX } from './helpers';

const handmade: CadreInput[] = [
  {
    name: '李秀英',
    gender: '女',
    ethnicity: '满族',
    birthMonth: '1980-11',
    nativePlace: '河北承德',
    birthPlace: '河北承德',
    partyJoin: '中国民主同盟',
    workStart: '2002-07',
    health: '健康',
    techTitle: '农艺师',
    expertise: '农业技术推广',
    fulltimeEducation: '研究生',
    fulltimeDegree: '农学硕士',
    fulltimeSchool: '河北农业大学作物栽培学专业',
    parttimeEducation: '',
    parttimeDegree: '',
    parttimeSchool: '',
    currentPost: '县农业农村局副局长',
    postSince: '2019-04',
    rank: '副科级',
    unitId: 5,
    position: 'deputy',
    resume:
      '2002.07--2010.03  县农业技术推广站技术员\n2010.03--2019.04  县农业农村局股长\n2019.04--  县农业农村局副局长',
    rewards: '=优秀 (text that starts like a formula stays text)',
    idNumber: makeIdEndingX('19801120', '女'),
    familiarFields: '农业',
    traits: '  ',
    shortcomings: '',
    annualResultsNote: '2020年度因病未定等次', // kept verbatim after the results, and read back as such
    status: '退休',
    annualResults: [
      { year: 2021, result: '称职' },
      { year: 2022, result: '优秀' },
    ],
    family: [],
  },
];

const toExport = (inputs: readonly CadreInput[], units: readonly { id: number; name: string }[]): ExportCadre[] =>
  inputs.map((c) => ({
    ...c,
    traits: c.traits.trim(),
    unitName: units.find((u) => u.id === c.unitId)!.name,
    categoryName: c.unitId % 2 ? '党群部门' : '政府部门',
    age: ageAt(c.birthMonth, TODAY),
  }));

async function roundTrip(
  cadres: readonly ExportCadre[],
  units: readonly { id: number; name: string }[],
  title?: string,
) {
  const parsed = await parseRosterWorkbook(await exportRoster(cadres, title ? { title } : {}));
  if (!parsed.ok) throw new Error(parsed.error);
  return validateRosterRows(parsed.rows, { units, today: TODAY });
}

const strip = ({ unitName: _u, categoryName: _c, age: _a, ...input }: ExportCadre): CadreInput => input;

describe('exportRoster', () => {
  it('writes the template columns plus 年龄 and 单位类别, under an optional title, frozen, ids and dates as text', async () => {
    const cadres = toExport(handmade, UNITS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRoster(cadres, { title: '某某县科级干部名册' })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('干部名册')!;
    expect(ws.getCell('A1').value).toBe('某某县科级干部名册');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toStrictEqual([
      ...ROSTER_COLUMNS.map((c) => c.label),
      '年龄',
      '单位类别',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const col = (label: string) => (ws.getRow(2).values as unknown[]).indexOf(label);
    expect(ws.getRow(3).getCell(col('身份证号')).value).toBe(cadres[0]!.idNumber);
    expect(ws.getRow(3).getCell(col('出生年月')).value).toBe('1980.11');
    expect(ws.getRow(3).getCell(col('年度考核结果')).value).toBe('2021年度称职；2022年度优秀。2020年度因病未定等次');
    expect(ws.getRow(3).getCell(col('正职/副职')).value).toBe('副职');
    expect(ws.getRow(3).getCell(col('年龄')).value).toBe(44);
    expect(ws.getRow(3).getCell(col('单位类别')).value).toBe('党群部门');
    for (const label of ['身份证号', '出生年月', '入党时间', '参加工作时间', '任职时间'])
      expect(ws.getColumn(col(label)).numFmt).toBe('@');
    expect(ws.getColumn(ROSTER_COLUMNS.length).width).toBe(ROSTER_COLUMNS.at(-1)!.width);
  });

  it('re-imports to the same CadreInputs (handmade edge cases)', async () => {
    const cadres = toExport(handmade, UNITS);
    for (const title of [undefined, '干部名册（导出）']) {
      const result = await roundTrip(cadres, UNITS, title);
      expect(result.rows.map((r) => r.issues)).toStrictEqual([[]]);
      expect(result.rows.map((r) => r.input)).toStrictEqual(cadres.map(strip));
    }
  });

  it('re-imports 300 generated cadres to the same CadreInputs', async () => {
    const units = generateUnits(40, 5);
    const firstPass = validateRosterRows(
      generateRosterRows(300, units, 11).map((cells, i) => ({ rowNumber: i + 2, cells })),
      { units, today: TODAY },
    );
    expect(firstPass.errorCount).toBe(0);
    const cadres = toExport(
      firstPass.rows.map((r) => r.input!),
      units,
    );
    const result = await roundTrip(cadres, units, '名册');
    expect(result.errorCount).toBe(0);
    expect(result.rows.map((r) => r.input)).toStrictEqual(cadres.map(strip));
  });

  it('exports an empty roster as a header row that parses to “没有可导入的数据行”', async () => {
    expect(await parseRosterWorkbook(await exportRoster([], {}))).toStrictEqual({
      ok: false,
      error: '没有可导入的数据行',
    });
  });
});
