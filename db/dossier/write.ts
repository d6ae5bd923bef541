// Writing dossier entries: checked against the catalog and the cadre, inserted in chunks, edited with a version check.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { EntryCommonInput } from '../../shared/dossier/schema';
import type { EntryOrigin } from '../../shared/dossier/types';
import { isHoursKey } from '../../shared/dossier/hours-check';
import { localToday, quarterOf } from '../../shared/dossier/quarter';
import { checkEntry, type KeptCodes } from '../../shared/dossier/validate';
import type { Database } from '../schema';
import { readDossierCatalog, type DossierCatalog } from './catalog';

const INSERT_CHUNK = 500;

export interface NewEntry {
  readonly cadreId: number;
  readonly entry: EntryCommonInput;
  readonly origin?: EntryOrigin;
  readonly autoKey?: string | null;
  readonly batchId?: string | null;
}

/** Birth months of cadres by id; a missing cadre is a clear refusal naming the field. */
export async function birthMonths(
  db: Kysely<Database>,
  cadreIds: readonly number[],
): Promise<Map<number, { name: string; birthMonth: string }>> {
  const out = new Map<number, { name: string; birthMonth: string }>();
  for (let i = 0; i < cadreIds.length; i += INSERT_CHUNK) {
    const rows = await db
      .selectFrom('cadres')
      .select(['id', 'name', 'birth_month'])
      .where('id', 'in', cadreIds.slice(i, i + INSERT_CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, { name: r.name, birthMonth: r.birth_month });
  }
  for (const id of cadreIds)
    if (!out.has(id)) fail('VALIDATION', '所选干部不存在，可能已被删除，请重新选择', 'cadreId');
  return out;
}

/** Refuses an entry that the catalog or the cadre's birth month does not allow (nothing is written before this). */
export function assertEntryAllowed(
  entry: EntryCommonInput,
  catalog: DossierCatalog,
  cadre: { name: string; birthMonth: string },
  kept?: KeptCodes,
  multiple = false,
): void {
  const issue = checkEntry(entry, {
    catalog,
    today: localToday(),
    birthMonth: cadre.birthMonth || null,
    ...(kept ? { kept } : {}),
  });
  if (issue)
    fail(
      'VALIDATION',
      multiple && issue.field === 'date' ? `${cadre.name}：${issue.message}` : issue.message,
      issue.field,
    );
}

const row = (n: NewEntry, catalog: DossierCatalog, userId: number, now: string) => ({
  cadre_id: n.cadreId,
  date: n.entry.date,
  quarter: quarterOf(n.entry.date),
  section_code: catalog.subItems.get(n.entry.subItemCode)!.sectionCode!,
  sub_item_code: n.entry.subItemCode,
  channel_code: n.entry.channelCode,
  title: n.entry.title,
  content: n.entry.content,
  polarity: n.entry.polarity,
  list_item_code: n.entry.listItemCode,
  origin: n.origin ?? 'manual',
  auto_key: n.autoKey ?? null,
  batch_id: n.batchId ?? null,
  entered_by: userId,
  entered_at: now,
  updated_at: now,
});

/** Inserts checked entries with their standards; returns the new ids in input order. */
export async function insertEntries(
  db: Kysely<Database>,
  entries: readonly NewEntry[],
  catalog: DossierCatalog,
  userId: number,
  now = new Date().toISOString(),
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const chunk = entries.slice(i, i + INSERT_CHUNK);
    const rows = await db
      .insertInto('dossier_entries')
      .values(chunk.map((n) => row(n, catalog, userId, now)))
      .returning('id')
      .execute();
    // Rowids are assigned in VALUES order; RETURNING's order is not promised.
    const chunkIds = rows.map((r) => r.id).sort((a, b) => a - b);
    const standards = chunk.flatMap((n, j) =>
      n.entry.standardCodes.map((code) => ({ entry_id: chunkIds[j]!, standard_code: code })),
    );
    if (standards.length > 0) await db.insertInto('dossier_entry_standards').values(standards).execute();
    ids.push(...chunkIds);
  }
  return ids;
}

/** One manual entry, checked and inserted. */
export async function createEntry(
  db: Kysely<Database>,
  cadreId: number,
  entry: EntryCommonInput,
  userId: number,
): Promise<{ id: number; catalog: DossierCatalog }> {
  const [catalog, cadres] = await Promise.all([readDossierCatalog(db), birthMonths(db, [cadreId])]);
  assertEntryAllowed(entry, catalog, cadres.get(cadreId)!);
  const [id] = await insertEntries(db, [{ cadreId, entry }], catalog, userId);
  return { id: id!, catalog };
}

/** The stored row, refused when it is gone or was changed since the user read it. */
export async function currentRow(db: Kysely<Database>, id: number, expectedVersion: number) {
  const before = await db.selectFrom('dossier_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) return fail('NOT_FOUND', '找不到该材料，可能已被他人删除，请刷新后再试', 'id');
  if (before.version !== expectedVersion) {
    return fail(
      'CONFLICT',
      `材料“${before.title}”已被其他人修改（${before.updated_at.slice(0, 16).replace('T', ' ')}），您的修改未保存，请刷新后重新编辑`,
    );
  }
  return before;
}

/**
 * Manual entries change freely; a yearly hours entry (written by the check, not kept in step with records) changes
 * like them but only with a reason, which the audit entry keeps; other automatic entries follow their source.
 */
const assertChangeable = (
  row: { origin: string; auto_key: string | null },
  what: string,
  reason: string | undefined,
) => {
  if (isHoursKey(row.auto_key)) {
    if (!reason)
      fail(
        'VALIDATION',
        `请填写${what === '修改' ? '修改' : '撤回'}原因：这是年度学时核查生成的材料，${what}须说明原因`,
        'reason',
      );
    return;
  }
  if (row.origin === 'training')
    fail('VALIDATION', `这是根据培训记录自动生成的材料，不能直接${what}，请修改对应的培训记录`, 'id');
  if (row.origin === 'assessment') fail('VALIDATION', `这是“双比双评”考核归档时写入的结果，不能${what}`, 'id');
};

export async function updateEntry(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  cadreId: number,
  entry: EntryCommonInput,
  reason?: string,
): Promise<{ readonly title: string; readonly cadre_id: number }> {
  const before = await currentRow(db, id, expectedVersion);
  assertChangeable(before, '修改', reason);
  if (cadreId !== before.cadre_id) fail('VALIDATION', '材料不能改到其他干部名下，请删除后重新录入', 'cadreId');
  const [catalog, cadres] = await Promise.all([readDossierCatalog(db), birthMonths(db, [cadreId])]);
  const keptStandards = (
    await db.selectFrom('dossier_entry_standards').select('standard_code').where('entry_id', '=', id).execute()
  ).map((r) => r.standard_code);
  assertEntryAllowed(entry, catalog, cadres.get(cadreId)!, {
    subItemCode: before.sub_item_code,
    channelCode: before.channel_code,
    standardCodes: keptStandards,
    listItemCode: before.list_item_code,
  });
  const now = new Date().toISOString();
  const r = row({ cadreId, entry }, catalog, 0, now);
  // Editing content clears a verification: a second user vouched for the old text, not the new one.
  const res = await db
    .updateTable('dossier_entries')
    .set({
      date: r.date,
      quarter: r.quarter,
      section_code: r.section_code,
      sub_item_code: r.sub_item_code,
      channel_code: r.channel_code,
      title: r.title,
      content: r.content,
      polarity: r.polarity,
      list_item_code: r.list_item_code,
      verified_by: null,
      verified_at: null,
      version: before.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    fail('CONFLICT', `材料“${before.title}”已被其他人修改，您的修改未保存，请刷新后重新编辑`);
  await db.deleteFrom('dossier_entry_standards').where('entry_id', '=', id).execute();
  if (entry.standardCodes.length > 0) {
    await db
      .insertInto('dossier_entry_standards')
      .values(entry.standardCodes.map((code) => ({ entry_id: id, standard_code: code })))
      .execute();
  }
  return before;
}

export async function deleteEntry(db: Kysely<Database>, id: number, expectedVersion: number, reason?: string) {
  const before = await currentRow(db, id, expectedVersion);
  assertChangeable(before, '删除', reason);
  await db.deleteFrom('dossier_entries').where('id', '=', id).execute();
  return before;
}

/** 核实: a second user, not the one who entered it, vouches for the entry. */
export async function verifyEntry(db: Kysely<Database>, id: number, expectedVersion: number, userId: number) {
  const before = await currentRow(db, id, expectedVersion);
  if (before.verified_by !== null) fail('VALIDATION', '该材料已核实', 'id');
  if (before.entered_by === userId) fail('VALIDATION', '核实须由录入人以外的其他用户进行', 'id');
  const now = new Date().toISOString();
  await db
    .updateTable('dossier_entries')
    .set({ verified_by: userId, verified_at: now, version: before.version + 1, updated_at: now })
    .where('id', '=', id)
    .execute();
  return before;
}
