// 不得评优 proposed from the dossier (issue 21 §1): the members' 诫勉, 函询属实, 处分 in its 影响期 and 学时不达标 entries
// for the assessment's year (rules in shared/assessment/ineligible-rules.ts), to adopt (采纳) or dismiss (忽略).
import type { Kysely } from 'kysely';
import { INELIGIBLE_SUB_ITEMS, ineligibleProposalOf } from '../../shared/assessment/ineligible-rules';
import type { IneligibleProposal } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';
import { markDismissed } from './dossier-links';

/** The proposals of an assessment, by cadre, date and entry; `entryId` narrows them to one entry. */
export async function dossierIneligibleProposals(
  db: Kysely<Database>,
  row: AssessmentRow,
  entryId?: number,
): Promise<IneligibleProposal[]> {
  // No lower date bound: a 处分 of years before may still be in its 影响期 (the rules decide, per entry).
  let q = db
    .selectFrom('dossier_entries as e')
    .innerJoin('assessment_members as m', (j) =>
      j.onRef('m.cadre_id', '=', 'e.cadre_id').on('m.assessment_id', '=', row.id),
    )
    .select(['e.id', 'e.cadre_id', 'e.date', 'e.title', 'e.content', 'e.sub_item_code', 'e.polarity'])
    .where('e.sub_item_code', 'in', Object.values(INELIGIBLE_SUB_ITEMS))
    .where('e.date', '<=', `${row.year}-12-31`);
  if (entryId !== undefined) q = q.where('e.id', '=', entryId);
  const [rows, listed, dismissed] = await Promise.all([
    q.orderBy('e.cadre_id').orderBy('e.date').orderBy('e.id').execute(),
    db
      .selectFrom('assessment_ineligible')
      .select(['target_cadre_id', 'dossier_entry_id'])
      .where('assessment_id', '=', row.id)
      .execute(),
    db
      .selectFrom('assessment_dismissed_ineligible')
      .select('dossier_entry_id')
      .where('assessment_id', '=', row.id)
      .execute(),
  ]);
  const listedCadres = new Set(listed.map((l) => l.target_cadre_id));
  const adoptedIds = new Set(listed.map((l) => l.dossier_entry_id));
  const dismissedIds = new Set(dismissed.map((d) => d.dossier_entry_id));
  const out: IneligibleProposal[] = [];
  for (const r of rows) {
    const p = ineligibleProposalOf(
      { subItemCode: r.sub_item_code, polarity: r.polarity, date: r.date, title: r.title, content: r.content },
      row.year,
    );
    if (!p) continue;
    out.push({
      targetId: r.cadre_id,
      dossierEntryId: r.id,
      kind: p.kind,
      date: r.date,
      title: r.title,
      reason: p.reason,
      state: adoptedIds.has(r.id) ? 'adopted' : dismissedIds.has(r.id) ? 'dismissed' : 'open',
      listed: listedCadres.has(r.cadre_id),
    });
  }
  return out;
}

/**
 * Checks an adoption (采纳) before the item is written: the entry exists, is the cadre's, is one of this assessment's
 * proposals, and is not adopted yet.
 */
export async function checkAdoption(
  db: Kysely<Database>,
  row: AssessmentRow,
  entryId: number,
  target: { cadreId: number; name: string },
): Promise<void> {
  const entry = await db
    .selectFrom('dossier_entries')
    .select(['cadre_id', 'title'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) return fail('VALIDATION', '所依据的档案材料不存在，可能已被删除', 'dossierEntryId');
  if (entry.cadre_id !== target.cadreId)
    fail('VALIDATION', `所依据的档案材料不是${target.name}的材料`, 'dossierEntryId');
  const p = (await dossierIneligibleProposals(db, row, entryId))[0];
  if (!p)
    return fail(
      'VALIDATION',
      `档案材料“${entry.title}”不是本次考核的不得评优提示（须为${row.year}年度的诫勉、函询属实、学时不达标或影响期内的处分）`,
      'dossierEntryId',
    );
  if (p.state === 'adopted')
    fail('VALIDATION', `档案材料“${entry.title}”已列入本次考核的不得评优名单，不能重复列入`, 'dossierEntryId');
}

/** Adopting a proposal once dismissed takes it out of the dismissed list. */
export async function clearDismissal(db: Kysely<Database>, row: AssessmentRow, entryId: number): Promise<void> {
  await db
    .deleteFrom('assessment_dismissed_ineligible')
    .where('assessment_id', '=', row.id)
    .where('dossier_entry_id', '=', entryId)
    .execute();
}

/** 忽略 (or 恢复) a proposal: refused for an entry that is not a proposal of this assessment or is already adopted. */
export async function setIneligibleProposalDismissed(
  db: Kysely<Database>,
  row: AssessmentRow,
  entryId: number,
  dismissed: boolean,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<IneligibleProposal> {
  const p =
    (await dossierIneligibleProposals(db, row, entryId))[0] ??
    fail('VALIDATION', '该档案材料不是本次考核的不得评优提示', 'dossierEntryId');
  if (p.state === 'adopted')
    fail('VALIDATION', `档案材料“${p.title}”已列入不得评优名单，请先撤销该不得评优项`, 'dossierEntryId');
  await markDismissed(db, 'assessment_dismissed_ineligible', row, entryId, dismissed, user, now);
  return p;
}
