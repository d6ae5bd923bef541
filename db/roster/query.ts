// The roster query: filters and free-text search over all cadres, fast enough to run on every keystroke.
// Rows are read once into memory (about 3 MB for 10,000 cadres) and filtered there; the copy is rebuilt
// whenever anything was written since, so a query never sees stale data. Rows come in the roster's default order:
// units as 单位管理 lists them (category, 排序号), and within a unit by post (the 职务排序 setting), 正职 first.
import { sql, type Kysely } from 'kysely';
import type { RosterFilter, RosterRow } from '../../shared/roster/views';
import { matchesTerms, searchTerms } from '../../shared/roster/search-match';
import { ageAt } from '../../shared/roster/dates';
import { maskIdNumber } from '../../shared/roster/idcard';
import { postRank } from '../../shared/roster/post-order';
import type { Database } from '../schema';
import { readSettings } from '../settings';

interface IndexedRow {
  readonly row: Omit<RosterRow, 'age'>;
  readonly searchText: string;
  readonly pinyinKeys: string;
}

interface RosterIndex {
  readonly version: string;
  readonly rows: readonly IndexedRow[];
}

const indexes = new WeakMap<object, RosterIndex>();

/** Changes on this connection plus commits by any other connection: equal means nothing was written. */
async function writeVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{
    changes: number;
    dataVersion: number;
  }>`SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS dataVersion`.execute(db);
  return `${rows[0]!.changes}:${rows[0]!.dataVersion}`;
}

async function loadIndex(db: Kysely<Database>, version: string): Promise<RosterIndex> {
  const rows = await db
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
      'c.search_text',
      'c.pinyin_keys',
    ])
    .orderBy('k.sort') // not k.code: as text 'C10' sorts between 'C1' and 'C2'
    .orderBy('u.sort')
    .orderBy('u.name')
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
  // A settings change is a write too, so a new 职务排序 rebuilds the index.
  const { postOrder } = await readSettings(db);
  const unitPlace = new Map<number, number>();
  for (const r of rows) if (!unitPlace.has(r.unit_id)) unitPlace.set(r.unit_id, unitPlace.size);
  const ranked = rows.map((r) => ({ r, rank: postRank(r.current_post, postOrder) }));
  // Stable: within one post level the SQL order (正职 first, then name) stays.
  ranked.sort((a, b) => unitPlace.get(a.r.unit_id)! - unitPlace.get(b.r.unit_id)! || a.rank - b.rank);
  return {
    version,
    rows: ranked.map(({ r, rank }) => ({
      row: {
        id: r.id,
        name: r.name,
        gender: r.gender,
        birthMonth: r.birth_month,
        unitId: r.unit_id,
        unitName: r.unit_name,
        categoryCode: r.category_code,
        categoryName: r.category_name,
        position: r.position,
        currentPost: r.current_post,
        postRank: rank,
        rank: r.rank,
        status: r.status,
        highestEducation: r.highest_education,
        idNumber: r.id_number,
      },
      searchText: r.search_text,
      pinyinKeys: r.pinyin_keys,
    })),
  };
}

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
  const version = await writeVersion(db);
  let index = indexes.get(db);
  if (index?.version !== version) {
    index = await loadIndex(db, version);
    indexes.set(db, index);
  }
  const today = opts.today ?? new Date();
  // age >= A  ⇔  born in or before the month A years ago; age <= B  ⇔  born after the month B+1 years ago.
  const bornBy = filter.ageMin !== undefined ? monthsBefore(today, filter.ageMin * 12) : null;
  const bornAfter = filter.ageMax !== undefined ? monthsBefore(today, (filter.ageMax + 1) * 12) : null;
  // Plain substring search, not FTS: 1- and 2-character names must be found. Latin-only terms also match pinyin.
  const terms = searchTerms(filter.text ?? '');
  const out: RosterRow[] = [];
  for (const { row: r, searchText, pinyinKeys } of index.rows) {
    if (filter.unitId !== undefined && r.unitId !== filter.unitId) continue;
    if (filter.categoryCode && r.categoryCode !== filter.categoryCode) continue;
    if (filter.position && r.position !== filter.position) continue;
    if (filter.rank && r.rank !== filter.rank) continue;
    if (filter.status && r.status !== filter.status) continue;
    if (filter.education && r.highestEducation !== filter.education) continue;
    if (bornBy !== null && r.birthMonth > bornBy) continue;
    if (bornAfter !== null && r.birthMonth <= bornAfter) continue;
    // A role that sees the 身份证号 masked must not find it by its hidden digits (that would reveal the birth date).
    const haystack =
      terms.length > 0 && !opts.showIdNumber && r.idNumber
        ? searchText.replace(r.idNumber.toLowerCase(), '')
        : searchText;
    if (!matchesTerms(terms, haystack, pinyinKeys)) continue;
    out.push({
      ...r,
      age: ageAt(r.birthMonth, today),
      idNumber: opts.showIdNumber ? r.idNumber : maskIdNumber(r.idNumber),
    });
  }
  return out;
}
