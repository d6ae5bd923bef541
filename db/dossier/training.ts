// Training classes and records, and the automatic evidence they give (优秀学员 → P3, 重修 → N3, yearly hours short → N3).
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { TrainingClassInput, TrainingRecordsInput, EntryCommonInput } from '../../shared/dossier/schema';
import { quarterOf } from '../../shared/dossier/quarter';
import { TRAINING_RESULT_LABELS, type TrainingClass, type TrainingRecord } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { readSettings } from '../settings';
import { readDossierCatalog, type DossierCatalog } from './catalog';
import { insertEntries } from './write';

/** Where automatic evidence is filed in the catalog (stable codes of catalog.md). */
const RESULT_SUB_ITEM = 'S2.2';
export const TRAINING_CHANNEL = 'CH09';
const POSITIVE_ITEM = 'P3';
export const NEGATIVE_ITEM = 'N3';
export const AUTO_NOTE = '（根据培训记录自动生成）';

const resultKey = (recordId: number) => `result:${recordId}`;

type Db = Kysely<Database>;

function classView(
  r: {
    id: number;
    name: string;
    start_date: string;
    end_date: string;
    hours: number;
    organizer: string;
    updated_at: string;
  },
  n: number,
): TrainingClass {
  return {
    id: r.id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    hours: r.hours,
    organizer: r.organizer,
    recordCount: n,
    updatedAt: r.updated_at,
  };
}

export async function listClasses(db: Db): Promise<TrainingClass[]> {
  const rows = await db
    .selectFrom('training_classes')
    .leftJoin('training_records', 'training_records.class_id', 'training_classes.id')
    .select([
      'training_classes.id',
      'name',
      'start_date',
      'end_date',
      'training_classes.hours',
      'organizer',
      'training_classes.updated_at',
    ])
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
  const n = await db
    .selectFrom('training_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', id)
    .executeTakeFirstOrThrow();
  return classView(r, Number(n.n));
}

export async function readRecords(db: Db, classId: number): Promise<TrainingRecord[]> {
  await readClass(db, classId);
  const rows = await db
    .selectFrom('training_records')
    .innerJoin('cadres', 'cadres.id', 'training_records.cadre_id')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .select([
      'training_records.id',
      'class_id',
      'cadre_id',
      'training_records.hours',
      'result',
      'cadres.name as cadre_name',
      'units.name as unit_name',
    ])
    .where('class_id', '=', classId)
    .orderBy('units.sort')
    .orderBy('cadres.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    classId: r.class_id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    unitName: r.unit_name,
    hours: r.hours,
    result: r.result,
  }));
}

/**
 * Saves a class (new or edited); an edit re-files the class's result evidence (its dates and name may have changed).
 * Yearly hours entries are not rewritten here: they are written only from a confirmed preview (hours-check.ts).
 */
export async function saveClass(db: Db, input: TrainingClassInput, userId: number): Promise<{ id: number }> {
  const now = new Date().toISOString();
  const values = {
    name: input.name,
    start_date: input.startDate,
    end_date: input.endDate,
    hours: input.hours,
    organizer: input.organizer,
    updated_at: now,
  };
  if (input.id === undefined) {
    const r = await db
      .insertInto('training_classes')
      .values({ ...values, created_by: userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: r.id };
  }
  await readClass(db, input.id);
  await db.updateTable('training_classes').set(values).where('id', '=', input.id).execute();
  await syncResultEvidence(db, input.id, userId);
  return { id: input.id };
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
      for (const r of await db
        .selectFrom('cadres')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute())
        found.add(r.id);
    }
    if (ids.some((id) => !found.has(id)))
      fail('VALIDATION', '学员名单中有不存在的干部，可能已被删除，请重新选择', 'rows');
  }
  const now = new Date().toISOString();
  const removed = existing.filter((r) => !wanted.has(r.cadre_id));
  if (removed.length > 0) {
    await db
      .deleteFrom('dossier_entries')
      .where(
        'auto_key',
        'in',
        removed.map((r) => resultKey(r.id)),
      )
      .execute();
    await db
      .deleteFrom('training_records')
      .where(
        'id',
        'in',
        removed.map((r) => r.id),
      )
      .execute();
  }
  const byCadre = new Map(existing.map((r) => [r.cadre_id, r]));
  let changed = removed.length;
  const inserts = [];
  for (const row of input.rows) {
    const old = byCadre.get(row.cadreId);
    if (!old) {
      inserts.push({
        class_id: input.classId,
        cadre_id: row.cadreId,
        hours: row.hours,
        result: row.result,
        updated_by: userId,
        updated_at: now,
      });
    } else if (old.hours !== row.hours || old.result !== row.result) {
      await db
        .updateTable('training_records')
        .set({ hours: row.hours, result: row.result, updated_by: userId, updated_at: now })
        .where('id', '=', old.id)
        .execute();
      changed++;
    }
  }
  for (let i = 0; i < inserts.length; i += 500)
    await db
      .insertInto('training_records')
      .values(inserts.slice(i, i + 500))
      .execute();
  changed += inserts.length;
  await syncResultEvidence(db, input.classId, userId);
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
  const existing = new Map<
    string,
    {
      id: number;
      version: number;
      date: string;
      title: string;
      content: string;
      list_item_code: string | null;
      sub_item_code: string;
    }
  >();
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
    if (
      old.date !== e.date ||
      old.title !== e.title ||
      old.content !== e.content ||
      old.list_item_code !== e.listItemCode ||
      old.sub_item_code !== e.subItemCode
    ) {
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
      await db
        .insertInto('dossier_entry_sources')
        .values(w.recordIds.map((record_id) => ({ entry_id: old.id, record_id })))
        .execute();
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
    for (let i = 0; i < links.length; i += 500)
      await db
        .insertInto('dossier_entry_sources')
        .values(links.slice(i, i + 500))
        .execute();
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
  await reconcile(
    db,
    catalog,
    records.map((r) => resultKey(r.id)),
    wanted,
    userId,
  );
}

export async function requiredHours(db: Db): Promise<number> {
  return (await readSettings(db)).trainingRequiredHours;
}

/** A trainee's result as a channel's list (党校) brings it: the class named by name and dates. */
export interface TrainingResultInput {
  readonly cadreId: number;
  readonly className: string;
  readonly organizer: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly result: TrainingRecord['result'];
}

/**
 * Files accepted 党校 results in the training classes: the class of that name and dates (made when missing), the
 * cadre's record in it (added or updated), then the class's 优秀/重修 evidence as saving its list would give.
 * Returns each input's record id.
 */
export async function fileTrainingResults(
  db: Db,
  items: readonly TrainingResultInput[],
  userId: number,
): Promise<number[]> {
  const now = new Date().toISOString();
  const classIds = new Map<string, number>();
  const recordIds: number[] = [];
  for (const it of items) {
    const key = JSON.stringify([it.className, it.startDate, it.endDate]);
    let classId = classIds.get(key);
    if (classId === undefined) {
      const found = await db
        .selectFrom('training_classes')
        .select('id')
        .where('name', '=', it.className)
        .where('start_date', '=', it.startDate)
        .where('end_date', '=', it.endDate)
        .orderBy('id')
        .executeTakeFirst();
      classId =
        found?.id ??
        (
          await saveClass(
            db,
            {
              name: it.className,
              startDate: it.startDate,
              endDate: it.endDate,
              hours: it.hours,
              organizer: it.organizer,
            },
            userId,
          )
        ).id;
      classIds.set(key, classId);
    }
    const old = await db
      .selectFrom('training_records')
      .select('id')
      .where('class_id', '=', classId)
      .where('cadre_id', '=', it.cadreId)
      .executeTakeFirst();
    if (old) {
      await db
        .updateTable('training_records')
        .set({ hours: it.hours, result: it.result, updated_by: userId, updated_at: now })
        .where('id', '=', old.id)
        .execute();
      recordIds.push(old.id);
    } else {
      const r = await db
        .insertInto('training_records')
        .values({
          class_id: classId,
          cadre_id: it.cadreId,
          hours: it.hours,
          result: it.result,
          updated_by: userId,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recordIds.push(r.id);
    }
  }
  for (const classId of new Set(classIds.values())) await syncResultEvidence(db, classId, userId);
  return recordIds;
}

/** The automatic evidence entry of a training record (优秀 or 重修), if it has one. */
export async function resultEntryOf(db: Db, recordId: number): Promise<number | null> {
  const r = await db
    .selectFrom('dossier_entries')
    .select('id')
    .where('auto_key', '=', resultKey(recordId))
    .executeTakeFirst();
  return r?.id ?? null;
}
