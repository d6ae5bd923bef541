// Going behind the app's back: the database key from a key slot, and a raw keyed connection to the store file.
import { openEncrypted, type RawDb } from '../../db/store/connection';
import { dbPath } from '../../db/store/files';
import { RECOVERY_SLOT_ID, passwordSlotId, readKeySlots, unlockSlot } from '../../db/store/keyslots';
import { normalizeRecoveryCode } from '../../db/store/recovery-code';
import { onCleanup } from './tmp-store';

/** The store's database key, unwrapped from the recovery slot exactly as recovery does. */
export async function keyFromRecoveryCode(dir: string, recoveryCode: string): Promise<Buffer> {
  const r = await unlockSlot(readKeySlots(dir), RECOVERY_SLOT_ID, normalizeRecoveryCode(recoveryCode));
  if (!r.ok) throw new Error(`recovery slot did not open: ${r.reason}`);
  return r.dbKey;
}

/** The store's database key, unwrapped from a user's password slot. */
export async function keyFromPassword(dir: string, username: string, password: string): Promise<Buffer> {
  const file = readKeySlots(dir);
  const r = await unlockSlot(file, passwordSlotId(file.storeId, username), password);
  if (!r.ok) throw new Error(`password slot did not open: ${r.reason}`);
  return r.dbKey;
}

/** A keyed connection to the store file, closed after the test if the test does not close it. */
export function openRaw(dir: string, dbKey: Buffer): RawDb {
  const db = openEncrypted(dbPath(dir), dbKey, { create: false });
  onCleanup(() => {
    if (db.open) db.close();
  });
  return db;
}

/** Runs one function on a fresh keyed connection and closes it. */
export function withRaw<T>(dir: string, dbKey: Buffer, fn: (db: RawDb) => T): T {
  const db = openEncrypted(dbPath(dir), dbKey, { create: false });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export const auditCount = (dir: string, dbKey: Buffer): number =>
  withRaw(dir, dbKey, (db) => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);

/** The store's root key (what the audit chain's HMAC key comes from), unwrapped from a user's password slot. */
export async function rootKeyFromPassword(dir: string, username: string, password: string): Promise<Buffer> {
  const file = readKeySlots(dir);
  const r = await unlockSlot(file, passwordSlotId(file.storeId, username), password);
  if (!r.ok) throw new Error(`password slot did not open: ${r.reason}`);
  return r.keys[0]!.rootKey;
}
