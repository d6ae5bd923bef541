// The year-end 学时 check: a preview of who falls short and why, a commit of exactly that list as one batch, and its withdrawal.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import { localToday } from '../../shared/dossier/quarter';
import {
  HOURS_SUB_ITEM,
  type HoursCheckBatch,
  type HoursCheckPreview,
  type HoursShortCadre,
} from '../../shared/dossier/hours-check';
import type { Database } from '../schema';
import { readDossierCatalog } from './catalog';
import { hoursOfYear } from './hours-sources';
import { AUTO_NOTE, NEGATIVE_ITEM, TRAINING_CHANNEL, requiredHours } from './training';
import { insertEntries } from './write';

type Db = Kysely<Database>;

const hoursKey = (year: number, cadreId: number) => `hours:${year}:${cadreId}`;
/** Entries written by the check before batches existed have no batch id: they are withdrawn together per year. */
const LEGACY_PREFIX = 'legacy:';

/** What the token covers: a change to any of it between preview and commit refuses the commit. */
function tokenOf(year: number, required: number, cadres: readonly HoursShortCadre[]): string {
  const data = cadres.map((c) => [c.cadreId, c.hours, c.sources.map((s) => [s.kind, s.refId, s.hours, s.counted])]);
  return createHash('sha256')
    .update(JSON.stringify([year, required, data]))
    .digest('hex')
    .slice(0, 32);
}

export async function previewYear(db: Db, year: number, today = localToday()): Promise<HoursCheckPreview> {
  if (`${year}-01-01` > today) fail('VALIDATION', `${year}年度尚未开始，不能核查学时`, 'year');
  const [required, hours, cadres, existing] = await Promise.all([
    requiredHours(db),
    hoursOfYear(db, year),
    db
      .selectFrom('cadres')
      .innerJoin('units', 'units.id', 'cadres.unit_id')
      .select(['cadres.id', 'cadres.name', 'units.name as unit_name'])
      .where('cadres.status', '=', '在职')
      .orderBy('units.sort')
      .orderBy('cadres.id')
      .execute(),
    db.selectFrom('dossier_entries').select(['id', 'cadre_id']).where('auto_key', 'like', `hours:${year}:%`).execute(),
  ]);
  const recorded = new Map(existing.map((e) => [e.cadre_id, e.id]));
  const short: HoursShortCadre[] = [];
  const stale = [];
  let alreadyRecorded = 0;
  for (const c of cadres) {
    const h = hours.get(c.id) ?? { total: 0, sources: [] };
    const entryId = recorded.get(c.id);
    if (h.total >= required) {
      if (entryId !== undefined)
        stale.push({ entryId, cadreId: c.id, name: c.name, unitName: c.unit_name, hours: h.total });
    } else if (entryId !== undefined) alreadyRecorded++;
    else short.push({ cadreId: c.id, name: c.name, unitName: c.unit_name, hours: h.total, sources: h.sources });
  }
  return {
    year,
    requiredHours: required,
    beforeYearEnd: today < `${year}-12-31`,
    cadres: short,
    alreadyRecorded,
    stale,
    token: tokenOf(year, required, short),
  };
}

const entryContent = (year: number, required: number, c: HoursShortCadre) => {
  const counted = c.sources.filter((s) => s.counted).map((s) => `“${s.name}”${s.hours} 学时`);
  const basis = counted.length > 0 ? `计入：${counted.join('、')}` : '本年度无培训记录';
  return `${year}年度参训 ${c.hours} 学时，低于规定的 ${required} 学时。${basis}${AUTO_NOTE}`.slice(0, 5000);
};

/** Writes the previewed list as one batch; refused when the data changed since the preview the token names. */
export async function commitYear(db: Db, year: number, token: string, userId: number) {
  const p = await previewYear(db, year);
  if (p.token !== token)
    fail(
      'CONFLICT',
      '预览之后培训记录、学时或干部名单已有变化（例如新录入了学时），未生成任何材料，请重新预览后再确认',
    );
  if (p.cadres.length === 0) fail('VALIDATION', `${year}年度没有需要生成负面材料的干部`, 'year');
  const today = localToday();
  const date = `${year}-12-31` < today ? `${year}-12-31` : today;
  const batchId = randomUUID();
  const hours = await hoursOfYear(db, year);
  const catalog = await readDossierCatalog(db);
  const entries = p.cadres.map((c) => ({
    cadreId: c.cadreId,
    origin: 'training' as const,
    autoKey: hoursKey(year, c.cadreId),
    batchId,
    entry: {
      date,
      subItemCode: HOURS_SUB_ITEM,
      channelCode: TRAINING_CHANNEL,
      title: `${year}年度学时不达标`,
      content: entryContent(year, p.requiredHours, c),
      polarity: 'negative' as const,
      standardCodes: [],
      listItemCode: NEGATIVE_ITEM,
    },
  }));
  const ids = await insertEntries(db, entries, catalog, userId);
  const links = p.cadres.flatMap((c, i) =>
    (hours.get(c.cadreId)?.recordIds ?? []).map((record_id) => ({ entry_id: ids[i]!, record_id })),
  );
  for (let i = 0; i < links.length; i += 500)
    await db
      .insertInto('dossier_entry_sources')
      .values(links.slice(i, i + 500))
      .execute();
  return { batchId, count: ids.length, requiredHours: p.requiredHours, cadreIds: p.cadres.map((c) => c.cadreId) };
}

/** The hours entries still in the dossiers, grouped by the batch that wrote them, newest first. */
export async function listBatches(db: Db): Promise<HoursCheckBatch[]> {
  const rows = await db
    .selectFrom('dossier_entries')
    .innerJoin('users', 'users.id', 'dossier_entries.entered_by')
    .select(['batch_id', 'auto_key', 'entered_at', 'users.display_name'])
    .where('auto_key', 'like', 'hours:%')
    .orderBy('dossier_entries.id')
    .execute();
  const batches = new Map<
    string,
    { batchId: string; year: number; count: number; enteredBy: string; enteredAt: string }
  >();
  for (const r of rows) {
    const year = Number(r.auto_key!.split(':')[1]);
    const batchId = r.batch_id ?? `${LEGACY_PREFIX}${year}`;
    const b = batches.get(batchId);
    if (b) b.count++;
    else batches.set(batchId, { batchId, year, count: 1, enteredBy: r.display_name, enteredAt: r.entered_at });
  }
  return [...batches.values()].sort((a, b) => b.enteredAt.localeCompare(a.enteredAt));
}

/** Deletes every entry of one batch (corrected ones too: the batch is withdrawn as a whole). */
export async function withdrawBatch(db: Db, batchId: string) {
  const legacy = batchId.startsWith(LEGACY_PREFIX) ? Number(batchId.slice(LEGACY_PREFIX.length)) : null;
  let q = db.selectFrom('dossier_entries').select(['id', 'cadre_id', 'auto_key']);
  q =
    legacy !== null
      ? q.where('batch_id', 'is', null).where('auto_key', 'like', `hours:${legacy}:%`)
      : q.where('batch_id', '=', batchId).where('auto_key', 'like', 'hours:%');
  const rows = await q.execute();
  if (rows.length === 0) return fail('NOT_FOUND', '找不到这批学时核查材料，可能已被撤回，请刷新后再试', 'batchId');
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500)
    await db
      .deleteFrom('dossier_entries')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  return {
    year: Number(rows[0]!.auto_key!.split(':')[1]),
    removed: rows.length,
    cadreIds: rows.map((r) => r.cadre_id),
  };
}
