// 填报表 out and back on a real store: generation (sheets, drop-downs, identity, gaps), intake with problems by row
// and column, 待审核 kept out of the dossier, 采纳 / 退回, the 退回清单, re-import, refusals by name, a zip's files.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { loginAs } from '../../helpers/roster';
import { dossierCadre, dossierState, newestAudit, samplePdf, samplePng } from '../../helpers/dossier';
import { fill, generate, material, preview, previewError, zipWith } from '../../helpers/intake';
import { tempDir } from '../../helpers/tmp-store';
import { hasLibreOffice } from '../../helpers/docx';

async function fixture(h: TestHost) {
  await dossierCadre(h, '巴特尔', '阿尔巴斯苏木');
  await dossierCadre(h, '李秀梅', '阿尔巴斯苏木');
  await dossierCadre(h, '王建国', '旗委组织部');
  await loginAs(h, 'dossierClerk');
  const units = await h.ok('units.list', {});
  const sumu = units.find((u) => u.name === '阿尔巴斯苏木')!.id;
  const org = units.find((u) => u.name === '旗委组织部')!.id;
  return { sumu, org };
}

async function openBook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

test('generate: a workbook per unit named by quarter and unit, drop-downs, gaps, hidden identity; recorded, audited', async () => {
  const h = await newHostWithStore();
  const { sumu, org } = await fixture(h);
  const { folder, files } = await generate(h, [sumu, org]);
  expect(files).toEqual([
    '2025年第三季度-阿尔巴斯苏木-政治素质材料填报表.xlsx',
    '2025年第三季度-旗委组织部-政治素质材料填报表.xlsx',
  ]);
  const wb = await openBook(join(folder, files[0]!));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['填表说明', 'visible'],
    ['材料', 'visible'],
    ['本单位干部', 'visible'],
    ['选项', 'hidden'],
    ['包信息', 'veryHidden'],
  ]);
  const guide = wb.getWorksheet('填表说明')!;
  expect(String(guide.getCell(2, 1).value)).toContain('报送截止日期：2025-10-10');
  expect(String(guide.getCell(2, 1).value)).toContain('旗委组织部干部一科');
  const materials = wb.getWorksheet('材料')!;
  expect((materials.getRow(2).values as unknown[]).slice(1)).toEqual([
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
  // The drop-down of 干部 lists this unit's cadres only, as 姓名（职务）.
  const lists = wb.getWorksheet('选项')!;
  const column = (c: number) =>
    (lists.getColumn(c).values as unknown[]).slice(2).filter((v) => v !== undefined && v !== null);
  expect(column(1)).toEqual(['巴特尔（阿尔巴斯苏木党委书记）', '李秀梅（阿尔巴斯苏木党委书记）']);
  expect(column(2)).toContain('S5.1 党内表彰');
  expect(column(3)).toEqual(['正面', '负面', '中性']);
  expect(column(4)).toHaveLength(18);
  const validation = (materials as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  expect(validation['A3']).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$3"] });
  const cadres = wb.getWorksheet('本单位干部')!;
  expect(String(cadres.getCell(2, 3).value)).toContain('政治思想');
  const info = wb.getWorksheet('包信息')!;
  expect(info.getCell(3, 2).value).toBe('阿尔巴斯苏木');
  expect(info.getCell(4, 2).value).toBe('2025Q3');
  const packages = await h.host.session().db.selectFrom('intake_packages').selectAll().execute();
  expect(packages.map((p) => [p.unit_id, p.quarter, p.serial.length])).toEqual([
    [sumu, '2025Q3', 24],
    [org, '2025Q3', 24],
  ]);
  expect(info.getCell(6, 2).value).toBe(packages[0]!.serial);
  const audit = await newestAudit(h);
  expect(audit.action).toBe('intake.generate');
  expect(audit.detail).toMatchObject({ quarter: '2025Q3', count: 2, units: ['阿尔巴斯苏木', '旗委组织部'] });
  expect(await h.ok('intake.counts', { quarter: '2025Q3' })).toEqual([
    { unitId: sumu, channel: null, unitName: '阿尔巴斯苏木', sent: 1, pending: 0, accepted: 0, returned: 0 },
    { unitId: org, channel: null, unitName: '旗委组织部', sent: 1, pending: 0, accepted: 0, returned: 0 },
  ]);
});

test('intake: problems by row and column; 待审核 outside the dossier; 采纳 / 退回 / 退回清单; re-import adds nothing', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const { folder, files } = await generate(h, [sumu]);
  const filled = await fill(join(folder, files[0]!), [
    material(),
    material({ 干部: '李秀梅（阿尔巴斯苏木党委书记）', 标题: '带头完成防汛任务', 子项: 'S1.1 理论学习' }),
    material({ 干部: '张三（局长）' }),
    material({ 子项: 'S9.9 不存在', 标题: '子项不对' }),
    material({ 日期: '2025-06-20', 标题: '季度外' }),
    material({ 性质: '负面', 正负面清单项: 'P3 x', 标题: '清单与性质不符' }),
  ]);
  const before = await dossierState(h);
  const p = await preview(h, filled);
  expect(p).toMatchObject({ unitName: '阿尔巴斯苏木', quarter: '2025Q3', dropped: 0 });
  expect(p.rows.map((r) => [r.rowNo, r.problems.map((x) => [x.column, x.level])])).toEqual([
    [3, []],
    [4, []],
    [5, [['干部', 'error']]],
    [6, [['子项', 'error']]],
    [7, [['日期', 'warning']]],
    [8, [['正负面清单项', 'error']]],
  ]);
  expect(p.rows[2]!.problems[0]!.message).toBe('“张三（局长）”不是本单位的在职干部，请从下拉列表中选择');
  expect(p.rows[3]!.problems[0]!.message).toContain('S9.9');
  expect(p.rows[4]!.problems[0]!.message).toContain('不在2025年第三季度内');
  expect(await dossierState(h)).toEqual(before);

  const r1 = await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [] });
  expect(r1).toEqual({ added: 3, replaced: 0, removed: 0, unchanged: 0, leftOut: 3 });
  const audit = await newestAudit(h);
  expect(audit.action).toBe('intake.commit');
  expect(audit.detail).toMatchObject({ unit: '阿尔巴斯苏木', added: 3, leftOut: 3 });
  // 待审核: nowhere in the dossier or its completeness.
  const after = await dossierState(h);
  expect(after.entries).toEqual(before.entries);
  const done = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(done.gaps.find((g) => g.name === '巴特尔')!.missing).toContain('S5');
  const pending = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  expect(pending.map((r) => [r.rowNo, r.cadreName, r.title])).toEqual([
    [3, '巴特尔', '获评全旗优秀共产党员'],
    [4, '李秀梅', '带头完成防汛任务'],
    [7, '巴特尔', '季度外'],
  ]);

  // The same file again adds nothing.
  const again = await preview(h, filled);
  expect(
    again.rows.filter((r) => r.problems.length === 0 || r.problems[0]!.level === 'warning').map((r) => r.outcome),
  ).toEqual(['same', 'same', 'same']);
  expect(await h.ok('intake.commit', { jobId: again.jobId, leaveOut: [] })).toEqual({
    added: 0,
    replaced: 0,
    removed: 0,
    unchanged: 3,
    leftOut: 3,
  });

  // 采纳 one as it is and one edited; 退回 the third with a reason.
  const [a, b, c] = pending;
  await h.ok('intake.accept', {
    rows: [
      { id: a!.id },
      {
        id: b!.id,
        entry: {
          date: b!.date,
          subItemCode: b!.subItemCode,
          channelCode: b!.channelCode,
          title: '带头完成防汛抢险任务',
          content: b!.content,
          polarity: b!.polarity,
          standardCodes: [...b!.standardCodes],
          listItemCode: b!.listItemCode,
        },
      },
    ],
  });
  const accepted = await newestAudit(h);
  expect(accepted.action).toBe('intake.accept');
  expect(accepted.detail).toMatchObject({ accepted: 2, edited: 1, intakeRows: [a!.id, b!.id] });
  const entries = await h.host.session().db.selectFrom('dossier_entries').selectAll().orderBy('id').execute();
  expect(entries.map((e) => [e.title, e.batch_id])).toEqual([
    ['获评全旗优秀共产党员', `intake:${a!.packageSerial}`],
    ['带头完成防汛抢险任务', `intake:${a!.packageSerial}`],
  ]);
  // The dossier names where it came from.
  const dossier = await h.ok('dossier.get', { cadreId: a!.cadreId });
  expect(dossier.entries.map((e) => [e.title, e.intakeSource])).toEqual([
    ['获评全旗优秀共产党员', '阿尔巴斯苏木 2025Q3 填报'],
  ]);
  const after2 = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(after2.gaps.find((g) => g.name === '巴特尔')!.missing).not.toContain('S5');

  expect((await h.err('intake.return', { ids: [a!.id], reason: '不属实' })).message).toContain('已采纳，不能再退回');
  await h.ok('intake.return', { ids: [c!.id], reason: '日期不在本季度，请核实' });
  expect((await newestAudit(h)).detail).toMatchObject({ returned: 1, reason: '日期不在本季度，请核实' });
  expect(await h.ok('intake.counts', { quarter: '2025Q3' })).toEqual([
    { unitId: sumu, channel: null, unitName: '阿尔巴斯苏木', sent: 1, pending: 0, accepted: 2, returned: 1 },
  ]);

  const out = join(tempDir('ganbu-returned-'), '退回清单.xlsx');
  const token = await h.pickSave('intakeReturned', out, '退回清单');
  expect(await h.ok('intake.exportReturned', { quarter: '2025Q3', unitId: sumu, token })).toEqual({
    fileName: '退回清单.xlsx',
    rows: 1,
  });
  const returnedBook = await openBook(out);
  const sheet = returnedBook.getWorksheet('退回清单')!;
  expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
    1,
    7,
    '巴特尔',
    '2025-06-20',
    '季度外',
    '日期不在本季度，请核实',
  ]);

  // Re-importing the same file changes nothing: accepted stay accepted, the returned row stays returned.
  const third = await preview(h, filled);
  expect(await h.ok('intake.commit', { jobId: third.jobId, leaveOut: [] })).toMatchObject({ added: 0, replaced: 0 });
  expect((await h.host.session().db.selectFrom('dossier_entries').selectAll().execute()).length).toBe(2);
});

test('a corrected re-submission replaces the still-pending rows of its package and says how many', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const { folder, files } = await generate(h, [sumu]);
  const path = join(folder, files[0]!);
  const first = await fill(path, [material(), material({ 标题: '第二条' }), material({ 标题: '第三条' })]);
  await h.ok('intake.commit', { jobId: (await preview(h, first)).jobId, leaveOut: [] });
  const corrected = await fill(path, [material(), material({ 标题: '第二条（改正）' })], '改正.xlsx');
  const p = await preview(h, corrected);
  expect(p.rows.map((r) => r.outcome)).toEqual(['same', 'replace']);
  expect(p.dropped).toBe(1);
  // Which rows go, shown before 导入: the unit deleted row 5 from its corrected file.
  expect(p.droppedRows).toEqual([{ rowNo: 5, cadre: '巴特尔', title: '第三条' }]);
  expect(await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [] })).toEqual({
    added: 0,
    replaced: 1,
    removed: 1,
    unchanged: 1,
    leftOut: 0,
  });
  const rows = await h.ok('intake.list', { quarter: '2025Q3', unitId: sumu });
  expect(rows.map((r) => r.title)).toEqual(['获评全旗优秀共产党员', '第二条（改正）']);
});

test('a file of another unit, quarter or store is refused by name, nothing written', async () => {
  const h = await newHostWithStore();
  const { sumu, org } = await fixture(h);
  const { folder, files } = await generate(h, [sumu]);
  const filled = await fill(join(folder, files[0]!), [material()]);
  const before = await dossierState(h);
  expect((await previewError(h, filled, '2025Q2')).message).toBe(
    '“填好的.xlsx”是阿尔巴斯苏木2025年第三季度的填报表，不是2025年第二季度的，请在季度采集中选择对应季度后导入',
  );
  expect((await previewError(h, filled, '2025Q3', org)).message).toBe(
    '“填好的.xlsx”是阿尔巴斯苏木2025年第三季度的填报表，不是旗委组织部的',
  );
  const other = await newHostWithStore();
  await loginAs(other, 'dossierClerk');
  expect((await previewError(other, filled)).message).toBe(
    '“填好的.xlsx”是其他档案库生成的填报表（阿尔巴斯苏木），不能导入本档案库',
  );
  const plain = join(tempDir('ganbu-plain-'), '随便.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('材料');
  await wb.xlsx.writeFile(plain);
  expect((await previewError(h, plain)).message).toContain('不是本系统生成的填报表');
  expect(await dossierState(h)).toEqual(before);
  expect(await h.host.session().db.selectFrom('intake_rows').selectAll().execute()).toEqual([]);
});

test('a zip: named files come with their rows; a missing and an oversized attachment are named on their rows', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const { folder, files } = await generate(h, [sumu]);
  const filled = await fill(join(folder, files[0]!), [
    material({ 附件文件名: '表彰决定.pdf；现场照片.png' }),
    material({ 标题: '缺附件', 附件文件名: '不存在.pdf' }),
    material({ 标题: '附件过大', 附件文件名: '扫描件.pdf' }),
    material({ 标题: '类型不对', 附件文件名: '说明.txt' }),
  ]);
  const big = Buffer.concat([samplePdf(), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
  const zip = await zipWith(filled, {
    '表彰决定.pdf': samplePdf(),
    '现场照片.png': samplePng(),
    '扫描件.pdf': big,
    '说明.txt': Buffer.from('文字'),
  });
  const p = await preview(h, zip);
  expect(p.rows.map((r) => r.problems.map((x) => `${x.column}：${x.message}`))).toEqual([
    [],
    ['附件文件名：压缩包中没有附件“不存在.pdf”'],
    ['附件文件名：附件“扫描件.pdf”超过 20 MB 的上限'],
    ['附件文件名：附件“说明.txt”的类型不支持：只能上传图片（jpg、png、gif、bmp、webp）、PDF 或 Word（doc、docx）'],
  ]);
  expect(await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [] })).toMatchObject({ added: 1, leftOut: 3 });
  const [row] = await h.ok('intake.list', { quarter: '2025Q3' });
  expect(row!.attachments.map((a) => [a.fileName, a.mime])).toEqual([
    ['表彰决定.pdf', 'application/pdf'],
    ['现场照片.png', 'image/png'],
  ]);
  const shown = await h.ok('intake.previewAttachment', { id: row!.attachments[1]!.id });
  expect(shown).toMatchObject({ kind: 'image', fileName: '现场照片.png' });
  // The bare workbook naming files: told to send the zip.
  const bare = await preview(h, filled);
  expect(bare.rows[0]!.problems[0]!.message).toContain('请把填报表和附件一起压缩成 .zip 交回');
  // 采纳 moves the files to the entry.
  await h.ok('intake.accept', { rows: [{ id: row!.id }] });
  const atts = await h.host.session().db.selectFrom('dossier_attachments').select(['file_name']).execute();
  expect(atts.map((x) => x.file_name)).toEqual(['表彰决定.pdf', '现场照片.png']);
  expect(existsSync(zip)).toBe(true);
});

test('roles: a 查阅人 may not import or accept; bad input names its field', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const bad = await h.err('intake.return', { ids: [1], reason: '' });
  expect(bad.message).toBe('请填写退回原因');
  const badDate = await h.err('intake.generate', {
    quarter: '2025Q3',
    unitIds: [sumu],
    deadline: '十月十日',
    returnTo: '组织部',
    token: '00000000-0000-4000-8000-000000000000',
  });
  expect(badDate.message).toBe('报送截止日期格式应为 2025-10-10');
  await loginAs(h, 'reviewer');
  expect((await h.err('intake.list', { quarter: '2025Q3' })).code).toBe('FORBIDDEN');
  expect((await h.err('intake.accept', { rows: [{ id: 1 }] })).code).toBe('FORBIDDEN');
});

test.runIf(hasLibreOffice())(
  'a 填报表 saved again by LibreOffice (as WPS or Calc would) imports the same rows',
  async () => {
    const h = await newHostWithStore();
    const { sumu } = await fixture(h);
    const { folder, files } = await generate(h, [sumu]);
    const filled = await fill(join(folder, files[0]!), [
      material(),
      material({ 干部: '李秀梅（阿尔巴斯苏木党委书记）', 标题: '带头完成防汛任务', 日期: '2025-09-02' }),
    ]);
    const out = tempDir('ganbu-lo-xlsx-');
    const profile = tempDir('ganbu-lo-profile-');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, filled],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const saved = join(out, '填好的.xlsx');
    const p = await preview(h, saved);
    expect(p.rows.map((r) => [r.rowNo, r.cadre, r.date, r.problems])).toEqual([
      [3, '巴特尔（阿尔巴斯苏木党委书记）', '2025-08-14', []],
      [4, '李秀梅（阿尔巴斯苏木党委书记）', '2025-09-02', []],
    ]);
    expect(await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [] })).toMatchObject({ added: 2 });
  },
  180_000,
);

test('an import cancelled while it runs writes nothing; a refused 采纳 leaves the row pending and the dossier as it was', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const { folder, files } = await generate(h, [sumu]);
  const filled = await fill(join(folder, files[0]!), [material(), material({ 标题: '第二条' })]);
  const p = await preview(h, filled);
  const before = await dossierState(h);
  await h.ok('jobs.cancel', { jobId: p.jobId });
  expect(await h.err('intake.commit', { jobId: p.jobId, leaveOut: [] })).toMatchObject({ code: 'CANCELLED' });
  expect(await h.host.session().db.selectFrom('intake_rows').selectAll().execute()).toEqual([]);
  expect(await dossierState(h)).toEqual(before);

  // Retried after the cancel: it comes in.
  expect(await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [4] })).toMatchObject({ added: 1, leftOut: 1 });
  const [row] = await h.ok('intake.list', { quarter: '2025Q3' });
  const kept = await dossierState(h);
  // Edited into a date after today: refused, naming the material and its row.
  const e = await h.err('intake.accept', {
    rows: [
      {
        id: row!.id,
        entry: {
          date: '2999-01-01',
          subItemCode: row!.subItemCode,
          channelCode: row!.channelCode,
          title: row!.title,
          content: row!.content,
          polarity: row!.polarity,
          standardCodes: [...row!.standardCodes],
          listItemCode: row!.listItemCode,
        },
      },
    ],
  });
  expect(e.message).toMatch(/^巴特尔“获评全旗优秀共产党员”（第 3 行）：日期不能晚于今天/u);
  expect(await dossierState(h)).toEqual(kept);
  expect((await h.ok('intake.list', { quarter: '2025Q3' }))[0]!.status).toBe('pending');
});
