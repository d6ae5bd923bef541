// One returned ballot into the main store, exactly as the main PC's kiosk would have stored it (db/assessment/kiosk.ts):
// anonymous, random id, the day only; the same checks against the assessment's groups.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KioskBallot } from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import {
  type AssessmentRow,
  addComments,
  addStaffVotes,
  ANONYMOUS_LABEL_PREFIX,
  groupMembers,
  KIOSK_ENTERED_BY,
  nextIds,
  savePeer,
  saveSuperior,
} from '../assessment';
import type { StaffGrade } from '../../shared/scoring/types';
import type { Database } from '../schema';

/** Stores one terminal ballot of `group`; refused (nothing written) when it does not fit the group. */
export async function mergeBallot(
  db: Kysely<Database>,
  row: AssessmentRow,
  group: string,
  ballot: KioskBallot,
  user: SessionUser,
  names: Record<string, string>,
  now: string,
): Promise<void> {
  if (ballot.kind === 'superior') {
    const raterLabel = `匿名评议-${randomBytes(4).toString('hex')}`;
    await saveSuperior(db, row, { raterLabel, group, order: ballot.order }, user, now, { anonymous: true });
    return;
  }
  const members = await groupMembers(db, row.id, group);
  if (members.length === 0) fail('VALIDATION', '评议分组不是本次考核的分组', 'group');
  if (ballot.kind === 'peer') {
    // A peer ballot scores everyone in the group but its rater: the rater is the one member it leaves out.
    const targets = new Set(ballot.ballots.map((b) => b.targetId));
    const left = members.filter((m) => !targets.has(m.cadreId));
    if (left.length !== 1 || targets.size !== ballot.ballots.length || targets.size !== members.length - 1)
      fail('VALIDATION', '同级互评票须为本组除互评人外的每人打分', 'ballot');
    await savePeer(db, row, { raterId: left[0]!.cadreId, ballots: ballot.ballots }, user, names, now, {
      anonymous: true,
    });
    return;
  }
  const ids = ballot.votes.map((v) => v.targetId);
  const want = new Set(members.map((m) => m.cadreId));
  if (new Set(ids).size !== ids.length || ids.length !== want.size || ids.some((id) => !want.has(id)))
    fail('VALIDATION', '职工测评票须为本组每人选择一个评价等次', 'ballot');
  await addStaffVotes(db, row, ballot.votes, KIOSK_ENTERED_BY, now.slice(0, 10), 'kiosk');
  // 意见建议 written on the laptop count as the main PC's kiosk counts them: by text, unlinked from the ballot.
  await addComments(db, row.id, ballot.votes, 'kiosk');
}

/**
 * Many returned ballots at once: staff votes are checked one ballot at a time, then added to the tallies as sums
 * (one upsert per cadre and grade instead of one per vote: the same tallies, what makes a 10,000-ballot return fast).
 */
export async function mergeMany(
  db: Kysely<Database>,
  row: AssessmentRow,
  ballots: readonly { group: string; ballot: KioskBallot }[],
  user: SessionUser,
  names: Record<string, string>,
  now: string,
): Promise<void> {
  const groups = new Map<string, Set<number>>();
  const sums = new Map<string, { targetId: number; grade: StaffGrade; n: number }>();
  const superior = new Map<string, number[][]>();
  for (const b of ballots) {
    if (b.ballot.kind === 'superior') {
      const list = superior.get(b.group);
      if (list) list.push(b.ballot.order);
      else superior.set(b.group, [b.ballot.order]);
      continue;
    }
    if (b.ballot.kind !== 'staff') {
      await mergeBallot(db, row, b.group, b.ballot, user, names, now);
      continue;
    }
    let want = groups.get(b.group);
    if (!want) {
      want = new Set((await groupMembers(db, row.id, b.group)).map((m) => m.cadreId));
      groups.set(b.group, want);
    }
    const ids = b.ballot.votes.map((v) => v.targetId);
    if (
      want.size === 0 ||
      new Set(ids).size !== ids.length ||
      ids.length !== want.size ||
      ids.some((id) => !want.has(id))
    )
      fail('VALIDATION', '职工测评票须为本组每人选择一个评价等次', 'ballot');
    await addComments(db, row.id, b.ballot.votes, 'kiosk');
    for (const v of b.ballot.votes) {
      const k = `${v.targetId}|${v.grade}`;
      const s = sums.get(k);
      if (s) s.n++;
      else sums.set(k, { targetId: v.targetId, grade: v.grade, n: 1 });
    }
  }
  const day = now.slice(0, 10);
  for (const [group, orders] of superior) await insertSuperior(db, row, group, orders, day);
  for (const { targetId, grade, n } of sums.values())
    await db
      .insertInto('assessment_staff_counts')
      .values({
        assessment_id: row.id,
        target_cadre_id: targetId,
        source: 'kiosk',
        excellent: 0,
        good: 0,
        fair: 0,
        poor: 0,
        [grade]: n,
        paper_no: null,
        entered_by: KIOSK_ENTERED_BY,
        entered_at: day,
      })
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'target_cadre_id', 'source']).doUpdateSet((eb) => ({
          [grade]: eb(eb.ref(`assessment_staff_counts.${grade}`), '+', n),
          entered_by: KIOSK_ENTERED_BY,
          entered_at: day,
        })),
      )
      .execute();
}

/** A group's 上级 orders, each checked as checkSuperior does (the whole group, each cadre once), stored as the kiosk's. */
async function insertSuperior(
  db: Kysely<Database>,
  row: AssessmentRow,
  group: string,
  orders: readonly number[][],
  day: string,
): Promise<void> {
  const members = await groupMembers(db, row.id, group);
  const want = new Set(members.map((m) => m.cadreId));
  for (const order of orders)
    if (
      want.size === 0 ||
      new Set(order).size !== order.length ||
      order.length !== want.size ||
      order.some((id) => !want.has(id))
    )
      fail('VALIDATION', '上级领导综合排名票须为本组每人排出名次，每人一次', 'ballot');
  // Random labels as the kiosk gives them, never one the group already has.
  const taken = new Set(
    (
      await db
        .selectFrom('assessment_superior_ballots')
        .select('rater_label')
        .where('assessment_id', '=', row.id)
        .where('group_ref', '=', group)
        .execute()
    ).map((r) => r.rater_label),
  );
  const labels: string[] = [];
  while (labels.length < orders.length) {
    const label = `${ANONYMOUS_LABEL_PREFIX}-${randomBytes(4).toString('hex')}`;
    if (!taken.has(label)) {
      taken.add(label);
      labels.push(label);
    }
  }
  const ids = await nextIds(db, 'assessment_superior_ballots', orders.length, true);
  for (let i = 0; i < orders.length; i += 500)
    await db
      .insertInto('assessment_superior_ballots')
      .values(
        orders.slice(i, i + 500).map((order, j) => ({
          id: ids[i + j]!,
          assessment_id: row.id,
          rater_label: labels[i + j]!,
          group_ref: group,
          sort_order: JSON.stringify(order),
          paper_no: null,
          entered_by: KIOSK_ENTERED_BY,
          entered_at: day,
          anonymous: 1,
          source: 'kiosk' as const,
        })),
      )
      .execute();
}
