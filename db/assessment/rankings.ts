// From the store to scoring: the assessment's RankingInput, the computed result, and the view with names and reasons.
import type { Kysely } from 'kysely';
import { invalidReasonText } from '../../shared/assessment/labels';
import { quotaBasisOf } from '../../shared/assessment/quota-note';
import { groupOrder } from '../../shared/assessment/ranking-display';
import {
  STAFF_GRADE_LABELS,
  groupRefOf,
  type AssessmentMember,
  type GradeConfirmation,
  type InvalidBallotView,
  type RankingsView,
} from '../../shared/assessment/types';
import { computeRankings } from '../../shared/scoring';
import type { Component, RankingConfig, RankingInput, RankingResult, StaffGrade } from '../../shared/scoring/types';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';
import { concealedComponents, withoutConcealedCounts } from '../../shared/assessment/anonymity';
import { anonymousSuperiorGroups } from './anonymity';
import { groupName } from './ballots';
import { invalidForms, participationReport } from './participation';
import { readMembers } from './members';
import { configOf } from './config-column';
import { scoresOf, sortOrderOf } from './ballot-columns';
import { archivedResultOf, summarizedResultOf } from './result-column';

const STAFF_GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

export interface StoreRankingInput {
  input: RankingInput;
  members: AssessmentMember[];
  /** Per component, a short Chinese description of each ballot, by its index in the input. */
  describe: (kind: Component, index: number) => string;
}

/**
 * The rater scoring sees for each peer ballot. A clerk's ballot names its rater. A 评议终端 ballot keeps none (see
 * kiosk.ts): its rater was checked at submit (a cadre of the target's group, not the target, once per target), and
 * scoring (rule 2) uses a rater only for those same checks and for `duplicate`. So each kiosk ballot on a target gets
 * a stand-in: a distinct cadre of the target's group who is neither the target nor the rater of a clerk ballot on it
 * (a rater is either at the kiosk or on paper, never both: refused both ways). The ballots then pass exactly as the
 * real raters' did and every value is the same; the stand-ins are computed here, never stored, and say nothing of
 * who voted. Should the pool run out (data from before these checks), the ballot is named `匿名评议-<id>`: not a
 * cadre, so scoring reports it (unknownCadre) rather than counting one rater twice.
 */
function peerRaters(
  peer: readonly { id: number; rater_cadre_id: number | null; target_cadre_id: number }[],
  members: readonly AssessmentMember[],
): string[] {
  if (peer.every((b) => b.rater_cadre_id !== null)) return peer.map((b) => String(b.rater_cadre_id));
  const byGroup = new Map<string, number[]>();
  const groupOf = new Map<number, string>();
  for (const m of members) {
    const g = groupRefOf(m);
    groupOf.set(m.cadreId, g);
    const list = byGroup.get(g);
    if (list) list.push(m.cadreId);
    else byGroup.set(g, [m.cadreId]);
  }
  // target -> raters already counted on it (only targets of kiosk ballots need one)
  const taken = new Map<number, Set<number>>();
  for (const b of peer) if (b.rater_cadre_id === null) taken.set(b.target_cadre_id, new Set());
  for (const b of peer) if (b.rater_cadre_id !== null) taken.get(b.target_cadre_id)?.add(b.rater_cadre_id);
  const takenOn = (t: number) => taken.get(t)!;
  return peer.map((b) => {
    if (b.rater_cadre_id !== null) return String(b.rater_cadre_id);
    const t = b.target_cadre_id;
    const g = groupOf.get(t);
    const used = takenOn(t);
    const standIn = g === undefined ? undefined : (byGroup.get(g) ?? []).find((c) => c !== t && !used.has(c));
    if (standIn === undefined) return `匿名评议-${b.id}`;
    used.add(standIn);
    return String(standIn);
  });
}

/**
 * Reads the snapshot, configuration and every ballot into scoring's input, in a stable order (ids ascending).
 * `snapshot`: the members when the caller has already read them (read once per ranking).
 */
export async function loadRankingInput(
  db: Kysely<Database>,
  assessmentId: number,
  snapshot?: AssessmentMember[],
): Promise<StoreRankingInput> {
  const [row, members, superior, peer, staff, service, adjustments, vetoes, ineligible] = await Promise.all([
    db.selectFrom('assessments').select('config').where('id', '=', assessmentId).executeTakeFirstOrThrow(),
    snapshot ?? readMembers(db, assessmentId),
    db
      .selectFrom('assessment_superior_ballots')
      .select(['rater_label', 'group_ref', 'sort_order'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('assessment_peer_ballots')
      .select(['id', 'rater_cadre_id', 'target_cadre_id', 'scores', 'anonymous'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('assessment_staff_counts')
      .select(['target_cadre_id', 'excellent', 'good', 'fair', 'poor'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('target_cadre_id')
      .execute(),
    db
      .selectFrom('assessment_service_ballots')
      .select(['target_cadre_id', 'score'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('assessment_adjustments')
      .select(['target_cadre_id', 'points', 'reason'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('assessment_vetoes')
      .select(['target_cadre_id', 'reason'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
    readIneligible(db, assessmentId),
  ]);
  // Tallies are kept per source; scoring sees one total per cadre, so the input (and an archive's digest) is what it was.
  const totals = new Map<number, Record<StaffGrade, number>>();
  for (const s of staff) {
    const t = totals.get(s.target_cadre_id) ?? { excellent: 0, good: 0, fair: 0, poor: 0 };
    for (const grade of STAFF_GRADES) t[grade] += s[grade];
    totals.set(s.target_cadre_id, t);
  }
  const staffBallots: RankingInput['staffBallots'] = [];
  for (const [id, s] of totals) {
    const targetId = String(id);
    for (const grade of STAFF_GRADES) for (let i = 0; i < s[grade]; i++) staffBallots.push({ targetId, grade });
  }
  const input: RankingInput = {
    config: configOf(row.config),
    cadres: members.map((m) => ({
      id: String(m.cadreId),
      name: m.name,
      position: m.position,
      categoryId: m.categoryCode,
      unitId: String(m.unitId),
    })),
    superiorBallots: superior.map((b) => ({
      raterId: b.rater_label,
      order: sortOrderOf(b.sort_order).map(String),
    })),
    peerBallots: peerRaters(peer, members).map((raterId, i) => ({
      raterId,
      targetId: String(peer[i]!.target_cadre_id),
      scores: scoresOf(peer[i]!.scores),
    })),
    staffBallots,
    serviceBallots: service.map((b) => ({ targetId: String(b.target_cadre_id), score: b.score })),
    adjustments: adjustments.map((a) => ({ targetId: String(a.target_cadre_id), points: a.points, reason: a.reason })),
    vetoes: vetoes.map((v) => ({ targetId: String(v.target_cadre_id), reason: v.reason })),
    // Only when there is an entry: the input of an assessment without one (and so its archive digest) is unchanged.
    ...(ineligible.length > 0
      ? { ineligible: ineligible.map((i) => ({ targetId: String(i.target_cadre_id), reason: i.reason })) }
      : {}),
  };
  const byId = new Map(members.map((m) => [m.cadreId, m]));
  const nameOf = (id: string | number) => byId.get(Number(id))?.name ?? `#${id}`;
  const describe = (kind: Component, index: number): string => {
    if (kind === 'superior') {
      const b = superior[index];
      return b ? `${b.rater_label}对“${groupName(members, b.group_ref)}”的排名` : '';
    }
    if (kind === 'peer') {
      const b = peer[index];
      return b
        ? b.rater_cadre_id === null
          ? `匿名评议对${nameOf(b.target_cadre_id)}的互评`
          : `${nameOf(b.rater_cadre_id)}对${nameOf(b.target_cadre_id)}的互评`
        : '';
    }
    if (kind === 'staff') {
      const b = staffBallots[index];
      return b ? `对${nameOf(b.targetId)}的职工测评（${STAFF_GRADE_LABELS[b.grade]}）` : '';
    }
    const b = service[index];
    return b ? `对${nameOf(b.target_cadre_id)}的服务对象评分 ${b.score}` : '';
  };
  return { input, members, describe };
}

function readIneligible(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assessment_ineligible')
    .select(['target_cadre_id', 'reason'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
}

/**
 * The reasons of the 不得评优 and 一票否决 lists by cadre id (several vetoes of one cadre joined with '；'). Frozen with
 * the assessment once archived (0004's triggers), so an archived result reads the reasons it was decided on.
 */
export async function readListReasons(
  db: Kysely<Database>,
  assessmentId: number,
): Promise<Pick<RankingsView, 'ineligibleReasons' | 'vetoReasons'>> {
  const [ineligible, vetoes] = await Promise.all([
    readIneligible(db, assessmentId),
    db
      .selectFrom('assessment_vetoes')
      .select(['target_cadre_id', 'reason'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .execute(),
  ]);
  const vetoReasons: Record<string, string> = {};
  for (const v of vetoes) {
    const key = String(v.target_cadre_id);
    vetoReasons[key] = vetoReasons[key] === undefined ? v.reason : `${vetoReasons[key]}；${v.reason}`;
  }
  return {
    ineligibleReasons: Object.fromEntries(ineligible.map((i) => [String(i.target_cadre_id), i.reason])),
    vetoReasons,
  };
}

export async function computeFromStore(
  db: Kysely<Database>,
  assessmentId: number,
): Promise<StoreRankingInput & { result: RankingResult }> {
  const loaded = await loadRankingInput(db, assessmentId);
  return { ...loaded, result: computeRankings(loaded.input) };
}

export function invalidViews(result: RankingResult, describe: StoreRankingInput['describe']): InvalidBallotView[] {
  return result.invalidBallots.map((b) => ({
    ...b,
    reasonText: invalidReasonText(b.reason),
    ballot: describe(b.kind, b.index),
  }));
}

export async function readConfirmations(db: Kysely<Database>, assessmentId: number): Promise<GradeConfirmation[]> {
  const rows = await db
    .selectFrom('assessment_grade_confirmations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('target_cadre_id')
    .execute();
  return rows.map((r) => ({
    cadreId: r.target_cadre_id,
    grade: r.grade,
    reason: r.reason,
    confirmedBy: r.entered_by,
    confirmedAt: r.entered_at,
  }));
}

function groupNames(members: readonly AssessmentMember[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of members) {
    const key = groupRefOf(m);
    out[key] ??= groupName([m], key);
  }
  return out;
}

/**
 * The rankings as the window shows them: live while 准备/测评中, the stored summary once 已汇总, the archived result
 * once 已归档 (never recomputed, so a later change of code or catalog cannot alter it).
 */
export async function rankingsView(db: Kysely<Database>, row: AssessmentRow): Promise<RankingsView> {
  const [members, categories, units, reasons] = await Promise.all([
    readMembers(db, row.id),
    db.selectFrom('catalog_categories').select(['code', 'sort']).execute(),
    db.selectFrom('units').select(['id', 'sort', 'name']).execute(),
    readListReasons(db, row.id),
  ]);
  const config = configOf(row.config);
  const base = {
    state: row.state,
    groupNames: groupNames(members),
    groupOrder: groupOrder(members, {
      categorySort: new Map(categories.map((c) => [c.code, c.sort])),
      units: new Map(units.map((u) => [u.id, { sort: u.sort, name: u.name }])),
    }),
    members: Object.fromEntries(members.map((m) => [String(m.cadreId), m])),
    digest: row.digest,
    quotaBasis: quotaBasisOf(config),
    ...reasons,
    excellentMinScore: config.excellentMinScore,
  };
  // Participation and the small-group rule apply to every state alike (issue 21 §3, §5).
  const finish = async (view: RankingsView, input: () => Promise<RankingInput>): Promise<RankingsView> => {
    const { result } = view;
    const invalid = result.invalidBallots.length === 0 ? [] : invalidForms({ input: await input(), result }, members);
    const [participation, anonymous] = await Promise.all([
      participationReport(db, row, members, base.groupOrder, invalid),
      anonymousSuperiorGroups(db, row.id),
    ]);
    const groupOfCadre = new Map(members.map((m) => [String(m.cadreId), groupRefOf(m)]));
    const concealed = concealedComponents(result, (id) => anonymous.has(groupOfCadre.get(id) ?? ''));
    return { ...view, result: withoutConcealedCounts(result, concealed), participation, concealed };
  };
  if (row.state === 'archived' && row.archived_result) {
    const archived = archivedResultOf(row.archived_result);
    return finish(
      {
        ...base,
        result: archived.result,
        invalidBallots: archived.invalidBallots,
        confirmations: archived.confirmations,
      },
      async () => (await loadRankingInput(db, row.id)).input,
    );
  }
  const loaded = await loadRankingInput(db, row.id, members);
  const result =
    (row.state === 'summarized' ? summarizedResultOf(row.summarized_result) : null) ?? computeRankings(loaded.input);
  return finish(
    {
      ...base,
      result,
      invalidBallots: invalidViews(result, loaded.describe),
      confirmations: await readConfirmations(db, row.id),
    },
    () => Promise.resolve(loaded.input),
  );
}

/** The ranking with other component weights (the what-if panel): the stored ballots, nothing saved. */
export async function whatIf(
  db: Kysely<Database>,
  assessmentId: number,
  weights: RankingConfig['weights'],
): Promise<RankingResult> {
  const { input, members } = await loadRankingInput(db, assessmentId);
  const result = computeRankings({ ...input, config: { ...input.config, weights } });
  // The same small-group rule as the view: no count behind a component resting on fewer than 3 anonymous ballots.
  const anonymous = await anonymousSuperiorGroups(db, assessmentId);
  const groupOfCadre = new Map(members.map((m) => [String(m.cadreId), groupRefOf(m)]));
  return withoutConcealedCounts(
    result,
    concealedComponents(result, (id) => anonymous.has(groupOfCadre.get(id) ?? '')),
  );
}
