// The quarterly collection: for a quarter, which cadres in service lack material in which required section, by unit.
// A section checked to have no material for a cadre (本季度无此类材料（经核查）) counts as complete.
import type { Kysely } from 'kysely';
import type { QuarterAttestation, QuarterCompleteness, UnitCompleteness, CadreGap } from '../../shared/dossier/types';
import type { Database } from '../schema';

const pct = (filled: number, slots: number) => (slots === 0 ? 100 : Math.round((filled / slots) * 1000) / 10);

/** The quarter's required section codes: the administrator's choice among the live sections, else all of them. */
export async function requiredSections(
  db: Kysely<Database>,
  quarter: string,
): Promise<{ live: { code: string; name: string }[]; required: Set<string>; chosen: boolean }> {
  const [live, chosen] = await Promise.all([
    db.selectFrom('catalog_sections').select(['code', 'name']).where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('quarter_required_sections').select('section_code').where('quarter', '=', quarter).execute(),
  ]);
  const picked = new Set(chosen.map((c) => c.section_code).filter((c) => live.some((s) => s.code === c)));
  return { live, required: picked.size > 0 ? picked : new Set(live.map((s) => s.code)), chosen: picked.size > 0 };
}

export async function quarterCompleteness(db: Kysely<Database>, quarter: string): Promise<QuarterCompleteness> {
  const [{ live, required, chosen }, cadres, covered, attested] = await Promise.all([
    requiredSections(db, quarter),
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
    db
      .selectFrom('dossier_entries')
      .select(['section_code', 'cadre_id'])
      .distinct()
      .where('quarter', '=', quarter)
      .execute(),
    db.selectFrom('quarter_attestations').selectAll().where('quarter', '=', quarter).execute(),
  ]);
  const sections = live.filter((s) => required.has(s.code));
  const has = new Set(covered.map((c) => `${c.cadre_id}:${c.section_code}`));
  const checked = new Map(attested.map((a) => [`${a.cadre_id}:${a.section_code}`, a]));
  const units = new Map<number, { unitName: string; cadres: number; filled: number; attested: number }>();
  const gaps: CadreGap[] = [];
  const attestations: QuarterAttestation[] = [];
  let filledAll = 0;
  for (const c of cadres) {
    const u = units.get(c.unit_id) ?? { unitName: c.unit_name, cadres: 0, filled: 0, attested: 0 };
    const missing: string[] = [];
    for (const s of sections) {
      const key = `${c.id}:${s.code}`;
      if (has.has(key)) u.filled += 1;
      else if (checked.has(key)) {
        u.filled += 1;
        u.attested += 1;
      } else missing.push(s.code);
    }
    for (const s of live) {
      const a = checked.get(`${c.id}:${s.code}`);
      if (a) {
        attestations.push({
          cadreId: c.id,
          name: c.name,
          unitId: c.unit_id,
          unitName: c.unit_name,
          sectionCode: s.code,
          note: a.note,
          attestedBy: a.attested_by,
          attestedAt: a.attested_at,
        });
      }
    }
    filledAll += sections.length - missing.length;
    u.cadres += 1;
    units.set(c.unit_id, u);
    if (missing.length > 0)
      gaps.push({ cadreId: c.id, name: c.name, unitId: c.unit_id, unitName: c.unit_name, missing });
  }
  const unitRows: UnitCompleteness[] = [...units.entries()].map(([unitId, u]) => {
    const slots = u.cadres * sections.length;
    return {
      unitId,
      unitName: u.unitName,
      cadres: u.cadres,
      filled: u.filled,
      attested: u.attested,
      slots,
      percent: pct(u.filled, slots),
    };
  });
  return {
    quarter,
    sections,
    allSections: live.map((s) => ({ ...s, required: required.has(s.code) })),
    chosenSections: chosen,
    attestations,
    cadres: cadres.length,
    percent: pct(filledAll, cadres.length * sections.length),
    // Units furthest behind first: the list the office hands out.
    units: unitRows.sort((a, b) => a.percent - b.percent || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    gaps,
  };
}
