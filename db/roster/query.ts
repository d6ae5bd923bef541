// The roster query: filters and free-text search over all cadres, fast enough to run on every keystroke.
import { sql, type Kysely } from 'kysely';
import type { RosterFilter, RosterRow } from '../../shared/roster/views';
import { ageAt } from '../../shared/roster/dates';
import { maskIdNumber } from '../../shared/roster/idcard';
import type { Database } from '../schema';

/** The 'YYYY-MM' that is `months` before today's month. */
function monthsBefore(today: Date, months: number): string {
  const total = today.getFullYear() * 12 + today.getMonth() - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export async function queryRoster(
  db: Kysely<Database>,
  filter: RosterFilter,
  opts: { showIdNumber: boolean; today?: Date },
): Promise<RosterRow[]> {
  const today = opts.today ?? new Date();
  let q = db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('catalog_categories as k', 'k.code', 'u.category_code')
    .select([
      'c.id',
      'c.name',
      'c.gender',
      'c.birth_month',
      'c.unit_id',
      'u.name as unit_name',
      'u.category_code',
      'k.name as category_name',
      'c.position',
      'c.current_post',
      'c.rank',
      'c.status',
      'c.highest_education',
      'c.id_number',
    ]);
  if (filter.unitId !== undefined) q = q.where('c.unit_id', '=', filter.unitId);
  if (filter.categoryCode) q = q.where('u.category_code', '=', filter.categoryCode);
  if (filter.position) q = q.where('c.position', '=', filter.position);
  if (filter.rank) q = q.where('c.rank', '=', filter.rank);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.education) q = q.where('c.highest_education', '=', filter.education);
  // age >= A  ⇔  born in or before the month A years ago; age <= B  ⇔  born after the month B+1 years ago.
  if (filter.ageMin !== undefined) q = q.where('c.birth_month', '<=', monthsBefore(today, filter.ageMin * 12));
  if (filter.ageMax !== undefined) q = q.where('c.birth_month', '>', monthsBefore(today, (filter.ageMax + 1) * 12));
  for (const term of (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    // instr, not FTS: 1- and 2-character names must be found, and 10,000 rows scan in a few milliseconds.
    q = /^[a-z]+$/.test(term)
      ? q.where(sql<boolean>`(instr(c.pinyin_keys, ${term}) > 0 OR instr(c.search_text, ${term}) > 0)`)
      : q.where(sql<boolean>`instr(c.search_text, ${term}) > 0`);
  }
  const rows = await q
    .orderBy('k.code')
    .orderBy('u.sort')
    .orderBy('u.name')
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthMonth: r.birth_month,
    age: ageAt(r.birth_month, today),
    unitId: r.unit_id,
    unitName: r.unit_name,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    position: r.position,
    currentPost: r.current_post,
    rank: r.rank,
    status: r.status,
    highestEducation: r.highest_education,
    idNumber: opts.showIdNumber ? r.id_number : maskIdNumber(r.id_number),
  }));
}
