// Paper ballots entered twice (二次录入) on a real store: a match counts, a mismatch is listed side by side and does not
// count until resolved, a third entry and the same clerk twice are refused, and every refusal leaves the store as it was.
import { describe, expect, test } from 'vitest';
import { diffPaperBallots, type PaperBallot } from '../../../shared/assessment/paper';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { addUser, lastAudit, loginAdmin, loginAs, newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

const CLERK2 = { username: 'clerk2', password: 'Clerk2@2025' } as const;

/** An assessment in 测评中 and two 考核录入员 accounts (the first logged in). */
async function twoClerks(): Promise<{
  h: TestHost;
  r: SmallRoster;
  id: number;
  asFirst(): Promise<void>;
  asSecond(): Promise<void>;
}> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await addUser(h, {
    username: CLERK2.username,
    displayName: '考核录入员乙',
    role: 'assessmentClerk',
    password: CLERK2.password,
  });
  const asFirst = () => loginAs(h, 'assessmentClerk');
  const asSecond = async () => void (await h.ok('session.login', CLERK2));
  await asFirst();
  return { h, r, id: a.id, asFirst, asSecond };
}

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });
const rankingOf = async (h: TestHost, id: number) => {
  const v = await h.ok('rankings.get', { assessmentId: id });
  return v.result.groups
    .find((g) => g.groupKey === 'C1')!
    .rows.map((x) => ({
      id: Number(x.cadreId),
      superior: x.components.superior?.ballots ?? 0,
      peer: x.components.peer?.ballots ?? 0,
    }));
};

describe('二次录入', () => {
  test('two matching entries by two clerks count; the first alone does not; the list hides the first until then', async () => {
    const { h, r, id, asSecond } = await twoClerks();
    const ballot: PaperBallot = { kind: 'superior', group: 'chief:C1', order: [r.b, r.a, r.c] };
    expect(await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-001', ballot })).toEqual({
      paperNo: 'SJ-001',
      entryNo: 1,
      state: 'pending',
    });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior).toEqual([]);
    expect(await h.ok('paper.list', { assessmentId: id })).toEqual([
      {
        paperNo: 'SJ-001',
        kind: 'superior',
        state: 'pending',
        entries: [{ entryNo: 1, enteredBy: '考核录入员甲', enteredAt: expect.any(String), ballot: null }],
        resolvedEntry: null,
        resolvedBy: null,
      },
    ]);
    await asSecond();
    expect(await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-001', ballot })).toEqual({
      paperNo: 'SJ-001',
      entryNo: 2,
      state: 'matched',
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'paper.enter',
      detail: { kind: '上级排名', paperNo: 'SJ-001', entry: 2, state: 'matched' },
    });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior).toEqual([
      expect.objectContaining({
        raterLabel: '纸质票 SJ-001',
        paperNo: 'SJ-001',
        order: [r.b, r.a, r.c],
        anonymous: false,
      }),
    ]);
    expect((await rankingOf(h, id)).every((x) => x.superior === 1)).toBe(true);

    // Peer ballots typed in another order still match.
    await h.ok('paper.enter', {
      assessmentId: id,
      paperNo: 'HP-001',
      ballot: {
        kind: 'peer',
        raterId: r.a,
        ballots: [
          { targetId: r.c, scores: same(70) },
          { targetId: r.b, scores: same(85) },
        ],
      },
    });
    await loginAs(h, 'assessmentClerk');
    expect(
      await h.ok('paper.enter', {
        assessmentId: id,
        paperNo: 'HP-001',
        ballot: {
          kind: 'peer',
          raterId: r.a,
          ballots: [
            { targetId: r.b, scores: same(85) },
            { targetId: r.c, scores: same(70) },
          ],
        },
      }),
    ).toMatchObject({ state: 'matched' });
    expect(
      wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer.map((b) => [
        b.raterId,
        b.targetId,
        b.paperNo,
      ]),
    ).toEqual([
      [r.a, r.b, 'HP-001'],
      [r.a, r.c, 'HP-001'],
    ]);
  });

  test('a mismatch is listed side by side and not counted; resolving by the paper counts the chosen entry', async () => {
    const { h, r, id, asSecond } = await twoClerks();
    const first: PaperBallot = {
      kind: 'peer',
      raterId: r.a,
      ballots: [
        { targetId: r.b, scores: same(85) },
        { targetId: r.c, scores: same(70) },
      ],
    };
    const second: PaperBallot = {
      kind: 'peer',
      raterId: r.a,
      ballots: [
        { targetId: r.b, scores: { zz1: 85, zz2: 58, zz3: 85 } },
        { targetId: r.c, scores: same(70) },
      ],
    };
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'HP-007', ballot: first });
    await asSecond();
    expect(await h.ok('paper.enter', { assessmentId: id, paperNo: 'HP-007', ballot: second })).toMatchObject({
      state: 'mismatch',
    });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer).toEqual([]);
    expect((await rankingOf(h, id)).every((x) => x.peer === 0)).toBe(true);
    const [paper] = await h.ok('paper.list', { assessmentId: id });
    expect(paper).toMatchObject({
      state: 'mismatch',
      entries: [
        { entryNo: 1, enteredBy: '考核录入员甲', ballot: first },
        { entryNo: 2, enteredBy: '考核录入员乙', ballot: second },
      ],
    });
    const diff = diffPaperBallots(paper!.entries[0]!.ballot!, paper!.entries[1]!.ballot!);
    expect(diff.filter((d) => d.differs)).toEqual([
      { key: `${r.b}-zz2`, label: { targetId: r.b, indicatorId: 'zz2' }, first: 85, second: 58, differs: true },
    ]);
    expect(diff).toHaveLength(1 + 6);

    // Third entry refused, store unchanged.
    await loginAdmin(h);
    const before = await assessmentTables(h);
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'HP-007', ballot: first })).toEqual({
      code: 'VALIDATION',
      field: 'paperNo',
      message: '纸质票“HP-007”已录入两次，不能再录入第三次（两次录入不一致，请在“待核对”中核对纸质票后处理）',
    });
    expect(await assessmentTables(h)).toEqual(before);

    expect(await h.ok('paper.resolve', { assessmentId: id, paperNo: 'HP-007', entryNo: 1 })).toEqual({
      paperNo: 'HP-007',
      entryNo: 1,
      state: 'resolved',
    });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer.map((b) => b.scores)).toEqual([
      same(85),
      same(70),
    ]);
    expect((await h.ok('paper.list', { assessmentId: id }))[0]).toMatchObject({
      state: 'resolved',
      resolvedEntry: 1,
      resolvedBy: '王管理员',
    });
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'HP-007', ballot: first })).toMatchObject({
      message: '纸质票“HP-007”已录入两次，不能再录入第三次（已计入排名）',
    });
  });

  test('a wrong entry can be discarded and entered again by a clerk other than the remaining entry’s', async () => {
    const { h, r, id, asFirst, asSecond } = await twoClerks();
    await h.ok('paper.enter', {
      assessmentId: id,
      paperNo: 'SJ-9',
      ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.b, r.c] },
    });
    await asSecond();
    await h.ok('paper.enter', {
      assessmentId: id,
      paperNo: 'SJ-9',
      ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.c, r.b] },
    });
    await h.ok('paper.discard', { assessmentId: id, paperNo: 'SJ-9', entryNo: 1 });
    expect((await h.ok('paper.list', { assessmentId: id }))[0]).toMatchObject({
      state: 'pending',
      entries: [{ entryNo: 1, enteredBy: '考核录入员乙', ballot: null }],
    });
    // The second clerk's entry stays; the first clerk enters again and matches it.
    expect(
      await h.err('paper.enter', {
        assessmentId: id,
        paperNo: 'SJ-9',
        ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.c, r.b] },
      }),
    ).toMatchObject({ field: 'paperNo' });
    await asFirst();
    expect(
      await h.ok('paper.enter', {
        assessmentId: id,
        paperNo: 'SJ-9',
        ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.c, r.b] },
      }),
    ).toMatchObject({ state: 'matched' });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior.map((b) => b.order)).toEqual([
      [r.a, r.c, r.b],
    ]);
  });

  test.each([
    [
      'the same clerk entering twice',
      'again',
      { kind: 'superior', group: 'chief:C1', order: [1, 2, 3] },
      'paperNo',
      '纸质票“P-1”的第一次录入是您本人完成的，第二次录入须由另一名录入员完成',
    ],
    [
      'another kind for the same paper number',
      'second',
      { kind: 'peer', raterId: 1, ballots: [{ targetId: 2, scores: { zz1: 80, zz2: 80, zz3: 80 } }] },
      'paperNo',
      '纸质票“P-1”第一次录入为上级排名票，请核对票号',
    ],
    [
      'an incomplete order',
      'second',
      { kind: 'superior', group: 'chief:C1', order: [1, 2] },
      'order',
      '排名不完整：缺少“朝鲁”，本组 3 人须全部排出名次',
    ],
    [
      'a self rating',
      'second',
      { kind: 'peer', raterId: 1, ballots: [{ targetId: 1, scores: { zz1: 80, zz2: 80, zz3: 80 } }] },
      'ballots',
      '评价人“阿古拉”不能给本人打分',
    ],
    [
      'a score above 100',
      'second',
      { kind: 'peer', raterId: 1, ballots: [{ targetId: 2, scores: { zz1: 180, zz2: 80, zz3: 80 } }] },
      'ballot.ballots.0.scores.zz1',
      '分数必须在 0–100 之间',
    ],
  ] as const)(
    '%s is refused with a message naming the field; nothing is stored',
    async (_n, who, ballot, field, message) => {
      const { h, r, id, asSecond } = await twoClerks();
      expect([r.a, r.b, r.c]).toEqual([1, 2, 3]);
      await h.ok('paper.enter', {
        assessmentId: id,
        paperNo: 'P-1',
        ballot: { kind: 'superior', group: 'chief:C1', order: [1, 2, 3] },
      });
      if (who === 'second') await asSecond();
      const before = await assessmentTables(h);
      expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'P-1', ballot })).toEqual({
        code: 'VALIDATION',
        field,
        message,
      });
      expect(await assessmentTables(h)).toEqual(before);
    },
  );

  test('refusals: empty paper number, resolving a paper with nothing to resolve, entry outside 测评中, a reviewer', async () => {
    const { h, r, id } = await twoClerks();
    const ballot: PaperBallot = { kind: 'superior', group: 'chief:C1', order: [r.a, r.b, r.c] };
    const before = await assessmentTables(h);
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: '  ', ballot })).toEqual({
      code: 'VALIDATION',
      field: 'paperNo',
      message: '请填写纸质票编号',
    });
    expect(await h.err('paper.resolve', { assessmentId: id, paperNo: 'X', entryNo: 1 })).toEqual({
      code: 'NOT_FOUND',
      field: 'paperNo',
      message: '找不到纸质票“X”的录入记录',
    });
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'X', ballot });
    const pending = await assessmentTables(h);
    expect(await h.err('paper.resolve', { assessmentId: id, paperNo: 'X', entryNo: 1 })).toEqual({
      code: 'VALIDATION',
      field: 'paperNo',
      message: '纸质票“X”没有待核对的不一致录入',
    });
    expect(await assessmentTables(h)).toEqual(pending);
    await h.ok('paper.discard', { assessmentId: id, paperNo: 'X', entryNo: 1 });
    expect(await assessmentTables(h)).toMatchObject({ digest: before.digest });
    await loginAs(h, 'reviewer');
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'Y', ballot })).toMatchObject({ code: 'FORBIDDEN' });
    await loginAdmin(h);
    const d = await h.ok('assessments.get', { id });
    await h.ok('assessments.setState', { id, version: d.version, state: 'summarized' });
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'Y', ballot })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('只有“测评中”状态才能录入纸质票'),
    });
  });
});
