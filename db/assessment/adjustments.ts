// The 日常考核加减分清单 and 一票否决 of an assessment: entered by hand, or a veto adopted from a dossier entry.
import type { Kysely } from 'kysely';
import type { AssessmentMember } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';
import { memberMap } from './ballots';

export interface AdjustmentInput {
  targetId: number;
  points: number;
  date: string;
  reason: string;
  dossierEntryId?: number | undefined;
}

export async function addAdjustment(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: AdjustmentInput,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<AssessmentMember> {
  const target =
    (await memberMap(db, row.id, [input.targetId])).get(input.targetId) ??
    fail('VALIDATION', '所选干部不是本次考核的成员', 'targetId');
  if (input.dossierEntryId !== undefined) {
    // Adopted from a proposal: the entry must be the cadre's, and counted once per assessment.
    const entry = await db
      .selectFrom('dossier_entries')
      .select(['cadre_id', 'title'])
      .where('id', '=', input.dossierEntryId)
      .executeTakeFirst();
    if (!entry) fail('VALIDATION', '所依据的档案材料不存在，可能已被删除', 'dossierEntryId');
    if (entry!.cadre_id !== input.targetId)
      fail('VALIDATION', `所依据的档案材料不是${target.name}的材料`, 'dossierEntryId');
    const twice = await db
      .selectFrom('assessment_adjustments')
      .select('id')
      .where('assessment_id', '=', row.id)
      .where('dossier_entry_id', '=', input.dossierEntryId)
      .executeTakeFirst();
    if (twice) fail('VALIDATION', `档案材料“${entry!.title}”已计入本次考核的加减分，不能重复计入`, 'dossierEntryId');
    // Adopting a proposal once dismissed takes it out of the dismissed list.
    await db
      .deleteFrom('assessment_dismissed_proposals')
      .where('assessment_id', '=', row.id)
      .where('dossier_entry_id', '=', input.dossierEntryId)
      .execute();
  }
  await db
    .insertInto('assessment_adjustments')
    .values({
      assessment_id: row.id,
      target_cadre_id: input.targetId,
      points: input.points,
      date: input.date,
      reason: input.reason,
      dossier_entry_id: input.dossierEntryId ?? null,
      entered_by: user.displayName,
      entered_at: now,
    })
    .execute();
  return target;
}

export async function deleteAdjustment(
  db: Kysely<Database>,
  row: AssessmentRow,
  id: number,
): Promise<{ targetId: number; points: number; reason: string }> {
  const a = await db
    .selectFrom('assessment_adjustments')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) return fail('NOT_FOUND', '找不到该加减分项，可能已被删除', 'id');
  await db.deleteFrom('assessment_adjustments').where('id', '=', id).execute();
  return { targetId: a.target_cadre_id, points: a.points, reason: a.reason };
}

export interface VetoInput {
  targetId: number;
  reason: string;
  /** Set when the veto is adopted from a dossier proposal (采纳). */
  dossierEntryId?: number | undefined;
}

export async function addVeto(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: VetoInput,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<AssessmentMember> {
  const { targetId, reason } = input;
  const target =
    (await memberMap(db, row.id, [targetId])).get(targetId) ??
    fail('VALIDATION', '所选干部不是本次考核的成员', 'targetId');
  const entryId = input.dossierEntryId ?? null;
  if (entryId !== null) {
    const entry = await db
      .selectFrom('dossier_entries')
      .select('cadre_id')
      .where('id', '=', entryId)
      .executeTakeFirst();
    if (!entry) fail('VALIDATION', '所依据的档案材料不存在，可能已被删除', 'dossierEntryId');
    if (entry!.cadre_id !== targetId) fail('VALIDATION', `所依据的档案材料不是${target.name}的材料`, 'dossierEntryId');
  }
  await db
    .insertInto('assessment_vetoes')
    .values({
      assessment_id: row.id,
      target_cadre_id: targetId,
      reason,
      source: 'manual',
      dossier_entry_id: entryId,
      entered_by: user.displayName,
      entered_at: now,
    })
    .execute();
  return target;
}

export async function deleteVeto(
  db: Kysely<Database>,
  row: AssessmentRow,
  id: number,
): Promise<{ targetId: number; reason: string }> {
  const v = await db
    .selectFrom('assessment_vetoes')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v) return fail('NOT_FOUND', '找不到该一票否决项，可能已被删除', 'id');
  await db.deleteFrom('assessment_vetoes').where('id', '=', id).execute();
  return { targetId: v.target_cadre_id, reason: v.reason };
}
