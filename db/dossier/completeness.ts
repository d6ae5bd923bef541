// The quarterly collection: for a quarter, which cadres in service have no entry in which section, by unit.
import type { Kysely } from 'kysely';
import type { QuarterCompleteness, UnitCompleteness, CadreGap } from '../../shared/dossier/types';
import type { Database } from '../schema';

const pct = (filled: number, slots: number) => (slots === 0 ? 100 : Math.round((filled / slots) * 1000) / 10);

export async function quarterCompleteness(db: Kysely<Database>, quarter: string): Promise<QuarterCompleteness> {
  const [sections, cadres, covered] = await Promise.all([
    db.selectFrom('catalog_sections').select(['code', 'name']).where('retired', '=', 0).orderBy('sort').execute(),
    db
      .selectFrom('cadres')
      .innerJoin('units', 'units.id', 'cadres.unit_id')
      .select(['cadres.id', 'cadres.name', 'cadres.unit_id', 'units.name as unit_name', 'units.sort as unit_sort'])
      .where('cadres.status', '=', '在职')
      .orderBy('units.sort')
      .orderBy('units.id')
      .orderBy('cadres.id')
      .execute(),
    // Answered from the (quarter, section_code, cadre_id) index alone.
    db.selectFrom('dossier_entries').select(['section_code', 'cadre_id']).distinct().where('quarter', '=', quarter).execute(),
  ]);
  const has = new Set(covered.map((c) => `${c.cadre_id}:${c.section_code}`));
  const units = new Map<number, { unitName: string; cadres: number; filled: number }>();
  const gaps: CadreGap[] = [];
  let filledAll = 0;
  for (const c of cadres) {
    const missing = sections.filter((s) => !has.has(`${c.id}:${s.code}`)).map((s) => s.code);
    const filled = sections.length - missing.length;
    filledAll += filled;
    const u = units.get(c.unit_id) ?? { unitName: c.unit_name, cadres: 0, filled: 0 };
    u.cadres += 1;
    u.filled += filled;
    units.set(c.unit_id, u);
    if (missing.length > 0) gaps.push({ cadreId: c.id, name: c.name, unitId: c.unit_id, unitName: c.unit_name, missing });
  }
  const unitRows: UnitCompleteness[] = [...units.entries()].map(([unitId, u]) => {
    const slots = u.cadres * sections.length;
    return { unitId, unitName: u.unitName, cadres: u.cadres, filled: u.filled, slots, percent: pct(u.filled, slots) };
  });
  return {
    quarter,
    sections,
    cadres: cadres.length,
    percent: pct(filledAll, cadres.length * sections.length),
    // Units furthest behind first: the list the office hands out.
    units: unitRows.sort((a, b) => a.percent - b.percent || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    gaps,
  };
}
