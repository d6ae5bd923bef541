// Writing a backup: an encrypted snapshot (VACUUM INTO with the store's key), packed with the key slots,
// written under a temporary name, re-read and checked, and only then renamed to the name the user chose.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../version';
import { dbPath, keyslotPath } from '../store/files';
import { schemaVersion } from '../store/migrate';
import type { Store } from '../store/store';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { readSettings } from '../settings';
import { backupMacKey, extractDatabase, readContainerHeader, verifyContainerMac, writeContainer } from './container';
import { assertIntact } from './verify';
import { createOwnerOnlyFile, restrictToOwner } from '../fs/owner-only';

/** `db`: the connection to read with (the call's transaction, when a backup is made inside one). */
export async function createBackup(
  store: Store,
  target: string,
  db: Kysely<Database> = store.db,
): Promise<{ bytes: number }> {
  const stamp = randomBytes(6).toString('hex');
  // Scratch copies stay in the store's own folder: nothing of the store is ever written to a shared temp folder.
  const snapshot = join(store.dir, `.backup-${stamp}.db`);
  const check = join(store.dir, `.backup-check-${stamp}.db`);
  const partial = `${target}.${stamp}.partial`;
  try {
    // sqlite3mc writes the VACUUM INTO copy encrypted with the connection's cipher and key. A second connection
    // takes the snapshot: VACUUM cannot run inside the transaction the call's audit entry is written in, and in
    // WAL mode this reader sees exactly the last committed state.
    const reader = store.openWithStoreKey(dbPath(store.dir));
    let auditHead: { count: number; digest: string } | undefined;
    try {
      // The audit head, an anchor kept outside the store; read before the copy, so it is always a prefix of its log.
      const last = reader.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
        { id: number; hash: string } | undefined;
      if (last) auditHead = { count: last.id, digest: last.hash.slice(0, 12) };
      // VACUUM INTO fills an empty file as it is: made owner-only first, SQLite would create it world-readable.
      createOwnerOnlyFile(snapshot);
      reader.prepare('VACUUM INTO ?').run(snapshot);
    } finally {
      reader.close();
    }
    const { issuingOrgan } = await readSettings(db);
    const manifest = {
      format: 'ganbu-backup' as const,
      version: 2 as const,
      createdAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schemaVersion(store.raw),
      storeId: store.storeId,
      createdBy: store.user.username,
      dbBytes: statSync(snapshot).size,
      ...(auditHead ? { auditHead } : {}),
      storeName: issuingOrgan,
    };
    const macKey = store.withKey(backupMacKey);
    let bytes: number;
    try {
      bytes = writeContainer(partial, manifest, readFileSync(keyslotPath(store.dir), 'utf8'), snapshot, macKey);
    } finally {
      macKey.fill(0);
    }
    // Kept by the rename: the backup the user chose to write is owner-only (also on Windows, see owner-only.ts).
    restrictToOwner(partial);
    // Read back what is on the disk (a USB stick may lie): checksum and MAC, then open and check the database itself.
    const header = readContainerHeader(partial);
    store.withKey((key) => verifyContainerMac(partial, header, key));
    extractDatabase(partial, header, check);
    store.withKey((key) => assertIntact(check, key));
    renameSync(partial, target);
    return { bytes };
  } finally {
    for (const f of [snapshot, check, partial]) rmSync(f, { force: true });
  }
}
