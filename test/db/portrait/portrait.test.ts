// A cadre's portrait through the real dispatcher on an encrypted store: entries made by the dossier calls move the
// indices as the model says; veto; window edges; holistic evaluation history and conflicts; confirmation; roles.
import { describe, expect, test } from 'vitest';
import { readPortraitCatalog } from '../../../db/portrait/catalog';
import { computePortrait, DEFAULT_PORTRAIT_CONFIG } from '../../../shared/portrait';
import { addEntry, dossierCadre, newestAudit } from '../../helpers/dossier';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { loginAdmin, loginAs } from '../../helpers/roster';

const AS_OF = '2025-12-31';
const indices = async (h: TestHost, cadreId: number, asOf = AS_OF) =>
  (await h.ok('portrait.get', { cadreId, asOf })).result.dimensions.map((d) => d.index);

const negative = (over: object = {}) => ({
  date: '2024-02-01',
  subItemCode: 'S6.1',
  channelCode: 'CH10',
  title: '提醒谈话',
  content: '因工作作风问题被提醒谈话。',
  polarity: 'negative' as const,
  standardCodes: ['D5.1'],
  listItemCode: 'N4',
  ...over,
});

const stateOf = async (h: TestHost) => {
  const db = h.host.session().db;
  return {
    evaluations: await db.selectFrom('holistic_evaluations').selectAll().orderBy('id').execute(),
    confirmations: await db.selectFrom('portrait_confirmations').selectAll().orderBy('id').execute(),
    audit: (await db.selectFrom('audit_log').select('id').execute()).length,
  };
};

describe('the computed portrait', () => {
  test('a cadre without entries starts every dimension at the start value, with nothing written yet', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const p = await h.ok('portrait.get', { cadreId, asOf: AS_OF });
    expect(p.cadre).toEqual({ id: cadreId, name: '巴特尔', unitName: '阿尔巴斯苏木' });
    expect(p.result.dimensions.map((d) => [d.code, d.name, d.index])).toEqual([
      ['D1', '政治忠诚', 80],
      ['D2', '政治定力', 80],
      ['D3', '政治担当', 80],
      ['D4', '政治能力', 80],
      ['D5', '政治自律', 80],
    ]);
    expect(p.result).toMatchObject({
      overall: 80,
      classificationLabel: '较好',
      counts: { total: 0 },
      windowFrom: '2023-01-01',
      asOf: AS_OF,
    });
    expect(p).toMatchObject({ entries: [], evaluations: [], evaluationVersion: 0, confirmation: null });
    expect(p.listItemNames.N4).toBe('受到提醒、函询、诫勉');
  });

  test('entries made through the dossier move exactly the dimensions of their list items, as the pure model says', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const other = await dossierCadre(h, '李秀梅');
    const pos = await addEntry(h, cadreId); // P3 +3 → D4, D2
    expect(await indices(h, cadreId)).toEqual([80, 83, 80, 83, 80]);
    const neg = await addEntry(h, cadreId, negative()); // N4 −6 → D5
    await addEntry(h, cadreId, {
      title: '参加理论学习',
      subItemCode: 'S1.1',
      polarity: 'neutral',
      listItemCode: null,
      standardCodes: ['D1.1'],
    });
    await addEntry(h, other, negative({ listItemCode: 'N2', standardCodes: [] })); // another cadre's entry changes nothing here
    const p = await h.ok('portrait.get', { cadreId, asOf: AS_OF });
    expect(p.result.dimensions.map((d) => d.index)).toEqual([80, 83, 80, 83, 74]);
    expect(p.result.overall).toBe(80);
    expect(p.result.counts).toEqual({ positive: 1, negative: 1, neutral: 1, total: 3 });
    expect(p.result.dimensions.find((d) => d.code === 'D5')?.contributions).toEqual([
      { entryId: neg.id, date: '2024-02-01', listItemCode: 'N4', points: -6 },
    ]);
    expect(p.result.dimensions.find((d) => d.code === 'D4')?.contributions.map((c) => c.entryId)).toEqual([pos.id]);
    expect(p.result.suggestions).toEqual([
      { dimensionCode: 'D5', dimensionName: '政治自律', index: 74, measures: ['提醒谈话', '廉政教育'] },
    ]);
    expect(p.entries.map((e) => [e.title, e.date, e.polarity])).toEqual([
      ['提醒谈话', '2024-02-01', 'negative'],
      ['2025年春季中青班优秀学员', '2025-08-14', 'positive'],
      ['参加理论学习', '2025-08-14', 'neutral'],
    ]);
    // The same numbers as the pure model over the same evidence.
    const catalog = await readPortraitCatalog(h.host.session().db);
    const model = computePortrait({
      catalog,
      config: DEFAULT_PORTRAIT_CONFIG,
      asOf: AS_OF,
      evidence: [
        { id: pos.id, date: pos.date, listItemCode: 'P3', standards: ['D2.1', 'D4.2'], polarity: 'positive' },
        { id: neg.id, date: neg.date, listItemCode: 'N4', standards: ['D5.1'], polarity: 'negative' },
        { id: p.entries[2]!.id, date: '2025-08-14', listItemCode: null, standards: ['D1.1'], polarity: 'neutral' },
      ],
    });
    expect(p.result).toEqual(model);
    // Editing and deleting entries move the portrait back.
    await h.ok('entries.delete', { id: neg.id, version: 1 });
    expect(await indices(h, cadreId)).toEqual([80, 83, 80, 83, 80]);
  });

  test('a veto list item caps the grade at 较差 however good the indices are', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    for (let i = 0; i < 4; i += 1) await addEntry(h, cadreId, { date: `2025-0${i + 1}-10`, title: `优秀学员${i}` });
    expect((await h.ok('portrait.get', { cadreId, asOf: AS_OF })).result.classificationLabel).toBe('较好');
    const veto = await addEntry(
      h,
      cadreId,
      negative({ subItemCode: 'S6.5', title: '党纪处分', listItemCode: 'N1', standardCodes: ['D1.1'] }),
    );
    const p = await h.ok('portrait.get', { cadreId, asOf: AS_OF });
    expect(p.result.veto).toEqual({ present: true, entries: [{ entryId: veto.id, listItemCode: 'N1' }] });
    expect(p.result.classificationLabel).toBe('较差');
    expect(p.result.reason).toContain('一票否决');
    // Out of the window, the veto no longer counts.
    const later = await h.ok('portrait.get', { cadreId, asOf: '2027-02-02' });
    expect(later.result.veto.present).toBe(false);
  });

  test('window edges: asOf − 3 years is out, the next day is in, later than asOf is out; a bad asOf is refused', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    await addEntry(h, cadreId, negative({ date: '2022-06-30', title: '边界外' }));
    expect(await indices(h, cadreId, '2025-06-30')).toEqual([80, 80, 80, 80, 80]);
    await addEntry(h, cadreId, negative({ date: '2022-07-01', title: '边界内' }));
    expect(await indices(h, cadreId, '2025-06-30')).toEqual([80, 80, 80, 80, 74]);
    await addEntry(h, cadreId, negative({ date: '2025-07-01', title: '基准日之后' }));
    expect(await indices(h, cadreId, '2025-06-30')).toEqual([80, 80, 80, 80, 74]);
    // A day later the window moves: 2022-07-01 drops out as 2025-07-01 comes in.
    expect(await indices(h, cadreId, '2025-07-01')).toEqual([80, 80, 80, 80, 74]);
    expect(await indices(h, cadreId, '2025-06-29')).toEqual([80, 80, 80, 80, 68]);
    // Without asOf the host's today is used.
    expect((await h.ok('portrait.get', { cadreId })).result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await h.err('portrait.get', { cadreId, asOf: '2025-02-30' })).toMatchObject({
      code: 'VALIDATION',
      field: 'asOf',
      message: '评价基准日期不是有效日期',
    });
    expect(await h.err('portrait.get', { cadreId, asOf: '20250630' })).toMatchObject({
      code: 'VALIDATION',
      message: '评价基准日期格式应为 2025-03-14',
    });
    expect(await h.err('portrait.get', { cadreId: 999 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到该干部，可能已被删除',
    });
  });
});

describe('the holistic evaluation', () => {
  test('each save appends a version; the history is newest first with who wrote it', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const first = await h.ok('portrait.saveEvaluation', {
      cadreId,
      abilities: '善于统筹',
      weaknesses: '',
      familiarFields: '基层党建',
      baseVersion: 0,
    });
    expect(first.evaluations).toHaveLength(1);
    expect(first.evaluations[0]).toMatchObject({
      abilities: '善于统筹',
      weaknesses: '',
      familiarFields: '基层党建',
      writtenBy: { id: 1, name: '王管理员' },
    });
    expect(first.evaluationVersion).toBe(first.evaluations[0]!.id);
    expect(await newestAudit(h)).toMatchObject({
      action: 'portrait.saveEvaluation',
      target: '巴特尔（阿尔巴斯苏木）：综合评价',
    });
    await loginAs(h, 'dossierClerk');
    const second = await h.ok('portrait.saveEvaluation', {
      cadreId,
      abilities: '  善于统筹协调  ',
      weaknesses: '有时急躁',
      familiarFields: '基层党建、乡村振兴',
      baseVersion: first.evaluationVersion,
    });
    expect(second.evaluations.map((e) => [e.abilities, e.writtenBy.name])).toEqual([
      ['善于统筹协调', '档案管理员甲'],
      ['善于统筹', '王管理员'],
    ]);
    expect((await h.ok('portrait.get', { cadreId })).evaluations).toEqual(second.evaluations);
  });

  test('a save on a stale version is a conflict naming who saved in between; nothing is written', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    await h.ok('portrait.saveEvaluation', {
      cadreId,
      abilities: '甲的评价',
      weaknesses: '',
      familiarFields: '',
      baseVersion: 0,
    });
    const before = await stateOf(h);
    const e = await h.err('portrait.saveEvaluation', {
      cadreId,
      abilities: '乙的评价',
      weaknesses: '',
      familiarFields: '',
      baseVersion: 0,
    });
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'baseVersion' });
    expect(e.message).toMatch(/^综合评价已被王管理员于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改，请刷新后在最新版本上修改/);
    expect(await stateOf(h)).toEqual(before);
  });

  test('all three empty (or blank) is refused; over-long text is refused naming the field', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const before = await stateOf(h);
    expect(
      await h.err('portrait.saveEvaluation', {
        cadreId,
        abilities: ' ',
        weaknesses: '',
        familiarFields: '  ',
        baseVersion: 0,
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '能力特点、性格不足、熟悉领域至少填写一项',
    });
    expect(
      await h.err('portrait.saveEvaluation', {
        cadreId,
        abilities: '',
        weaknesses: '长'.repeat(2001),
        familiarFields: '',
        baseVersion: 0,
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '性格不足不能超过 2000 个字',
    });
    expect(
      await h.err('portrait.saveEvaluation', {
        cadreId: 999,
        abilities: '有',
        weaknesses: '',
        familiarFields: '',
        baseVersion: 0,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await stateOf(h)).toEqual(before);
  });
});

describe('the confirmed grade', () => {
  test('a different grade needs a reason; the computed grade is stored beside the confirmed one', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    await addEntry(h, cadreId, negative({ date: localDaysAgo(30) })); // D5 74 → overall 78.8 → 一般
    const p = await h.ok('portrait.get', { cadreId });
    expect(p.result.classificationLabel).toBe('一般');
    const before = await stateOf(h);
    const e = await h.err('portrait.confirm', { cadreId, grade: '较好', reason: '   ' });
    expect(e).toEqual({
      code: 'VALIDATION',
      field: 'reason',
      message: '确认等次“较好”与计算等次“一般”不同，请填写理由',
    });
    expect(await stateOf(h)).toEqual(before);
    expect(await h.err('portrait.confirm', { cadreId, grade: '优秀', reason: '' })).toMatchObject({
      code: 'VALIDATION',
      message: '确认等次必须是好、较好、一般、较差之一',
    });

    const confirmed = await h.ok('portrait.confirm', { cadreId, grade: '较好', reason: '提醒谈话后整改到位' });
    expect(confirmed.confirmation).toMatchObject({
      computedGrade: '一般',
      confirmedGrade: '较好',
      reason: '提醒谈话后整改到位',
      confirmedBy: { name: '王管理员' },
    });
    expect(await newestAudit(h)).toMatchObject({
      action: 'portrait.confirm',
      target: '巴特尔（阿尔巴斯苏木）：政治画像等次',
      detail: { computed: '一般', confirmed: '较好', withReason: true },
    });
    // The same grade needs no reason; the latest confirmation is the one shown.
    const same = await h.ok('portrait.confirm', { cadreId, grade: '一般', reason: '' });
    expect(same.confirmation).toMatchObject({ computedGrade: '一般', confirmedGrade: '一般', reason: '' });
    expect((await stateOf(h)).confirmations).toHaveLength(2);
  });
});

describe('roles', () => {
  test('查阅人 reads but cannot write; 档案管理员 writes; 考核录入员 sees no portrait', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    await loginAs(h, 'reviewer');
    expect((await h.ok('portrait.get', { cadreId })).cadre.name).toBe('巴特尔');
    const forbidden = { code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' };
    expect(
      await h.err('portrait.saveEvaluation', {
        cadreId,
        abilities: '查阅人写的',
        weaknesses: '',
        familiarFields: '',
        baseVersion: 0,
      }),
    ).toEqual(forbidden);
    expect(await h.err('portrait.confirm', { cadreId, grade: '好', reason: '查阅人' })).toEqual(forbidden);
    await loginAs(h, 'assessmentClerk');
    expect(await h.err('portrait.get', { cadreId })).toEqual(forbidden);
    await loginAs(h, 'dossierClerk');
    expect(
      (await h.ok('portrait.confirm', { cadreId, grade: '较好', reason: '' })).confirmation?.confirmedBy.name,
    ).toBe('档案管理员甲');
    await loginAdmin(h);
    expect((await stateOf(h)).evaluations).toEqual([]);
  });
});

/** A date this many days before today (local), so "as of today" reads it inside the window. */
function localDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
