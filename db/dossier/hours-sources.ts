// A year's training hours per cadre from every training record: 培训班 attendance and S2.1 entries that state 学时, each course once.
import type { Kysely } from 'kysely';
import { ATTENDANCE_SUB_ITEM, hoursInContent, type HoursSource } from '../../shared/dossier/hours-check';
import type { Database } from '../schema';

/** Course names compared without spaces, quotes and brackets: “《2025年春季中青班》” and 2025年春季中青班 are one course. */
const normalized = (name: string) => name.replace(/[\s《》“”"'‘’「」（）()]/g, '').toLowerCase();

/** Class names shorter than this are too generic ('培训') to identify a course inside an entry's title. */
const MIN_NAME = 4;

export interface CadreHours {
  readonly total: number;
  readonly sources: readonly HoursSource[];
  /** Training records counted (what the automatic entry links to). */
  readonly recordIds: readonly number[];
}

/**
 * Hours of the year for every cadre with a record. A 培训班 record always counts. An S2.1 entry counts unless its
 * title names a class the cadre attended that year (the same course entered twice, once by 批量录入) or it repeats
 * an earlier entry with the same title and date (entered twice).
 */
export async function hoursOfYear(db: Kysely<Database>, year: number): Promise<Map<number, CadreHours>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [records, entries] = await Promise.all([
    db
      .selectFrom('training_records')
      .innerJoin('training_classes', 'training_classes.id', 'training_records.class_id')
      .select([
        'training_records.id',
        'training_records.cadre_id',
        'training_records.hours',
        'training_classes.name',
        'training_classes.end_date',
      ])
      .where('training_classes.end_date', '>=', from)
      .where('training_classes.end_date', '<=', to)
      .orderBy('training_classes.end_date')
      .orderBy('training_records.id')
      .execute(),
    db
      .selectFrom('dossier_entries')
      .select(['id', 'cadre_id', 'title', 'content', 'date'])
      .where('sub_item_code', '=', ATTENDANCE_SUB_ITEM)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('id')
      .execute(),
  ]);
  const byCadre = new Map<number, { sources: HoursSource[]; recordIds: number[]; classes: string[] }>();
  const of = (cadreId: number) => {
    let c = byCadre.get(cadreId);
    if (!c) byCadre.set(cadreId, (c = { sources: [], recordIds: [], classes: [] }));
    return c;
  };
  for (const r of records) {
    const c = of(r.cadre_id);
    c.sources.push({
      kind: 'class',
      refId: r.id,
      name: r.name,
      date: r.end_date,
      hours: r.hours,
      counted: true,
      note: '培训班',
    });
    c.recordIds.push(r.id);
    c.classes.push(r.name);
  }
  for (const e of entries) {
    const hours = hoursInContent(e.content);
    if (hours === null) continue;
    const c = of(e.cadre_id);
    const title = normalized(e.title);
    const cls = c.classes.find((n) => {
      const name = normalized(n);
      return name === title || (name.length >= MIN_NAME && title.includes(name));
    });
    const twin = c.sources.find(
      (s) => s.kind === 'entry' && s.counted && s.date === e.date && normalized(s.name) === title,
    );
    const note =
      cls !== undefined
        ? `与培训班“${cls}”为同一班次，不重复计算`
        : twin
          ? `与同日参训记录“${twin.name}”重复，不重复计算`
          : '参训记录';
    c.sources.push({
      kind: 'entry',
      refId: e.id,
      name: e.title,
      date: e.date,
      hours,
      counted: cls === undefined && !twin,
      note,
    });
  }
  const out = new Map<number, CadreHours>();
  for (const [cadreId, c] of byCadre) {
    const total = Math.round(c.sources.reduce((sum, s) => sum + (s.counted ? s.hours : 0), 0) * 10) / 10;
    out.set(cadreId, { total, sources: c.sources, recordIds: c.recordIds });
  }
  return out;
}
