// The 不得评为优秀 list of an assessment (scoring.md rule 8, `ineligible`): one entry per member, with its reason.
import type { Kysely } from 'kysely';
import type { AssessmentMember } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';
import { memberMap } from './ballots';
import { checkAdoption, clearDismissal } from './ineligible-proposals';

// Listed with the ballots (ballots.list), as the vetoes are; proposals from the dossier in ineligible-proposals.ts.

export async function addIneligible(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { targetId: number; reason: string; dossierEntryId?: number | undefined },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<AssessmentMember> {
  const target =
    (await memberMap(db, row.id, [input.targetId])).get(input.targetId) ??
    fail('VALIDATION', '所选干部不是本次考核的成员', 'targetId');
  const entryId = input.dossierEntryId ?? null;
  if (entryId !== null) await checkAdoption(db, row, entryId, target);
  const existing = await db
    .selectFrom('assessment_ineligible')
    .select('reason')
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', '=', input.targetId)
    .executeTakeFirst();
  if (existing)
    fail('VALIDATION', `“${target.name}”已列入不得评优名单（${existing.reason}），如需修改理由请先撤销`, 'targetId');
  if (entryId !== null) await clearDismissal(db, row, entryId);
  await db
    .insertInto('assessment_ineligible')
    .values({
      assessment_id: row.id,
      target_cadre_id: input.targetId,
      reason: input.reason,
      dossier_entry_id: entryId,
      entered_by: user.displayName,
      entered_at: now,
    })
    .execute();
  return target;
}

export async function deleteIneligible(
  db: Kysely<Database>,
  row: AssessmentRow,
  id: number,
): Promise<{ targetId: number; reason: string; dossierEntryId?: number }> {
  const r = await db
    .selectFrom('assessment_ineligible')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return fail('NOT_FOUND', '找不到该不得评优项，可能已被撤销', 'id');
  await db.deleteFrom('assessment_ineligible').where('id', '=', id).execute();
  return {
    targetId: r.target_cadre_id,
    reason: r.reason,
    ...(r.dossier_entry_id === null ? {} : { dossierEntryId: r.dossier_entry_id }),
  };
}
