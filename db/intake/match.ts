// A channel's row names its cadre by 姓名 + 身份证号 or 姓名 + 单位: matched against the in-service roster, or left with
// the same-name candidates for the user to pick (never guessed: two of a name, or a unit that does not fit).
import type { Kysely } from 'kysely';
import type { IntakeCandidate } from '../../shared/intake/types';
import type { Database } from '../schema';
import { looseText } from '../excel/workbook';

export interface RosterCadre extends IntakeCandidate {
  readonly idNumber: string;
  readonly birthMonth: string;
}

export interface CadreMatch {
  readonly cadreId: number | null;
  readonly candidates: readonly IntakeCandidate[];
  /** Why nothing can be picked, naming what was written. */
  readonly problem: string | null;
}

export async function rosterCadres(db: Kysely<Database>): Promise<RosterCadre[]> {
  const rows = await db
    .selectFrom('cadres')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .select(['cadres.id', 'cadres.name', 'cadres.id_number', 'cadres.current_post', 'cadres.birth_month'])
    .select('units.name as unit_name')
    .where('cadres.status', '=', '在职')
    .orderBy('units.sort')
    .orderBy('cadres.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unitName: r.unit_name,
    post: r.current_post,
    idNumber: r.id_number.trim().toUpperCase(),
    birthMonth: r.birth_month,
  }));
}

const candidate = ({ id, name, unitName, post }: RosterCadre): IntakeCandidate => ({ id, name, unitName, post });

/** The matcher over one roster read: by exact 身份证号 with the same name, else by name within the named unit. */
export function cadreMatcher(roster: readonly RosterCadre[]) {
  const byName = new Map<string, RosterCadre[]>();
  for (const c of roster) byName.set(looseText(c.name), [...(byName.get(looseText(c.name)) ?? []), c]);
  return (name: string, idNumber: string, unit: string): CadreMatch => {
    const same = byName.get(looseText(name)) ?? [];
    const id = idNumber.trim().toUpperCase();
    const byId = id === '' ? undefined : same.find((c) => c.idNumber === id);
    if (byId) return { cadreId: byId.id, candidates: [], problem: null };
    if (same.length === 0) return { cadreId: null, candidates: [], problem: `花名册中没有在职干部“${name}”` };
    const inUnit = unit === '' ? [] : same.filter((c) => looseText(c.unitName) === looseText(unit));
    // A 身份证号 the roster does not hold (often blank there) does not stand against a unique name in the unit.
    if (inUnit.length === 1 && (id === '' || inUnit[0]!.idNumber === ''))
      return { cadreId: inUnit[0]!.id, candidates: [], problem: null };
    // Two of the name in the unit, a unit or 身份证号 that does not fit: every cadre of the name, to pick from.
    return { cadreId: null, candidates: same.map(candidate), problem: null };
  };
}
