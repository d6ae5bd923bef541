// Re-imports on a real store: an absent element or column never changes a stored value, the preview lists exactly
// the changed fields, the user's “keep stored value” (per field, per column, per file) is honoured, nothing is
// written that the preview did not show, and the audit entry names old → new.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ExcelPreview, LrmxPreview } from '../../../shared/roster/views';
import type { TestHost } from '../../helpers/host';
import {
  addUnit,
  cadreInput,
  fixturePath,
  formOf,
  lastAudit,
  newRosterHost,
  rosterState,
  sampleJpeg,
} from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

const BATEER = readFileSync(fixturePath('lrmx/巴特尔.lrmx'), 'utf8');

async function hostWithUnits() {
  const h = await newRosterHost();
  const sumu = (await addUnit(h, '阿尔巴斯苏木', 'C1', 1)).id;
  const wulan = (await addUnit(h, '乌兰镇', 'C1', 2)).id;
  return { h, sumu, wulan };
}

function tempFile(name: string, text: string | Buffer): string {
  const path = join(tempDir('ganbu-diff-'), name);
  writeFileSync(path, text);
  return path;
}

async function previewLrmx(h: TestHost, ...paths: string[]): Promise<LrmxPreview> {
  const files = await h.pickOpen('lrmx', ...paths);
  return h.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) });
}

/** 巴特尔 imported from the sample, as the store then has him. */
async function withBateer() {
  const { h, sumu, wulan } = await hostWithUnits();
  const p = await previewLrmx(h, fixturePath('lrmx/巴特尔.lrmx'));
  await h.ok('roster.commitLrmx', {
    jobId: p.jobId,
    files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false }],
  });
  const id = (await h.ok('roster.query', { text: '巴特尔' }))[0]!.id;
  return { h, sumu, wulan, id };
}

/**
 * The sample as a JAXB-based writer sends it: null fields left out (民族, 简历), one date changed, 奖惩情况 present
 * but empty.
 */
const jaxbStyle = (xml: string) =>
  xml
    .replace(/\s*<MinZu>[^<]*<\/MinZu>/, '')
    .replace(/\s*<JianLi>[\s\S]*?<\/JianLi>/, '')
    .replace('<RuDangShiJian>200106</RuDangShiJian>', '<RuDangShiJian>200107</RuDangShiJian>')
    .replace(/<JiangChengQingKuang>[^<]*<\/JiangChengQingKuang>/, '<JiangChengQingKuang></JiangChengQingKuang>');

describe('任免审批表 re-import', () => {
  test(
    'a file without 民族 and 简历 keeps them (and the 任职时间 read from the 简历); the preview lists exactly the two ' +
      'changed fields',
    async () => {
      const { h, sumu, id } = await withBateer();
      const before = await h.ok('cadres.get', { id });
      expect(before).toMatchObject({
        ethnicity: '蒙古族',
        postSince: expect.stringMatching(/^\d{4}-\d{2}$/),
        partyJoin: '2001-06',
      });

      const p = await previewLrmx(h, tempFile('巴特尔.lrmx', jaxbStyle(BATEER)));
      const file = p.files[0]!;
      expect(file).toMatchObject({
        status: 'update',
        stored: { unitId: sumu, unitName: '阿尔巴斯苏木', position: 'chief' },
      });
      expect(file.changes).toEqual([
        { field: 'partyJoin', label: '入党时间', stored: '2001.06', incoming: '2001.07' },
        {
          field: 'rewards',
          label: '奖惩情况',
          stored: '2021年被评为全旗优秀党务工作者。',
          incoming: '',
          lines: { removed: ['2021年被评为全旗优秀党务工作者。'], added: [] },
        },
      ]);

      expect(
        await h.ok('roster.commitLrmx', {
          jobId: p.jobId,
          files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false }],
        }),
      ).toEqual({
        created: 0,
        updated: 1,
        skipped: 0,
        unchanged: 0,
      });
      const after = await h.ok('cadres.get', { id });
      expect(after).toEqual({
        ...before,
        partyJoin: '2001-07',
        rewards: '',
        version: before.version + 1,
        updatedAt: after.updatedAt,
      });
      expect((await lastAudit(h)).detail).toMatchObject({
        updated: 1,
        changed: [
          {
            cadreId: id,
            name: '巴特尔',
            changes: { 入党时间: ['2001.06', '2001.07'], 奖惩情况: [expect.stringMatching(/^摘要 [0-9a-f]{12}$/), ''] },
          },
        ],
      });
    },
  );

  test('“keep stored value” per field, and for the whole file (then nothing is written, not even the version)', async () => {
    const { h, sumu, id } = await withBateer();
    const path = tempFile('巴特尔.lrmx', jaxbStyle(BATEER));
    const before = await h.ok('cadres.get', { id });

    let p = await previewLrmx(h, path);
    await h.ok('roster.commitLrmx', {
      jobId: p.jobId,
      files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false, keep: ['partyJoin'] }],
    });
    let now = await h.ok('cadres.get', { id });
    expect(now).toMatchObject({ partyJoin: '2001-06', rewards: '' });

    await h.ok('cadres.update', { id, version: now.version, input: formOf(before) });
    const restored = await h.ok('cadres.get', { id });
    const state = await rosterState(h);
    p = await previewLrmx(h, path);
    const keepAll = p.files[0]!.changes.map((c) => c.field);
    expect(
      await h.ok('roster.commitLrmx', {
        jobId: p.jobId,
        files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false, keep: keepAll }],
      }),
    ).toEqual({
      created: 0,
      updated: 0,
      skipped: 0,
      unchanged: 1,
    });
    now = await h.ok('cadres.get', { id });
    expect(now).toEqual(restored);
    expect((await rosterState(h)).counts).toEqual({ ...state.counts, audit: state.counts.audit + 1 });
  });

  test('the 单位 and 正职/副职 chosen in the preview are the only other changes, and the audit names them', async () => {
    const { h, wulan, id } = await withBateer();
    const p = await previewLrmx(h, fixturePath('lrmx/巴特尔.lrmx'));
    expect(p.files[0]!.changes).toEqual([]);
    await h.ok('roster.commitLrmx', {
      jobId: p.jobId,
      files: [{ index: 0, unitId: wulan, position: 'deputy', confirmMatch: false }],
    });
    expect(await h.ok('cadres.get', { id })).toMatchObject({ unitId: wulan, position: 'deputy' });
    expect((await lastAudit(h)).detail).toMatchObject({
      changed: [{ cadreId: id, changes: { 单位: ['阿尔巴斯苏木', '乌兰镇'], '正职/副职': ['正职', '副职'] } }],
    });
  });

  test('a different photo is shown as a change and can be kept; a file without a photo never removes the stored one', async () => {
    const { h, sumu, id } = await withBateer();
    const storedPhoto = (await h.ok('cadres.get', { id })).photo;
    const newPhoto = Buffer.concat([sampleJpeg(), Buffer.from('another picture')]);
    const withNewPhoto = BATEER.replace(
      /<ZhaoPian>[\s\S]*?<\/ZhaoPian>/,
      `<ZhaoPian>${newPhoto.toString('base64')}</ZhaoPian>`,
    );
    let p = await previewLrmx(h, tempFile('巴特尔.lrmx', withNewPhoto));
    expect(p.files[0]!.changes).toEqual([
      {
        field: 'photo',
        label: '照片',
        stored: expect.stringMatching(/^已有照片（\d+ KB）$/),
        incoming: expect.stringMatching(/^文件中的照片（\d+ KB）$/),
      },
    ]);
    await h.ok('roster.commitLrmx', {
      jobId: p.jobId,
      files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false, keep: ['photo'] }],
    });
    expect((await h.ok('cadres.get', { id })).photo).toBe(storedPhoto);

    p = await previewLrmx(h, tempFile('巴特尔.lrmx', BATEER.replace(/\s*<ZhaoPian>[\s\S]*?<\/ZhaoPian>/, '')));
    expect(p.files[0]!.changes).toEqual([]);

    p = await previewLrmx(h, tempFile('巴特尔.lrmx', withNewPhoto));
    await h.ok('roster.commitLrmx', {
      jobId: p.jobId,
      files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false }],
    });
    expect((await h.ok('cadres.get', { id })).photo).toBe(`data:image/jpeg;base64,${newPhoto.toString('base64')}`);
    expect((await lastAudit(h)).detail).toMatchObject({
      changed: [{ changes: { 照片: [expect.stringMatching(/^摘要 /), expect.stringMatching(/^摘要 /)] } }],
    });
  });

  test('家庭成员 and 简历 changes list the lines that differ', async () => {
    const { h, id } = await withBateer();
    const changed = BATEER.replace(/(<JianLi>[\s\S]*?)(<\/JianLi>)/, '$1\n2024.01--  某某挂职$2').replace(
      /<XingMing>巴音<\/XingMing>/,
      '<XingMing>巴音图</XingMing>',
    );
    const p = await previewLrmx(h, tempFile('巴特尔.lrmx', changed));
    const byField = new Map(p.files[0]!.changes.map((c) => [c.field, c]));
    expect(byField.get('resume')!.lines).toEqual({ removed: [], added: ['2024.01--  某某挂职'] });
    expect(byField.get('family')!.lines).toEqual({
      removed: [expect.stringMatching(/^儿子 巴音 /)],
      added: [expect.stringMatching(/^儿子 巴音图 /)],
    });
    expect([...byField.keys()]).toEqual(['resume', 'family']);
    expect(id).toBeGreaterThan(0);
  });

  test('a hand edit between the preview and the commit is refused by name; nothing is written', async () => {
    const { h, sumu, id } = await withBateer();
    const p = await previewLrmx(h, tempFile('巴特尔.lrmx', jaxbStyle(BATEER)));
    const now = await h.ok('cadres.get', { id });
    await h.ok('cadres.update', { id, version: now.version, input: { ...formOf(now), techTitle: '高级农艺师' } });
    const state = await rosterState(h);
    expect(
      await h.err('roster.commitLrmx', {
        jobId: p.jobId,
        files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false }],
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '“巴特尔”的档案在检查之后已被修改，请重新选择文件检查一遍，本次导入未写入任何内容',
    });
    expect(await rosterState(h)).toEqual(state);
  });

  test('a “keep” naming an unknown field is refused with a Chinese message', async () => {
    const { h, sumu } = await withBateer();
    const p = await previewLrmx(h, fixturePath('lrmx/巴特尔.lrmx'));
    const err = await h.err('roster.commitLrmx', {
      jobId: p.jobId,
      files: [{ index: 0, unitId: sumu, position: 'chief', confirmMatch: false, keep: ['salary'] as never }],
    });
    expect(err).toMatchObject({ code: 'VALIDATION', message: '要保留的项目不正确' });
  });
});

/** Two cadres, exported to Excel as the app writes the roster; returns the exported file's path. */
async function exportedRoster() {
  const { h, sumu, wulan } = await hostWithUnits();
  const a = await h.ok('cadres.create', { input: cadreInput(sumu) });
  const b = await h.ok('cadres.create', {
    input: cadreInput(wulan, {
      name: '李秀梅',
      gender: '女',
      birthMonth: '1985-11',
      idNumber: '150624198511202628',
      position: 'deputy',
      currentPost: '乌兰镇副镇长',
      postSince: '2020-01',
      resume: '2020.01--  乌兰镇副镇长',
    }),
  });
  const path = join(tempDir('ganbu-diff-'), '名册.xlsx');
  await h.ok('roster.exportExcel', { token: await h.pickSave('rosterExcel', path), filter: {} });
  return { h, a, b, path };
}

/** Edits the exported workbook: for each row whose 姓名 is a key, the given columns (by header) get new text. */
async function editWorkbook(
  path: string,
  edits: Record<string, Record<string, string>>,
  dropColumns: string[] = [],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('干部名册')!;
  const header = ws.getRow(2);
  const col = (label: string) => {
    let found = 0;
    header.eachCell((c, n) => {
      if (String(c.text).replace(/\*$/, '') === label) found = n;
    });
    if (!found) throw new Error(`no column ${label}`);
    return found;
  };
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const e = edits[row.getCell(col('姓名')).text];
    if (e) for (const [label, value] of Object.entries(e)) row.getCell(col(label)).value = value;
  });
  for (const label of dropColumns) ws.spliceColumns(col(label), 1);
  const out = join(tempDir('ganbu-diff-'), '名册-改.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

async function previewExcel(h: TestHost, path: string): Promise<ExcelPreview> {
  const [file] = await h.pickOpen('excel', path);
  return h.ok('roster.previewExcel', { token: file!.token });
}

describe('Excel re-import', () => {
  test('the preview lists each row’s changed fields; a column kept as stored is kept for every row; a row can keep one field', async () => {
    const { h, a, b, path } = await exportedRoster();
    const edited = await editWorkbook(path, {
      巴特尔: { 民族: '汉族', 现任职务: '阿尔巴斯苏木党委书记、人大主席' },
      李秀梅: { 民族: '汉族', 现任职务: '乌兰镇党委委员、副镇长' },
    });
    const p = await previewExcel(h, edited);
    const rowOf = (name: string) => p.rows.find((r) => r.name === name)!;
    expect(rowOf('巴特尔').changes).toEqual([
      { field: 'ethnicity', label: '民族', stored: '蒙古族', incoming: '汉族' },
      {
        field: 'currentPost',
        label: '现任职务',
        stored: '阿尔巴斯苏木党委书记',
        incoming: '阿尔巴斯苏木党委书记、人大主席',
      },
    ]);
    expect(rowOf('李秀梅').changes.map((c) => c.field)).toEqual(['ethnicity', 'currentPost']);

    const summary = await h.ok('roster.commitExcel', {
      jobId: p.jobId,
      excludedRows: [],
      confirmedRows: [],
      keepColumns: ['ethnicity'],
      keepFields: [{ rowNumber: rowOf('李秀梅').rowNumber, fields: ['currentPost'] }],
    });
    expect(summary).toEqual({ created: 0, updated: 1, skipped: 0, unchanged: 1 });
    expect(await h.ok('cadres.get', { id: a.id })).toMatchObject({
      ethnicity: '蒙古族',
      currentPost: '阿尔巴斯苏木党委书记、人大主席',
    });
    const bNow = await h.ok('cadres.get', { id: b.id });
    expect(bNow).toEqual(b);
    expect((await lastAudit(h)).detail).toMatchObject({
      updated: 1,
      unchanged: 1,
      changed: [
        {
          cadreId: a.id,
          name: '巴特尔',
          changes: { 现任职务: ['阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记、人大主席'] },
        },
      ],
    });
  });

  test('a column the file lacks never changes a stored value; a column present but empty is a change the preview shows', async () => {
    const { h, a, path } = await exportedRoster();
    const edited = await editWorkbook(path, { 巴特尔: { 籍贯: '' } }, ['简历', '民族', '身份证号']);
    const p = await previewExcel(h, edited);
    const row = p.rows.find((r) => r.name === '巴特尔')!;
    expect(row.changes).toEqual([{ field: 'nativePlace', label: '籍贯', stored: '内蒙古鄂托克旗', incoming: '' }]);
    // No 身份证号 column: matched by 姓名 + 出生年月, to be confirmed.
    expect(p.rows.map((r) => r.status)).toEqual(['nameMatch', 'nameMatch']);
    await h.ok('roster.commitExcel', {
      jobId: p.jobId,
      excludedRows: [p.rows.find((r) => r.name === '李秀梅')!.rowNumber],
      confirmedRows: [row.rowNumber],
    });
    const now = await h.ok('cadres.get', { id: a.id });
    expect(now).toEqual({ ...a, nativePlace: '', version: a.version + 1, updatedAt: now.updatedAt });
  });
});
