// Entering ballots of the four kinds (superior order, peer scores, staff counts, service scores): checked, then stored
// (listed in ballot-lists.ts).
import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { BALLOT_SOURCE_LABELS, BALLOT_SOURCES, type BallotSource } from '../../shared/assessment/ballot-import';
import { STAFF_GRADE_LABELS, groupRefOf, type AssessmentMember, type GroupRef } from '../../shared/assessment/types';
import { excellentCapBreach, excellentCapMessage } from '../../shared/assessment/excellent-cap';
import { ANONYMITY_MIN_BALLOTS } from '../../shared/assessment/anonymity';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Component, RankingConfig, StaffGrade } from '../../shared/scoring/types';
import type { AssessmentStaffCountsTable, Database } from '../schema';
import type { AssessmentRow } from './access';
import { addComments, addVoidForms } from './forms';
import { readMembers, toMember } from './members';
import { configOf } from './config-column';
import { sortOrderOf } from './ballot-columns';

/**
 * Members by cadre id: only the ones asked for (a ballot names a few; reading all 10,000 per save would be the
 * slowest part of entering a ballot), or all of them when no ids are given.
 */
export async function memberMap(
  db: Kysely<Database>,
  assessmentId: number,
  ids?: readonly number[],
): Promise<Map<number, AssessmentMember>> {
  if (ids === undefined) return new Map((await readMembers(db, assessmentId)).map((m) => [m.cadreId, m]));
  const out = new Map<number, AssessmentMember>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('assessment_members')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .where('cadre_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.cadre_id, toMember(r));
  }
  return out;
}

/** The members of one ranking group (`chief:<category>` or `deputy:<unit id>`), in cadre id order. */
export async function groupMembers(
  db: Kysely<Database>,
  assessmentId: number,
  ref: GroupRef,
): Promise<AssessmentMember[]> {
  const [position, key] = ref.split(':') as [string, string];
  let q = db.selectFrom('assessment_members').selectAll().where('assessment_id', '=', assessmentId);
  q =
    position === 'chief'
      ? q.where('position', '=', 'chief').where('category_code', '=', key)
      : q.where('position', '=', 'deputy').where('unit_id', '=', Number(key));
  return (await q.orderBy('cadre_id').execute()).map(toMember);
}

function member(
  members: ReadonlyMap<number, AssessmentMember>,
  id: number,
  label: string,
  field: string,
): AssessmentMember {
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

/** How a ballot is written: by a clerk (named, with its source), or from the kiosk (anonymous: listed without its rater). */
export interface WriteMode {
  anonymous?: boolean;
  /** A clerk's source; absent = 手工录入. The kiosk's is always 'kiosk'. */
  source?: Exclude<BallotSource, 'kiosk'>;
}
const sourceOf = (mode: WriteMode): BallotSource => (mode.anonymous ? 'kiosk' : (mode.source ?? 'manual'));
const written = (user: SessionUser, now: string, mode: WriteMode) =>
  // The day only: a time would group one panel member's ballots together (and beside the audit log's entries).
  mode.anonymous
    ? { entered_by: KIOSK_ENTERED_BY, entered_at: now.slice(0, 10), anonymous: 1, source: 'kiosk' as const }
    : { ...stamp(user, now), anonymous: 0, source: sourceOf(mode) };

/**
 * Ids of 评议终端 ballots are random, drawn from [2^40, 2^41): nothing in an id says which ballot came first. A clerk's
 * ballot takes the next id below 2^40 (never SQLite's max + 1, which would tell which random id existed by then).
 */
export const ANONYMOUS_ID_FLOOR = 2 ** 40;
type BallotTable = 'assessment_superior_ballots' | 'assessment_peer_ballots';
const randomBallotId = (): number => ANONYMOUS_ID_FLOOR + randomInt(0, 2 ** 40);
export async function nextIds(
  db: Kysely<Database>,
  table: BallotTable,
  n: number,
  anonymous: boolean,
): Promise<number[]> {
  if (anonymous) {
    // A collision among 2^40 ids is all but impossible; drawing again on one keeps the insert from failing anyway.
    const out: number[] = [];
    while (out.length < n) {
      const id = randomBallotId();
      const taken = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
      if (!taken && !out.includes(id)) out.push(id);
    }
    return out;
  }
  const r = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(id), 0)`.as('top'))
    .where('id', '<', ANONYMOUS_ID_FLOOR)
    .executeTakeFirstOrThrow();
  return Array.from({ length: n }, (_, i) => r.top + 1 + i);
}

/** The label prefix of 评议终端 上级 ballots; a clerk may not use it (it would pass for an anonymous ballot). */
export const ANONYMOUS_LABEL_PREFIX = '匿名评议';

/** The refusal when a clerk path would replace or remove a 评议终端 ballot (issue 16: never, whatever the path). */
export const KIOSK_KEPT = '评议终端的票不能被替换或删除';

export interface SuperiorInput {
  raterLabel: string;
  group: string;
  order: number[];
  paperNo?: string | undefined;
}

/** Checks one leader's order of one group (whole group, each cadre once) and returns the group's name. */
export async function checkSuperior(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: Pick<SuperiorInput, 'group' | 'order'>,
): Promise<string> {
  const group = await groupMembers(db, row.id, input.group);
  if (group.length === 0) fail('VALIDATION', '排名分组不是本次考核的分组', 'group');
  const inGroup = new Map(group.map((m) => [m.cadreId, m]));
  const strangers = input.order.filter((id) => !inGroup.has(id));
  const members = strangers.length === 0 ? inGroup : new Map([...inGroup, ...(await memberMap(db, row.id, strangers))]);
  const seen = new Set<number>();
  input.order.forEach((id, i) => {
    const m = members.get(id);
    if (!m || groupRefOf(m) !== input.group)
      fail('VALIDATION', `第 ${i + 1} 名${m ? `“${m.name}”` : ''}不属于本组，请重新排名`, 'order');
    if (seen.has(id)) fail('VALIDATION', `“${m!.name}”在排名中重复出现，请重新排名`, 'order');
    seen.add(id);
  });
  const missing = group.filter((m) => !seen.has(m.cadreId));
  if (missing.length > 0)
    fail(
      'VALIDATION',
      `排名不完整：缺少${missing.map((m) => `“${m.name}”`).join('、')}，本组 ${group.length} 人须全部排出名次`,
      'order',
    );
  return groupName(group, input.group);
}

/**
 * One leader's whole order of one group; saving again for the same leader and group replaces it. `checked`: the
 * group name checkSuperior gave for this very order (a paper entry is checked when entered, and not again here).
 */
export async function saveSuperior(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: SuperiorInput,
  user: SessionUser,
  now = new Date().toISOString(),
  mode: WriteMode = {},
  checked?: string,
): Promise<string> {
  const name = checked ?? (await checkSuperior(db, row, input));
  if (!mode.anonymous) {
    const earlier = await db
      .selectFrom('assessment_superior_ballots')
      .select('source')
      .where('assessment_id', '=', row.id)
      .where('rater_label', '=', input.raterLabel)
      .where('group_ref', '=', input.group)
      .executeTakeFirst();
    if (earlier?.source === 'kiosk')
      fail(
        'VALIDATION',
        `“${input.raterLabel}”是评议终端的匿名评议票，${KIOSK_KEPT}，请使用其他领导名称`,
        'raterLabel',
      );
    if (input.raterLabel.trim().startsWith(ANONYMOUS_LABEL_PREFIX))
      fail(
        'VALIDATION',
        `上级领导名称不能以“${ANONYMOUS_LABEL_PREFIX}”开头（该名称留给评议终端的匿名评议票），请填写领导的姓名或职务`,
        'raterLabel',
      );
  }
  const [id] = await nextIds(db, 'assessment_superior_ballots', 1, mode.anonymous === true);
  await db
    .insertInto('assessment_superior_ballots')
    .values({
      id: id!,
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

function checkPeerScores(
  target: AssessmentMember,
  scores: Record<string, number>,
  config: RankingConfig,
  names: Record<string, string>,
): void {
  const expected = config.indicators[target.position].map((i) => i.id);
  const unknown = Object.keys(scores).find((k) => !expected.includes(k));
  if (unknown !== undefined)
    fail(
      'VALIDATION',
      `指标“${names[unknown] ?? unknown}”不是${target.position === 'chief' ? '正职' : '副职'}的互评指标`,
      'ballots',
    );
  const missing = expected.find((k) => !Object.hasOwn(scores, k));
  if (missing !== undefined)
    fail('VALIDATION', `对“${target.name}”的“${names[missing] ?? missing}”未填写分数`, 'ballots');
}

/** Checks one rater's scores: members of the rater's group, never the rater, each target once, every indicator. */
/** What checkPeer found, once refuseKioskRater has also passed (a paper entry is checked when entered). */
export interface CheckedPeer {
  readonly rater: AssessmentMember;
  readonly targets: number[];
}

export async function checkPeer(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: Pick<PeerInput, 'raterId' | 'ballots'>,
  names: Record<string, string>,
): Promise<{ rater: AssessmentMember; targets: number[] }> {
  const members = await memberMap(db, row.id, [input.raterId, ...input.ballots.map((b) => b.targetId)]);
  const rater = member(members, input.raterId, '评价人', 'raterId');
  const config = configOf(row.config);
  const seen = new Set<number>();
  for (const b of input.ballots) {
    const target = member(members, b.targetId, '被评价人', 'ballots');
    if (target.cadreId === rater.cadreId) fail('VALIDATION', `评价人“${rater.name}”不能给本人打分`, 'ballots');
    if (groupRefOf(target) !== groupRefOf(rater))
      fail('VALIDATION', `“${target.name}”与评价人“${rater.name}”不在同一组，不能互评`, 'ballots');
    if (seen.has(target.cadreId)) fail('VALIDATION', `对“${target.name}”的评分重复`, 'ballots');
    seen.add(target.cadreId);
    checkPeerScores(target, b.scores, config, names);
  }
  return { rater, targets: [...seen] };
}

/**
 * The cadres who gave their 同级互评 at the kiosk: those whose peer seat is used. Kiosk peer ballots keep no rater
 * (see kiosk.ts), so the seat list is the only record of who voted there.
 */
export async function kioskPeerRaters(db: Kysely<Database>, assessmentId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('assessment_panel_codes')
    .select('rater_cadre_id')
    .where('assessment_id', '=', assessmentId)
    .where('kind', '=', 'peer')
    .where('state', '=', 'used')
    .execute();
  return new Set(rows.map((r) => r.rater_cadre_id!));
}

/** A clerk's ballot for a rater who voted at the kiosk would be counted beside the kiosk ballot (two votes of one rater). */
export async function refuseKioskRater(
  db: Kysely<Database>,
  row: AssessmentRow,
  rater: Pick<AssessmentMember, 'cadreId' | 'name'>,
): Promise<void> {
  const used = await db
    .selectFrom('assessment_panel_codes')
    .select('id')
    .where('assessment_id', '=', row.id)
    .where('kind', '=', 'peer')
    .where('rater_cadre_id', '=', rater.cadreId)
    .where('state', '=', 'used')
    .executeTakeFirst();
  if (used)
    fail('VALIDATION', `评价人“${rater.name}”已在评议终端完成同级互评，不能再录入其互评票（${KIOSK_KEPT}）`, 'raterId');
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
  checked?: CheckedPeer,
): Promise<{ rater: AssessmentMember; count: number }> {
  const { rater, targets } = checked ?? (await checkPeer(db, row, input, names));
  const seen = new Set(targets);
  if (mode.anonymous) {
    // The kiosk stores no rater: a clerk's ballots for this rater would then be counted beside it. Refused, and
    // nothing of the clerk's is touched (the panel member asks the staff, who sees the paper ballot was entered).
    const clerk = await db
      .selectFrom('assessment_peer_ballots')
      .select('id')
      .where('assessment_id', '=', row.id)
      .where('rater_cadre_id', '=', rater.cadreId)
      .executeTakeFirst();
    if (clerk)
      fail(
        'VALIDATION',
        `已录入“${rater.name}”的同级互评票（纸质或 Excel），不能再在评议终端评议，请联系工作人员`,
        'ballot',
      );
  } else {
    if (!checked) await refuseKioskRater(db, row, rater);
    await db
      .deleteFrom('assessment_peer_ballots')
      .where('assessment_id', '=', row.id)
      .where('rater_cadre_id', '=', rater.cadreId)
      .where('target_cadre_id', 'in', [...seen])
      .execute();
  }
  // Kiosk rows: random ids, in an order of their own, and no rater (see kiosk.ts for what scoring still gets).
  const ids = await nextIds(db, 'assessment_peer_ballots', input.ballots.length, mode.anonymous === true);
  const order = mode.anonymous ? [...input.ballots].sort((x, y) => x.targetId - y.targetId) : input.ballots;
  await db
    .insertInto('assessment_peer_ballots')
    .values(
      order.map((b, i) => ({
        id: ids[i]!,
        assessment_id: row.id,
        rater_cadre_id: mode.anonymous ? null : rater.cadreId,
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
export const STAFF_GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

/** Every source's tally of the given cadres. */
export async function staffTallies(db: Kysely<Database>, assessmentId: number, targetIds: readonly number[]) {
  const out: Selectable<AssessmentStaffCountsTable>[] = [];
  const unique = [...new Set(targetIds)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('assessment_staff_counts')
        .selectAll()
        .where('assessment_id', '=', assessmentId)
        .where('target_cadre_id', 'in', unique.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** Sets one source's tally of one cadre (all four at 0 removes it). */
export async function setStaffTally(
  db: Kysely<Database>,
  row: AssessmentRow,
  c: StaffCounts,
  source: Exclude<BallotSource, 'kiosk'>,
  user: SessionUser,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('assessment_staff_counts')
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', '=', c.targetId)
    .where('source', '=', source)
    .execute();
  if (c.excellent + c.good + c.fair + c.poor === 0) return;
  await db
    .insertInto('assessment_staff_counts')
    .values({
      assessment_id: row.id,
      target_cadre_id: c.targetId,
      source,
      excellent: c.excellent,
      good: c.good,
      fair: c.fair,
      poor: c.poor,
      paper_no: null,
      ...stamp(user, now),
    })
    .execute();
}

/**
 * Tallied totals per cadre, as the clerk reads them off the 计票单: the stored total becomes the given one by setting the
 * 手工录入 tally to what the other sources do not already hold; a total below what the kiosk, paper or Excel hold is
 * refused (those votes are never lowered from here). All four at 0 removes the hand-entered part.
 */
export async function saveStaff(
  db: Kysely<Database>,
  row: AssessmentRow,
  counts: readonly StaffCounts[],
  user: SessionUser,
  kioskExcluded = false,
  now = new Date().toISOString(),
): Promise<{ changed: number; kioskExcluded: string[] }> {
  const members = await memberMap(
    db,
    row.id,
    counts.map((c) => c.targetId),
  );
  const seen = new Set<number>();
  for (const c of counts) {
    const m = member(members, c.targetId, '被测评干部', 'counts');
    if (seen.has(c.targetId)) fail('VALIDATION', `“${m.name}”的票数填写了两次`, 'counts');
    seen.add(c.targetId);
  }
  const tallies = await staffTallies(db, row.id, [...seen]);
  const concealedFor = counts.filter((c) => kioskConcealed(tallies.filter((t) => t.target_cadre_id === c.targetId)));
  if (concealedFor.length > 0 && !kioskExcluded)
    fail('VALIDATION', kioskExcludedQuestion(concealedFor.map((c) => members.get(c.targetId)!.name)), 'counts');
  for (const c of counts) {
    const all = tallies.filter((t) => t.target_cadre_id === c.targetId);
    // A concealed kiosk part was not shown, so the totals typed leave it out (the clerk confirmed it); it is kept.
    const hidden = kioskConcealed(all);
    const mine = all.filter((t) => t.source !== 'manual' && !(hidden && t.source === 'kiosk'));
    const manual: StaffCounts = { targetId: c.targetId, excellent: 0, good: 0, fair: 0, poor: 0 };
    const clearing = c.excellent + c.good + c.fair + c.poor === 0; // all 0: remove the hand-entered part only
    for (const g of STAFF_GRADES) {
      const held = mine.reduce((n, t) => n + t[g], 0);
      if (!clearing && c[g] < held) {
        const where = mine
          .filter((t) => t[g] > 0)
          .sort((x, y) => BALLOT_SOURCES.indexOf(x.source) - BALLOT_SOURCES.indexOf(y.source))
          .map((t) => `${BALLOT_SOURCE_LABELS[t.source]} ${t[g]} 票`)
          .join('、');
        fail(
          'VALIDATION',
          `“${members.get(c.targetId)!.name}”的“${STAFF_GRADE_LABELS[g]}”总票数不能少于已有的 ${held} 票（${where}）；${KIOSK_KEPT}，` +
            `Excel 导入的票数请重新导入并选择“替换”`,
          'counts',
        );
      }
      manual[g] = Math.max(0, c[g] - held);
    }
    await setStaffTally(db, row, manual, 'manual', user, now);
  }
  return { changed: counts.length, kioskExcluded: concealedFor.map((c) => members.get(c.targetId)!.name) };
}

/** Why a save of totals waits for the clerk: the concealed kiosk part is not in the numbers typed. */
export const kioskExcludedQuestion = (names: readonly string[]): string =>
  `${names.map((n) => `“${n}”`).join('、')}的评议终端票不足 3 张、不公开，所填总数将视为不含评议终端的票` +
  '（评议终端的票原样保留，另行计入）；请确认后再保存，本次未保存任何票数';

export interface StaffVote {
  targetId: number;
  grade: StaffGrade;
}

/**
 * Adds one to each voted cadre's tally for the grade, in place (`+ 1` in SQL, never read-then-write): two clerks or a
 * clerk and the kiosk entering at once each keep their votes. The caller has checked the ballot against its group.
 */
export async function addStaffVotes(
  db: Kysely<Database>,
  row: AssessmentRow,
  votes: readonly StaffVote[],
  enteredBy: string,
  now: string,
  source: 'kiosk' | 'paper',
): Promise<void> {
  for (const v of votes) {
    await db
      .insertInto('assessment_staff_counts')
      .values({
        assessment_id: row.id,
        target_cadre_id: v.targetId,
        source,
        excellent: 0,
        good: 0,
        fair: 0,
        poor: 0,
        [v.grade]: 1,
        paper_no: null,
        entered_by: enteredBy,
        entered_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'target_cadre_id', 'source']).doUpdateSet((eb) => ({
          [v.grade]: eb(eb.ref(`assessment_staff_counts.${v.grade}`), '+', 1),
          entered_by: enteredBy,
          entered_at: now,
        })),
      )
      .execute();
  }
}

/**
 * One single paper staff ballot (逐票录入): a grade for every cadre of the group, each once; adds one vote per cadre and
 * keeps its 意见建议. A form over the 优秀 cap is refused unless the clerk confirms the paper says so (`voidOverCap`):
 * then it counts as one 无效票 of its group and none of its votes or comments count.
 */
export async function addStaffBallot(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { group: GroupRef; votes: readonly (StaffVote & { comment?: string | undefined })[]; voidOverCap?: boolean },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ groupName: string; count: number; voided: boolean; comments: number }> {
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
  if (missing.length > 0)
    fail('VALIDATION', `本票缺少${missing.map((m) => `“${m.name}”`).join('、')}的评价等次，请补全后再提交`, 'votes');
  const config = configOf(row.config);
  const breach = excellentCapBreach(
    input.votes.map((v) => v.grade),
    config.staffExcellentCap,
  );
  if (breach && !input.voidOverCap)
    fail('VALIDATION', `${excellentCapMessage(breach)}。如纸质票确实如此，请确认按无效票登记`, 'votes');
  if (!breach && input.voidOverCap) fail('VALIDATION', '本票未超过优秀比例上限，不能按无效票登记', 'voidOverCap');
  const name = groupName(group, input.group);
  if (breach) {
    await addVoidForms(db, row.id, input.group, 'excellentCapExceeded', 'paper');
    return { groupName: name, count: 0, voided: true, comments: 0 };
  }
  // A single staff ballot entered by hand is a paper ballot: it adds to the 纸质录入 tally.
  await addStaffVotes(db, row, input.votes, user.displayName, now, 'paper');
  const comments = await addComments(db, row.id, input.votes, 'paper');
  return { groupName: name, count: input.votes.length, voided: false, comments };
}

/**
 * The whole list of one cadre's service scores, replacing what was there. Scores that stay keep their row (and so their
 * source: an Excel-imported score the clerk did not touch can still be replaced by a later 替换 import); new ones are 手工录入.
 */
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
  const stored = await db
    .selectFrom('assessment_service_ballots')
    .select(['id', 'score'])
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', '=', targetId)
    .orderBy('id')
    .execute();
  const wanted = [...scores];
  const gone: number[] = [];
  for (const s of stored) {
    const i = wanted.indexOf(s.score);
    if (i >= 0) wanted.splice(i, 1);
    else gone.push(s.id);
  }
  if (gone.length > 0)
    await db
      .deleteFrom('assessment_service_ballots')
      .where('assessment_id', '=', row.id)
      .where('id', 'in', gone)
      .execute();
  if (wanted.length > 0) {
    await db
      .insertInto('assessment_service_ballots')
      .values(
        wanted.map((score) => ({
          assessment_id: row.id,
          target_cadre_id: targetId,
          score,
          paper_no: null,
          source: 'manual' as const,
          ...stamp(user, now),
        })),
      )
      .execute();
  }
  return target;
}

/** Deletes one ballot (for staff counts, `id` is the cadre's); NOT_FOUND when it is not this assessment's. */
export async function deleteBallot(
  db: Kysely<Database>,
  row: AssessmentRow,
  kind: Component,
  id: number,
): Promise<void> {
  // Kiosk rows are never removed from here (a staff "delete" removes the clerks' tallies of the cadre, not the kiosk's).
  const r =
    kind === 'superior'
      ? await db
          .deleteFrom('assessment_superior_ballots')
          .where('assessment_id', '=', row.id)
          .where('id', '=', id)
          .where('source', '!=', 'kiosk')
          .executeTakeFirst()
      : kind === 'peer'
        ? await db
            .deleteFrom('assessment_peer_ballots')
            .where('assessment_id', '=', row.id)
            .where('id', '=', id)
            .where('source', '!=', 'kiosk')
            .executeTakeFirst()
        : kind === 'staff'
          ? await db
              .deleteFrom('assessment_staff_counts')
              .where('assessment_id', '=', row.id)
              .where('target_cadre_id', '=', id)
              .where('source', '!=', 'kiosk')
              .executeTakeFirst()
          : await db
              .deleteFrom('assessment_service_ballots')
              .where('assessment_id', '=', row.id)
              .where('id', '=', id)
              .executeTakeFirst();
  if (Number(r.numDeletedRows) > 0) return;
  const table =
    kind === 'superior' ? 'assessment_superior_ballots' : kind === 'peer' ? 'assessment_peer_ballots' : null;
  const kiosk =
    table !== null
      ? await db
          .selectFrom(table)
          .select('id')
          .where('assessment_id', '=', row.id)
          .where('id', '=', id)
          .where('source', '=', 'kiosk')
          .executeTakeFirst()
      : kind === 'staff'
        ? await db
            .selectFrom('assessment_staff_counts')
            .select('target_cadre_id')
            .where('assessment_id', '=', row.id)
            .where('target_cadre_id', '=', id)
            .executeTakeFirst()
        : undefined;
  if (kiosk) fail('VALIDATION', KIOSK_KEPT, 'id');
  fail('NOT_FOUND', '找不到该测评票，可能已被删除', 'id');
}

const votesOf = (t: Record<StaffGrade, number>): number => STAFF_GRADES.reduce((n, g) => n + t[g], 0);

/**
 * Issue 21 §5 on the entry tabs: a cadre's kiosk votes are concealed while all their staff votes number fewer than
 * ANONYMITY_MIN_BALLOTS; the tally editor then shows and saves the hand-entered and imported counts only.
 */
export function kioskConcealed(tallies: readonly (Record<StaffGrade, number> & { source: BallotSource })[]): boolean {
  const kiosk = tallies.filter((t) => t.source === 'kiosk').reduce((n, t) => n + votesOf(t), 0);
  return kiosk > 0 && tallies.reduce((n, t) => n + votesOf(t), 0) < ANONYMITY_MIN_BALLOTS;
}

/**
 * Issue 21 §5 on the entry tabs: the ids of the kiosk 上级排名 ballots left out while any cadre on them rests on fewer
 * than ANONYMITY_MIN_BALLOTS 上级排名 ballots (pass every ballot of the groups concerned, of every source).
 */
export function concealedKioskSuperior(
  ballots: readonly { id: number; anonymous: number; sort_order: string }[],
): Set<number> {
  const count = new Map<number, number>();
  const orders = new Map(ballots.map((b) => [b.id, sortOrderOf(b.sort_order)]));
  for (const order of orders.values()) for (const c of order) count.set(c, (count.get(c) ?? 0) + 1);
  return new Set(
    ballots
      .filter((b) => b.anonymous === 1)
      .filter((b) => (orders.get(b.id) ?? []).some((c) => (count.get(c) ?? 0) < ANONYMITY_MIN_BALLOTS))
      .map((b) => b.id),
  );
}
