// The cadres already in the store, in the shape the import matchers need.
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface StoredCadre {
  readonly id: number;
  readonly idNumber: string;
  readonly name: string;
  readonly birthMonth: string;
  readonly unitName: string;
}

export async function loadStoredCadres(db: Kysely<Database>): Promise<Map<number, StoredCadre>> {
  const rows = await db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.name', 'c.birth_month', 'c.id_number', 'u.name as unit_name'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, idNumber: r.id_number, name: r.name, birthMonth: r.birth_month, unitName: r.unit_name },
    ]),
  );
}

export const existingView = (c: StoredCadre | undefined) =>
  c ? { id: c.id, name: c.name, unitName: c.unitName } : null;
