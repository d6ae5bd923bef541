// The member snapshot: cadres in scope copied from the roster with their position, unit and category at that moment.
import type { Kysely, Selectable } from 'kysely';
import type { AssessmentMember, AssessmentScope } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import { z } from 'zod';
import type { AssessmentMembersTable, Database } from '../schema';
import { parseJsonColumn } from '../store/json-column';

const storedScope = z.object({ categoryCodes: z.array(z.string()), unitIds: z.array(z.number().int()) });

/** An assessment's stored scope (assessments.scope), read through its schema. */
export const scopeOf = (text: string): AssessmentScope => parseJsonColumn(storedScope, text, 'assessments.scope');

/** Serving cadres (在职) of the units in scope, by category, unit sort, position, name. */
export async function rosterInScope(db: Kysely<Database>, scope: AssessmentScope): Promise<AssessmentMember[]> {
  if (scope.categoryCodes.length === 0 && scope.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('cadres')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .innerJoin('catalog_categories', 'catalog_categories.code', 'units.category_code')
    .select([
      'cadres.id as cadreId',
      'cadres.name as name',
      'cadres.position as position',
      'units.id as unitId',
      'units.name as unitName',
      'units.category_code as categoryCode',
      'catalog_categories.name as categoryName',
    ])
    .where('cadres.status', '=', '在职')
    .where((eb) => {
      const ors = [];
      if (scope.categoryCodes.length > 0) ors.push(eb('units.category_code', 'in', scope.categoryCodes));
      if (scope.unitIds.length > 0) ors.push(eb('units.id', 'in', scope.unitIds));
      return eb.or(ors);
    })
    .orderBy('catalog_categories.sort')
    .orderBy('units.sort')
    .orderBy('units.name')
    .orderBy('cadres.position')
    .orderBy('cadres.id')
    .execute();
  return rows;
}

export async function checkScope(db: Kysely<Database>, scope: AssessmentScope): Promise<void> {
  if (scope.categoryCodes.length > 0) {
    const known = await db
      .selectFrom('catalog_categories')
      .select('code')
      .where('code', 'in', scope.categoryCodes)
      .execute();
    const missing = scope.categoryCodes.find((c) => !known.some((k) => k.code === c));
    if (missing !== undefined) fail('VALIDATION', `单位类别“${missing}”不存在`, 'scope.categoryCodes');
  }
  if (scope.unitIds.length > 0) {
    const known = await db.selectFrom('units').select('id').where('id', 'in', scope.unitIds).execute();
    const missing = scope.unitIds.find((u) => !known.some((k) => k.id === u));
    if (missing !== undefined) fail('VALIDATION', '所选单位不存在，可能已被删除', 'scope.unitIds');
  }
}

/** Replaces an assessment's snapshot (allowed only while 准备; the triggers refuse otherwise). */
export async function writeMembers(
  db: Kysely<Database>,
  assessmentId: number,
  members: readonly AssessmentMember[],
): Promise<void> {
  await db.deleteFrom('assessment_members').where('assessment_id', '=', assessmentId).execute();
  for (let i = 0; i < members.length; i += 500) {
    const chunk = members.slice(i, i + 500);
    await db
      .insertInto('assessment_members')
      .values(
        chunk.map((m) => ({
          assessment_id: assessmentId,
          cadre_id: m.cadreId,
          name: m.name,
          position: m.position,
          unit_id: m.unitId,
          unit_name: m.unitName,
          category_code: m.categoryCode,
          category_name: m.categoryName,
        })),
      )
      .execute();
  }
}

/** The snapshot, in display order: 正职 by category, 副职 by unit. */
export async function readMembers(db: Kysely<Database>, assessmentId: number): Promise<AssessmentMember[]> {
  const rows = await db
    .selectFrom('assessment_members')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('position')
    .orderBy('category_code')
    .orderBy('unit_id')
    .orderBy('cadre_id')
    .execute();
  return rows.map(toMember);
}

/** One stored member row as the assessment's member. */
export const toMember = (r: Selectable<AssessmentMembersTable>): AssessmentMember => ({
  cadreId: r.cadre_id,
  name: r.name,
  position: r.position,
  unitId: r.unit_id,
  unitName: r.unit_name,
  categoryCode: r.category_code,
  categoryName: r.category_name,
});
