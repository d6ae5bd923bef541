// 审核 of returned materials: the list by unit (or channel) and quarter, 采纳 (optionally edited: it becomes an ordinary
// entry and keeps the row it came from), 退回 with a reason, the 退回清单 and 季度采集's counts per unit and channel.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { TRAINING_RESULTS } from '../../shared/dossier/types';
import { quarterLabel } from '../../shared/dossier/quarter';
import type { EntryCommonInput } from '../../shared/dossier/schema';
import { fail } from '../../shared/ipc/errors';
import type { IntakeOwner, IntakeRowView, IntakeStatus, IntakeUnitCounts } from '../../shared/intake/types';
import type { Database } from '../schema';
import { readDossierCatalog } from '../dossier';
import { INTAKE_BATCH } from '../dossier';
import { assertEntryAllowed, birthMonths, insertEntries } from '../dossier';
import { fileTrainingResults, resultEntryOf } from '../dossier';
import { parseJsonColumn } from '../store/json-column';
import { INTAKE_CHANNELS, INTAKE_CHANNEL_SPECS, type IntakeChannel } from '../../shared/intake/channels';
import { addTableSheet } from '../excel/table-sheet';
import type { TrainingFacts } from './parse';
import { newWorkbook, toBuffer } from '../excel/workbook';

const codeList = z.array(z.string());
const standardCodesOf = (text: string): string[] => parseJsonColumn(codeList, text, 'intake_rows.standard_codes');

const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** The package's unit, or the channel's label for a channel's list. */
const OWNER_NAME = sql<string>`CASE intake_packages.channel ${sql.join(
  INTAKE_CHANNELS.map((c) => sql`WHEN ${c} THEN ${INTAKE_CHANNEL_SPECS[c].label}`),
  sql` `,
)} ELSE units.name END`;

const baseRows = (db: Kysely<Database>) =>
  db
    .selectFrom('intake_rows')
    .innerJoin('intake_packages', 'intake_packages.id', 'intake_rows.package_id')
    // A channel's list has no unit: it is named by the channel.
    .leftJoin('units', 'units.id', 'intake_packages.unit_id')
    .innerJoin('cadres', 'cadres.id', 'intake_rows.cadre_id')
    .innerJoin('units as cadre_units', 'cadre_units.id', 'cadres.unit_id')
    .selectAll('intake_rows')
    .select([
      'intake_packages.serial',
      'intake_packages.unit_id',
      'intake_packages.channel',
      'intake_packages.quarter',
      'cadres.name as cadre_name',
      'cadre_units.name as cadre_unit',
    ])
    .select(OWNER_NAME.as('unit_name'));

export async function listIntake(
  db: Kysely<Database>,
  f: {
    quarter: string;
    unitId?: number | undefined;
    channel?: IntakeChannel | undefined;
    status?: IntakeStatus | undefined;
  },
): Promise<IntakeRowView[]> {
  let q = baseRows(db).where('intake_packages.quarter', '=', f.quarter);
  if (f.unitId !== undefined) q = q.where('intake_packages.unit_id', '=', f.unitId);
  if (f.channel !== undefined) q = q.where('intake_packages.channel', '=', f.channel);
  if (f.status !== undefined) q = q.where('intake_rows.status', '=', f.status);
  const rows = await q
    .orderBy('units.sort')
    .orderBy('intake_packages.unit_id')
    .orderBy('intake_rows.package_id')
    .orderBy('intake_rows.row_no')
    .execute();
  const files = new Map<number, IntakeRowView['attachments'][number][]>();
  for (const part of chunks(rows.map((r) => r.id))) {
    const found = await db
      .selectFrom('intake_attachments')
      .select(['id', 'row_id', 'file_name', 'mime', 'size'])
      .where('row_id', 'in', part)
      .orderBy('id')
      .execute();
    for (const a of found)
      files.set(a.row_id, [
        ...(files.get(a.row_id) ?? []),
        { id: a.id, fileName: a.file_name, mime: a.mime, size: a.size },
      ]);
  }
  return rows.map((r) => ({
    id: r.id,
    packageSerial: r.serial,
    rowNo: r.row_no,
    unitId: r.unit_id,
    unitName: r.unit_name,
    channel: r.channel,
    quarter: r.quarter,
    status: r.status,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    cadreUnit: r.cadre_unit ?? '',
    date: r.date,
    subItemCode: r.sub_item_code,
    channelCode: r.channel_code,
    polarity: r.polarity,
    standardCodes: standardCodesOf(r.standard_codes),
    listItemCode: r.list_item_code,
    title: r.title,
    content: r.content,
    returnReason: r.return_reason,
    entryId: r.entry_id,
    attachments: files.get(r.id) ?? [],
  }));
}

/** The rows by id, every one of them still 待审核; a clear refusal naming the first that is not. */
async function pendingRows(db: Kysely<Database>, ids: readonly number[], what: string) {
  const unique = [...new Set(ids)];
  const rows = (
    await Promise.all(chunks(unique).map((part) => baseRows(db).where('intake_rows.id', 'in', part).execute()))
  ).flat();
  if (rows.length < unique.length)
    fail('NOT_FOUND', '所选材料中有的已不存在（可能已被重新导入替换），请刷新后重试', 'ids');
  const decided = rows.find((r) => r.status !== 'pending');
  if (decided)
    fail(
      'VALIDATION',
      `“${decided.cadre_name}：${decided.title}”已${decided.status === 'accepted' ? '采纳' : '退回'}，不能再${what}`,
      'ids',
    );
  return rows;
}

const storedEntry = (r: {
  date: string;
  sub_item_code: string;
  channel_code: string;
  title: string;
  content: string;
  polarity: EntryCommonInput['polarity'];
  standard_codes: string;
  list_item_code: string | null;
}): EntryCommonInput => ({
  date: r.date,
  subItemCode: r.sub_item_code,
  channelCode: r.channel_code,
  title: r.title,
  content: r.content,
  polarity: r.polarity,
  standardCodes: standardCodesOf(r.standard_codes),
  listItemCode: r.list_item_code,
});

const TRAINING_FACTS = z.strictObject({
  className: z.string(),
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  result: z.enum(TRAINING_RESULTS),
}) satisfies z.ZodType<TrainingFacts>;

export async function acceptIntake(
  db: Kysely<Database>,
  input: readonly { id: number; entry?: EntryCommonInput | undefined }[],
  userId: number,
) {
  const rows = await pendingRows(
    db,
    input.map((i) => i.id),
    '采纳',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [catalog, months] = await Promise.all([
    readDossierCatalog(db),
    birthMonths(db, [...new Set(rows.map((r) => r.cadre_id))]),
  ]);
  const planned = input.map((i) => {
    const r = byId.get(i.id)!;
    const training = r.training === null ? null : parseJsonColumn(TRAINING_FACTS, r.training, 'intake_rows.training');
    // A 党校 result is filed in its class as the office wrote it; a wrong one goes back to the office (退回).
    if (training && i.entry)
      fail('VALIDATION', `${r.cadre_name}“${r.title}”是党校培训结果，不能修改后采纳；有误时请退回由党校改正`, 'rows');
    const entry = i.entry ?? storedEntry(r);
    const cadre = months.get(r.cadre_id)!;
    // Checked all before the first write: one bad row refuses the whole 采纳, naming the row.
    try {
      assertEntryAllowed(entry, catalog, cadre);
    } catch (e) {
      fail('VALIDATION', `${r.cadre_name}“${r.title}”（第 ${r.row_no} 行）：${(e as Error).message}`, 'rows');
    }
    return { r, entry, training, edited: i.entry !== undefined };
  });
  const now = new Date().toISOString();
  const materials = planned.filter((p) => p.training === null);
  const insertedIds = await insertEntries(
    db,
    materials.map((p) => ({ cadreId: p.r.cadre_id, entry: p.entry, batchId: `${INTAKE_BATCH}${p.r.serial}` })),
    catalog,
    userId,
    now,
  );
  const entryOf = new Map<number, number | null>(materials.map((p, i) => [p.r.id, insertedIds[i]!]));
  // 党校 results go into the training classes, which give the 优秀/重修 evidence entries as they do today.
  const results = planned.flatMap((p) => (p.training ? [{ r: p.r, t: p.training }] : []));
  const recordIds = await fileTrainingResults(
    db,
    results.map(({ r, t }) => ({ cadreId: r.cadre_id, ...t })),
    userId,
  );
  const recordOf = new Map(results.map(({ r }, i) => [r.id, recordIds[i]!]));
  for (const [rowId, recordId] of recordOf) entryOf.set(rowId, await resultEntryOf(db, recordId));
  const entryIds = planned.map((p) => entryOf.get(p.r.id) ?? null);
  for (let i = 0; i < planned.length; i++) {
    const { r } = planned[i]!;
    const entryId = entryIds[i] ?? null;
    await db
      .updateTable('intake_rows')
      .set({ training_record_id: recordOf.get(r.id) ?? null })
      .where('id', '=', r.id)
      .execute();
    if (entryId === null) {
      await db
        .updateTable('intake_rows')
        .set({ status: 'accepted', decided_by: userId, decided_at: now })
        .where('id', '=', r.id)
        .execute();
      continue;
    }
    const files = await db
      .selectFrom('intake_attachments')
      .selectAll()
      .where('row_id', '=', r.id)
      .orderBy('id')
      .execute();
    if (files.length > 0)
      await db
        .insertInto('dossier_attachments')
        .values(
          files.map((f) => ({
            entry_id: entryId,
            file_name: f.file_name,
            mime: f.mime,
            size: f.size,
            sha256: f.sha256,
            data: f.data,
            added_by: userId,
            added_at: now,
          })),
        )
        .execute();
    // The files now live with the entry; the row keeps the link to it.
    await db.deleteFrom('intake_attachments').where('row_id', '=', r.id).execute();
    await db
      .updateTable('intake_rows')
      .set({ status: 'accepted', entry_id: entryId, decided_by: userId, decided_at: now })
      .where('id', '=', r.id)
      .execute();
  }
  return planned.map((p, i) => ({
    rowId: p.r.id,
    entryId: entryIds[i] ?? null,
    trainingRecordId: recordOf.get(p.r.id) ?? null,
    unit: p.r.unit_name,
    quarter: p.r.quarter,
    edited: p.edited,
  }));
}

export async function returnIntake(db: Kysely<Database>, ids: readonly number[], reason: string, userId: number) {
  const rows = await pendingRows(db, ids, '退回');
  const now = new Date().toISOString();
  for (const part of chunks(rows.map((r) => r.id)))
    await db
      .updateTable('intake_rows')
      .set({ status: 'returned', return_reason: reason, decided_by: userId, decided_at: now })
      .where('id', 'in', part)
      .execute();
  return rows;
}

export async function intakeCounts(db: Kysely<Database>, quarter: string): Promise<IntakeUnitCounts[]> {
  const [sent, rows] = await Promise.all([
    db
      .selectFrom('intake_packages')
      .leftJoin('units', 'units.id', 'intake_packages.unit_id')
      .select(['intake_packages.unit_id', 'intake_packages.channel', 'units.name'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quarter', '=', quarter)
      .groupBy(['intake_packages.unit_id', 'intake_packages.channel'])
      .orderBy('units.sort')
      .orderBy('intake_packages.unit_id')
      .execute(),
    db
      .selectFrom('intake_rows')
      .innerJoin('intake_packages', 'intake_packages.id', 'intake_rows.package_id')
      .select(['intake_packages.unit_id', 'intake_packages.channel', 'intake_rows.status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('intake_packages.quarter', '=', quarter)
      .groupBy(['intake_packages.unit_id', 'intake_packages.channel', 'intake_rows.status'])
      .execute(),
  ]);
  const counted = (owner: IntakeOwner, n: number, name: string): IntakeUnitCounts => {
    const count = (status: IntakeStatus) =>
      Number(
        rows.find((r) => r.unit_id === owner.unitId && r.channel === owner.channel && r.status === status)?.n ?? 0,
      );
    return {
      ...owner,
      unitName: name,
      sent: n,
      pending: count('pending'),
      accepted: count('accepted'),
      returned: count('returned'),
    };
  };
  // Each channel whose lists were sent first (a handful, on a table's first page), then the units in their order.
  const units = sent
    .flatMap((u) => (u.unit_id === null || u.name === null ? [] : [{ ...u, unit_id: u.unit_id, name: u.name }]))
    .map((u) => counted({ unitId: u.unit_id, channel: null }, Number(u.n), u.name));
  const channels = INTAKE_CHANNELS.flatMap((c) => {
    const n = sent.find((s) => s.channel === c)?.n;
    return n === undefined ? [] : [counted({ unitId: null, channel: c }, Number(n), INTAKE_CHANNEL_SPECS[c].label)];
  });
  return [...channels, ...units];
}

export const RETURNED_HEADERS = ['序号', '原表行号', '干部', '日期', '标题', '退回原因'] as const;

/** The unit's name, or the channel's label; refused by name when the unit is gone. */
async function ownerName(db: Kysely<Database>, owner: IntakeOwner): Promise<string> {
  if (owner.channel !== null) return INTAKE_CHANNEL_SPECS[owner.channel].label;
  const unit = await db.selectFrom('units').select('name').where('id', '=', owner.unitId).executeTakeFirst();
  return unit?.name ?? fail('NOT_FOUND', '找不到所选单位，可能已被删除，请刷新后重试', 'unitId');
}

/**
 * The 退回清单 of a unit or a channel and quarter: the rows and the reasons, to go back with the next 填报表. A
 * channel's list spans units, so its rows name the cadre as 姓名（单位）.
 */
export async function returnedWorkbook(db: Kysely<Database>, quarter: string, owner: IntakeOwner) {
  const name = await ownerName(db, owner);
  const rows =
    owner.channel === null
      ? await listIntake(db, { quarter, unitId: owner.unitId, status: 'returned' })
      : await listIntake(db, { quarter, channel: owner.channel, status: 'returned' });
  if (rows.length === 0)
    fail('VALIDATION', `${name}${quarterLabel(quarter)}没有退回的材料`, owner.channel === null ? 'unitId' : 'channel');
  const cadre = (r: IntakeRowView) => (owner.channel === null ? r.cadreName : `${r.cadreName}（${r.cadreUnit}）`);
  const wb = newWorkbook();
  addTableSheet(wb, {
    name: '退回清单',
    title: `${quarterLabel(quarter)}${name}政治素质材料退回清单`,
    columns: [
      { header: RETURNED_HEADERS[0], width: 7, align: 'center' },
      { header: RETURNED_HEADERS[1], width: 10, align: 'center' },
      { header: RETURNED_HEADERS[2], width: owner.channel === null ? 12 : 24 },
      { header: RETURNED_HEADERS[3], width: 12 },
      { header: RETURNED_HEADERS[4], width: 40, wrap: true },
      { header: RETURNED_HEADERS[5], width: 50, wrap: true },
    ],
    rows: rows.map((r, i) => [i + 1, r.rowNo, cadre(r), r.date, r.title, r.returnReason ?? '']),
    footer: ['请按退回原因修改后，在原填报表中改正对应行并重新交回；未退回的行不必改动。'],
  });
  return { unitName: name, rows: rows.length, bytes: await toBuffer(wb) };
}
