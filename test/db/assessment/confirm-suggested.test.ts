// 按建议等次批量确认 on a real store: one step per group or for all, exceptions left alone and named, refusals that change nothing.
import { describe, expect, test } from 'vitest';
import { suggestedPlan } from '../../../shared/assessment/suggested-grades';
import { assessmentTables, createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { lastAudit, newRosterHost } from '../../helpers/roster';

async function collecting() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await enterWorkedExample(h, a.id, r);
  // 额尔敦 ranked too, so the 副职 group of 乌兰镇 has someone to confirm.
  await h.ok('ballots.saveService', { assessmentId: a.id, targetId: r.e, scores: [80] });
  return { h, r, id: a.id, name: a.name };
}

async function summarized() {
  const c = await collecting();
  const a = await c.h.ok('assessments.get', { id: c.id });
  await c.h.ok('assessments.setState', { id: c.id, version: a.version, state: 'summarized' });
  return c;
}

describe('grades.confirmSuggested', () => {
  test('a group in one step: the unconfirmed take their suggested grade, one confirmed otherwise is kept and named', async () => {
    const { h, r, id, name } = await summarized();
    await h.ok('grades.confirm', {
      assessmentId: id,
      cadreId: r.c,
      grade: 'basicallyCompetent',
      reason: '服务对象评价缺失，综合研判',
    });
    const before = await h.ok('rankings.get', { assessmentId: id });
    const suggested = new Map(before.result.groups.flatMap((g) => g.rows.map((x) => [Number(x.cadreId), x.grade])));
    const plan = suggestedPlan(before, 'chief:C1');
    expect(plan.confirm.map((c) => c.cadreId).sort()).toEqual([r.a, r.b].sort());

    const out = await h.ok('grades.confirmSuggested', { assessmentId: id, group: 'chief:C1', cadreIds: [r.b, r.a] });
    expect(out.confirmed).toBe(2);
    expect(out.skipped).toEqual([
      { cadreId: r.c, name: '朝鲁', reason: '已确认为“基本称职”（建议等次“称职”），保持不变' },
    ]);
    const grades = new Map(out.view.confirmations.map((c) => [c.cadreId, [c.grade, c.reason]]));
    expect(grades.get(r.a)).toEqual([suggested.get(r.a), '']);
    expect(grades.get(r.b)).toEqual([suggested.get(r.b), '']);
    expect(grades.get(r.c)).toEqual(['basicallyCompetent', '服务对象评价缺失，综合研判']);
    // The other group is untouched.
    expect(grades.has(r.e)).toBe(false);
    expect(await lastAudit(h)).toMatchObject({
      action: 'grades.confirmSuggested',
      target: name,
      detail: { scope: '正职·苏木镇（街道）', confirmed: 2, skipped: ['朝鲁'] },
    });

    // Then all the rest: only 额尔敦 is left.
    const rest = suggestedPlan(out.view);
    expect(rest.confirm).toEqual([{ cadreId: r.e, grade: suggested.get(r.e) }]);
    const all = await h.ok('grades.confirmSuggested', { assessmentId: id, cadreIds: [r.e] });
    expect(all.confirmed).toBe(1);
    expect(all.view.confirmations).toHaveLength(4);
    expect(await lastAudit(h)).toMatchObject({ detail: { scope: '全部分组', confirmed: 1 } });
  });

  test('refusals name the reason and leave the store exactly as it was', async () => {
    const c = await collecting();
    let before = await assessmentTables(c.h);
    expect(await c.h.err('grades.confirmSuggested', { assessmentId: c.id, cadreIds: [c.r.a] })).toMatchObject({
      code: 'VALIDATION',
      message: `考核“${c.name}”当前为“测评中”状态，只有“已汇总”状态才能确认等次`,
    });
    expect(await assessmentTables(c.h)).toEqual(before);

    const { h, r, id } = await summarized();
    // The dialog showed a, b, c; meanwhile c was confirmed otherwise by someone else: nothing is saved.
    const seen = suggestedPlan(await h.ok('rankings.get', { assessmentId: id }), 'chief:C1').confirm.map(
      (x) => x.cadreId,
    );
    await h.ok('grades.confirm', { assessmentId: id, cadreId: r.c, grade: 'basicallyCompetent', reason: '综合研判' });
    before = await assessmentTables(h);
    expect(
      await h.err('grades.confirmSuggested', { assessmentId: id, group: 'chief:C1', cadreIds: seen }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '确认期间等次已有变化（其他人确认或调整了等次），请刷新后重新确认，本次未保存',
    });
    expect(
      await h.err('grades.confirmSuggested', { assessmentId: id, group: 'chief:C7', cadreIds: [r.a] }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'group',
      message: '所选分组不是本次考核参与排名的分组',
    });
    expect(
      await h.err('grades.confirmSuggested', {
        assessmentId: id,
        group: 'chief:C1',
        cadreIds: 'a' as unknown as number[],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '要确认的干部不正确',
    });
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok('grades.confirmSuggested', { assessmentId: id, cadreIds: [r.a, r.b, r.e] });
    expect(await h.err('grades.confirmSuggested', { assessmentId: id, cadreIds: [] })).toMatchObject({
      code: 'VALIDATION',
      message: '没有需要按建议等次确认的干部',
    });
  });

  test('a tie at the last 优秀 place and 优秀 beyond the quota are left for one-by-one confirmation', () => {
    // A hand-made view with only the fields suggestedPlan reads.
    const row = (cadreId: string, grade: 'excellent' | 'competent', flags: string[] = []): unknown => ({
      cadreId,
      grade,
      flags,
      rank: 1,
    });
    const view: unknown = {
      confirmations: [
        { cadreId: 3, grade: 'excellent' as const, reason: '表现突出', confirmedBy: 'x', confirmedAt: '' },
      ],
      result: {
        groups: [
          {
            position: 'chief',
            groupKey: 'C1',
            excellentQuota: 1,
            size: 4,
            rows: [
              row('1', 'excellent'),
              row('2', 'competent', ['quotaTie']),
              row('3', 'competent'),
              row('4', 'competent'),
            ],
          },
        ],
        unranked: [],
        invalidBallots: [],
      },
    };
    const plan = suggestedPlan(view as Parameters<typeof suggestedPlan>[0]);
    expect(plan.confirm).toEqual([{ cadreId: 4, grade: 'competent' }]);
    expect(plan.skipped).toEqual([
      { cadreId: 1, reason: '本组优秀名额为 1 名，已用完，须逐人确认' },
      { cadreId: 2, reason: '与他人并列优秀名额的最后一名，须逐人确认' },
      { cadreId: 3, reason: '已确认为“优秀”（建议等次“称职”），保持不变' },
    ]);
  });
});
