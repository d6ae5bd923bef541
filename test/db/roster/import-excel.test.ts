// Excel roster import and export through the dispatcher, with scripted file dialogs and real .xlsx files: the
// template, a preview with problems by row and column, refusals, re-import as update, cancel, bad files, export.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../db/roster/excel/columns';
import type { ExcelPreview } from '../../../shared/roster/views';
import type { TestHost } from '../../helpers/host';
import {
  addUnit,
  auditEntries,
  type CadreForm,
  fixturePath,
  formOf,
  generatedRosterRows,
  lastAudit,
  minimalCadre,
  newRosterHost,
  rosterState,
  rosterWorkbook,
} from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

/** The units the committed fixtures name (test/fixtures/excel). */
const FIXTURE_UNITS = ['县委组织部', '县委办公室', '县发展和改革局', '城关镇人民政府', '县农业农村局（县乡村振兴局）'];

async function hostWithFixtureUnits() {
  const h = await newRosterHost();
  for (const [i, name] of FIXTURE_UNITS.entries()) await addUnit(h, name, 'C2', i);
  return h;
}

/** The user picks the file in the open dialog; the window previews it. */
async function preview(h: TestHost, path: string): Promise<ExcelPreview> {
  const [file] = await h.pickOpen('excel', path);
  return h.ok('roster.previewExcel', { token: file!.token });
}

async function previewErr(h: TestHost, path: string) {
  const [file] = await h.pickOpen('excel', path);
  return h.err('roster.previewExcel', { token: file!.token });
}

function writeTemp(name: string, bytes: Buffer): string {
  const path = join(tempDir('ganbu-xlsx-'), name);
  writeFileSync(path, bytes);
  return path;
}

const commit = (h: TestHost, jobId: string, opts: { excludedRows?: number[]; confirmedRows?: number[] } = {}) =>
  h.ok('roster.commitExcel', { jobId, excludedRows: opts.excludedRows ?? [], confirmedRows: opts.confirmedRows ?? [] });

// Row 16's unknown 年度考核 result (2022年度优良) is kept verbatim in 年度考核结果（原文）, not an error.
const ERROR_ROWS = [3, 4, 5, 6, 7, 8, 9, 14, 15];

/** A profile as stored, as the edit form would send it back. */
async function stored(h: TestHost, id: number): Promise<{ version: number; input: CadreForm }> {
  const p = await h.ok('cadres.get', { id });
  return { version: p.version, input: formOf(p) };
}

const idByName = async (h: TestHost, name: string) =>
  (await h.ok('roster.query', { text: name })).find((r) => r.name === name)!.id;

describe('the template', () => {
  test('is saved where the user chose (the extension added) and opens with exceljs: sheets, headers, units, example row', async () => {
    const h = await hostWithFixtureUnits();
    const dir = tempDir('ganbu-template-');
    const token = await h.pickSave('template', join(dir, '导入模板'), '干部名册导入模板');
    expect(h.dialogs.requests.at(-1)).toMatchObject({
      kind: 'save',
      defaultName: '干部名册导入模板.xlsx',
      filters: [{ extensions: ['xlsx'] }],
    });
    expect(await h.ok('roster.saveTemplate', { token })).toEqual({ fileName: '导入模板.xlsx' });
    expect(await lastAudit(h)).toMatchObject({ action: 'roster.saveTemplate', target: '导入模板.xlsx' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '导入模板.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['干部名册', '单位列表', '填写说明']);
    const sheet = wb.getWorksheet('干部名册')!;
    const headers = ROSTER_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).text);
    expect(headers).toEqual(ROSTER_COLUMNS.map((c) => (c.required ? `${c.label}*` : c.label)));
    expect(sheet.getRow(2).getCell(1).text).toMatch(/^示例/);
    const units = wb.getWorksheet('单位列表')!;
    expect(FIXTURE_UNITS.map((_, i) => units.getCell(i + 1, 1).text).sort()).toEqual([...FIXTURE_UNITS].sort());
    expect(wb.getWorksheet('填写说明')!.getCell(1, 1).text).toBe('干部名册导入填写说明');

    // Filled in by the user below the example row, it previews clean (the example row is skipped).
    const col = (key: ColumnKey) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const row = sheet.getRow(3);
    for (const [key, value] of Object.entries({
      name: '高明',
      gender: '男',
      birthMonth: '1980.05',
      currentPost: '副部长',
      unit: '县委组织部',
      position: '副职',
    })) {
      row.getCell(col(key as ColumnKey)).value = value;
    }
    const filled = join(dir, '已填写.xlsx');
    await wb.xlsx.writeFile(filled);
    const p = await preview(h, filled);
    expect(p.rows).toEqual([expect.objectContaining({ rowNumber: 3, name: '高明', status: 'new', issues: [] })]);
  });

  test('a cancelled save dialog gives null and no token', async () => {
    const h = await hostWithFixtureUnits();
    h.dialogs.answerSave(null);
    expect(await h.ok('files.pickSave', { purpose: 'template', suggestedName: '干部名册导入模板' })).toBeNull();
    h.dialogs.answerOpen();
    expect(await h.ok('files.pickOpen', { purpose: 'excel' })).toEqual([]);
  });
});

describe('preview', () => {
  test('of a file with errors lists each problem by row and column, and writes nothing', async () => {
    const h = await hostWithFixtureUnits();
    const before = await rosterState(h);
    const p = await preview(h, fixturePath('excel/roster-errors.xlsx'));
    expect(p.fileName).toBe('roster-errors.xlsx');
    expect(p.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(p.rows.filter((r) => r.status === 'error').map((r) => r.rowNumber)).toEqual(ERROR_ROWS);
    expect(p.rows.filter((r) => r.status === 'new').map((r) => r.name)).toEqual([
      '冯八',
      '陈九',
      '褚十',
      '卫十一',
      '韩十四',
    ]);
    // Each problem names its row and column; the wording is the validator's (test/db/roster/excel checks it in detail).
    const issues = Object.fromEntries(p.rows.map((r) => [r.rowNumber, r.issues]));
    const expected: Record<number, [string, string]> = {
      3: ['出生年月', '“1975.13”的月份不正确'],
      4: ['单位', '“县委组织”不存在'],
      5: ['身份证号', '与第 6 行身份证号重复'],
      6: ['身份证号', '与第 5 行身份证号重复'],
      7: ['身份证号', '校验位错误（最后一位应为 9）'],
      8: ['姓名', '请填写姓名'],
      9: ['性别', '“男性”'],
      14: ['出生年月', '有歧义'],
      15: ['身份证号', '后几位已丢失'],
    };
    for (const [row, [column, reason]] of Object.entries(expected)) {
      expect(issues[Number(row)], `row ${row}`).toEqual([{ column, reason: expect.stringContaining(reason) }]);
    }
    expect(issues[4]![0]!.reason).toContain('是否为“县委组织部”');
    for (const r of p.rows) for (const i of r.issues) expect(i.reason).toMatch(/[\u4e00-\u9fff]/);
    // 身份证号 are shown masked in the preview.
    expect(p.rows.find((r) => r.rowNumber === 7)!.idNumber).toMatch(/^130102\*{8}\d{3}[\dX]$/);
    expect(await rosterState(h)).toEqual(before);
  });

  test('of a file saved by LibreOffice reads the same rows as the app’s own', async () => {
    const h = await hostWithFixtureUnits();
    const ours = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    const lo = await preview(h, fixturePath('excel/roster-libreoffice.xlsx'));
    const strip = (p: ExcelPreview) =>
      p.rows.map(({ rowNumber, name, unitName, idNumber, status, issues }) => ({
        rowNumber,
        name,
        unitName,
        idNumber,
        status,
        issues,
      }));
    expect(strip(lo)).toEqual(strip(ours));
    expect(strip(ours).map((r) => [r.rowNumber, r.name, r.status])).toEqual([
      [3, '王建国', 'new'],
      [4, '李秀英', 'new'],
      [5, '张伟', 'new'],
      [7, '刘洋', 'new'],
      [8, '陈静', 'new'],
    ]);
  });

  test.each([
    [
      'a corrupt .xlsx (a workbook cut in half)',
      () => readFileSync(fixturePath('excel/roster-valid.xlsx')).subarray(0, 6000),
      '文件已损坏或不是 Excel 工作簿（.xlsx）',
    ],
    [
      'junk bytes named .xlsx',
      () => Buffer.from('这不是一个 Excel 文件'.repeat(50)),
      '文件已损坏或不是 Excel 工作簿（.xlsx）',
    ],
    ['an empty file', () => Buffer.alloc(0), '文件是空的，请选择填写好的 Excel 工作簿（.xlsx）'],
  ])('of %s gives the parser’s Chinese error and writes nothing', async (_label, bytes, message) => {
    const h = await hostWithFixtureUnits();
    const before = await rosterState(h);
    expect(await previewErr(h, writeTemp('名册.xlsx', bytes()))).toEqual({
      code: 'VALIDATION',
      field: 'file',
      message,
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('of a workbook without a required column names the missing columns and asks for a mapping', async () => {
    const h = await hostWithFixtureUnits();
    const path = writeTemp(
      '缺列.xlsx',
      await rosterWorkbook([{ name: '高明', gender: '男' }], ['name', 'gender', 'birthMonth', 'unit']),
    );
    const p = await preview(h, path);
    expect(p).toMatchObject({ jobId: '', rows: [], needsMapping: { missing: ['现任职务'], sheetName: '干部名册' } });
    expect(p.needsMapping!.message).toContain('现任职务');
  });
});

describe('commit', () => {
  test('is refused while an error row is included, listing the rows in Chinese; nothing is written', async () => {
    const h = await hostWithFixtureUnits();
    const p = await preview(h, fixturePath('excel/roster-errors.xlsx'));
    const before = await rosterState(h);
    const e = await h.err('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [] });
    expect(e).toEqual({
      code: 'VALIDATION',
      field: 'excludedRows',
      message: `第 ${ERROR_ROWS.join('、')} 行仍有错误，请修改文件后重新选择，或排除这些行`,
    });
    // Excluding only some of them is not enough.
    const e2 = await h.err('roster.commitExcel', {
      jobId: p.jobId,
      excludedRows: [3, 4, 5, 6, 7, 8, 9],
      confirmedRows: [],
    });
    expect(e2.message).toBe('第 14、15 行仍有错误，请修改文件后重新选择，或排除这些行');
    expect(await rosterState(h)).toEqual(before);
  });

  test('with the error rows excluded it imports the rest in one audit entry with counts and the file name', async () => {
    const h = await hostWithFixtureUnits();
    const p = await preview(h, fixturePath('excel/roster-errors.xlsx'));
    const audit = (await auditEntries(h)).length;
    expect(await commit(h, p.jobId, { excludedRows: ERROR_ROWS })).toEqual({
      created: 5,
      updated: 0,
      skipped: 9,
      unchanged: 0,
    });
    expect((await h.ok('roster.query', {})).map((r) => r.name).sort()).toEqual(
      ['冯八', '陈九', '褚十', '卫十一', '韩十四'].sort(),
    );
    expect(await h.ok('cadres.get', { id: await idByName(h, '韩十四') })).toMatchObject({
      annualResults: [],
      annualResultsNote: '2022年度优良',
    });
    expect((await auditEntries(h)).length).toBe(audit + 1);
    expect(await lastAudit(h)).toMatchObject({
      action: 'roster.commitExcel',
      target: 'roster-errors.xlsx',
      detail: { file: 'roster-errors.xlsx', created: 5, updated: 0, skipped: 9 },
    });
    expect(await h.ok('jobs.status', { jobId: p.jobId })).toEqual({ state: 'done', done: 5, total: 5 });
  });

  test('every field of a row lands in the profile', async () => {
    const h = await hostWithFixtureUnits();
    const p = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    await commit(h, p.jobId);
    const profile = await h.ok('cadres.get', { id: await idByName(h, '王建国') });
    expect(profile).toMatchObject({
      name: '王建国',
      gender: '男',
      ethnicity: '汉族',
      birthMonth: '1975-03',
      nativePlace: '河北正定',
      partyJoin: '1998-06',
      workStart: '1996-08',
      techTitle: '高级经济师',
      fulltimeEducation: '大学',
      parttimeEducation: '研究生',
      parttimeSchool: '省委党校经济管理专业',
      currentPost: '县委组织部部务委员、干部科科长',
      postSince: '2021-09',
      rank: '正科级',
      unitName: '县委组织部',
      position: 'chief',
      familiarFields: '组织人事',
      status: '在职',
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
      ],
      family: [],
    });
    expect(profile.resume.split('\n')).toHaveLength(3);
    expect(await h.ok('cadres.get', { id: await idByName(h, '陈静') })).toMatchObject({
      status: '调出',
      partyJoin: '2007-07',
    });
    expect(await h.ok('cadres.get', { id: await idByName(h, '李秀英') })).toMatchObject({
      partyJoin: '中国民主同盟',
      idNumber: expect.stringMatching(/X$/),
    });
  });

  test('a committed preview cannot be committed again (no duplicates from a second click)', async () => {
    const h = await hostWithFixtureUnits();
    const p = await preview(h, fixturePath('excel/roster-errors.xlsx'));
    await commit(h, p.jobId, { excludedRows: ERROR_ROWS });
    const before = await rosterState(h);
    const e = await h.err('roster.commitExcel', { jobId: p.jobId, excludedRows: ERROR_ROWS, confirmedRows: [] });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/已经导入/);
    expect(await rosterState(h)).toEqual(before);
    expect(before.counts.cadres).toBe(5);
  });

  test('an unknown job is NOT_FOUND', async () => {
    const h = await hostWithFixtureUnits();
    expect(
      await h.err('roster.commitExcel', {
        jobId: '7d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60',
        excludedRows: [],
        confirmedRows: [],
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      field: 'jobId',
      message: '导入预览已失效，请重新选择文件',
    });
  });
});

describe('re-import', () => {
  /** roster-valid.xlsx imported, then staff add family members and annual results the Excel format does not carry. */
  async function importedAndEnriched() {
    const h = await hostWithFixtureUnits();
    await commit(h, (await preview(h, fixturePath('excel/roster-valid.xlsx'))).jobId);
    const wang = await idByName(h, '王建国');
    const zhang = await idByName(h, '张伟');
    const w = await stored(h, wang);
    await h.ok('cadres.update', {
      id: wang,
      version: w.version,
      input: {
        ...w.input,
        annualResults: [{ year: 2021, result: '优秀' }, ...w.input.annualResults],
        family: [
          {
            relation: '妻子',
            name: '李娟',
            birthMonth: '1977-02',
            politicalStatus: '中共党员',
            workUnitPost: '县第一中学教师',
          },
          {
            relation: '儿子',
            name: '王磊',
            birthMonth: '2003-09',
            politicalStatus: '共青团员',
            workUnitPost: '河北大学学生',
          },
        ],
      },
    });
    const z = await stored(h, zhang);
    await h.ok('cadres.update', {
      id: zhang,
      version: z.version,
      input: { ...z.input, annualResults: [{ year: 2023, result: '称职' }] },
    });
    return { h, wang, zhang };
  }

  test('the same file again: 身份证号 rows are updates, rows without one are name matches to confirm', async () => {
    const { h, wang, zhang } = await importedAndEnriched();
    const p = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    expect(p.rows.map((r) => [r.rowNumber, r.name, r.status, r.existing?.name ?? null])).toEqual([
      [3, '王建国', 'update', '王建国'],
      [4, '李秀英', 'update', '李秀英'],
      [5, '张伟', 'nameMatch', '张伟'],
      [7, '刘洋', 'nameMatch', '刘洋'],
      [8, '陈静', 'update', '陈静'],
    ]);
    expect(p.rows[0]!.existing).toEqual({ id: wang, name: '王建国', unitName: '县委组织部' });
    expect(p.rows[2]!.existing).toEqual({ id: zhang, name: '张伟', unitName: '城关镇人民政府' });

    // A name match must be confirmed or excluded.
    const before = await rosterState(h);
    expect(await h.err('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [5] })).toEqual({
      code: 'VALIDATION',
      field: 'confirmedRows',
      message: '第 7 行与已有干部同名且出生年月相同，请确认是否为同一人（确认后更新），或排除这些行',
    });
    expect(
      (await h.err('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [] })).message,
    ).toMatch(/^第 5、7 行与已有干部同名/);
    expect(await rosterState(h)).toEqual(before);

    expect(await commit(h, p.jobId, { confirmedRows: [5, 7] })).toEqual({
      created: 0,
      updated: 0,
      skipped: 0,
      unchanged: 5,
    });
    const after = await rosterState(h);
    expect(after.counts).toEqual({ ...before.counts, audit: before.counts.audit + 1 }); // no new cadre, no lost row
    // Family members the file cannot carry are kept; so are annual results of years the file does not list.
    const wangNow = await h.ok('cadres.get', { id: wang });
    expect(wangNow.family.map((f) => f.name)).toEqual(['李娟', '王磊']);
    expect(wangNow.annualResults).toEqual([
      { year: 2021, result: '优秀' },
      { year: 2022, result: '称职' },
      { year: 2023, result: '优秀' },
    ]);
    expect((await h.ok('cadres.get', { id: zhang })).annualResults).toEqual([{ year: 2023, result: '称职' }]);
  });

  test('confirming a name match from a row without 身份证号 keeps the 身份证号 the store has', async () => {
    const { h, zhang } = await importedAndEnriched();
    const z = await stored(h, zhang); // 张伟, born 1982-07, male
    const id = '130102198207010016';
    await h.ok('cadres.update', { id: zhang, version: z.version, input: { ...z.input, idNumber: id } });
    const p = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    expect(p.rows.find((r) => r.rowNumber === 5)).toMatchObject({ status: 'nameMatch', existing: { id: zhang } });
    await commit(h, p.jobId, { confirmedRows: [5, 7] });
    expect(await h.ok('cadres.get', { id: zhang })).toMatchObject({ idNumber: id });
  });

  test('excluding the name matches updates only the 身份证号 rows', async () => {
    const { h, zhang } = await importedAndEnriched();
    const p = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    const zhangBefore = await h.ok('cadres.get', { id: zhang });
    expect(await commit(h, p.jobId, { excludedRows: [5, 7] })).toEqual({
      created: 0,
      updated: 0,
      skipped: 2,
      unchanged: 3,
    });
    expect(await h.ok('cadres.get', { id: zhang })).toEqual(zhangBefore);
  });

  test('a name match is matched against a stored cadre without 身份证号 too, and confirming fills it in', async () => {
    const h = await hostWithFixtureUnits();
    const unitId = (await h.ok('units.list', {})).find((u) => u.name === '县委办公室')!.id;
    const stored = await h.ok('cadres.create', {
      input: minimalCadre(unitId, { name: '陈静', gender: '女', birthMonth: '1985-10', rank: '副科级' }),
    });
    const p = await preview(h, fixturePath('excel/roster-valid.xlsx'));
    expect(p.rows.find((r) => r.name === '陈静')).toMatchObject({ status: 'nameMatch', existing: { id: stored.id } });
    expect(await commit(h, p.jobId, { confirmedRows: [8] })).toEqual({
      created: 4,
      updated: 1,
      skipped: 0,
      unchanged: 0,
    });
    expect(await h.ok('cadres.get', { id: stored.id })).toMatchObject({
      idNumber: expect.stringMatching(/^130102198510030\d{2}[\dX]$/),
      status: '调出',
    });
    expect((await h.ok('roster.query', { text: '陈静' })).length).toBe(1);
  });

  test('a sheet without some optional columns leaves those fields as stored (the template allows deleting them)', async () => {
    const { h, wang } = await importedAndEnriched();
    const before = await stored(h, wang);
    await h.ok('cadres.update', { id: wang, version: before.version, input: { ...before.input, status: '调出' } });
    const rows = [
      {
        name: '王建国',
        gender: '男',
        birthMonth: '1975.03',
        currentPost: '县委组织部副部长',
        unit: '县委组织部',
        position: '副职',
        idNumber: before.input.idNumber,
      },
    ];
    const path = writeTemp(
      '精简.xlsx',
      await rosterWorkbook(rows, ['name', 'gender', 'birthMonth', 'currentPost', 'unit', 'position', 'idNumber']),
    );
    const p = await preview(h, path);
    expect(p.rows).toEqual([expect.objectContaining({ status: 'update', issues: [] })]);
    expect(await commit(h, p.jobId)).toEqual({ created: 0, updated: 1, skipped: 0, unchanged: 0 });
    const now = await h.ok('cadres.get', { id: wang });
    expect(now).toMatchObject({ currentPost: '县委组织部副部长', position: 'deputy', status: '调出' });
    const { currentPost: _p, position: _q, status: _s, ...unchanged } = before.input;
    expect(now).toMatchObject(unchanged);
  });

  test('an empty 状态 cell keeps the stored status on update, and means 在职 for a new cadre', async () => {
    const { h, wang } = await importedAndEnriched();
    const before = await stored(h, wang);
    await h.ok('cadres.update', { id: wang, version: before.version, input: { ...before.input, status: '退休' } });
    const rows = [
      {
        name: '王建国',
        gender: '男',
        birthMonth: '1975.03',
        currentPost: '县委组织部副部长',
        unit: '县委组织部',
        position: '副职',
        idNumber: before.input.idNumber,
        status: '',
      },
      {
        name: '新来人',
        gender: '女',
        birthMonth: '1990.05',
        currentPost: '县委组织部干部',
        unit: '县委组织部',
        position: '副职',
        status: '',
      },
    ];
    const p = await preview(h, writeTemp('空状态.xlsx', await rosterWorkbook(rows)));
    expect(await commit(h, p.jobId)).toEqual({ created: 1, updated: 1, skipped: 0, unchanged: 0 });
    expect(await h.ok('cadres.get', { id: wang })).toMatchObject({ status: '退休', currentPost: '县委组织部副部长' });
    expect(await h.ok('cadres.get', { id: await idByName(h, '新来人') })).toMatchObject({ status: '在职' });
  });
});

describe('cancel', () => {
  test('a cancelled commit of 2,000 rows rejects with CANCELLED and leaves the cadres and the audit log exactly as before', async () => {
    const h = await hostWithFixtureUnits();
    // Something already in the store, so "as before" is not just "empty".
    await commit(h, (await preview(h, fixturePath('excel/roster-valid.xlsx'))).jobId);
    const rows = generatedRosterRows(2000, FIXTURE_UNITS);
    const p = await preview(h, writeTemp('两千人.xlsx', await rosterWorkbook(rows)));
    expect(p.rows.filter((r) => r.status === 'new')).toHaveLength(2000);
    const before = await rosterState(h);

    const pending = h.dispatch('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [] });
    let status = await h.ok('jobs.status', { jobId: p.jobId });
    for (let i = 0; status.done === 0 && i < 10_000; i += 1) {
      await new Promise((r) => setImmediate(r));
      status = await h.ok('jobs.status', { jobId: p.jobId });
    }
    expect(status).toMatchObject({ state: 'running', total: 2000 });
    expect(status.done).toBeGreaterThan(0);
    expect(status.done).toBeLessThan(2000);
    expect(await h.ok('jobs.cancel', { jobId: p.jobId })).toBeNull();
    expect(await pending).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消，档案库未作任何修改' } });
    expect(await h.ok('jobs.status', { jobId: p.jobId })).toMatchObject({ state: 'cancelled', total: 2000 });
    expect(await rosterState(h)).toEqual(before);

    // The same preview can be committed after all.
    expect(await commit(h, p.jobId)).toEqual({ created: 2000, updated: 0, skipped: 0, unchanged: 0 });
    expect((await rosterState(h)).counts.cadres).toBe(before.counts.cadres + 2000);
  });
});

describe('export', () => {
  test('of a filtered roster writes exactly those cadres; re-importing it previews every row as an update', async () => {
    const h = await hostWithFixtureUnits();
    await commit(h, (await preview(h, fixturePath('excel/roster-valid.xlsx'))).jobId);
    const rows = generatedRosterRows(60, FIXTURE_UNITS);
    await commit(h, (await preview(h, writeTemp('六十人.xlsx', await rosterWorkbook(rows)))).jobId);
    const unitId = (await h.ok('units.list', {})).find((u) => u.name === '县委组织部')!.id;
    const filter = { unitId, position: 'deputy' as const };
    const expected = await h.ok('roster.query', filter);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.every((r) => r.idNumber)).toBe(true);

    const dir = tempDir('ganbu-export-');
    const token = await h.pickSave('rosterExcel', join(dir, '组织部副职.xlsx'), '干部名册');
    expect(await h.ok('roster.exportExcel', { token, filter })).toEqual({
      fileName: '组织部副职.xlsx',
      rows: expected.length,
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'roster.exportExcel',
      target: '组织部副职.xlsx',
      detail: { rows: expected.length, filter },
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '组织部副职.xlsx'));
    const sheet = wb.getWorksheet('干部名册')!;
    expect(sheet.getCell(1, 1).text).toBe('干部名册');
    expect(sheet.getRow(2).getCell(1).text).toBe('姓名');

    const before = await rosterState(h);
    const p = await preview(h, join(dir, '组织部副职.xlsx'));
    expect(p.rows).toHaveLength(expected.length);
    for (const r of p.rows) expect(r, r.name).toMatchObject({ status: 'update', issues: [] });
    expect(p.rows.map((r) => r.existing!.id).sort((a, b) => a - b)).toEqual(
      expected.map((r) => r.id).sort((a, b) => a - b),
    );
    expect(await rosterState(h)).toEqual(before);
    // And committing it changes no profile field.
    const profiles = await Promise.all(expected.map((r) => h.ok('cadres.get', { id: r.id })));
    expect(await commit(h, p.jobId)).toEqual({ created: 0, updated: 0, skipped: 0, unchanged: expected.length });
    for (const old of profiles) {
      const { version: _v, updatedAt: _u, ...fields } = old;
      expect(await h.ok('cadres.get', { id: old.id })).toMatchObject(fields);
    }
  });

  test('cadres without 身份证号 come back as name matches (by 姓名 + 出生年月), to be confirmed', async () => {
    const h = await hostWithFixtureUnits();
    await commit(h, (await preview(h, fixturePath('excel/roster-valid.xlsx'))).jobId);
    const path = join(tempDir('ganbu-export-'), '全部.xlsx');
    expect(
      await h.ok('roster.exportExcel', { token: await h.pickSave('rosterExcel', path), filter: {} }),
    ).toMatchObject({ rows: 5 });
    const p = await preview(h, path);
    expect(p.rows.map((r) => [r.name, r.status]).sort()).toEqual(
      [
        ['王建国', 'update'],
        ['李秀英', 'update'],
        ['陈静', 'update'],
        ['张伟', 'nameMatch'],
        ['刘洋', 'nameMatch'],
      ].sort(),
    );
    const nameMatches = p.rows.filter((r) => r.status === 'nameMatch').map((r) => r.rowNumber);
    expect(await commit(h, p.jobId, { confirmedRows: nameMatches })).toEqual({
      created: 0,
      updated: 0,
      skipped: 0,
      unchanged: 5,
    });
    expect((await rosterState(h)).counts.cadres).toBe(5);
  });
});

describe('scale', () => {
  test('10,000 rows across 400 units: preview and commit (time printed, not asserted)', async () => {
    const h = await newRosterHost();
    const units: string[] = [];
    for (let i = 0; i < 400; i += 1) {
      const name = `第${String(i + 1).padStart(3, '0')}单位`;
      await addUnit(h, name, `C${1 + (i % 8)}`, i);
      units.push(name);
    }
    const rows = generatedRosterRows(10_000, units);
    const path = writeTemp('一万人.xlsx', await rosterWorkbook(rows));

    const t0 = performance.now();
    const p = await preview(h, path);
    const t1 = performance.now();
    expect(p.rows.filter((r) => r.status === 'new')).toHaveLength(10_000);
    expect(await commit(h, p.jobId)).toEqual({ created: 10_000, updated: 0, skipped: 0, unchanged: 0 });
    const t2 = performance.now();
    console.log(
      `[measured] Excel import of 10,000 rows / 400 units: preview ${((t1 - t0) / 1000).toFixed(2)} s + ` +
        `commit ${((t2 - t1) / 1000).toFixed(2)} s = ${((t2 - t0) / 1000).toFixed(2)} s`,
    );
    expect((await rosterState(h)).counts.cadres).toBe(10_000);
    const units400 = await h.ok('units.list', {});
    expect(units400.reduce((n, u) => n + u.chiefCount + u.deputyCount, 0)).toBe(10_000);
  });
});
