// Training classes and records, and the automatic evidence they give (优秀学员 → P3, 重修 → N3, yearly hours short → N3).
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { TrainingClassInput, TrainingRecordsInput, EntryCommonInput } from '../../shared/dossier/schema';
import { localToday, quarterOf } from '../../shared/dossier/quarter';
import { TRAINING_RESULT_LABELS, type TrainingClass, type TrainingRecord, type TrainingYearCheck } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { readSettings } from '../settings/service';
import { readDossierCatalog, type DossierCatalog } from './catalog';
import { insertEntries } from './write';

/** Where automatic evidence is filed in the catalog (stable codes of catalog.md). */
const RESULT_SUB_ITEM = 'S2.2';
const HOURS_SUB_ITEM = 'S2.4';
const TRAINING_CHANNEL = 'CH09';
const POSITIVE_ITEM = 'P3';
const NEGATIVE_ITEM = 'N3';
const AUTO_NOTE = '（根据培训记录自动生成）';

const resultKey = (recordId: number) => `result:${recordId}`;
const hoursKey = (year: number, cadreId: number) => `hours:${year}:${cadreId}`;
const CHECKED_YEARS_KEY = 'training.checkedYears';

type Db = Kysely<Database>;

function classView(r: { id: number; name: string; start_date: string; end_date: string; hours: number; organizer: string; updated_at: string }, n: number): TrainingClass {
  return { id: r.id, name: r.name, startDate: r.start_date, endDate: r.end_date, hours: r.hours, organizer: r.organizer, recordCount: n, updatedAt: r.updated_at };
}

export async function listClasses(db: Db): Promise<TrainingClass[]> {
  const rows = await db
    .selectFrom('training_classes')
    .leftJoin('training_records', 'training_records.class_id', 'training_classes.id')
    .select(['training_classes.id', 'name', 'start_date', 'end_date', 'training_classes.hours', 'organizer', 'training_classes.updated_at'])
    .select((eb) => eb.fn.count<number>('training_records.id').as('n'))
    .groupBy('training_classes.id')
    .orderBy('start_date', 'desc')
    .orderBy('training_classes.id', 'desc')
    .execute();
  return rows.map((r) => classView(r, Number(r.n)));
}

export async function readClass(db: Db, id: number): Promise<TrainingClass> {
  const r = await db.selectFrom('training_classes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return fail('NOT_FOUND', '找不到该培训班，可能已被删除', 'classId');
  const n = await db.selectFrom('training_records').select((eb) => eb.fn.countAll<number>().as('n')).where('class_id', '=', id).executeTakeFirstOrThrow();
  return classView(r, Number(n.n));
}

export async function readRecords(db: Db, classId: number): Promise<TrainingRecord[]> {
  await readClass(db, classId);
  const rows = await db
    .selectFrom('training_records')
    .innerJoin('cadres', 'cadres.id', 'training_records.cadre_id')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .select(['training_records.id', 'class_id', 'cadre_id', 'training_records.hours', 'result', 'cadres.name as cadre_name', 'units.name as unit_name'])
    .where('class_id', '=', classId)
    .orderBy('units.sort')
    .orderBy('cadres.id')
    .execute();
  return rows.map((r) => ({ id: r.id, classId: r.class_id, cadreId: r.cadre_id, cadreName: r.cadre_name, unitName: r.unit_name, hours: r.hours, result: r.result }));
}

/** Saves a class (new or edited); an edit re-files the class's automatic evidence (its dates and name may have changed). */
export async function saveClass(db: Db, input: TrainingClassInput, userId: number): Promise<{ id: number; years: number[] }> {
  const now = new Date().toISOString();
  const values = { name: input.name, start_date: input.startDate, end_date: input.endDate, hours: input.hours, organizer: input.organizer, updated_at: now };
  if (input.id === undefined) {
    const r = await db.insertInto('training_classes').values({ ...values, created_by: userId, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return { id: r.id, years: [] };
  }
  const before = await readClass(db, input.id);
  await db.updateTable('training_classes').set(values).where('id', '=', input.id).execute();
  const years = [...new Set([Number(before.endDate.slice(0, 4)), Number(input.endDate.slice(0, 4))])];
  await syncResultEvidence(db, input.id, userId);
  await refreshCheckedYears(db, years, await cadresOfClass(db, input.id), userId);
  return { id: input.id, years };
}

async function cadresOfClass(db: Db, classId: number): Promise<number[]> {
  return (await db.selectFrom('training_records').select('cadre_id').where('class_id', '=', classId).execute()).map((r) => r.cadre_id);
}

/** Replaces a class's list of trainees; their evidence follows (new, changed, removed). */
export async function saveRecords(db: Db, input: TrainingRecordsInput, userId: number) {
  const cls = await readClass(db, input.classId);
  const existing = await db.selectFrom('training_records').selectAll().where('class_id', '=', input.classId).execute();
  const wanted = new Map(input.rows.map((r) => [r.cadreId, r]));
  if (input.rows.length > 0) {
    const found = new Set<number>();
    const ids = input.rows.map((r) => r.cadreId);
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await db.selectFrom('cadres').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) found.add(r.id);
    }
    if (ids.some((id) => !found.has(id))) fail('VALIDATION', '学员名单中有不存在的干部，可能已被删除，请重新选择', 'rows');
  }
  const now = new Date().toISOString();
  const removed = existing.filter((r) => !wanted.has(r.cadre_id));
  if (removed.length > 0) {
    await db.deleteFrom('dossier_entries').where('auto_key', 'in', removed.map((r) => resultKey(r.id))).execute();
    await db.deleteFrom('training_records').where('id', 'in', removed.map((r) => r.id)).execute();
  }
  const byCadre = new Map(existing.map((r) => [r.cadre_id, r]));
  let changed = removed.length;
  const inserts = [];
  for (const row of input.rows) {
    const old = byCadre.get(row.cadreId);
    if (!old) {
      inserts.push({ class_id: input.classId, cadre_id: row.cadreId, hours: row.hours, result: row.result, updated_by: userId, updated_at: now });
    } else if (old.hours !== row.hours || old.result !== row.result) {
      await db.updateTable('training_records').set({ hours: row.hours, result: row.result, updated_by: userId, updated_at: now }).where('id', '=', old.id).execute();
      changed++;
    }
  }
  for (let i = 0; i < inserts.length; i += 500) await db.insertInto('training_records').values(inserts.slice(i, i + 500)).execute();
  changed += inserts.length;
  await syncResultEvidence(db, input.classId, userId);
  const affected = [...new Set([...existing.map((r) => r.cadre_id), ...input.rows.map((r) => r.cadreId)])];
  await refreshCheckedYears(db, [Number(cls.endDate.slice(0, 4))], affected, userId);
  return { cls, changed, added: inserts.length, removed: removed.length };
}

interface WantedEntry {
  readonly cadreId: number;
  readonly entry: EntryCommonInput;
  readonly recordIds: readonly number[];
}

/** Makes the automatic entries under the given keys equal the wanted ones: insert, update in place, or delete. */
async function reconcile(
  db: Db,
  catalog: DossierCatalog,
  keys: readonly string[],
  wanted: ReadonlyMap<string, WantedEntry>,
  userId: number,
): Promise<{ added: number; updated: number; removed: number }> {
  const counts = { added: 0, updated: 0, removed: 0 };
  const existing = new Map<string, { id: number; version: number; date: string; title: string; content: string; list_item_code: string | null; sub_item_code: string }>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('dossier_entries')
      .select(['id', 'auto_key', 'version', 'date', 'title', 'content', 'list_item_code', 'sub_item_code'])
      .where('auto_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) existing.set(r.auto_key!, r);
  }
  const stale = [...existing.entries()].filter(([k]) => !wanted.has(k)).map(([, r]) => r.id);
  if (stale.length > 0) await db.deleteFrom('dossier_entries').where('id', 'in', stale).execute();
  counts.removed = stale.length;
  const now = new Date().toISOString();
  const toInsert: { key: string; w: WantedEntry }[] = [];
  for (const [key, w] of wanted) {
    const old = existing.get(key);
    if (!old) {
      toInsert.push({ key, w });
      continue;
    }
    const e = w.entry;
    if (old.date !== e.date || old.title !== e.title || old.content !== e.content || old.list_item_code !== e.listItemCode || old.sub_item_code !== e.subItemCode) {
      await db
        .updateTable('dossier_entries')
        .set({
          date: e.date,
          quarter: quarterOf(e.date),
          title: e.title,
          content: e.content,
          polarity: e.polarity,
          list_item_code: e.listItemCode,
          sub_item_code: e.subItemCode,
          section_code: catalog.subItems.get(e.subItemCode)?.sectionCode ?? 'S2',
          verified_by: null,
          verified_at: null,
          version: old.version + 1,
          updated_at: now,
        })
        .where('id', '=', old.id)
        .execute();
      counts.updated++;
    }
    await db.deleteFrom('dossier_entry_sources').where('entry_id', '=', old.id).execute();
    if (w.recordIds.length > 0) {
      await db.insertInto('dossier_entry_sources').values(w.recordIds.map((record_id) => ({ entry_id: old.id, record_id }))).execute();
    }
  }
  if (toInsert.length > 0) {
    const ids = await insertEntries(
      db,
      toInsert.map(({ key, w }) => ({ cadreId: w.cadreId, entry: w.entry, origin: 'training' as const, autoKey: key })),
      catalog,
      userId,
    );
    const links = toInsert.flatMap(({ w }, i) => w.recordIds.map((record_id) => ({ entry_id: ids[i]!, record_id })));
    for (let i = 0; i < links.length; i += 500) await db.insertInto('dossier_entry_sources').values(links.slice(i, i + 500)).execute();
    counts.added = toInsert.length;
  }
  return counts;
}

/** 优秀学员 → a positive P3 entry, 重修学员 → a negative N3 entry, one per record, dated at the class's end. */
async function syncResultEvidence(db: Db, classId: number, userId: number): Promise<void> {
  const cls = await readClass(db, classId);
  const records = await db.selectFrom('training_records').selectAll().where('class_id', '=', classId).execute();
  const catalog = await readDossierCatalog(db);
  const wanted = new Map<string, WantedEntry>();
  for (const r of records) {
    if (r.result === 'qualified') continue;
    const positive = r.result === 'excellent';
    const label = TRAINING_RESULT_LABELS[r.result];
    wanted.set(resultKey(r.id), {
      cadreId: r.cadre_id,
      recordIds: [r.id],
      entry: {
        date: cls.endDate,
        subItemCode: RESULT_SUB_ITEM,
        channelCode: TRAINING_CHANNEL,
        title: `${cls.name}：${label}`.slice(0, 100),
        content: `参加“${cls.name}”（${cls.organizer}，${cls.startDate} 至 ${cls.endDate}），学时 ${r.hours}，结业评价：${label}${AUTO_NOTE}`,
        polarity: positive ? 'positive' : 'negative',
        standardCodes: [],
        listItemCode: positive ? POSITIVE_ITEM : NEGATIVE_ITEM,
      },
    });
  }
  await reconcile(db, catalog, records.map((r) => resultKey(r.id)), wanted, userId);
}

export async function requiredHours(db: Db): Promise<number> {
  return (await readSettings(db)).trainingRequiredHours;
}

async function checkedYears(db: Db): Promise<number[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', CHECKED_YEARS_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as number[]) : [];
}

/** The yearly hours of the given cadres (all cadres in service when none are given): N3 for each one below. */
async function checkHours(db: Db, year: number, cadreIds: readonly number[] | null, userId: number) {
  const required = await requiredHours(db);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let cadreQuery = db.selectFrom('cadres').select('id').where('status', '=', '在职');
  if (cadreIds !== null) cadreQuery = cadreQuery.where('id', 'in', cadreIds.length > 0 ? cadreIds : [-1]);
  const cadres = (await cadreQuery.execute()).map((r) => r.id);
  const records = await db
    .selectFrom('training_records')
    .innerJoin('training_classes', 'training_classes.id', 'training_records.class_id')
    .select(['training_records.id', 'training_records.cadre_id', 'training_records.hours'])
    .where('training_classes.end_date', '>=', from)
    .where('training_classes.end_date', '<=', to)
    .execute();
  const hours = new Map<number, { total: number; ids: number[] }>();
  for (const r of records) {
    const h = hours.get(r.cadre_id) ?? { total: 0, ids: [] };
    h.total += r.hours;
    h.ids.push(r.id);
    hours.set(r.cadre_id, h);
  }
  const today = localToday();
  const date = to < today ? to : today;
  const wanted = new Map<string, WantedEntry>();
  for (const id of cadres) {
    const h = hours.get(id) ?? { total: 0, ids: [] };
    if (h.total >= required) continue;
    const total = Math.round(h.total * 10) / 10;
    wanted.set(hoursKey(year, id), {
      cadreId: id,
      recordIds: h.ids,
      entry: {
        date,
        subItemCode: HOURS_SUB_ITEM,
        channelCode: TRAINING_CHANNEL,
        title: `${year}年度学时不达标`,
        content: `${year}年度参训 ${total} 学时，低于规定的 ${required} 学时${AUTO_NOTE}`,
        polarity: 'negative',
        standardCodes: [],
        listItemCode: NEGATIVE_ITEM,
      },
    });
  }
  const catalog = await readDossierCatalog(db);
  let keys = (cadreIds ?? cadres).map((id) => hoursKey(year, id));
  if (cadreIds === null) {
    // Also cadres no longer in service who had an entry for the year: theirs go.
    const prior = await db.selectFrom('dossier_entries').select('auto_key').where('auto_key', 'like', `hours:${year}:%`).execute();
    keys = [...new Set([...keys, ...prior.map((p) => p.auto_key!)])];
  }
  const counts = await reconcile(db, catalog, keys, wanted, userId);
  return { year, requiredHours: required, below: wanted.size, ...counts };
}

/** The year-end check; the year is remembered so later changes to its records keep the evidence right. */
export async function checkYear(db: Db, year: number, userId: number): Promise<TrainingYearCheck> {
  const result = await checkHours(db, year, null, userId);
  const years = await checkedYears(db);
  if (!years.includes(year)) {
    const value = JSON.stringify([...years, year].sort());
    await db.insertInto('settings').values({ key: CHECKED_YEARS_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
  return result;
}

/** After records change, re-runs the hours check for those cadres in the years already checked. */
async function refreshCheckedYears(db: Db, years: readonly number[], cadreIds: readonly number[], userId: number): Promise<void> {
  const checked = await checkedYears(db);
  for (const year of years) if (checked.includes(year) && cadreIds.length > 0) await checkHours(db, year, cadreIds, userId);
}
