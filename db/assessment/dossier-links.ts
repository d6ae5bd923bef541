// The assessment's links to the dossier: veto and 加减分 proposals from dossier entries, and results written at archive (S3.2).
import type { Kysely } from 'kysely';
import { eligibilityOf, type EligibilityBasis } from '../../shared/assessment/eligibility';
import { quotaBasisOf } from '../../shared/assessment/quota-note';
import { displayRows, VETO_NOTE } from '../../shared/assessment/ranking-display';
import type {
  AdjustmentProposal,
  ArchivedResult,
  GradeConfirmation,
  VetoProposal,
} from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { GRADE_LABELS } from '../../shared/assessment/types';
import { localToday } from '../../shared/dossier/quarter';
import type { EntryCommonInput } from '../../shared/dossier/schema';
import type { Grade } from '../../shared/scoring/types';
import { insertEntries, readDossierCatalog, type NewEntry } from '../dossier';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';
import { readListReasons } from './rankings';
import { configOf } from './config-column';

/** The note on a grade the panel set other than the suggested one. */
const adjusted = (suggested: Grade, reason: string) => `（建议等次${GRADE_LABELS[suggested]}，调整理由：${reason}）`;

/** Where a 双比双评 result goes in the dossier (catalog.md: S3.2 “双比双评”考核结果, channel 考察考核). */
const RESULT_SUB_ITEM = 'S3.2';
const RESULT_CHANNEL = 'CH04';

/** Dossier entries of the assessment's year, of its members, with the 正负面清单 item they match (retired items too). */
const listItemEntriesOfYear = (db: Kysely<Database>, row: AssessmentRow) =>
  db
    .selectFrom('dossier_entries as e')
    .innerJoin('assessment_members as m', (j) =>
      j.onRef('m.cadre_id', '=', 'e.cadre_id').on('m.assessment_id', '=', row.id),
    )
    .innerJoin('catalog_list_items as l', 'l.code', 'e.list_item_code')
    .select(['e.id', 'e.cadre_id', 'e.date', 'e.title', 'l.code', 'l.name'])
    .where('e.date', '>=', `${row.year}-01-01`)
    .where('e.date', '<=', `${row.year}-12-31`);

/** The fields every proposal from a dossier entry shows. */
const proposalOf = (r: { id: number; cadre_id: number; date: string; title: string; code: string; name: string }) => ({
  targetId: r.cadre_id,
  dossierEntryId: r.id,
  date: r.date,
  title: r.title,
  listItemCode: r.code,
  listItemName: r.name,
});

/** Entries of the year that match a veto list item. */
export async function dossierVetoProposals(db: Kysely<Database>, row: AssessmentRow): Promise<VetoProposal[]> {
  const rows = await listItemEntriesOfYear(db, row)
    .where('l.veto', '=', 1)
    .orderBy('e.cadre_id')
    .orderBy('e.date')
    .execute();
  const vetoed = new Set(
    (
      await db.selectFrom('assessment_vetoes').select('target_cadre_id').where('assessment_id', '=', row.id).execute()
    ).map((v) => v.target_cadre_id),
  );
  return rows.map((r) => ({ ...proposalOf(r), vetoed: vetoed.has(r.cadre_id) }));
}

/**
 * Dossier entries of the assessment's year, of its members, matching a 正负面清单 item with points (P/N, catalog.md;
 * retired items too). Veto items are left to 一票否决, which already proposes them.
 */
export async function dossierAdjustmentProposals(
  db: Kysely<Database>,
  row: AssessmentRow,
  entryId?: number,
): Promise<AdjustmentProposal[]> {
  let q = listItemEntriesOfYear(db, row)
    .select(['l.points', 'l.polarity'])
    .where('l.veto', '=', 0)
    .where('l.points', '!=', 0);
  if (entryId !== undefined) q = q.where('e.id', '=', entryId);
  const rows = await q.orderBy('e.cadre_id').orderBy('e.date').orderBy('e.id').execute();
  const [adopted, dismissed] = await Promise.all([
    db
      .selectFrom('assessment_adjustments')
      .select('dossier_entry_id')
      .where('assessment_id', '=', row.id)
      .where('dossier_entry_id', 'is not', null)
      .execute(),
    db
      .selectFrom('assessment_dismissed_proposals')
      .select('dossier_entry_id')
      .where('assessment_id', '=', row.id)
      .execute(),
  ]);
  const adoptedIds = new Set(adopted.map((a) => a.dossier_entry_id));
  const dismissedIds = new Set(dismissed.map((d) => d.dossier_entry_id));
  return rows.map((r) => ({
    ...proposalOf(r),
    points: r.polarity === 'negative' ? -Math.abs(r.points) : r.points,
    state: adoptedIds.has(r.id) ? 'adopted' : dismissedIds.has(r.id) ? 'dismissed' : 'open',
  }));
}

/** 忽略 (or 恢复) a proposal: refused for an entry that is not a proposal of this assessment or is already adopted. */
export async function setProposalDismissed(
  db: Kysely<Database>,
  row: AssessmentRow,
  entryId: number,
  dismissed: boolean,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<AdjustmentProposal> {
  const p =
    (await dossierAdjustmentProposals(db, row, entryId))[0] ??
    fail('VALIDATION', '该档案材料不是本次考核的加减分提示', 'dossierEntryId');
  if (p.state === 'adopted')
    fail('VALIDATION', `档案材料“${p.title}”已计入加减分，请先删除该加减分项`, 'dossierEntryId');
  await markDismissed(db, 'assessment_dismissed_proposals', row, entryId, dismissed, user, now);
  return p;
}

/** 忽略 (dismissed) or 恢复 a dossier proposal in one of the two dismissal lists (加减分, 不得评优), which share a shape. */
export async function markDismissed(
  db: Kysely<Database>,
  table: 'assessment_dismissed_proposals' | 'assessment_dismissed_ineligible',
  row: AssessmentRow,
  entryId: number,
  dismissed: boolean,
  user: SessionUser,
  now: string,
): Promise<void> {
  if (dismissed) {
    await db
      .insertInto(table)
      .values({ assessment_id: row.id, dossier_entry_id: entryId, entered_by: user.displayName, entered_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom(table).where('assessment_id', '=', row.id).where('dossier_entry_id', '=', entryId).execute();
  }
}

/** What the 评优资格 line of an archived result reads: the configuration and the reasons of the lists. */
async function eligibilityBasis(db: Kysely<Database>, row: AssessmentRow): Promise<EligibilityBasis> {
  const config = configOf(row.config);
  return {
    scope: quotaBasisOf(config).scope,
    excellentMinScore: config.excellentMinScore,
    ...(await readListReasons(db, row.id)),
  };
}

/**
 * At archive, inside the archive's transaction: one S3.2 entry per member with their place, score and final grade
 * (the confirmed one where staff confirmed it). Written once per assessment and cadre (auto_key), never editable.
 */
export async function writeResultsToDossier(
  db: Kysely<Database>,
  row: AssessmentRow,
  archived: ArchivedResult,
  userId: number,
): Promise<number> {
  const members = await db.selectFrom('assessment_members').selectAll().where('assessment_id', '=', row.id).execute();
  if (members.length === 0) return 0;
  const stillInRoster = new Set(
    (
      await db
        .selectFrom('cadres')
        .select('id')
        .where(
          'id',
          'in',
          members.map((m) => m.cadre_id),
        )
        .execute()
    ).map((c) => c.id),
  );
  const byId = new Map(members.map((m) => [m.cadre_id, m]));
  const basis = await eligibilityBasis(db, row);
  const confirmed = new Map<number, GradeConfirmation>(archived.confirmations.map((c) => [c.cadreId, c]));
  const date = localToday();
  const entries: NewEntry[] = [];
  const push = (cadreId: number, title: string, content: string, polarity: EntryCommonInput['polarity']) => {
    if (!stillInRoster.has(cadreId)) return; // a member removed from the roster since has no dossier to write to
    entries.push({
      cadreId,
      origin: 'assessment',
      autoKey: `assessment:${row.id}:${cadreId}`,
      entry: {
        date,
        subItemCode: RESULT_SUB_ITEM,
        channelCode: RESULT_CHANNEL,
        title: title.slice(0, 100),
        content,
        polarity,
        standardCodes: [],
        listItemCode: null,
      },
    });
  };
  for (const group of archived.result.groups) {
    // As printed and shown: a vetoed cadre has no place, the others' places count only those not vetoed.
    for (const { row: r, rank } of displayRows(group)) {
      const m = byId.get(Number(r.cadreId));
      if (!m) continue;
      const grade: Grade = confirmed.get(m.cadre_id)?.grade ?? r.grade;
      const scope = m.position === 'chief' ? `${m.category_name}正职` : `${m.unit_name}副职`;
      const content = [
        `${row.name}：${rank === null ? VETO_NOTE : `在${scope}（${group.size}人）中排第 ${rank} 名`}，` +
          `最终得分 ${r.finalScore.toFixed(2)}（基础分 ${r.base.toFixed(2)}，加分 ${r.bonus.toFixed(2)}，减分 ${r.penalty.toFixed(2)}）。`,
        `确定等次：${GRADE_LABELS[grade]}${grade !== r.grade ? adjusted(r.grade, confirmed.get(m.cadre_id)!.reason) : ''}。`,
        `评优资格：${eligibilityOf(r, group, basis).text}。`,
      ].join('\n');
      const polarity = grade === 'excellent' ? 'positive' : grade === 'incompetent' ? 'negative' : 'neutral';
      push(
        m.cadre_id,
        `${row.name}：${GRADE_LABELS[grade]}（${rank === null ? VETO_NOTE : `第 ${rank} 名`}）`,
        content,
        polarity,
      );
    }
  }
  for (const u of archived.result.unranked) {
    const m = byId.get(Number(u.cadreId));
    if (m) push(m.cadre_id, `${row.name}：未排名`, `${row.name}：无有效测评数据，未参加排名。`, 'neutral');
  }
  if (entries.length === 0) return 0;
  return (await insertEntries(db, entries, await readDossierCatalog(db), userId)).length;
}
