// Entering ballots of the four kinds (superior order, peer scores, staff counts, service scores): checked, then stored.
import type { Kysely, Selectable } from 'kysely';
import { groupRefOf, type AssessmentBallots, type AssessmentMember, type GroupRef } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Component, RankingConfig, StaffGrade } from '../../shared/scoring/types';
import type { AssessmentMembersTable, Database } from '../schema';
import type { AssessmentRow } from './access';
import { readMembers } from './members';

const toMember = (r: Selectable<AssessmentMembersTable>): AssessmentMember => ({
  cadreId: r.cadre_id,
  name: r.name,
  position: r.position,
  unitId: r.unit_id,
  unitName: r.unit_name,
  categoryCode: r.category_code,
  categoryName: r.category_name,
});

/**
 * Members by cadre id: only the ones asked for (a ballot names a few; reading all 10,000 per save would be the
 * slowest part of entering a ballot), or all of them when no ids are given.
 */
export async function memberMap(db: Kysely<Database>, assessmentId: number, ids?: readonly number[]): Promise<Map<number, AssessmentMember>> {
  if (ids === undefined) return new Map((await readMembers(db, assessmentId)).map((m) => [m.cadreId, m]));
  const out = new Map<number, AssessmentMember>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('assessment_members').selectAll().where('assessment_id', '=', assessmentId).where('cadre_id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.cadre_id, toMember(r));
  }
  return out;
}

/** The members of one ranking group (`chief:<category>` or `deputy:<unit id>`), in cadre id order. */
export async function groupMembers(db: Kysely<Database>, assessmentId: number, ref: GroupRef): Promise<AssessmentMember[]> {
  const [position, key] = ref.split(':') as [string, string];
  let q = db.selectFrom('assessment_members').selectAll().where('assessment_id', '=', assessmentId);
  q = position === 'chief' ? q.where('position', '=', 'chief').where('category_code', '=', key) : q.where('position', '=', 'deputy').where('unit_id', '=', Number(key));
  return (await q.orderBy('cadre_id').execute()).map(toMember);
}

function member(members: ReadonlyMap<number, AssessmentMember>, id: number, label: string, field: string): AssessmentMember {
  return members.get(id) ?? fail('VALIDATION', `${label}不是本次考核的成员`, field);
}

/** The display name of a group: the category for 正职, the unit for 副职. */
export function groupName(members: Iterable<AssessmentMember>, ref: GroupRef): string {
  for (const m of members) {
    if (groupRefOf(m) !== ref) continue;
    return m.position === 'chief' ? `正职·${m.categoryName}` : `副职·${m.unitName}`;
  }
  return ref;
}

const stamp = (user: SessionUser, now: string) => ({ entered_by: user.displayName, entered_at: now });

/** Who a kiosk ballot says entered it: the terminal, not the staff member who started it. */
export const KIOSK_ENTERED_BY = '评议终端';

/** How a ballot is written: by a clerk (named), or from the kiosk (anonymous: listed without its rater). */
export interface WriteMode {
  anonymous?: boolean;
}
const written = (user: SessionUser, now: string, mode: WriteMode) =>
  // The day only: a time would group one panel member's ballots together (and beside the audit log's entries).
  mode.anonymous ? { entered_by: KIOSK_ENTERED_BY, entered_at: now.slice(0, 10), anonymous: 1 } : { ...stamp(user, now), anonymous: 0 };

export interface SuperiorInput {
  raterLabel: string;
  group: string;
  order: number[];
  paperNo?: string | undefined;
}

/** Checks one leader's order of one group (whole group, each cadre once) and returns the group's name. */
export async function checkSuperior(db: Kysely<Database>, row: AssessmentRow, input: Pick<SuperiorInput, 'group' | 'order'>): Promise<string> {
  const group = await groupMembers(db, row.id, input.group);
  if (group.length === 0) fail('VALIDATION', '排名分组不是本次考核的分组', 'group');
  const inGroup = new Map(group.map((m) => [m.cadreId, m]));
  const strangers = input.order.filter((id) => !inGroup.has(id));
  const members = strangers.length === 0 ? inGroup : new Map([...inGroup, ...(await memberMap(db, row.id, strangers))]);
  const seen = new Set<number>();
  input.order.forEach((id, i) => {
    const m = members.get(id);
    if (!m || groupRefOf(m) !== input.group) fail('VALIDATION', `第 ${i + 1} 名${m ? `“${m.name}”` : ''}不属于本组，请重新排名`, 'order');
    if (seen.has(id)) fail('VALIDATION', `“${m!.name}”在排名中重复出现，请重新排名`, 'order');
    seen.add(id);
  });
  const missing = group.filter((m) => !seen.has(m.cadreId));
  if (missing.length > 0) fail('VALIDATION', `排名不完整：缺少${missing.map((m) => `“${m.name}”`).join('、')}，本组 ${group.length} 人须全部排出名次`, 'order');
  return groupName(group, input.group);
}

/** One leader's whole order of one group; saving again for the same leader and group replaces it. */
export async function saveSuperior(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: SuperiorInput,
  user: SessionUser,
  now = new Date().toISOString(),
  mode: WriteMode = {},
): Promise<string> {
  const name = await checkSuperior(db, row, input);
  await db
    .insertInto('assessment_superior_ballots')
    .values({
      assessment_id: row.id,
      rater_label: input.raterLabel,
      group_ref: input.group,
      sort_order: JSON.stringify(input.order),
      paper_no: input.paperNo || null,
      ...written(user, now, mode),
    })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'rater_label', 'group_ref']).doUpdateSet({
        sort_order: JSON.stringify(input.order),
        paper_no: input.paperNo || null,
        ...written(user, now, mode),
      }),
    )
    .execute();
  return name;
}

export interface PeerInput {
  raterId: number;
  ballots: { targetId: number; scores: Record<string, number> }[];
  paperNo?: string | undefined;
}

function checkPeerScores(target: AssessmentMember, scores: Record<string, number>, config: RankingConfig, names: Record<string, string>): void {
  const expected = config.indicators[target.position].map((i) => i.id);
  const unknown = Object.keys(scores).find((k) => !expected.includes(k));
  if (unknown !== undefined) fail('VALIDATION', `指标“${names[unknown] ?? unknown}”不是${target.position === 'chief' ? '正职' : '副职'}的互评指标`, 'ballots');
  const missing = expected.find((k) => !Object.hasOwn(scores, k));
  if (missing !== undefined) fail('VALIDATION', `对“${target.name}”的“${names[missing] ?? missing}”未填写分数`, 'ballots');
}

/** Checks one rater's scores: members of the rater's group, never the rater, each target once, every indicator. */
export async function checkPeer(db: Kysely<Database>, row: AssessmentRow, input: Pick<PeerInput, 'raterId' | 'ballots'>, names: Record<string, string>): Promise<{ rater: AssessmentMember; targets: number[] }> {
  const members = await memberMap(db, row.id, [input.raterId, ...input.ballots.map((b) => b.targetId)]);
  const rater = member(members, input.raterId, '评价人', 'raterId');
  const config = JSON.parse(row.config) as RankingConfig;
  const seen = new Set<number>();
  for (const b of input.ballots) {
    const target = member(members, b.targetId, '被评价人', 'ballots');
    if (target.cadreId === rater.cadreId) fail('VALIDATION', `评价人“${rater.name}”不能给本人打分`, 'ballots');
    if (groupRefOf(target) !== groupRefOf(rater)) fail('VALIDATION', `“${target.name}”与评价人“${rater.name}”不在同一组，不能互评`, 'ballots');
    if (seen.has(target.cadreId)) fail('VALIDATION', `对“${target.name}”的评分重复`, 'ballots');
    seen.add(target.cadreId);
    checkPeerScores(target, b.scores, config, names);
  }
  return { rater, targets: [...seen] };
}

/** One rater's scores of the other cadres of the group; a target scored again replaces the earlier ballot. */
export async function savePeer(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: PeerInput,
  user: SessionUser,
  names: Record<string, string>,
  now = new Date().toISOString(),
  mode: WriteMode = {},
): Promise<{ rater: AssessmentMember; count: number }> {
  const { rater, targets } = await checkPeer(db, row, input, names);
  const seen = new Set(targets);
  await db
    .deleteFrom('assessment_peer_ballots')
    .where('assessment_id', '=', row.id)
    .where('rater_cadre_id', '=', rater.cadreId)
    .where('target_cadre_id', 'in', [...seen])
    .execute();
  await db
    .insertInto('assessment_peer_ballots')
    .values(
      input.ballots.map((b) => ({
        assessment_id: row.id,
        rater_cadre_id: rater.cadreId,
        target_cadre_id: b.targetId,
        scores: JSON.stringify(b.scores),
        paper_no: input.paperNo || null,
        ...written(user, now, mode),
      })),
    )
    .execute();
  return { rater, count: input.ballots.length };
}

export type StaffCounts = { targetId: number } & Record<StaffGrade, number>;

/** Tallied counts per cadre; all four at 0 removes the cadre's counts. */
export async function saveStaff(db: Kysely<Database>, row: AssessmentRow, counts: readonly StaffCounts[], user: SessionUser, now = new Date().toISOString()): Promise<number> {
  const members = await memberMap(db, row.id, counts.map((c) => c.targetId));
  const seen = new Set<number>();
  for (const c of counts) {
    const m = member(members, c.targetId, '被测评干部', 'counts');
    if (seen.has(c.targetId)) fail('VALIDATION', `“${m.name}”的票数填写了两次`, 'counts');
    seen.add(c.targetId);
  }
  await db.deleteFrom('assessment_staff_counts').where('assessment_id', '=', row.id).where('target_cadre_id', 'in', [...seen]).execute();
  const rows = counts
    .filter((c) => c.excellent + c.good + c.fair + c.poor > 0)
    .map((c) => ({
      assessment_id: row.id,
      target_cadre_id: c.targetId,
      excellent: c.excellent,
      good: c.good,
      fair: c.fair,
      poor: c.poor,
      paper_no: null,
      ...stamp(user, now),
    }));
  if (rows.length > 0) await db.insertInto('assessment_staff_counts').values(rows).execute();
  return counts.length;
}

export interface StaffVote {
  targetId: number;
  grade: StaffGrade;
}

/**
 * Adds one to each voted cadre's tally for the grade, in place (`+ 1` in SQL, never read-then-write): two clerks or a
 * clerk and the kiosk entering at once each keep their votes. The caller has checked the ballot against its group.
 */
export async function addStaffVotes(db: Kysely<Database>, row: AssessmentRow, votes: readonly StaffVote[], enteredBy: string, now: string): Promise<void> {
  for (const v of votes) {
    await db
      .insertInto('assessment_staff_counts')
      .values({ assessment_id: row.id, target_cadre_id: v.targetId, excellent: 0, good: 0, fair: 0, poor: 0, [v.grade]: 1, paper_no: null, entered_by: enteredBy, entered_at: now })
      .onConflict((oc) => oc.columns(['assessment_id', 'target_cadre_id']).doUpdateSet((eb) => ({ [v.grade]: eb(eb.ref(`assessment_staff_counts.${v.grade}`), '+', 1), entered_by: enteredBy, entered_at: now })))
      .execute();
  }
}

/** One single paper staff ballot (逐票录入): a grade for every cadre of the group, each once; adds one vote per cadre. */
export async function addStaffBallot(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { group: GroupRef; votes: readonly StaffVote[] },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ groupName: string; count: number }> {
  const group = await groupMembers(db, row.id, input.group);
  if (group.length === 0) fail('VALIDATION', '测评分组不是本次考核的分组', 'group');
  const inGroup = new Map(group.map((m) => [m.cadreId, m]));
  const seen = new Set<number>();
  for (const v of input.votes) {
    const m = inGroup.get(v.targetId) ?? fail('VALIDATION', '本票中有不属于本组的干部，请重新填写', 'votes');
    if (seen.has(v.targetId)) fail('VALIDATION', `本票中“${m.name}”的等次填写了两次`, 'votes');
    seen.add(v.targetId);
  }
  const missing = group.filter((m) => !seen.has(m.cadreId));
  if (missing.length > 0) fail('VALIDATION', `本票缺少${missing.map((m) => `“${m.name}”`).join('、')}的评价等次，请补全后再提交`, 'votes');
  await addStaffVotes(db, row, input.votes, user.displayName, now);
  return { groupName: groupName(group, input.group), count: input.votes.length };
}

/** The whole list of one cadre's service scores, replacing what was there. */
export async function saveService(
  db: Kysely<Database>,
  row: AssessmentRow,
  targetId: number,
  scores: readonly number[],
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<AssessmentMember> {
  const members = await memberMap(db, row.id, [targetId]);
  const target = member(members, targetId, '被评价干部', 'targetId');
  await db.deleteFrom('assessment_service_ballots').where('assessment_id', '=', row.id).where('target_cadre_id', '=', targetId).execute();
  if (scores.length > 0) {
    await db
      .insertInto('assessment_service_ballots')
      .values(scores.map((score) => ({ assessment_id: row.id, target_cadre_id: targetId, score, paper_no: null, ...stamp(user, now) })))
      .execute();
  }
  return target;
}

/** Deletes one ballot (for staff counts, `id` is the cadre's); NOT_FOUND when it is not this assessment's. */
export async function deleteBallot(db: Kysely<Database>, row: AssessmentRow, kind: Component, id: number): Promise<void> {
  const r =
    kind === 'superior'
      ? await db.deleteFrom('assessment_superior_ballots').where('assessment_id', '=', row.id).where('id', '=', id).executeTakeFirst()
      : kind === 'peer'
        ? await db.deleteFrom('assessment_peer_ballots').where('assessment_id', '=', row.id).where('id', '=', id).executeTakeFirst()
        : kind === 'staff'
          ? await db.deleteFrom('assessment_staff_counts').where('assessment_id', '=', row.id).where('target_cadre_id', '=', id).executeTakeFirst()
          : await db.deleteFrom('assessment_service_ballots').where('assessment_id', '=', row.id).where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) fail('NOT_FOUND', '找不到该测评票，可能已被删除', 'id');
}

const anonymousPeer = <B extends { anonymous: number; target_cadre_id: number; scores: string }>(rows: readonly B[]): B[] =>
  rows
    .filter((b) => b.anonymous === 1)
    .sort((x, y) => x.target_cadre_id - y.target_cadre_id || (x.scores < y.scores ? -1 : x.scores > y.scores ? 1 : 0));

export async function listBallots(db: Kysely<Database>, assessmentId: number): Promise<AssessmentBallots> {
  const [superior, peer, staff, service, adjustments, vetoes] = await Promise.all([
    db.selectFrom('assessment_superior_ballots').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute(),
    db.selectFrom('assessment_peer_ballots').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute(),
    db.selectFrom('assessment_staff_counts').selectAll().where('assessment_id', '=', assessmentId).orderBy('target_cadre_id').execute(),
    db.selectFrom('assessment_service_ballots').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute(),
    db.selectFrom('assessment_adjustments').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute(),
    db
      .selectFrom('assessment_vetoes as v')
      .leftJoin('dossier_entries as e', 'e.id', 'v.dossier_entry_id')
      .selectAll('v')
      .select(['e.title as entry_title', 'e.date as entry_date'])
      .where('v.assessment_id', '=', assessmentId)
      .orderBy('v.id')
      .execute(),
  ]);
  return {
    superior: superior.map((b) => ({
      id: b.id,
      raterLabel: b.rater_label,
      group: b.group_ref,
      order: JSON.parse(b.sort_order) as number[],
      paperNo: b.paper_no,
      anonymous: b.anonymous === 1,
      enteredBy: b.entered_by,
      enteredAt: b.entered_at,
    })),
    // A kiosk ballot's rater is kept for scoring (self and group rules) but never shown; nor is its id, and kiosk
    // ballots come sorted by target and scores, so neither order nor id groups one rater's ballots together.
    peer: [...peer.filter((b) => !b.anonymous), ...anonymousPeer(peer)].map((b) => ({
      id: b.anonymous ? 0 : b.id,
      raterId: b.anonymous ? null : b.rater_cadre_id,
      anonymous: b.anonymous === 1,
      targetId: b.target_cadre_id,
      scores: JSON.parse(b.scores) as Record<string, number>,
      paperNo: b.paper_no,
      enteredBy: b.entered_by,
      enteredAt: b.entered_at,
    })),
    staff: staff.map((b) => ({
      targetId: b.target_cadre_id,
      counts: { excellent: b.excellent, good: b.good, fair: b.fair, poor: b.poor },
      enteredBy: b.entered_by,
      enteredAt: b.entered_at,
    })),
    service: service.map((b) => ({ id: b.id, targetId: b.target_cadre_id, score: b.score, paperNo: b.paper_no, enteredBy: b.entered_by, enteredAt: b.entered_at })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      targetId: a.target_cadre_id,
      points: a.points,
      date: a.date,
      reason: a.reason,
      dossierEntryId: a.dossier_entry_id,
      enteredBy: a.entered_by,
      enteredAt: a.entered_at,
    })),
    vetoes: vetoes.map((v) => ({
      id: v.id,
      targetId: v.target_cadre_id,
      reason: v.reason,
      source: v.dossier_entry_id === null ? 'manual' : 'dossier',
      // The entry may have been deleted since (no cascade into a possibly archived assessment).
      dossierEntry:
        v.dossier_entry_id === null
          ? null
          : v.entry_title === null || v.entry_date === null
            ? { id: v.dossier_entry_id, deleted: true }
            : { id: v.dossier_entry_id, title: v.entry_title, date: v.entry_date },
      enteredBy: v.entered_by,
      enteredAt: v.entered_at,
    })),
  };
}
