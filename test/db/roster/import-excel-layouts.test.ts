// Importing rosters in a department's own layout through the real services: the LibreOffice-saved 干部名单 (split
// 单位及职务, suggested 正职/副职 confirmed per row) and a file imported through the column-mapping step, remembered.
import { describe, expect, test } from 'vitest';
import type { ExcelPreview } from '../../../shared/roster/views';
import type { TestHost } from '../../helpers/host';
import { addUnit, auditEntries, fixturePath, formOf, newRosterHost, rosterState } from '../../helpers/roster';
import { DEPARTMENT_UNITS } from './excel/department-fixtures';

const LIBRE = fixturePath('excel/department-roster-libreoffice.xlsx');
const MAPPED = fixturePath('excel/department-roster-mapping.xlsx');

async function host() {
  const h = await newRosterHost();
  for (const [i, name] of DEPARTMENT_UNITS.entries()) await addUnit(h, name, 'C2', i);
  return h;
}

async function preview(
  h: TestHost,
  path: string,
  mapping?: { column: number; field: string | null }[],
): Promise<ExcelPreview> {
  const [file] = await h.pickOpen('excel', path);
  return h.ok('roster.previewExcel', { token: file!.token, ...(mapping ? { mapping: mapping as never } : {}) });
}

async function profileOf(h: TestHost, name: string) {
  const row = (await h.ok('roster.query', { text: name })).find((r) => r.name === name)!;
  return h.ok('cadres.get', { id: row.id });
}

const mappingSettings = (h: TestHost) =>
  h.host.session().db.selectFrom('settings').selectAll().where('key', 'like', 'rosterMapping:%').execute();

describe('the LibreOffice-saved department roster', () => {
  test('previews the split 单位及职务 and the suggested 正职/副职; the unknown unit is named by its column', async () => {
    const h = await host();
    const p = await preview(h, LIBRE);
    expect(p.needsMapping).toBeUndefined();
    expect(p.rows.map((r) => [r.rowNumber, r.name, r.split, r.suggestedPosition])).toEqual([
      [4, '王建国', { unit: '县委组织部', post: '副部长' }, 'deputy'],
      [5, '李红梅', { unit: '县发展和改革局', post: '局长' }, 'chief'],
      [6, '张伟', { unit: '中共城关镇委员会', post: '党委书记' }, 'chief'],
      [7, '刘洋', { unit: '县委办公室', post: '主任' }, 'chief'],
      [8, '陈静', { unit: '县农业农村局（县乡村振兴局）', post: '副局长' }, 'deputy'],
      [9, '赵磊', { unit: '城关镇人民政府', post: '副镇长' }, 'deputy'],
      [10, '孙平', { unit: '', post: '县财政局副局长' }, 'deputy'],
    ]);
    expect(p.rows.slice(0, 6).every((r) => r.status === 'new' && r.issues.length === 0)).toBe(true);
    expect(p.rows[6]!.issues).toEqual([
      {
        column: '单位及职务',
        reason: '“县财政局副局长”的开头不是已有单位的名称，请先在单位管理中添加该单位，或在文件中写明单位全称',
      },
    ]);
  });

  test('is not written while a suggested 正职/副职 is unconfirmed; then writes the user’s choices', async () => {
    const h = await host();
    const p = await preview(h, LIBRE);
    const before = await rosterState(h);
    const unconfirmed = await h.err('roster.commitExcel', {
      jobId: p.jobId,
      excludedRows: [10],
      confirmedRows: [],
      positions: [{ rowNumber: 4, position: 'deputy' }],
    });
    expect(unconfirmed).toMatchObject({ code: 'VALIDATION', field: 'positions' });
    expect(unconfirmed.message).toContain('第 5、6、7、8、9 行的正职/副职是按职务推断的');
    expect(await rosterState(h)).toEqual(before);

    const positions = p.rows.slice(0, 6).map((r) => ({ rowNumber: r.rowNumber, position: r.suggestedPosition! }));
    positions[3] = { rowNumber: 7, position: 'deputy' }; // the user changes 刘洋's suggestion
    expect(
      await h.ok('roster.commitExcel', { jobId: p.jobId, excludedRows: [10], confirmedRows: [], positions }),
    ).toEqual({ created: 6, updated: 0, skipped: 1, unchanged: 0 });

    expect(await profileOf(h, '王建国')).toMatchObject({
      unitName: '县委组织部',
      currentPost: '副部长',
      position: 'deputy',
      ethnicity: '汉族',
      birthMonth: '1975-03',
      partyJoin: '1996-06',
      postSince: '2021-09',
      fulltimeEducation: '大学',
    });
    expect(await profileOf(h, '李红梅')).toMatchObject({
      ethnicity: '回族',
      birthMonth: '1980-11',
      partyJoin: '九三学社',
      position: 'chief',
      postSince: '2020-03',
    });
    expect(await profileOf(h, '张伟')).toMatchObject({
      unitName: '中共城关镇委员会',
      currentPost: '党委书记',
      birthMonth: '1982-07',
      postSince: '2020-10',
    });
    expect(await profileOf(h, '刘洋')).toMatchObject({
      ethnicity: '蒙古族',
      birthMonth: '1979-12',
      position: 'deputy',
      postSince: '2019-04',
    });
    expect(await profileOf(h, '陈静')).toMatchObject({ birthMonth: '1985-10', partyJoin: '', postSince: '2022-03' });
    expect(await profileOf(h, '赵磊')).toMatchObject({
      unitName: '城关镇人民政府',
      birthMonth: '1972-03',
      position: 'deputy',
    });
    expect((await h.ok('roster.query', {})).map((r) => r.name)).not.toContain('孙平');
  });
});

describe('a roster imported through the column-mapping step', () => {
  const MAPPING = [
    { column: 1, field: 'name' },
    { column: 3, field: 'birthMonth' },
    { column: 5, field: 'currentPost' },
  ];

  test('asks for the mapping, naming the missing columns, and writes nothing', async () => {
    const h = await host();
    const before = await rosterState(h);
    const p = await preview(h, MAPPED);
    expect(p).toMatchObject({ jobId: '', rows: [], needsMapping: { missing: ['姓名', '出生年月', '现任职务'] } });
    expect(p.needsMapping!.columns.find((c) => c.header === '生日')!.samples).toEqual([
      '1976.05',
      '1983-02',
      '19790915',
    ]);
    expect(p.needsMapping!.fields.find((f) => f.key === 'name')).toEqual({
      key: 'name',
      label: '姓名',
      required: true,
    });
    expect(await rosterState(h)).toEqual(before);
    expect(await mappingSettings(h)).toEqual([]);
  });

  test('imports with the mapping, remembers it at commit, and applies it to the next file with the same headers', async () => {
    const h = await host();
    const p = await preview(h, MAPPED, MAPPING);
    expect(p.needsMapping).toBeUndefined();
    expect(p.mappingRemembered).toBe(false);
    expect(p.rows.map((r) => [r.name, r.status, r.suggestedPosition])).toEqual([
      ['周文', 'new', undefined],
      ['吴敏', 'new', undefined],
      ['郑强', 'new', undefined],
    ]);
    // Not remembered before the import is written.
    expect(await mappingSettings(h)).toEqual([]);
    expect(await h.ok('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [] })).toEqual({
      created: 3,
      updated: 0,
      skipped: 0,
      unchanged: 0,
    });
    expect(await profileOf(h, '周文')).toMatchObject({
      unitName: '县委办公室',
      currentPost: '副主任',
      position: 'deputy',
      birthMonth: '1976-05',
      ethnicity: '汉族',
    });
    expect(await profileOf(h, '郑强')).toMatchObject({
      unitName: '县委组织部',
      currentPost: '部长',
      position: 'chief',
      birthMonth: '1979-09',
      ethnicity: '满族',
    });

    const stored = await mappingSettings(h);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.key).toMatch(/^rosterMapping:[0-9a-f]{64}$/);
    expect(JSON.parse(stored[0]!.value)).toEqual({
      v: 1,
      fields: ['name', 'gender', 'birthMonth', 'unit', 'currentPost', 'position', 'ethnicity'],
    });
    expect((await auditEntries(h)).at(-1)).toMatchObject({ action: 'roster.commitExcel' });

    const again = await preview(h, MAPPED);
    expect(again.needsMapping).toBeUndefined();
    expect(again.mappingRemembered).toBe(true);
    expect(again.mapping!.columns.map((c) => c.field)).toEqual([
      'name',
      'gender',
      'birthMonth',
      'unit',
      'currentPost',
      'position',
      'ethnicity',
    ]);
    // Same 姓名 + 出生年月, no 身份证号: the user confirms each as the same person.
    expect(again.rows.map((r) => r.status)).toEqual(['nameMatch', 'nameMatch', 'nameMatch']);
  });

  test('refuses a mapping that names a column the file does not have', async () => {
    const h = await host();
    const [file] = await h.pickOpen('excel', MAPPED);
    expect(
      await h.err('roster.previewExcel', {
        token: file!.token,
        mapping: [...MAPPING, { column: 30, field: 'rank' }] as never,
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '列对应关系与文件的列不符，请重新选择文件',
    });
    expect(
      await h.err('roster.previewExcel', { token: file!.token, mapping: [{ column: 1, field: 'nickname' }] as never }),
    ).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('a re-import of the department roster', () => {
  test('updates 单位 and 现任职务 (from 单位及职务) of the same people; the file has no 正职/副职, so the stored one stays', async () => {
    const h = await host();
    const first = await preview(h, LIBRE);
    const positions = first.rows.slice(0, 6).map((r) => ({ rowNumber: r.rowNumber, position: r.suggestedPosition! }));
    await h.ok('roster.commitExcel', { jobId: first.jobId, excludedRows: [10], confirmedRows: [], positions });
    const wang = await profileOf(h, '王建国');
    const units = await h.ok('units.list', {});
    const other = units.find((u) => u.name === '县委办公室')!;
    await h.ok('cadres.update', {
      id: wang.id,
      version: wang.version,
      input: { ...formOf(wang), unitId: other.id, currentPost: '科员', position: 'chief' },
    });

    const again = await preview(h, LIBRE);
    expect(again.rows[0]).toMatchObject({ status: 'nameMatch', split: { unit: '县委组织部', post: '副部长' } });
    expect(again.rows.slice(0, 6).map((r) => r.suggestedPosition)).toEqual(Array(6).fill(undefined)); // nothing to confirm on an update
    expect(again.rows[0]!.changes.map((c) => c.field)).toEqual(['currentPost', 'unitId']);
    const confirmed = again.rows.slice(0, 6).map((r) => r.rowNumber);
    expect(
      await h.ok('roster.commitExcel', { jobId: again.jobId, excludedRows: [10], confirmedRows: confirmed }),
    ).toMatchObject({ updated: 1, unchanged: 5 });
    expect(await profileOf(h, '王建国')).toMatchObject({
      unitName: '县委组织部',
      currentPost: '副部长',
      position: 'chief',
    });
  });
});

describe('a remembered mapping', () => {
  test('that no longer fits (another column count, or not JSON) is ignored: the mapping step is asked for again', async () => {
    const h = await host();
    const p = await preview(h, MAPPED, [
      { column: 1, field: 'name' },
      { column: 3, field: 'birthMonth' },
      { column: 5, field: 'currentPost' },
    ]);
    await h.ok('roster.commitExcel', { jobId: p.jobId, excludedRows: [], confirmedRows: [] });
    const [row] = await mappingSettings(h);
    for (const value of [
      '{"v":1,"fields":["name"]}',
      'not json',
      '{"v":1,"fields":["name","gender","birthMonth","unit","nickname","position","ethnicity"]}',
    ]) {
      await h.host.session().db.updateTable('settings').set({ value }).where('key', '=', row!.key).execute();
      expect((await preview(h, MAPPED)).needsMapping?.missing).toEqual(['姓名', '出生年月', '现任职务']);
    }
  });
});
