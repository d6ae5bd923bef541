// The year-end 学时 check: preview from every training record, commit of exactly the preview, batch withdrawal, corrections with a reason.
import { describe, expect, test } from 'vitest';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { addEntry, dossierCadre, dossierState, entryForm, newestAudit } from '../../helpers/dossier';
import { localToday } from '../../../shared/dossier/quarter';

const CLASS = {
  name: '2025年春季中青班',
  startDate: '2025-03-01',
  endDate: '2025-03-20',
  hours: 40,
  organizer: '县委党校',
};

/** An S2.1 参训记录 entry stating its 学时 the way 批量录入 wrote them. */
const attendance = (h: TestHost, cadreId: number, title: string, hours: number, date = '2025-06-10') =>
  addEntry(h, cadreId, {
    subItemCode: 'S2.1',
    title,
    content: `参加${title}\n学时：${hours}`,
    polarity: 'neutral',
    standardCodes: [],
    listItemCode: null,
    date,
  });

/**
 * 巴特尔: the class 40 + an S2.1 网络培训 80 = 120 (enough). 李秀梅: S2.1 only, 40. 王建国: nothing.
 * 张明: the class 40, the same class again as an S2.1 entry (40, not counted twice), another S2.1 20 = 60.
 */
async function setup() {
  const h = await newHostWithStore();
  const a = await dossierCadre(h, '巴特尔');
  const b = await dossierCadre(h, '李秀梅');
  const c = await dossierCadre(h, '王建国');
  const d = await dossierCadre(h, '张明');
  const cls = await h.ok('classes.save', CLASS);
  await h.ok('classes.saveRecords', {
    classId: cls.id,
    rows: [a, d].map((cadreId) => ({ cadreId, hours: 40, result: 'qualified' as const })),
  });
  await attendance(h, a, '党史专题网络培训', 80);
  await attendance(h, b, '党史专题网络培训', 40);
  await attendance(h, d, '《2025年春季中青班》', 40);
  await attendance(h, d, '乡村振兴专题讲座', 20);
  return { h, a, b, c, d, cls };
}

const hoursEntries = async (h: TestHost, cadreId: number) =>
  (await h.ok('dossier.get', { cadreId })).entries.filter((e) => e.subItem.code === 'S2.4');

describe('preview', () => {
  test('counts 培训班 and S2.1 学时, the same course once, lists sources; writes nothing', async () => {
    const { h, b, c, d } = await setup();
    const before = await dossierState(h);
    const p = await h.ok('training.previewYear', { year: 2025 });
    expect(await dossierState(h)).toEqual(before);
    expect(p).toMatchObject({ year: 2025, requiredHours: 110, beforeYearEnd: false, alreadyRecorded: 0, stale: [] });
    expect(p.cadres.map((x) => [x.cadreId, x.name, x.unitName, x.hours])).toEqual([
      [b, '李秀梅', '阿尔巴斯苏木', 40],
      [c, '王建国', '阿尔巴斯苏木', 0],
      [d, '张明', '阿尔巴斯苏木', 60],
    ]);
    expect(p.cadres[0]!.sources).toMatchObject([{ kind: 'entry', name: '党史专题网络培训', hours: 40, counted: true }]);
    expect(p.cadres[2]!.sources.map((s) => [s.kind, s.name, s.hours, s.counted, s.note])).toEqual([
      ['class', '2025年春季中青班', 40, true, '培训班'],
      ['entry', '《2025年春季中青班》', 40, false, '与培训班“2025年春季中青班”为同一班次，不重复计算'],
      ['entry', '乡村振兴专题讲座', 20, true, '参训记录'],
    ]);
  });

  test('warns before the year ends and refuses a year not yet begun', async () => {
    const { h } = await setup();
    const year = new Date().getFullYear();
    expect((await h.ok('training.previewYear', { year })).beforeYearEnd).toBe(localToday() < `${year}-12-31`);
    const before = await dossierState(h);
    expect(await h.err('training.previewYear', { year: year + 1 })).toMatchObject({
      code: 'VALIDATION',
      field: 'year',
      message: `${year + 1}年度尚未开始，不能核查学时`,
    });
    expect(await h.err('training.commitYear', { year: year + 1, token: 'x' })).toMatchObject({ field: 'year' });
    expect(await dossierState(h)).toEqual(before);
  });
});

describe('commit', () => {
  test('writes exactly the previewed cadres as one audited batch; a second run writes nothing', async () => {
    const { h, a, b, c, d } = await setup();
    const p = await h.ok('training.previewYear', { year: 2025 });
    const r = await h.ok('training.commitYear', { year: 2025, token: p.token });
    expect(r.count).toBe(3);
    expect(await hoursEntries(h, a)).toEqual([]);
    const [eb] = await hoursEntries(h, b);
    expect(eb).toMatchObject({
      title: '2025年度学时不达标',
      content: '2025年度参训 40 学时，低于规定的 110 学时。计入：“党史专题网络培训”40 学时（根据培训记录自动生成）',
      date: '2025-12-31',
      polarity: 'negative',
      listItem: { code: 'N3' },
      origin: 'training',
      batchId: r.batchId,
      editable: true,
    });
    expect((await hoursEntries(h, c))[0]!.content).toBe(
      '2025年度参训 0 学时，低于规定的 110 学时。本年度无培训记录（根据培训记录自动生成）',
    );
    expect((await hoursEntries(h, d))[0]!.sourceRecordIds).toHaveLength(1);
    expect(await newestAudit(h)).toMatchObject({
      action: 'training.commitYear',
      target: '2025年度学时核查（3 人）',
      detail: { count: 3, cadreIds: [b, c, d] },
    });
    expect(await h.ok('training.batches', {})).toMatchObject([{ batchId: r.batchId, year: 2025, count: 3 }]);
    const again = await h.ok('training.previewYear', { year: 2025 });
    expect(again).toMatchObject({ cadres: [], alreadyRecorded: 3 });
    const before = await dossierState(h);
    expect(await h.err('training.commitYear', { year: 2025, token: again.token })).toMatchObject({
      message: '2025年度没有需要生成负面材料的干部',
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('a preview made stale by hours recorded in between is refused and nothing is written', async () => {
    const { h, c, cls } = await setup();
    const p = await h.ok('training.previewYear', { year: 2025 });
    const records = await h.ok('classes.records', { classId: cls.id });
    await h.ok('classes.saveRecords', {
      classId: cls.id,
      rows: [
        ...records.map((x) => ({ cadreId: x.cadreId, hours: x.hours, result: x.result })),
        { cadreId: c, hours: 40, result: 'qualified' },
      ],
    });
    const before = await dossierState(h);
    expect(await h.err('training.commitYear', { year: 2025, token: p.token })).toMatchObject({
      code: 'CONFLICT',
      message: '预览之后培训记录、学时或干部名单已有变化（例如新录入了学时），未生成任何材料，请重新预览后再确认',
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('hours recorded after the commit change no entry silently; the next preview names the entry to withdraw', async () => {
    const { h, b, cls } = await setup();
    await h.ok('training.commitYear', {
      year: 2025,
      token: (await h.ok('training.previewYear', { year: 2025 })).token,
    });
    const [eb] = await hoursEntries(h, b);
    const records = await h.ok('classes.records', { classId: cls.id });
    await h.ok('classes.saveRecords', {
      classId: cls.id,
      rows: [
        ...records.map((x) => ({ cadreId: x.cadreId, hours: x.hours, result: x.result })),
        { cadreId: b, hours: 80, result: 'qualified' },
      ],
    });
    expect(await hoursEntries(h, b)).toEqual([eb]);
    expect((await h.ok('training.previewYear', { year: 2025 })).stale).toEqual([
      { entryId: eb!.id, cadreId: b, name: '李秀梅', unitName: '阿尔巴斯苏木', hours: 120 },
    ]);
  });
});

describe('withdrawal and correction', () => {
  test('a batch is withdrawn as a whole with its reason audited; other entries and batches stay', async () => {
    const { h, b } = await setup();
    const manual = await addEntry(h, b);
    const old = await h.ok('training.commitYear', {
      year: 2024,
      token: (await h.ok('training.previewYear', { year: 2024 })).token,
    });
    const batch = await h.ok('training.commitYear', {
      year: 2025,
      token: (await h.ok('training.previewYear', { year: 2025 })).token,
    });
    const before = await dossierState(h);
    expect(await h.err('training.withdrawBatch', { batchId: batch.batchId, reason: ' ' })).toMatchObject({
      field: 'reason',
      message: '请填写撤回原因',
    });
    expect(await dossierState(h)).toEqual(before);
    expect(await h.ok('training.withdrawBatch', { batchId: batch.batchId, reason: '学时未录全，先撤回' })).toEqual({
      removed: 3,
    });
    expect(await newestAudit(h)).toMatchObject({
      action: 'training.withdrawBatch',
      target: '2025年度学时核查（撤回 3 条）',
      detail: { batchId: batch.batchId, removed: 3, reason: '学时未录全，先撤回' },
    });
    const after = await dossierState(h);
    expect(after.entries.map((e) => e.id)).toEqual(
      before.entries.filter((e) => e.batch_id !== batch.batchId).map((e) => e.id),
    );
    expect(after.entries.some((e) => e.id === manual.id)).toBe(true);
    expect(await h.ok('training.batches', {})).toMatchObject([{ batchId: old.batchId, year: 2024, count: 4 }]);
    expect(await h.err('training.withdrawBatch', { batchId: batch.batchId, reason: '再撤一次' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('entries of the old one-click check (no batch) are withdrawn together per year', async () => {
    const { h, b } = await setup();
    await h.ok('training.commitYear', {
      year: 2025,
      token: (await h.ok('training.previewYear', { year: 2025 })).token,
    });
    await h.host
      .session()
      .db.updateTable('dossier_entries')
      .set({ batch_id: null })
      .where('auto_key', 'like', 'hours:%')
      .execute();
    expect(await h.ok('training.batches', {})).toMatchObject([{ batchId: 'legacy:2025', year: 2025, count: 3 }]);
    expect(await h.ok('training.withdrawBatch', { batchId: 'legacy:2025', reason: '旧版一键核查误生成' })).toEqual({
      removed: 3,
    });
    expect(await hoursEntries(h, b)).toEqual([]);
  });

  test('a generated entry is corrected or withdrawn like any other, only with a reason, which the audit keeps', async () => {
    const { h, b, c } = await setup();
    await h.ok('training.commitYear', {
      year: 2025,
      token: (await h.ok('training.previewYear', { year: 2025 })).token,
    });
    const [eb] = await hoursEntries(h, b);
    const input = {
      cadreId: b,
      ...entryForm({
        subItemCode: 'S2.4',
        title: eb!.title,
        content: '2025年度参训 40 学时（另有 80 学时在外地调训，待补证明）',
        polarity: 'negative',
        standardCodes: [],
        listItemCode: 'N3',
        date: eb!.date,
      }),
    };
    const before = await dossierState(h);
    expect(await h.err('entries.update', { id: eb!.id, version: eb!.version, input })).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
      message: '请填写修改原因：这是年度学时核查生成的材料，修改须说明原因',
    });
    expect(await h.err('entries.delete', { id: eb!.id, version: eb!.version })).toMatchObject({ field: 'reason' });
    expect(await dossierState(h)).toEqual(before);
    const edited = await h.ok('entries.update', {
      id: eb!.id,
      version: eb!.version,
      input,
      reason: '补充外地调训情况',
    });
    expect(edited).toMatchObject({ content: input.content, version: 2, origin: 'training', batchId: eb!.batchId });
    expect(await newestAudit(h)).toMatchObject({
      action: 'entries.update',
      detail: { entryId: eb!.id, reason: '补充外地调训情况' },
    });
    const [ec] = await hoursEntries(h, c);
    await h.ok('entries.delete', { id: ec!.id, version: ec!.version, reason: '病休全年，经部务会同意免于核查' });
    expect(await newestAudit(h)).toMatchObject({
      action: 'entries.delete',
      target: '王建国（阿尔巴斯苏木）：2025年度学时不达标',
      detail: { reason: '病休全年，经部务会同意免于核查' },
    });
    expect(await hoursEntries(h, c)).toEqual([]);
    expect((await h.ok('training.batches', {}))[0]).toMatchObject({ count: 2 });
  });
});

describe('training is recorded one way', () => {
  test('批量录入 refuses S2.1 and sends the user to 培训班; the store is unchanged', async () => {
    const { h, b } = await setup();
    const before = await dossierState(h);
    const common = entryForm({
      subItemCode: 'S2.1',
      title: '2025年春季中青班',
      content: '',
      polarity: 'neutral',
      standardCodes: [],
      listItemCode: null,
    });
    expect(await h.err('entries.createBulk', { common, rows: [{ cadreId: b, hours: 40, note: '' }] })).toMatchObject({
      code: 'VALIDATION',
      field: 'subItemCode',
      message: '参训记录（班次、学时）请在“教育培训 › 培训班”中录入学员名单和学时，以免同一班次在档案中出现两次',
    });
    expect(await dossierState(h)).toEqual(before);
  });
});
