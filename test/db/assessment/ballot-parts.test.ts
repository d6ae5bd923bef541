// ballots.list by parts (issue 19 §4) on a real store: each list read alone is exactly that list of the whole answer,
// concealment included (评议终端 上级排名 groups, small kiosk staff tallies, 意见建议 below 3 forms); it reads only its
// own table; a bad `parts` is refused in Chinese naming the field.
import { describe, expect, test } from 'vitest';
import { listBallots } from '../../../db/assessment/ballot-lists';
import {
  BALLOT_PARTS,
  mergeBallots,
  wholeBallots,
  type BallotLists,
  type BallotPart,
} from '../../../shared/assessment/ballot-parts';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { countSelects } from '../../helpers/query-count';
import { newRosterHost } from '../../helpers/roster';
import { ADMIN } from '../../helpers/tmp-store';

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

/**
 * Every list filled, with what each conceals: one 评议终端 上级排名 ballot beside one clerk's (fewer than 3: concealed),
 * 2 kiosk staff votes on each 副职 (concealed tallies), 意见建议 on a cadre with 3 forms (shown) and one with 2 (hidden).
 */
async function everyList(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const { id } = await startCollecting(h, await createC1(h));
  const deputy = `deputy:${r.units.wulan}`;
  const leader = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
  const staff = await h.ok('codes.generate', { assessmentId: id, kind: 'staff', group: deputy, count: 2 });
  await h.ok('kiosk.start', { assessmentId: id });
  await h.ok('kiosk.submit', { code: leader.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
  for (const slip of staff.slips)
    await h.ok('kiosk.submit', {
      code: slip.code,
      ballot: {
        kind: 'staff',
        votes: [
          { targetId: r.d, grade: 'excellent' },
          { targetId: r.e, grade: 'good' },
        ],
      },
    });
  await h.ok('kiosk.exit', { password: ADMIN.password });
  await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L1', group: 'chief:C1', order: [r.b, r.a, r.c] });
  await h.ok('ballots.savePeer', {
    assessmentId: id,
    raterId: r.b,
    ballots: [
      { targetId: r.a, scores: same(90) },
      { targetId: r.c, scores: same(70) },
    ],
  });
  await h.ok('ballots.saveStaff', {
    assessmentId: id,
    counts: [
      { targetId: r.a, excellent: 1, good: 1, fair: 0, poor: 0 },
      { targetId: r.b, excellent: 0, good: 1, fair: 0, poor: 0 },
    ],
  });
  // One paper form: a and b each get a comment; a now has 3 forms, b 2.
  await h.ok('ballots.addStaffBallot', {
    assessmentId: id,
    group: 'chief:C1',
    votes: [
      { targetId: r.a, grade: 'good', comment: '作风扎实' },
      { targetId: r.b, grade: 'good', comment: '多下基层' },
      { targetId: r.c, grade: 'fair' },
    ],
  });
  await h.ok('ballots.saveService', { assessmentId: id, targetId: r.d, scores: [85], comments: ['服务热情'] });
  await h.ok('ballots.setVoidForms', { assessmentId: id, group: 'chief:C1', reason: 'excellentCapExceeded', count: 1 });
  await h.ok('adjustments.add', {
    assessmentId: id,
    targetId: r.b,
    points: 3,
    date: '2025-06-01',
    reason: '承办现场会',
  });
  await h.ok('vetoes.add', { assessmentId: id, targetId: r.c, reason: '违反政治纪律' });
  await h.ok('ineligible.add', { assessmentId: id, targetId: r.a, reason: '本年度受诫勉' });
  return { h, r, id };
}

/** The table each list is read from (意见建议 also count forms in the staff and service tables, in SQL). */
const TABLE_OF: Record<BallotPart, string> = {
  superior: 'assessment_superior_ballots',
  peer: 'assessment_peer_ballots',
  staff: 'assessment_staff_counts',
  service: 'assessment_service_ballots',
  adjustments: 'assessment_adjustments',
  vetoes: 'assessment_vetoes',
  ineligible: 'assessment_ineligible',
  comments: 'assessment_comments',
  voidForms: 'assessment_void_forms',
};

/** The parts of the whole answer `parts` names, as a parts answer carries them. */
const partsOfWhole = (whole: BallotLists, parts: readonly BallotPart[]): BallotLists => {
  const out: BallotLists = {};
  for (const p of parts) Object.assign(out, { [p]: whole[p] });
  if (parts.includes('superior') && whole.concealedSuperior) out.concealedSuperior = whole.concealedSuperior;
  return out;
};

describe('ballots.list by parts', () => {
  test('each list alone (and the lists a save reloads together) equals that list of the whole answer, concealment included', async () => {
    const { h, r, id } = await everyList();
    const whole = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    // What is concealed is there to compare: a kiosk 上级排名 group, the 副职's kiosk tallies, b's comments.
    expect(whole.concealedSuperior).toEqual(['chief:C1']);
    expect(whole.superior.map((b) => b.raterLabel)).toEqual(['L1']);
    expect(whole.staff.filter((s) => s.kioskConcealed).map((s) => s.targetId)).toEqual([r.d, r.e]);
    expect(whole.comments).toEqual([
      { cadreId: r.a, forms: 3, comments: [{ text: '作风扎实', count: 1 }] },
      { cadreId: r.b, forms: 2, comments: null },
      { cadreId: r.d, forms: 3, comments: [{ text: '服务热情', count: 1 }] },
    ]);
    for (const p of BALLOT_PARTS) expect(whole[p].length, p).toBeGreaterThan(0);

    const asked: BallotPart[][] = [
      ...BALLOT_PARTS.map((p) => [p]),
      ['staff', 'comments'],
      ['service', 'comments'],
      ['staff', 'comments', 'voidForms'],
      ['superior', 'peer', 'staff', 'comments'],
    ];
    for (const parts of asked) {
      const answer = await h.ok('ballots.list', { assessmentId: id, parts });
      expect(answer, parts.join('+')).toStrictEqual(partsOfWhole(whole, parts));
    }
  });

  test('each list alone reads its own table only (意见建议: counts of forms, in SQL)', async () => {
    const { h, id } = await everyList();
    const db = h.host.session().db;
    for (const p of BALLOT_PARTS) {
      const reads = countSelects();
      await listBallots(db.withPlugin(reads.plugin), id, [p]);
      const read = Object.values(TABLE_OF).filter((t) => reads.reads(t) > 0);
      const counted = p === 'comments' ? [TABLE_OF.staff, TABLE_OF.service] : [];
      expect(read.sort(), p).toEqual([TABLE_OF[p], ...counted].sort());
    }
  });

  test('the 上级排名 list read again says when no group is concealed any more; merged, the mark goes', async () => {
    const { h, r, id } = await everyList();
    const shown = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(shown.concealedSuperior).toEqual(['chief:C1']);
    await h.ok('ballots.saveSuperior', {
      assessmentId: id,
      raterLabel: 'L2',
      group: 'chief:C1',
      order: [r.c, r.a, r.b],
    });
    const answer = await h.ok('ballots.list', { assessmentId: id, parts: ['superior'] });
    expect(answer).not.toHaveProperty('concealedSuperior');
    const merged = mergeBallots(shown, answer, ['superior']);
    expect(merged).not.toHaveProperty('concealedSuperior');
    expect(merged.superior.map((b) => (b.anonymous ? '评议终端' : b.raterLabel)).sort()).toEqual(
      ['L1', 'L2', '评议终端'].sort(),
    );
    // The other lists are the ones shown before, untouched.
    expect({ ...merged, superior: shown.superior }).toEqual({ ...shown, concealedSuperior: undefined });
    expect(merged).toEqual(wholeBallots(await h.ok('ballots.list', { assessmentId: id })));
  });

  test('a bad parts value is refused in Chinese naming the field; nothing changes', async () => {
    const { h, id } = await everyList();
    const before = await assessmentTables(h);
    const bad: [unknown, string, string][] = [
      [[], '读取的测评票列表不能为空', 'parts'],
      [['ballots'], '读取的测评票列表名称不正确', 'parts.0'],
      [['staff', 'staff'], '读取的测评票列表中有重复的名称', 'parts'],
      ['staff', '读取的测评票列表必须是列表', 'parts'],
    ];
    for (const [parts, message, field] of bad) {
      expect(await h.err('ballots.list', { assessmentId: id, parts })).toEqual({ code: 'VALIDATION', message, field });
    }
    expect(await assessmentTables(h)).toEqual(before);
  });
});
