// The plan of an Excel ballot import: per group and cadre what the store holds by source, what the file holds, and
// the raters who already have a ballot (conflicts). Read-only; the commit rebuilds it and compares its key.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type BallotImportCadre,
  type BallotImportConflict,
  type BallotImportGroup,
  type BallotImportPlan,
  type BallotSource,
  type CadreKind,
  type SourceCounts,
} from '../../../shared/assessment/ballot-import';
import { canonicalJson } from '../../../shared/assessment/canonical';
import type { Database } from '../../schema';
import type { AssessmentRow } from '../access';
import {
  concealedKioskSuperior,
  groupMembers,
  groupName,
  kioskConcealed,
  kioskPeerRaters,
  staffTallies,
} from '../ballots';
import type { ParsedBallotSheet } from './parse';

const bump = (c: SourceCounts, source: BallotSource, n = 1) => {
  c[source] = (c[source] ?? 0) + n;
};

/**
 * The plan key is keyed with a secret of this process: it covers the kiosk parts the preview conceals (so a kiosk vote
 * after the preview still makes it stale), and a plain digest of such small counts could be worked back by trying.
 */
const PLAN_KEY_SECRET = randomBytes(32);

const fileHasBallots = (s: ParsedBallotSheet) => s.superior + s.peer + s.staff + s.service > 0;

/** Conflicts without the earlier Excel ballots (what is left when 替换 removes them first). */
function withoutExcel(conflicts: readonly BallotImportConflict[]): BallotImportConflict[] {
  return conflicts.flatMap((c) => {
    const { excel: _excel, ...rest } = c.existing;
    return Object.values(rest).some((n) => (n ?? 0) > 0) ? [{ ...c, existing: rest }] : [];
  });
}

type StaffTally = Awaited<ReturnType<typeof staffTallies>>[number];
type SuperiorRow = { id: number; anonymous: number; sort_order: string; source: BallotSource };

/** A group's full plan (kiosk parts included, for the key) and the rows the concealment rule reads. */
interface GroupPlan {
  group: BallotImportGroup;
  staff: StaffTally[];
  superior: SuperiorRow[];
}

async function groupPlan(db: Kysely<Database>, row: AssessmentRow, sheet: ParsedBallotSheet): Promise<GroupPlan> {
  const members = await groupMembers(db, row.id, sheet.ref);
  const ids = members.map((m) => m.cadreId);
  const nameOf = new Map(members.map((m) => [m.cadreId, m.name]));
  const [superior, peer, staff, service] = await Promise.all([
    db
      .selectFrom('assessment_superior_ballots')
      .select(['id', 'rater_label', 'source', 'anonymous', 'sort_order'])
      .where('assessment_id', '=', row.id)
      .where('group_ref', '=', sheet.ref)
      .execute(),
    ids.length === 0
      ? []
      : db
          .selectFrom('assessment_peer_ballots')
          .select(['rater_cadre_id', 'target_cadre_id', 'source'])
          .where('assessment_id', '=', row.id)
          .where('target_cadre_id', 'in', ids)
          .execute(),
    staffTallies(db, row.id, ids),
    ids.length === 0
      ? []
      : db
          .selectFrom('assessment_service_ballots')
          .select(['target_cadre_id', 'source'])
          .where('assessment_id', '=', row.id)
          .where('target_cadre_id', 'in', ids)
          .execute(),
  ]);

  const cadres = new Map<number, BallotImportCadre>(
    members.map((m) => [
      m.cadreId,
      {
        cadreId: m.cadreId,
        name: m.name,
        existing: { peer: {}, staff: {}, service: {} },
        file: { peer: 0, staff: 0, service: 0 },
        filePeerByRater: {},
      },
    ]),
  );
  const at = (id: number, kind: CadreKind) => cadres.get(id)?.existing[kind];
  for (const b of peer) bump(at(b.target_cadre_id, 'peer') ?? {}, b.source);
  for (const t of staff) bump(at(t.target_cadre_id, 'staff') ?? {}, t.source, t.excellent + t.good + t.fair + t.poor);
  for (const s of service) bump(at(s.target_cadre_id, 'service') ?? {}, s.source);
  for (const b of sheet.ballots.peer) {
    const c = cadres.get(b.targetId);
    if (!c) continue;
    c.file.peer += 1;
    c.filePeerByRater[String(b.raterId)] = (c.filePeerByRater[String(b.raterId)] ?? 0) + 1;
  }
  for (const b of sheet.ballots.staff) {
    const c = cadres.get(b.targetId);
    if (c) c.file.staff += b.excellent + b.good + b.fair + b.poor;
  }
  for (const b of sheet.ballots.service) {
    const c = cadres.get(b.targetId);
    if (c) c.file.service += b.scores.length;
  }

  const superiorExisting: SourceCounts = {};
  const byLabel = new Map<string, SourceCounts>();
  for (const b of superior) {
    bump(superiorExisting, b.source);
    const c = byLabel.get(b.rater_label) ?? {};
    bump(c, b.source);
    byLabel.set(b.rater_label, c);
  }
  // Who already gave peer ballots in this group, by source. Only raters the file also names are ever shown, and only
  // as counts per source (the seat list already says who voted at the kiosk; what they gave is never read here).
  const byRater = new Map<number, SourceCounts>();
  for (const b of peer) {
    if (b.rater_cadre_id === null) continue; // a kiosk ballot keeps no rater: its seat says who voted (below)
    const c = byRater.get(b.rater_cadre_id) ?? {};
    bump(c, b.source);
    byRater.set(b.rater_cadre_id, c);
  }
  // A kiosk rater scored every other cadre of the group once.
  const kiosk = await kioskPeerRaters(db, row.id);
  for (const id of ids) {
    if (!kiosk.has(id)) continue;
    const c = byRater.get(id) ?? {};
    bump(c, 'kiosk', ids.length - 1);
    byRater.set(id, c);
  }
  const conflicts: BallotImportConflict[] = [];
  for (const b of sheet.ballots.superior) {
    const existing = byLabel.get(b.raterLabel);
    if (existing)
      conflicts.push({ kind: 'superior', rater: b.raterLabel, raterName: b.raterLabel, existing, fileRows: 1 });
  }
  const fileRaters = new Map<number, number>();
  for (const b of sheet.ballots.peer) fileRaters.set(b.raterId, (fileRaters.get(b.raterId) ?? 0) + 1);
  for (const [raterId, rows] of [...fileRaters].sort((x, y) => x[0] - y[0])) {
    const existing = byRater.get(raterId);
    if (existing)
      conflicts.push({
        kind: 'peer',
        rater: String(raterId),
        raterName: nameOf.get(raterId) ?? `#${raterId}`,
        existing,
        fileRows: rows,
      });
  }
  const group: BallotImportGroup = {
    group: sheet.ref,
    groupName: groupName(members, sheet.ref),
    sheet: sheet.sheet,
    superior: { existing: superiorExisting, file: sheet.ballots.superior.length },
    cadres: [...cadres.values()],
    conflicts,
    replaceConflicts: withoutExcel(conflicts),
  };
  return { group, staff, superior };
}

/**
 * Issue 21 §5 as on the entry tabs: a cadre's kiosk staff votes while all their staff votes number fewer than 3, and the
 * group's kiosk 上级排名 ballots while a cadre on them rests on fewer than 3, are left out of what the preview shows.
 */
function concealed(
  g: BallotImportGroup,
  staff: readonly StaffTally[],
  superior: readonly SuperiorRow[],
): BallotImportGroup {
  const cadres = g.cadres.map((c) => {
    if (!kioskConcealed(staff.filter((t) => t.target_cadre_id === c.cadreId))) return c;
    const { kiosk: _hidden, ...rest } = c.existing.staff;
    return { ...c, existing: { ...c.existing, staff: rest }, staffKioskConcealed: true as const };
  });
  const hidden = concealedKioskSuperior(superior);
  if (hidden.size === 0) return { ...g, cadres };
  const existing: SourceCounts = {};
  for (const b of superior) if (!hidden.has(b.id)) bump(existing, b.source);
  return { ...g, cadres, superior: { ...g.superior, existing, kioskConcealed: true } };
}

/** The plan of the file's groups that hold any ballot; its key changes whenever what the store holds for them does. */
export async function buildImportPlan(
  db: Kysely<Database>,
  row: AssessmentRow,
  sheets: readonly ParsedBallotSheet[],
): Promise<BallotImportPlan> {
  const full: GroupPlan[] = [];
  for (const s of sheets) if (fileHasBallots(s)) full.push(await groupPlan(db, row, s));
  const planKey = createHmac('sha256', PLAN_KEY_SECRET)
    .update(canonicalJson(full.map((p) => p.group)))
    .digest('hex');
  return { groups: full.map((p) => concealed(p.group, p.staff, p.superior)), planKey };
}
