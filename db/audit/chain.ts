// The hash-chained audit log: each entry's HMAC covers its content and the previous entry's HMAC.
import { createHmac, hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../shared/ipc/types';
import type { Database } from '../schema';

export const GENESIS_HASH = '0'.repeat(64);

/** A key for the chain, derived from the database key so only holders of the key can forge entries. */
export const auditKeyFrom = (dbKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'ganbu audit chain v1', 32));

export interface AuditEntry {
  readonly userId: number | null;
  readonly username: string;
  readonly action: string;
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

interface ChainedFields {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
}

const entryHash = (key: Buffer, r: ChainedFields): string =>
  createHmac('sha256', key)
    .update(JSON.stringify([r.id, r.at, r.user_id, r.username, r.action, r.target, r.detail, r.prev_hash]))
    .digest('hex');

/** Appends one entry; call it inside the transaction of the change it records. */
/** `at` as a string is written as given (a day-only entry: `YYYY-MM-DD`). */
export async function appendAudit(db: Kysely<Database>, key: Buffer, entry: AuditEntry, at: Date | string = new Date()): Promise<number> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: typeof at === 'string' ? at : at.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    target: entry.target,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...row, hash: entryHash(key, row) }).execute();
  return row.id;
}

/** Walks the whole chain; reports the first entry whose id, predecessor or content does not match its HMAC. */
export async function verifyAudit(db: Kysely<Database>, key: Buffer): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS_HASH;
  let expectedId = 1;
  for (const r of rows) {
    // A gap in the ids is a deleted entry; a wrong prev_hash or hash is an edited or inserted one.
    if (r.id !== expectedId || r.prev_hash !== prev || r.hash !== entryHash(key, r)) {
      return { intact: false, checked: rows.length, firstBrokenId: r.id };
    }
    prev = r.hash;
    expectedId += 1;
  }
  return { intact: true, checked: rows.length, firstBrokenId: null };
}
