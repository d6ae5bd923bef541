// 任免事项 in the store: a cadre's dated history, adding one (an identical one is not added twice), the latest.
import type { Kysely, Selectable } from 'kysely';
import type { AppointmentMatter, AppointmentMatterInput } from '../../shared/renmian/matter';
import type { AppointmentMattersTable, Database } from '../schema';

const view = (r: Selectable<AppointmentMattersTable>): AppointmentMatter => ({
  id: r.id,
  cadreId: r.cadre_id,
  matterDate: r.matter_date,
  proposedPost: r.proposed_post,
  proposedRemoval: r.proposed_removal,
  reason: r.reason,
  reportingUnit: r.reporting_unit,
  ageAt: r.age_at,
  filledBy: r.filled_by,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Newest first: by the matter's date, then by when it was entered. */
export async function listMatters(db: Kysely<Database>, cadreId: number): Promise<AppointmentMatter[]> {
  const rows = await db
    .selectFrom('appointment_matters')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('matter_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(view);
}

/** The newest 任免事项 of each cadre that has one. */
export async function latestMatters(
  db: Kysely<Database>,
  cadreIds: readonly number[],
): Promise<Map<number, AppointmentMatter>> {
  const out = new Map<number, AppointmentMatter>();
  for (let i = 0; i < cadreIds.length; i += 500) {
    const rows = await db
      .selectFrom('appointment_matters')
      .selectAll()
      .where('cadre_id', 'in', cadreIds.slice(i, i + 500))
      .orderBy('matter_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) if (!out.has(r.cadre_id)) out.set(r.cadre_id, view(r));
  }
  return out;
}

/**
 * Adds a 任免事项. With `skipSame`, a matter equal in every field to one the cadre has is not added again (a
 * re-imported file), and null is returned.
 */
export async function insertMatter(
  db: Kysely<Database>,
  m: AppointmentMatterInput,
  by: { displayName: string; at: string; skipSame?: boolean },
): Promise<AppointmentMatter | null> {
  const values = {
    cadre_id: m.cadreId,
    matter_date: m.matterDate,
    proposed_post: m.proposedPost,
    proposed_removal: m.proposedRemoval,
    reason: m.reason,
    reporting_unit: m.reportingUnit,
    age_at: m.ageAt,
    filled_by: m.filledBy,
  };
  if (by.skipSame) {
    const same = await db
      .selectFrom('appointment_matters')
      .select('id')
      .where('cadre_id', '=', m.cadreId)
      .where('matter_date', '=', m.matterDate)
      .where('proposed_post', '=', m.proposedPost)
      .where('proposed_removal', '=', m.proposedRemoval)
      .where('reason', '=', m.reason)
      .where('reporting_unit', '=', m.reportingUnit)
      .where('age_at', '=', m.ageAt)
      .where('filled_by', '=', m.filledBy)
      .executeTakeFirst();
    if (same) return null;
  }
  const row = await db
    .insertInto('appointment_matters')
    .values({ ...values, created_by: by.displayName, created_at: by.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return view(row);
}
