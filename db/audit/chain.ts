// The hash-chained audit log: each entry's HMAC covers its content and the previous entry's HMAC.
import { createHmac, hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';
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

export interface ChainedFields {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
}

export const entryHash = (key: Buffer, r: ChainedFields): string =>
  createHmac('sha256', key)
    .update(JSON.stringify([r.id, r.at, r.user_id, r.username, r.action, r.target, r.detail, r.prev_hash]))
    .digest('hex');

/**
 * Appends one entry; call it inside the transaction of the change it records. `at` as a string is written as given
 * (a day-only entry: `YYYY-MM-DD`). `sign` (the acting user's key) signs the entry's chained hash.
 */
export async function appendAudit(
  db: Kysely<Database>,
  key: Buffer,
  entry: AuditEntry,
  at: Date | string = new Date(),
  sign?: (hash: string) => string,
): Promise<number> {
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
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
  const hash = entryHash(key, row);
  await db
    .insertInto('audit_log')
    .values({ ...row, hash, signature: sign ? sign(hash) : null })
    .execute();
  return row.id;
}
