// 逐票录入 of staff ballots: each ballot adds one vote per cadre of its group, in place, so concurrent clerks lose nothing.
import { describe, expect, test } from 'vitest';
import type { StaffGrade } from '../../../shared/scoring/types';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { lastAudit, loginAs, newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id };
}

const ballot = (id: number, votes: [number, StaffGrade][]) => ({
  assessmentId: id,
  group: 'chief:C1',
  votes: votes.map(([targetId, grade]) => ({ targetId, grade })),
});
const counts = async (h: TestHost, id: number) =>
  Object.fromEntries(
    wholeBallots(await h.ok('ballots.list', { assessmentId: id })).staff.map((s) => [s.targetId, s.counts]),
  );

describe('single staff ballots', () => {
  test('each ballot adds exactly one vote per cadre, on top of the tallies already saved; one audit entry', async () => {
    const { h, r, id } = await collecting();
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.a, excellent: 10, good: 2, fair: 0, poor: 0 }],
    });
    expect(
      await h.ok(
        'ballots.addStaffBallot',
        ballot(id, [
          [r.a, 'excellent'],
          [r.b, 'good'],
          [r.c, 'poor'],
        ]),
      ),
    ).toEqual({ changed: 3 });
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.addStaffBallot',
      detail: { kind: '职工测评', group: '正职·苏木镇（街道）', ballots: 1, cadres: 3 },
    });
    await h.ok(
      'ballots.addStaffBallot',
      ballot(id, [
        [r.c, 'fair'],
        [r.a, 'good'],
        [r.b, 'good'],
      ]),
    );
    expect(await counts(h, id)).toEqual({
      [r.a]: { excellent: 11, good: 3, fair: 0, poor: 0 },
      [r.b]: { excellent: 0, good: 2, fair: 0, poor: 0 },
      [r.c]: { excellent: 0, good: 0, fair: 1, poor: 1 },
    });
  });

  test('two clerks entering at once lose no vote', async () => {
    const { h, r, id } = await collecting();
    const n = 20;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        h.ok(
          'ballots.addStaffBallot',
          ballot(id, [
            [r.a, i % 2 ? 'excellent' : 'good'],
            [r.b, 'fair'],
            [r.c, 'poor'],
          ]),
        ),
      ),
    );
    expect(await counts(h, id)).toEqual({
      [r.a]: { excellent: n / 2, good: n / 2, fair: 0, poor: 0 },
      [r.b]: { excellent: 0, good: 0, fair: n, poor: 0 },
      [r.c]: { excellent: 0, good: 0, fair: 0, poor: n },
    });
  });

  test.each([
    [
      'a cadre without a grade',
      (r: SmallRoster, id: number) =>
        ballot(id, [
          [r.a, 'good'],
          [r.c, 'good'],
        ]),
      'votes',
      '本票缺少“巴特尔”的评价等次，请补全后再提交',
    ],
    [
      'a cadre graded twice',
      (r: SmallRoster, id: number) =>
        ballot(id, [
          [r.a, 'good'],
          [r.b, 'good'],
          [r.a, 'fair'],
          [r.c, 'good'],
        ]),
      'votes',
      '本票中“阿古拉”的等次填写了两次',
    ],
    [
      'a cadre of another group',
      (r: SmallRoster, id: number) =>
        ballot(id, [
          [r.a, 'good'],
          [r.b, 'good'],
          [r.c, 'good'],
          [r.d, 'good'],
        ]),
      'votes',
      '本票中有不属于本组的干部，请重新填写',
    ],
    [
      'an unknown group',
      (r: SmallRoster, id: number) => ({ ...ballot(id, [[r.a, 'good']]), group: 'chief:C7' }),
      'group',
      '测评分组不是本次考核的分组',
    ],
    [
      'an unknown grade',
      (r: SmallRoster, id: number) => ({
        assessmentId: id,
        group: 'chief:C1',
        votes: [{ targetId: r.a, grade: 'great' }],
      }),
      'votes.0.grade',
      '请为每名干部选择优秀、较好、一般或较差',
    ],
    ['an empty ballot', (_r: SmallRoster, id: number) => ballot(id, []), 'votes', '请为本组每名干部选择评价等次'],
  ] as const)('%s is refused with the field named; the store is unchanged', async (_name, input, field, message) => {
    const { h, r, id } = await collecting();
    await h.ok(
      'ballots.addStaffBallot',
      ballot(id, [
        [r.a, 'good'],
        [r.b, 'good'],
        [r.c, 'good'],
      ]),
    );
    const before = await assessmentTables(h);
    expect(await h.err('ballots.addStaffBallot', input(r, id) as never)).toEqual({
      code: 'VALIDATION',
      field,
      message,
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('only in 测评中; only the administrator and the 考核录入员', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await createC1(h);
    const full = (id: number) =>
      ballot(id, [
        [r.a, 'good'],
        [r.b, 'good'],
        [r.c, 'good'],
      ]);
    expect(await h.err('ballots.addStaffBallot', full(a.id))).toEqual({
      code: 'VALIDATION',
      message: `考核“${a.name}”当前为“准备”状态，只有“测评中”状态才能录入测评票`,
    });
    const c = await startCollecting(h, a);
    await loginAs(h, 'assessmentClerk');
    expect(await h.ok('ballots.addStaffBallot', full(c.id))).toEqual({ changed: 3 });
    // Logging in writes audit entries; the assessment's own tables must not move.
    const before = (await assessmentTables(h)).digest;
    for (const role of ['dossierClerk', 'reviewer'] as const) {
      await loginAs(h, role);
      expect(await h.err('ballots.addStaffBallot', full(c.id))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await assessmentTables(h)).digest).toBe(before);
  });
});
