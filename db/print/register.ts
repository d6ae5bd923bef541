// The print register: every printed copy (份号) of a document, who printed it when, and whether it came back.
import type { Kysely, Selectable } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import { formatSerial, type PrintDocKind, type PrintRegisterRow } from '../../shared/print/types';
import type { Database, PrintRegisterTable } from '../schema';

export const MAX_SERIAL = 999;

const toRow = (r: Selectable<PrintRegisterTable>): PrintRegisterRow => ({
  id: r.id,
  kind: r.doc_kind,
  title: r.doc_title,
  serial: formatSerial(r.serial),
  recipient: r.recipient,
  fileName: r.file_name,
  printedBy: r.printed_by_name,
  printedAt: r.printed_at,
  returnedBy: r.returned_by,
  returnedAt: r.returned_at,
});

/** The 份号 the next copies of a document get: one past the highest printed so far. */
export async function nextSerials(db: Kysely<Database>, docKey: string, count: number): Promise<number[]> {
  const top = await db
    .selectFrom('print_register')
    .select((eb) => eb.fn.max('serial').as('top'))
    .where('doc_key', '=', docKey)
    .executeTakeFirst();
  const first = Number(top?.top ?? 0) + 1;
  if (first + count - 1 > MAX_SERIAL)
    fail('VALIDATION', `此文件的份号已用到 ${formatSerial(first - 1)}，最多 ${MAX_SERIAL} 份，请减少份数`, 'copies');
  return Array.from({ length: count }, (_, i) => first + i);
}

export interface PrintedCopies {
  readonly kind: PrintDocKind;
  readonly docKey: string;
  readonly title: string;
  readonly serials: readonly number[];
  readonly recipients: readonly string[];
  readonly fileName: string;
  readonly user: { readonly username: string; readonly displayName: string };
  readonly at: string;
}

/** Records the copies; a 份号 taken meanwhile (another export of the same document) is refused, nothing written. */
export async function registerCopies(db: Kysely<Database>, p: PrintedCopies): Promise<void> {
  const taken = await db
    .selectFrom('print_register')
    .select('serial')
    .where('doc_key', '=', p.docKey)
    .where('serial', 'in', [...p.serials])
    .executeTakeFirst();
  if (taken) fail('CONFLICT', `份号 ${formatSerial(taken.serial)} 已被另一次打印使用，请重新生成预览后再保存`, 'jobId');
  await db
    .insertInto('print_register')
    .values(
      p.serials.map((serial, i) => ({
        doc_kind: p.kind,
        doc_key: p.docKey,
        doc_title: p.title,
        serial,
        recipient: p.recipients[i] ?? '',
        file_name: p.fileName,
        printed_by: p.user.username,
        printed_by_name: p.user.displayName,
        printed_at: p.at,
      })),
    )
    .execute();
}

export async function listRegister(db: Kysely<Database>): Promise<PrintRegisterRow[]> {
  const rows = await db
    .selectFrom('print_register')
    .selectAll()
    .orderBy('printed_at', 'desc')
    .orderBy('doc_title')
    .orderBy('serial')
    .execute();
  return rows.map(toRow);
}

/** Marks one copy as returned; a copy already returned is refused so the first return's date stays. */
export async function markReturned(
  db: Kysely<Database>,
  id: number,
  by: string,
  at: string,
): Promise<PrintRegisterRow> {
  const row = await db.selectFrom('print_register').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', '找不到该打印登记，可能已被删除，请刷新后重试', 'id');
  if (row.returned_at)
    fail('VALIDATION', `份号 ${formatSerial(row.serial)} 已于 ${row.returned_at.slice(0, 10)} 登记收回`, 'id');
  await db.updateTable('print_register').set({ returned_by: by, returned_at: at }).where('id', '=', id).execute();
  return toRow({ ...row, returned_by: by, returned_at: at });
}
