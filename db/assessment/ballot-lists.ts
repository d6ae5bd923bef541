// ballots.list: the lists of an assessment's ballots as the entry tabs show them, each list read on its own (issue 19
// §4) so that a save reloads only what it changed; what a list conceals is worked out from that list's own rows.
import type { Kysely, Selectable } from 'kysely';
import { BALLOT_PARTS, type BallotLists, type BallotPart } from '../../shared/assessment/ballot-parts';
import type { StaffCountsView } from '../../shared/assessment/types';
import type { AssessmentStaffCountsTable, Database } from '../schema';
import { concealedKioskSuperior, kioskConcealed, STAFF_GRADES } from './ballots';
import { commentViews, formsReceived, voidFormViews } from './forms';
import { scoresOf, sortOrderOf } from './ballot-columns';

type StaffRow = Selectable<AssessmentStaffCountsTable>;

const anonymousPeer = <B extends { anonymous: number; target_cadre_id: number; scores: string }>(
  rows: readonly B[],
): B[] =>
  rows
    .filter((b) => b.anonymous === 1)
    .sort((x, y) => x.target_cadre_id - y.target_cadre_id || (x.scores < y.scores ? -1 : x.scores > y.scores ? 1 : 0));

/** One view per cadre: the total over every source, and each source's tally (rows come sorted by cadre). */
function staffViews(rows: readonly StaffRow[]): StaffCountsView[] {
  const byCadre = new Map<number, StaffRow[]>();
  for (const r of rows) byCadre.set(r.target_cadre_id, [...(byCadre.get(r.target_cadre_id) ?? []), r]);
  const out = new Map<number, StaffCountsView>();
  for (const r of rows) {
    const v = out.get(r.target_cadre_id) ?? {
      targetId: r.target_cadre_id,
      counts: { excellent: 0, good: 0, fair: 0, poor: 0 },
      bySource: {},
      enteredBy: r.entered_by,
      enteredAt: r.entered_at,
    };
    for (const g of STAFF_GRADES) v.counts[g] += r[g];
    v.bySource[r.source] = { excellent: r.excellent, good: r.good, fair: r.fair, poor: r.poor };
    if (r.entered_at > v.enteredAt) Object.assign(v, { enteredBy: r.entered_by, enteredAt: r.entered_at });
    out.set(r.target_cadre_id, v);
  }
  // The day only: a tally's last time would tell when the kiosk's last vote on a cadre came in.
  return [...out.values()].map((v) => {
    const day = v.enteredAt.slice(0, 10);
    const kiosk = v.bySource.kiosk;
    if (!kiosk || !kioskConcealed(byCadre.get(v.targetId) ?? [])) return { ...v, enteredAt: day };
    // Neither the kiosk's count nor its grades: the totals are what was entered by hand or imported.
    const counts = { ...v.counts };
    for (const g of STAFF_GRADES) counts[g] -= kiosk[g];
    const { kiosk: _hidden, ...bySource } = v.bySource;
    return { ...v, counts, bySource, enteredAt: day, kioskConcealed: true };
  });
}

const superiorRows = (db: Kysely<Database>, assessmentId: number) =>
  db
    .selectFrom('assessment_superior_ballots')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();

/** The 上级排名 list, without the 评议终端 ballots still too few to show, and the groups those are in. */
function superiorLists(
  rows: Awaited<ReturnType<typeof superiorRows>>,
): Pick<BallotLists, 'superior' | 'concealedSuperior'> {
  const hidden = concealedKioskSuperior(rows);
  const hiddenGroups = rows.filter((b) => hidden.has(b.id)).map((b) => b.group_ref);
  return {
    ...(hidden.size > 0 ? { concealedSuperior: [...new Set(hiddenGroups)].sort() } : {}),
    superior: rows
      .filter((b) => !hidden.has(b.id))
      .map((b) => ({
        id: b.id,
        raterLabel: b.rater_label,
        group: b.group_ref,
        order: sortOrderOf(b.sort_order),
        paperNo: b.paper_no,
        anonymous: b.anonymous === 1,
        source: b.source,
        enteredBy: b.entered_by,
        enteredAt: b.entered_at,
      })),
  };
}

const peerRows = (db: Kysely<Database>, assessmentId: number) =>
  db
    .selectFrom('assessment_peer_ballots')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();

// A kiosk ballot's rater is kept for scoring (self and group rules) but never shown; nor is its id, and kiosk
// ballots come sorted by target and scores, so neither order nor id groups one rater's ballots together.
const peerViews = (rows: Awaited<ReturnType<typeof peerRows>>): BallotLists['peer'] =>
  [...rows.filter((b) => !b.anonymous), ...anonymousPeer(rows)].map((b) => ({
    id: b.anonymous ? 0 : b.id,
    raterId: b.anonymous ? null : b.rater_cadre_id,
    anonymous: b.anonymous === 1,
    targetId: b.target_cadre_id,
    scores: scoresOf(b.scores),
    paperNo: b.paper_no,
    source: b.source,
    enteredBy: b.entered_by,
    enteredAt: b.entered_at,
  }));

const staffRows = (db: Kysely<Database>, assessmentId: number) =>
  db
    .selectFrom('assessment_staff_counts')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('target_cadre_id')
    .execute();

const serviceRows = (db: Kysely<Database>, assessmentId: number) =>
  db
    .selectFrom('assessment_service_ballots')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();

async function adjustmentViews(db: Kysely<Database>, assessmentId: number): Promise<BallotLists['adjustments']> {
  const rows = await db
    .selectFrom('assessment_adjustments')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    targetId: a.target_cadre_id,
    points: a.points,
    date: a.date,
    reason: a.reason,
    dossierEntryId: a.dossier_entry_id,
    enteredBy: a.entered_by,
    enteredAt: a.entered_at,
  }));
}

async function vetoViews(db: Kysely<Database>, assessmentId: number): Promise<BallotLists['vetoes']> {
  const rows = await db
    .selectFrom('assessment_vetoes as v')
    .leftJoin('dossier_entries as e', 'e.id', 'v.dossier_entry_id')
    .selectAll('v')
    .select(['e.title as entry_title', 'e.date as entry_date'])
    .where('v.assessment_id', '=', assessmentId)
    .orderBy('v.id')
    .execute();
  return rows.map((v) => ({
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
  }));
}

async function ineligibleViews(db: Kysely<Database>, assessmentId: number): Promise<BallotLists['ineligible']> {
  const rows = await db
    .selectFrom('assessment_ineligible')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    targetId: r.target_cadre_id,
    reason: r.reason,
    dossierEntryId: r.dossier_entry_id,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

const when = <T>(wanted: boolean, read: () => Promise<T>): Promise<T | undefined> =>
  wanted ? read() : Promise.resolve(undefined);

/**
 * The lists named in `parts` (all of them by default), each exactly as in the whole answer. 意见建议 need the forms
 * received per cadre: counted in SQL for the commented cadres, whether or not the ballot rows are read too.
 */
export async function listBallots(
  db: Kysely<Database>,
  assessmentId: number,
  parts: readonly BallotPart[] = BALLOT_PARTS,
): Promise<BallotLists> {
  const wants = new Set(parts);
  const has = (p: BallotPart) => wants.has(p);
  const [superior, peer, staff, service, adjustments, vetoes, ineligible, voidForms] = await Promise.all([
    when(has('superior'), () => superiorRows(db, assessmentId)),
    when(has('peer'), () => peerRows(db, assessmentId)),
    when(has('staff'), () => staffRows(db, assessmentId)),
    when(has('service'), () => serviceRows(db, assessmentId)),
    when(has('adjustments'), () => adjustmentViews(db, assessmentId)),
    when(has('vetoes'), () => vetoViews(db, assessmentId)),
    when(has('ineligible'), () => ineligibleViews(db, assessmentId)),
    when(has('voidForms'), () => voidFormViews(db, assessmentId)),
  ]);
  const comments = has('comments')
    ? await commentViews(db, assessmentId, await formsReceived(db, assessmentId, true))
    : undefined;
  return {
    ...(superior ? superiorLists(superior) : {}),
    ...(peer ? { peer: peerViews(peer) } : {}),
    ...(staff ? { staff: staffViews(staff) } : {}),
    ...(service
      ? {
          service: service.map((b) => ({
            id: b.id,
            targetId: b.target_cadre_id,
            score: b.score,
            paperNo: b.paper_no,
            source: b.source,
            enteredBy: b.entered_by,
            enteredAt: b.entered_at,
          })),
        }
      : {}),
    ...(adjustments ? { adjustments } : {}),
    ...(vetoes ? { vetoes } : {}),
    ...(ineligible ? { ineligible } : {}),
    ...(comments ? { comments } : {}),
    ...(voidForms ? { voidForms } : {}),
  };
}
