// 填报表 per channel on a real store (issue 17 §3): a 纪检监察 list naming cadres by 姓名 + 单位 or 身份证号, an
// ambiguous name picked by the user and an unmatched one left out, a veto proposed from the accepted entry; a 党校
// list filed in the training classes with its 优秀/重修 evidence; filled with exceljs as the office would; the channels'
// own rows in the counts and a channel's 退回清单.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { dossierState, newestAudit } from '../../helpers/dossier';
import { fillByHeader, generate, generateChannel, preview } from '../../helpers/intake';
import { tempDir } from '../../helpers/tmp-store';
import { minimalCadre, newRosterHost } from '../../helpers/roster';
import type { TestHost } from '../../helpers/host';
import { movedCadre, pickedOutcome } from '../../../shared/intake/outcome';

const ID_NUMBER = '150602198001010018';

async function roster() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  // A second 巴特尔, in 乌兰镇 (the first is in 棋盘井镇): the name alone does not say which.
  const other = (
    await h.ok('cadres.create', {
      input: minimalCadre(r.units.wulan, { name: '巴特尔', currentPost: '乌兰镇副镇长', position: 'deputy' }),
    })
  ).id;
  await h.host.session().db.updateTable('cadres').set({ id_number: ID_NUMBER }).where('id', '=', r.f).execute();
  return { h, r, other };
}

const discipline = (over: Record<string, string | Date>) => ({
  日期: new Date(Date.UTC(2025, 7, 20)),
  子项: 'S6.3 诫勉',
  性质: '负面',
  评价标准: 'D5.2 廉洁自律',
  正负面清单项: 'N4 受到提醒、函询、诫勉',
  标题: '受到诫勉',
  内容: '因履职不力受到诫勉。',
  '来源/渠道': 'CH10 纪检监察',
  ...over,
});

async function disciplineList(h: TestHost) {
  const path = await generateChannel(h, 'discipline');
  return fillByHeader(path, [
    discipline({
      姓名: '阿古拉',
      单位: '乌兰镇',
      子项: 'S6.5 党纪政务处分',
      正负面清单项: 'N1 违反政治纪律和政治规矩',
      标题: '受到党内警告处分',
    }),
    discipline({ 姓名: '巴特尔', 单位: '阿尔巴斯苏木' }),
    discipline({ 姓名: '张无忌', 单位: '乌兰镇', 标题: '花名册中没有的人' }),
    discipline({ 姓名: '冯建国', 身份证号: ID_NUMBER, 子项: 'S6.2 函询', 标题: '函询' }),
  ]);
}

test('a channel 填报表: the channel’s sheet, drop-downs kept to its part of the catalog, identity naming the channel', async () => {
  const { h } = await roster();
  const path = await generateChannel(h, 'discipline');
  expect(path).toMatch(/2025年第三季度-纪检监察-政治素质材料填报表\.xlsx$/u);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['填表说明', 'visible'],
    ['材料', 'visible'],
    ['选项', 'hidden'],
    ['包信息', 'veryHidden'],
  ]);
  expect((wb.getWorksheet('材料')!.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['姓名', '身份证号', '单位']);
  const lists = wb.getWorksheet('选项')!;
  const column = (c: number) => (lists.getColumn(c).values as unknown[]).slice(2).filter((v) => v != null);
  expect(column(1)).toEqual([
    'S6.1 提醒谈话',
    'S6.2 函询',
    'S6.3 诫勉',
    'S6.4 组织处理',
    'S6.5 党纪政务处分',
    'S6.6 问责',
    'S6.7 信访举报核实情况',
  ]);
  expect(column(2)).toEqual(['负面']);
  expect(column(5)).toEqual(['CH10 纪检监察']);
  expect(wb.getWorksheet('包信息')!.getCell(7, 2).value).toBe('discipline');
  const pkg = await h.host.session().db.selectFrom('intake_packages').selectAll().executeTakeFirstOrThrow();
  expect(pkg).toMatchObject({ unit_id: null, channel: 'discipline', quarter: '2025Q3' });
});

test('纪检监察 list: an ambiguous name is picked by the user, an unmatched one left out; 采纳 proposes the veto', async () => {
  const { h, r, other } = await roster();
  const assessment = await startCollecting(h, await createC1(h));
  const filled = await disciplineList(h);
  const p = await preview(h, filled);
  expect(p.channel).toBe('discipline');
  expect(p.unitName).toBe('纪检监察');
  expect(p.rows.map((x) => [x.rowNo, x.cadre, x.cadreId])).toEqual([
    [3, '阿古拉（乌兰镇）', r.a],
    [4, '巴特尔（阿尔巴斯苏木）', null],
    [5, '张无忌（乌兰镇）', null],
    [6, `冯建国（${ID_NUMBER}）`, r.f],
  ]);
  // Two 巴特尔, neither in the unit written: both offered with unit and 职务, none chosen.
  expect(p.rows[1]!.candidates).toEqual([
    { id: other, name: '巴特尔', unitName: '乌兰镇', post: '乌兰镇副镇长' },
    { id: r.b, name: '巴特尔', unitName: '棋盘井镇', post: '科员' },
  ]);
  expect(p.rows[1]!.problems).toEqual([]);
  expect(p.rows[2]!.candidates).toEqual([]);
  expect(p.rows[2]!.problems).toEqual([{ column: '姓名', level: 'error', message: '花名册中没有在职干部“张无忌”' }]);

  // A pick outside the row's candidates is refused by name, nothing written.
  const before = await dossierState(h);
  const bad = await h.err('intake.commit', { jobId: p.jobId, leaveOut: [], picks: [{ rowNo: 4, cadreId: r.a }] });
  expect(bad.message).toBe('第 4 行“巴特尔（阿尔巴斯苏木）”所选的干部不在同名候选人中，请重新选择');
  expect(await h.host.session().db.selectFrom('intake_rows').selectAll().execute()).toEqual([]);
  expect(await dossierState(h)).toEqual(before);

  const done = await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [], picks: [{ rowNo: 4, cadreId: r.b }] });
  expect(done).toEqual({ added: 3, replaced: 0, removed: 0, unchanged: 0, leftOut: 1 });
  const pending = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  expect(pending.map((x) => [x.rowNo, x.cadreId, x.cadreUnit, x.unitName, x.channel, x.unitId])).toEqual([
    [3, r.a, '乌兰镇', '纪检监察', 'discipline', null],
    [4, r.b, '棋盘井镇', '纪检监察', 'discipline', null],
    [6, r.f, '旗委组织部', '纪检监察', 'discipline', null],
  ]);
  // 待审核: no veto proposed yet.
  expect(await h.ok('vetoes.proposals', { assessmentId: assessment.id })).toEqual([]);

  await h.ok('intake.accept', { rows: pending.map((x) => ({ id: x.id })) });
  const entry = (await h.ok('dossier.get', { cadreId: r.b })).entries[0]!;
  expect([entry.title, entry.subItem.code, entry.listItem?.code, entry.polarity]).toEqual([
    '受到诫勉',
    'S6.3',
    'N4',
    'negative',
  ]);
  // Its source names the channel's list it came from.
  expect(entry.intakeSource).toBe('纪检监察 2025Q3 填报');
  const proposals = await h.ok('vetoes.proposals', { assessmentId: assessment.id });
  expect(proposals.map((x) => [x.targetId, x.title, x.listItemCode])).toEqual([[r.a, '受到党内警告处分', 'N1']]);
});

test('the same list back with another pick: the preview names old → new, the commit moves the row; accepted stays', async () => {
  const { h, r, other } = await roster();
  const filled = await disciplineList(h);
  const first = await preview(h, filled);
  expect(first.rows.map((x) => x.stored)).toEqual([null, null, null, null]);
  await h.ok('intake.commit', { jobId: first.jobId, leaveOut: [], picks: [{ rowNo: 4, cadreId: r.b }] });

  // The same file again: each stored row names the cadre it was imported for.
  const again = await preview(h, filled);
  const row4 = again.rows[1]!;
  expect(row4.outcome).toBe('same');
  expect(row4.stored).toEqual({ cadreId: r.b, cadre: '巴特尔（棋盘井镇）', status: 'pending' });
  expect(again.rows[0]!.stored).toMatchObject({ cadreId: r.a, cadre: '阿古拉（乌兰镇）' });
  // The same pick is no change; another pick is a 替换 naming old → new.
  expect(pickedOutcome(row4, r.b)).toBe('same');
  expect(pickedOutcome(row4, other)).toBe('replace');
  const picked = row4.candidates.find((c) => c.id === other);
  expect(movedCadre(row4.stored, picked, other)).toBe('巴特尔（棋盘井镇） → 巴特尔（乌兰镇）');
  expect(
    movedCadre(
      row4.stored,
      row4.candidates.find((c) => c.id === r.b),
      r.b,
    ),
  ).toBeNull();

  const moved = await h.ok('intake.commit', {
    jobId: again.jobId,
    leaveOut: [],
    picks: [{ rowNo: 4, cadreId: other }],
  });
  expect(moved).toEqual({ added: 0, replaced: 1, removed: 0, unchanged: 2, leftOut: 1 });
  const pending = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  expect(pending.map((x) => [x.rowNo, x.cadreId, x.cadreUnit])).toEqual([
    [3, r.a, '乌兰镇'],
    [4, other, '乌兰镇'],
    [6, r.f, '旗委组织部'],
  ]);
  expect(await h.host.session().db.selectFrom('intake_rows').select('id').execute()).toHaveLength(3);

  // Once accepted, a different pick does not move the material out of the dossier it went into.
  await h.ok('intake.accept', { rows: [{ id: pending[1]!.id }] });
  const third = await preview(h, filled);
  expect(third.rows[1]!.stored).toEqual({ cadreId: other, cadre: '巴特尔（乌兰镇）', status: 'accepted' });
  expect(pickedOutcome(third.rows[1]!, r.b)).toBe('decided');
  const kept = await h.ok('intake.commit', { jobId: third.jobId, leaveOut: [], picks: [{ rowNo: 4, cadreId: r.b }] });
  expect(kept).toMatchObject({ replaced: 0, unchanged: 3 });
  expect((await h.ok('dossier.get', { cadreId: other })).entries.map((e) => e.title)).toEqual(['受到诫勉']);
  expect((await h.ok('dossier.get', { cadreId: r.b })).entries).toEqual([]);
});

test('an unpicked ambiguous row is not imported; a sub-item outside the channel is named on its row', async () => {
  const { h } = await roster();
  const path = await generateChannel(h, 'discipline');
  const filled = await fillByHeader(path, [
    discipline({ 姓名: '巴特尔', 单位: '阿尔巴斯苏木' }),
    discipline({ 姓名: '阿古拉', 单位: '乌兰镇', 子项: 'S5.1 党内表彰' }),
  ]);
  const p = await preview(h, filled);
  expect(p.rows[1]!.problems).toContainEqual({
    column: '子项',
    level: 'error',
    message: '子项“S5.1”不属于纪检监察报送的范围（问责、处分、函询、诫勉等负面信息（S6））',
  });
  const err = await h.err('intake.commit', { jobId: p.jobId, leaveOut: [] });
  expect(err.message).toBe('没有可导入的材料：同名未选择干部的行和有错误的行都不导入，请在“干部”一栏中选择后再导入');
  expect(await h.host.session().db.selectFrom('intake_rows').selectAll().execute()).toEqual([]);
});

test('党校 list: results come in as 待审核 and, once accepted, go into the training class with their evidence', async () => {
  const { h, r } = await roster();
  const path = await generateChannel(h, 'training');
  const cls = {
    培训班名称: '2025年秋季中青年干部培训班',
    主办单位: '旗委党校',
    开班日期: new Date(Date.UTC(2025, 8, 1)),
    结业日期: new Date(Date.UTC(2025, 8, 12)),
  };
  const filled = await fillByHeader(path, [
    { 姓名: '阿古拉', 单位: '乌兰镇', ...cls, 学时: 48, 结业评价: '优秀' },
    { 姓名: '朝鲁', 单位: '阿尔巴斯苏木', ...cls, 学时: 40, 结业评价: '重修' },
    { 姓名: '冯建国', 单位: '旗委组织部', ...cls, 学时: 48, 结业评价: '合格' },
    { 姓名: '德力格尔', 单位: '乌兰镇', ...cls, 学时: '四十八', 结业评价: '良好' },
  ]);
  const p = await preview(h, filled);
  expect(p.rows.map((x) => x.problems.map((q) => q.column))).toEqual([[], [], [], ['学时', '结业评价']]);
  expect(await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [] })).toMatchObject({ added: 3, leftOut: 1 });
  // Nothing in the training classes or the dossier before 采纳.
  expect(await h.ok('classes.list', {})).toEqual([]);
  const pending = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  expect(pending.map((x) => [x.title, x.subItemCode, x.channelCode])).toEqual([
    ['2025年秋季中青年干部培训班（优秀学员）', 'S2.1', 'CH09'],
    ['2025年秋季中青年干部培训班（重修学员）', 'S2.1', 'CH09'],
    ['2025年秋季中青年干部培训班（合格学员）', 'S2.1', 'CH09'],
  ]);
  // A 党校 result is not edited at 采纳: it goes back to the office instead.
  const edited = await h.err('intake.accept', {
    rows: [
      {
        id: pending[0]!.id,
        entry: {
          date: '2025-09-12',
          subItemCode: 'S2.1',
          channelCode: 'CH09',
          title: '改',
          content: '',
          polarity: 'neutral',
          standardCodes: [],
          listItemCode: null,
        },
      },
    ],
  });
  expect(edited.message).toContain('是党校培训结果，不能修改后采纳');

  await h.ok('intake.accept', { rows: pending.map((x) => ({ id: x.id })) });
  const [klass] = await h.ok('classes.list', {});
  expect(klass).toMatchObject({
    name: '2025年秋季中青年干部培训班',
    organizer: '旗委党校',
    startDate: '2025-09-01',
    endDate: '2025-09-12',
    recordCount: 3,
  });
  const records = await h.ok('classes.records', { classId: klass!.id });
  expect(records.map((x) => [x.cadreName, x.hours, x.result])).toEqual([
    ['阿古拉', 48, 'excellent'],
    ['冯建国', 48, 'qualified'],
    ['朝鲁', 40, 'retake'],
  ]);
  // The evidence as a class's list gives it today: 优秀学员 → P3, 重修学员 → N3, 合格 → none.
  const evidence = async (id: number) =>
    (await h.ok('dossier.get', { cadreId: id })).entries.map((e) => [e.title, e.listItem?.code, e.polarity]);
  expect(await evidence(r.a)).toEqual([['2025年秋季中青年干部培训班：优秀学员', 'P3', 'positive']]);
  expect(await evidence(r.c)).toEqual([['2025年秋季中青年干部培训班：重修学员', 'N3', 'negative']]);
  expect(await evidence(r.f)).toEqual([]);
  const accepted = await h.ok('intake.list', { quarter: '2025Q3', status: 'accepted' });
  expect(accepted.map((x) => x.entryId === null)).toEqual([false, false, true]);
});

test('巡察/审计 findings go to S4 and 表彰 to S5, each list kept to its part of the catalog', async () => {
  const { h, r } = await roster();
  const inspection = await fillByHeader(await generateChannel(h, 'inspection'), [
    {
      姓名: '朝鲁',
      单位: '阿尔巴斯苏木',
      日期: new Date(Date.UTC(2025, 6, 3)),
      子项: 'S4.3 审计发现问题',
      性质: '负面',
      标题: '经济责任审计发现问题',
      '来源/渠道': 'CH05 审计',
    },
  ]);
  const honor = await fillByHeader(await generateChannel(h, 'honor'), [
    {
      姓名: '阿古拉',
      单位: '乌兰镇',
      日期: new Date(Date.UTC(2025, 6, 1)),
      子项: 'S5.1 党内表彰',
      性质: '正面',
      正负面清单项: 'P2 获得县级以上表彰奖励',
      标题: '优秀共产党员',
      '来源/渠道': 'CH04 考察考核',
    },
    {
      姓名: '阿古拉',
      单位: '乌兰镇',
      日期: new Date(Date.UTC(2025, 6, 1)),
      子项: 'S6.3 诫勉',
      性质: '负面',
      标题: '放错了表',
      '来源/渠道': 'CH10 纪检监察',
    },
  ]);
  const p1 = await preview(h, inspection);
  expect(p1.rows.map((x) => [x.cadreId, x.problems])).toEqual([[r.c, []]]);
  await h.ok('intake.commit', { jobId: p1.jobId, leaveOut: [] });
  const p2 = await preview(h, honor);
  expect(p2.unitName).toBe('表彰');
  expect(p2.rows[0]!.problems).toEqual([]);
  expect(p2.rows[1]!.problems.map((x) => x.message)).toContain(
    '子项“S6.3”不属于表彰报送的范围（党内表彰、政府表彰与记功嘉奖等（S5））',
  );
  await h.ok('intake.commit', { jobId: p2.jobId, leaveOut: [] });
  const pending = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  expect(pending.map((x) => [x.unitName, x.cadreId, x.subItemCode])).toEqual([
    ['巡察/审计', r.c, 'S4.3'],
    ['表彰', r.a, 'S5.1'],
  ]);
});

test('channel lists count as rows of their own; a channel’s 退回清单 names each cadre as 姓名（单位） and the reason', async () => {
  const { h, r } = await roster();
  await generate(h, [r.units.wulan]);
  await generateChannel(h, 'honor');
  const filled = await disciplineList(h);
  const p = await preview(h, filled);
  await h.ok('intake.commit', { jobId: p.jobId, leaveOut: [], picks: [{ rowNo: 4, cadreId: r.b }] });
  // The channel's rows alone, by the channel (its packages have no unit).
  const listed = await h.ok('intake.list', { quarter: '2025Q3', channel: 'discipline' });
  expect(listed.map((x) => [x.rowNo, x.cadreName])).toEqual([
    [3, '阿古拉'],
    [4, '巴特尔'],
    [6, '冯建国'],
  ]);
  expect(await h.ok('intake.list', { quarter: '2025Q3', channel: 'honor' })).toEqual([]);
  const [agula, bater, feng] = listed;
  await h.ok('intake.accept', { rows: [{ id: bater!.id }] });
  await h.ok('intake.return', { ids: [agula!.id], reason: '处分决定文号未填写，请补充' });
  await h.ok('intake.return', { ids: [feng!.id], reason: '函询日期有误，请核实' });

  // Each channel whose list was sent is a row of its own, named by the channel, with the same counts; then the units.
  expect(await h.ok('intake.counts', { quarter: '2025Q3' })).toEqual([
    { unitId: null, channel: 'discipline', unitName: '纪检监察', sent: 1, pending: 0, accepted: 1, returned: 2 },
    { unitId: null, channel: 'honor', unitName: '表彰', sent: 1, pending: 0, accepted: 0, returned: 0 },
    { unitId: r.units.wulan, channel: null, unitName: '乌兰镇', sent: 1, pending: 0, accepted: 0, returned: 0 },
  ]);
  expect(await h.ok('intake.counts', { quarter: '2025Q4' })).toEqual([]);

  const out = join(tempDir('ganbu-returned-'), '2025年第三季度纪检监察退回清单.xlsx');
  const token = await h.pickSave('intakeReturned', out, '2025年第三季度纪检监察退回清单');
  expect(await h.ok('intake.exportReturned', { quarter: '2025Q3', channel: 'discipline', token })).toEqual({
    fileName: '2025年第三季度纪检监察退回清单.xlsx',
    rows: 2,
  });
  expect((await newestAudit(h)).detail).toMatchObject({
    quarter: '2025Q3',
    unit: '纪检监察',
    channel: 'discipline',
    rows: 2,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheet = wb.getWorksheet('退回清单')!;
  expect(sheet.getCell(1, 1).value).toBe('2025年第三季度纪检监察政治素质材料退回清单');
  expect([3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1))).toEqual([
    [1, 3, '阿古拉（乌兰镇）', '2025-08-20', '受到党内警告处分', '处分决定文号未填写，请补充'],
    [2, 6, '冯建国（旗委组织部）', '2025-08-20', '函询', '函询日期有误，请核实'],
  ]);
});

test('the 退回清单 is refused by name without a unit or channel, with both, or for a channel with nothing returned', async () => {
  const { h } = await roster();
  await generateChannel(h, 'honor');
  const out = join(tempDir('ganbu-returned-'), '退回清单.xlsx');
  const token = await h.pickSave('intakeReturned', out, '退回清单');
  const before = await dossierState(h);
  const refused = async (input: Record<string, unknown>) => {
    const e = await h.err('intake.exportReturned', { quarter: '2025Q3', token, ...input });
    return [e.code, e.message];
  };
  expect(await refused({})).toEqual(['VALIDATION', '请选择一个单位或一个报送渠道']);
  expect(await refused({ unitId: 1, channel: 'honor' })).toEqual(['VALIDATION', '请选择一个单位或一个报送渠道']);
  expect(await refused({ channel: '组织部' })).toEqual(['VALIDATION', '请选择报送渠道']);
  expect(await refused({ channel: 'honor' })).toEqual(['VALIDATION', '表彰2025年第三季度没有退回的材料']);
  expect(existsSync(out)).toBe(false);
  expect(await dossierState(h)).toEqual(before);
});
