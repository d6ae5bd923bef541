// Ballot entry, the worked example ranked through the services, grade confirmation and the archive, on a real store.
import { createHash } from 'node:crypto';
import { withoutConcealedCounts } from '../../../shared/assessment/anonymity';
import { describe, expect, test } from 'vitest';
import { currentDigest } from '../../../db/assessment/archive';
import { loadRankingInput } from '../../../db/assessment/rankings';
import { canonicalJson, defaultAssessmentConfig } from '../../../shared/assessment';
import { computeRankings } from '../../../shared/scoring';
import type { CallInput } from '../../../shared/ipc/contract';
import {
  assessmentTables,
  createC1,
  enterWorkedExample,
  seedRoster,
  startCollecting,
  type SmallRoster,
} from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { lastAudit, minimalCadre, newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number; name: string }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id, name: a.name };
}

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

describe('ballot entry', () => {
  test('each kind is stored and listed; saving again replaces; deleting removes; each writes one audit entry', async () => {
    const { h, r, id } = await collecting();
    /** Makes a change, checks what it reports, and reads the lists back. */
    const saved = async <
      N extends
        'ballots.saveSuperior' | 'ballots.savePeer' | 'ballots.saveStaff' | 'ballots.saveService' | 'ballots.delete',
    >(
      name: N,
      input: CallInput<N>,
    ) => {
      expect(await h.ok(name, input)).toEqual({ changed: expect.any(Number) });
      return wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    };
    expect(
      await h.ok('ballots.saveSuperior', {
        assessmentId: id,
        raterLabel: '旗委书记',
        group: 'chief:C1',
        order: [r.b, r.a, r.c],
        paperNo: 'S-001',
      }),
    ).toEqual({ changed: 1 });
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.saveSuperior',
      detail: { kind: '上级排名', rater: '旗委书记', group: '正职·苏木镇（街道）', places: 3 },
    });
    let list = await saved('ballots.saveSuperior', {
      assessmentId: id,
      raterLabel: '旗委书记',
      group: 'chief:C1',
      order: [r.a, r.b, r.c],
    });
    expect(list.superior).toEqual([
      expect.objectContaining({
        raterLabel: '旗委书记',
        group: 'chief:C1',
        order: [r.a, r.b, r.c],
        enteredBy: '王管理员',
      }),
    ]);
    await h.ok('ballots.saveSuperior', {
      assessmentId: id,
      raterLabel: '旗长',
      group: `deputy:${r.units.wulan}`,
      order: [r.e, r.d],
    });

    list = await saved('ballots.savePeer', {
      assessmentId: id,
      raterId: r.d,
      ballots: [{ targetId: r.e, scores: { fz1: 90, fz2: 80 } }],
    });
    expect(list.peer).toEqual([expect.objectContaining({ raterId: r.d, targetId: r.e, scores: { fz1: 90, fz2: 80 } })]);
    list = await saved('ballots.savePeer', {
      assessmentId: id,
      raterId: r.d,
      ballots: [{ targetId: r.e, scores: { fz1: 70, fz2: 80 } }],
    });
    expect(list.peer).toEqual([expect.objectContaining({ raterId: r.d, targetId: r.e, scores: { fz1: 70, fz2: 80 } })]);

    list = await saved('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.a, excellent: 10, good: 5, fair: 1, poor: 0 }],
    });
    expect(list.staff).toEqual([
      expect.objectContaining({ targetId: r.a, counts: { excellent: 10, good: 5, fair: 1, poor: 0 } }),
    ]);
    list = await saved('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.a, excellent: 0, good: 0, fair: 0, poor: 0 }],
    });
    expect(list.staff).toEqual([]);

    list = await saved('ballots.saveService', { assessmentId: id, targetId: r.a, scores: [90, 85.5, 100] });
    expect(list.service.map((s) => s.score)).toEqual([90, 85.5, 100]);
    list = await saved('ballots.saveService', { assessmentId: id, targetId: r.a, scores: [60] });
    expect(list.service.map((s) => s.score)).toEqual([60]);

    list = await saved('ballots.delete', { assessmentId: id, kind: 'service', id: list.service[0]!.id });
    expect(list.service).toEqual([]);
    expect(await lastAudit(h)).toMatchObject({ action: 'ballots.delete', detail: { kind: '服务对象' } });
    expect(await h.err('ballots.delete', { assessmentId: id, kind: 'peer', id: 999 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到该测评票，可能已被删除',
    });
  });

  test.each([
    [
      'a leader’s order missing a cadre',
      'ballots.saveSuperior',
      (r: SmallRoster, id: number) => ({ assessmentId: id, raterLabel: 'L1', group: 'chief:C1', order: [r.a, r.b] }),
      'order',
      '排名不完整：缺少“朝鲁”，本组 3 人须全部排出名次',
    ],
    [
      'a repeated cadre in an order',
      'ballots.saveSuperior',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterLabel: 'L1',
        group: 'chief:C1',
        order: [r.a, r.b, r.a],
      }),
      'order',
      '“阿古拉”在排名中重复出现，请重新排名',
    ],
    [
      'a cadre of another group in an order',
      'ballots.saveSuperior',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterLabel: 'L1',
        group: 'chief:C1',
        order: [r.a, r.b, r.d],
      }),
      'order',
      '第 3 名“德力格尔”不属于本组，请重新排名',
    ],
    [
      'an unknown group',
      'ballots.saveSuperior',
      (r: SmallRoster, id: number) => ({ assessmentId: id, raterLabel: 'L1', group: 'chief:C7', order: [r.a] }),
      'group',
      '排名分组不是本次考核的分组',
    ],
    [
      'a self rating',
      'ballots.savePeer',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterId: r.a,
        ballots: [
          { targetId: r.b, scores: same(80) },
          { targetId: r.a, scores: same(99) },
        ],
      }),
      'ballots',
      '评价人“阿古拉”不能给本人打分',
    ],
    [
      'a peer score above 100',
      'ballots.savePeer',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterId: r.a,
        ballots: [{ targetId: r.b, scores: { zz1: 101, zz2: 80, zz3: 80 } }],
      }),
      'ballots.0.scores.zz1',
      '互评分数必须在 0–100 之间',
    ],
    [
      'a missing indicator',
      'ballots.savePeer',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterId: r.a,
        ballots: [{ targetId: r.b, scores: { zz1: 80, zz2: 80 } }],
      }),
      'ballots',
      '对“巴特尔”的“攻坚克难”未填写分数',
    ],
    [
      'a rater of another group',
      'ballots.savePeer',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterId: r.d,
        ballots: [{ targetId: r.a, scores: same(80) }],
      }),
      'ballots',
      '“阿古拉”与评价人“德力格尔”不在同一组，不能互评',
    ],
    [
      'a rater outside the assessment',
      'ballots.savePeer',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        raterId: r.f,
        ballots: [{ targetId: r.a, scores: same(80) }],
      }),
      'raterId',
      '评价人不是本次考核的成员',
    ],
    [
      'a service score below 0',
      'ballots.saveService',
      (r: SmallRoster, id: number) => ({ assessmentId: id, targetId: r.a, scores: [80, -1] }),
      'scores.1',
      '服务对象评分必须在 0–100 之间',
    ],
    [
      'a negative staff count',
      'ballots.saveStaff',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        counts: [{ targetId: r.a, excellent: -1, good: 0, fair: 0, poor: 0 }],
      }),
      'counts.0.excellent',
      '优秀票数不能为负',
    ],
    [
      'an adjustment of 0 points',
      'adjustments.add',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        targetId: r.a,
        points: 0,
        date: '2025-01-01',
        reason: '无',
      }),
      'points',
      '加减分不能为 0',
    ],
    [
      'a veto without a reason',
      'vetoes.add',
      (r: SmallRoster, id: number) => ({ assessmentId: id, targetId: r.a, reason: '  ' }),
      'reason',
      '请填写否决理由',
    ],
  ] as const)(
    '%s is refused with a message naming the field; nothing is saved',
    async (_name, call, input, field, message) => {
      const { h, r, id } = await collecting();
      const before = await assessmentTables(h);
      expect(await h.err(call, input(r, id))).toEqual({ code: 'VALIDATION', field, message });
      expect(await assessmentTables(h)).toEqual(before);
    },
  );

  test('entry is refused outside 测评中 with a message; a peer batch with one bad target saves nothing', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await createC1(h);
    expect(await h.err('ballots.saveService', { assessmentId: a.id, targetId: r.a, scores: [90] })).toEqual({
      code: 'VALIDATION',
      message: `考核“${a.name}”当前为“准备”状态，只有“测评中”状态才能录入测评票`,
    });
    const c = await startCollecting(h, a);
    const before = await assessmentTables(h);
    await h.err('ballots.savePeer', {
      assessmentId: c.id,
      raterId: r.a,
      ballots: [
        { targetId: r.b, scores: same(80) },
        { targetId: r.c, scores: { zz1: 1 } },
      ],
    });
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok('assessments.setState', { id: c.id, version: c.version, state: 'summarized' });
    expect(
      await h.err('adjustments.add', {
        assessmentId: c.id,
        targetId: r.a,
        points: 1,
        date: '2025-01-01',
        reason: '表彰',
      }),
    ).toMatchObject({
      message: `考核“${a.name}”当前为“已汇总”状态，只有“测评中”状态才能录入加减分`,
    });
  });
});

describe('rankings', () => {
  test('the worked example of scoring.md entered through the calls gives its ranking; deputies without ballots are unranked', async () => {
    const { h, r, id } = await collecting();
    await enterWorkedExample(h, id, r);
    const view = await h.ok('rankings.get', { assessmentId: id });
    const chiefs = view.result.groups.find((g) => g.position === 'chief' && g.groupKey === 'C1')!;
    expect(
      chiefs.rows.map((x) => [view.members[x.cadreId]!.name, x.rank, x.finalScore, x.base, x.bonus, x.grade, x.flags]),
    ).toEqual([
      ['巴特尔', 1, 91.1, 88.1, 3, 'competent', []],
      ['阿古拉', 2, 89.75, 89.75, 0, 'competent', []],
      ['朝鲁', 3, 66.25, 66.25, 0, 'competent', ['missing:service']],
    ]);
    // Staff and service rest on fewer than 3 (anonymous) ballots: their scores show, their counts do not (issue 21 §5).
    expect(chiefs.rows[1]!.components).toEqual({
      superior: { score: 90, ballots: 2, trimmed: false },
      peer: { score: 85, ballots: 2, trimmed: false },
      staff: { score: 92.5, ballots: 0, trimmed: false },
      service: { score: 90, ballots: 0, trimmed: false },
    });
    expect(view.concealed?.[String(r.a)]).toEqual(['staff', 'service']);
    expect(chiefs.excellentQuota).toBe(0);
    expect(view.result.unranked).toEqual([
      { cadreId: String(r.d), reason: 'noData' },
      { cadreId: String(r.e), reason: 'noData' },
    ]);
    expect(view.groupNames).toEqual({ 'chief:C1': '正职·苏木镇（街道）', [`deputy:${r.units.wulan}`]: '副职·乌兰镇' });
    expect(view.invalidBallots).toEqual([]);
  });

  test('what-if: other weights rank again without saving anything; bad weights are refused with the field named', async () => {
    const { h, r, id } = await collecting();
    await enterWorkedExample(h, id, r);
    const before = await assessmentTables(h);
    const weights = defaultAssessmentConfig().weights;
    weights.chief = { superior: 1, peer: 0, staff: 0, service: 0 };
    const result = await h.ok('rankings.whatIf', { assessmentId: id, weights });
    const chiefs = result.groups.find((g) => g.groupKey === 'C1')!;
    expect(chiefs.rows.map((x) => [x.cadreId, x.rank, x.finalScore])).toEqual([
      [String(r.b), 1, 93],
      [String(r.a), 2, 90],
      [String(r.c), 3, 60],
    ]);
    weights.deputy = { superior: 0, peer: 0, staff: 0, service: 0 };
    expect(await h.err('rankings.whatIf', { assessmentId: id, weights })).toEqual({
      code: 'VALIDATION',
      field: 'weights.deputy',
      message: '副职四项权重不能全为 0',
    });
    expect(await assessmentTables(h)).toEqual(before);
    expect((await h.ok('rankings.get', { assessmentId: id })).result.groups[0]!.rows[0]!.finalScore).toBe(91.1);
  });

  test('ballots made invalid by a later configuration change are listed with a Chinese reason', async () => {
    const { h, r, id } = await collecting();
    await h.ok('ballots.savePeer', { assessmentId: id, raterId: r.a, ballots: [{ targetId: r.b, scores: same(80) }] });
    const a = await h.ok('assessments.get', { id });
    const config = defaultAssessmentConfig();
    config.indicators.chief = [
      { id: 'zz1', weight: 0.5 },
      { id: 'zz2', weight: 0.5 },
    ];
    await h.ok('assessments.updateConfig', { id, version: a.version, config });
    const view = await h.ok('rankings.get', { assessmentId: id });
    expect(view.invalidBallots).toEqual([
      {
        kind: 'peer',
        index: 0,
        reason: 'peer.indicators',
        reasonText: '互评指标与当前配置不一致（配置修改后需重新录入）',
        ballot: '阿古拉对巴特尔的互评',
      },
    ]);
  });
});

describe('grade confirmation and archive', () => {
  async function summarized() {
    const c = await collecting();
    await enterWorkedExample(c.h, c.id, c.r);
    const a = await c.h.ok('assessments.get', { id: c.id });
    const s = await c.h.ok('assessments.setState', { id: c.id, version: a.version, state: 'summarized' });
    return { ...c, version: s.version };
  }

  test('an override needs a reason; 优秀 beyond the quota is refused; the suggested grade confirms without one', async () => {
    const { h, r, id } = await summarized();
    const before = await assessmentTables(h);
    expect(await h.err('grades.confirm', { assessmentId: id, cadreId: r.c, grade: 'basicallyCompetent' })).toEqual({
      code: 'VALIDATION',
      field: 'reason',
      message: '“朝鲁”的建议等次为“称职”，改为“基本称职”须填写调整理由',
    });
    expect(
      await h.err('grades.confirm', { assessmentId: id, cadreId: r.b, grade: 'excellent', reason: '表现突出' }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'grade',
      message: '“正职·苏木镇（街道）”组的优秀名额为 0 名，评定“巴特尔”为优秀后将有 1 名，超出名额，未保存',
    });
    expect(await h.err('grades.confirm', { assessmentId: id, cadreId: r.d, grade: 'competent' })).toMatchObject({
      message: '“德力格尔”没有有效测评数据，未参与排名，不能确认等次',
    });
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok('grades.confirm', { assessmentId: id, cadreId: r.b, grade: 'competent' });
    const view = await h.ok('grades.confirm', {
      assessmentId: id,
      cadreId: r.c,
      grade: 'basicallyCompetent',
      reason: '服务对象评价缺失，综合研判',
    });
    expect(view.confirmations.map((c) => [c.cadreId, c.grade, c.reason])).toEqual([
      [r.b, 'competent', ''],
      [r.c, 'basicallyCompetent', '服务对象评价缺失，综合研判'],
    ]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'grades.confirm',
      detail: { cadre: '朝鲁', grade: '基本称职', suggested: '称职', reason: '服务对象评价缺失，综合研判' },
    });
  });

  test(
    'archiving stores the result with the SHA-256 of the canonical input; the digest is reproducible; the archive ' +
      'is immutable',
    async () => {
      const { h, r, id, version } = await summarized();
      await h.ok('grades.confirm', { assessmentId: id, cadreId: r.b, grade: 'competent' });
      const db = h.host.session().db;
      const { input } = await loadRankingInput(db, id);
      const expected = createHash('sha256').update(canonicalJson(input)).digest('hex');
      expect(await currentDigest(db, id)).toBe(expected);
      expect(await currentDigest(db, id)).toBe(expected);
      const before = await h.ok('rankings.get', { assessmentId: id });

      const archived = await h.ok('assessments.archive', { id, version });
      expect(archived).toMatchObject({ state: 'archived', digest: expected });
      expect(await lastAudit(h)).toMatchObject({ action: 'assessments.archive', detail: { digest: expected } });
      const view = await h.ok('rankings.get', { assessmentId: id });
      // The view withholds the counts of components resting on fewer than 3 anonymous ballots (issue 21 §5).
      expect(view.result).toEqual(withoutConcealedCounts(computeRankings(input), view.concealed ?? {}));
      expect(view.result).toEqual(before.result);
      expect(view).toMatchObject({
        state: 'archived',
        digest: expected,
        confirmations: [expect.objectContaining({ cadreId: r.b, grade: 'competent' })],
      });

      // Every change is refused, and nothing in the assessment tables moves.
      const frozen = await assessmentTables(h);
      const refusals = [
        await h.err('ballots.saveService', { assessmentId: id, targetId: r.a, scores: [1] }),
        await h.err('ballots.delete', { assessmentId: id, kind: 'service', id: 1 }),
        await h.err('adjustments.delete', { assessmentId: id, id: 1 }),
        await h.err('vetoes.add', { assessmentId: id, targetId: r.a, reason: '违纪' }),
        await h.err('assessments.updateConfig', { id, version: archived.version, config: defaultAssessmentConfig() }),
        await h.err('assessments.setState', { id, version: archived.version, state: 'collecting' }),
        await h.err('assessments.archive', { id, version: archived.version }),
        await h.err('assessments.refreshMembers', { id, version: archived.version }),
        await h.err('grades.confirm', { assessmentId: id, cadreId: r.a, grade: 'competent' }),
      ];
      for (const e of refusals) expect(e.message).toMatch(/已归档/);
      expect(await assessmentTables(h)).toEqual(frozen);

      // A roster change afterwards leaves the archived result and its digest alone.
      await h.ok('cadres.create', { input: minimalCadre(r.units.qipan, { name: '新来者', position: 'chief' }) });
      expect(await h.ok('rankings.get', { assessmentId: id })).toEqual(view);
      expect(await currentDigest(db, id)).toBe(expected);
    },
  );

  test('the same inputs in another store give the same digest', async () => {
    const one = await summarized();
    const two = await summarized();
    const d1 = (await one.h.ok('assessments.archive', { id: one.id, version: one.version })).digest;
    const d2 = (await two.h.ok('assessments.archive', { id: two.id, version: two.version })).digest;
    expect(d1).toBe(d2);
  });
});
