// Restoring from a backup: inspect it, unlock it with a password or the recovery code that was valid for it,
// stage and check its database beside the store, then swap it in after keeping the current store aside.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { ApiError, fail } from '../../shared/ipc/errors';
import { appendAudit, auditKeyFrom, type AuditEntry } from '../audit/chain';
import { LATEST_VERSION as LATEST } from '../migrations';
import type { Database } from '../schema';
import { openEncrypted } from '../store/connection';
import { dbPath, keyslotPath, DB_FILE, KEYSLOT_FILE } from '../store/files';
import { SIGNING_KEY_FILE } from '../audit/signing-keys';
import { parseKeySlots, passwordSlotId, RECOVERY_SLOT_ID, unlockSlot, type KeySlotFile } from '../store/keyslots';
import { openVerified } from '../store/lifecycle';
import { normalizeRecoveryCode } from '../store/recovery-code';
import { writeFileAtomic } from '../fs/atomic';
import { extractDatabase, readContainerHeader, type BackupManifest } from './container';
import { assertIntact, countRows } from './verify';


export interface BackupInfo {
  readonly createdAt: string;
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly createdBy: string;
  /** Written by a newer version of the app: it cannot be restored here. */
  readonly tooNew: boolean;
}

export function inspectBackup(path: string): BackupInfo {
  const { manifest } = readContainerHeader(path);
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    createdBy: manifest.createdBy,
    tooNew: manifest.schemaVersion > LATEST,
  };
}

export type BackupCredentials = { readonly username: string; readonly password: string } | { readonly recoveryCode: string };

/** A checked copy of the backup's database waiting beside the store; discard() removes it. */
export interface StagedRestore {
  readonly file: string;
  readonly manifest: BackupManifest;
  readonly keySlots: KeySlotFile;
  readonly keySlotsJson: string;
  readonly dbKey: Buffer;
  readonly counts: ReturnType<typeof countRows>;
  discard(): void;
}

export async function stageRestore(path: string, storeDir: string, creds: BackupCredentials): Promise<StagedRestore> {
  const header = readContainerHeader(path);
  if (header.manifest.schemaVersion > LATEST) {
    fail('STORE_TOO_NEW', `该备份由更新版本的软件创建（数据版本 ${header.manifest.schemaVersion}），请升级软件后再恢复。当前档案库未作任何修改。`);
  }
  const keySlots = parseKeySlots(header.keySlotsJson);
  const unlocked =
    'recoveryCode' in creds
      ? await unlockSlot(keySlots, RECOVERY_SLOT_ID, normalizeRecoveryCode(creds.recoveryCode))
      : await unlockSlot(keySlots, passwordSlotId(keySlots.storeId, creds.username.trim().toLowerCase()), creds.password);
  if (!unlocked.ok) {
    throw 'recoveryCode' in creds
      ? new ApiError({ code: 'WRONG_PASSWORD', message: '恢复码与该备份不符，请核对创建档案库时打印的恢复码', field: 'recoveryCode' })
      : new ApiError({ code: 'WRONG_PASSWORD', message: '用户名或密码不正确：请输入备份时有效的账户和密码', field: 'password' });
  }
  const file = join(storeDir, `.restore-${randomBytes(6).toString('hex')}.db`);
  const discard = () => {
    rmSync(file, { force: true });
    unlocked.dbKey.fill(0);
  };
  try {
    extractDatabase(path, header, file);
    assertIntact(file, unlocked.dbKey);
    const db = openEncrypted(file, unlocked.dbKey, { create: false });
    let counts: ReturnType<typeof countRows>;
    try {
      const meta = db.prepare(`SELECT value FROM store_meta WHERE key = 'store_id'`).get() as { value: string } | undefined;
      if (meta?.value !== keySlots.storeId) fail('NOT_A_STORE', '备份中的数据库与其密钥不匹配，备份已损坏。当前档案库未作任何修改。');
      counts = countRows(db);
    } finally {
      db.close();
    }
    return { file, manifest: header.manifest, keySlots, keySlotsJson: header.keySlotsJson, dbKey: unlocked.dbKey, counts, discard };
  } catch (e) {
    discard();
    throw e;
  }
}

// The signing-key records go with the store they anchor: the restored log starts them afresh (see session-signing.ts).
const STORE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEYSLOT_FILE, SIGNING_KEY_FILE];

const stamp = (d: Date) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}${String(d.getSeconds()).padStart(2, '0')}`;

/**
 * Swaps the staged database in. The current store's files (closed by the caller) move to a dated folder first;
 * if anything fails on the way they move back, so the folder always holds one whole store.
 */
export function applyRestore(storeDir: string, staged: StagedRestore, now = new Date()): string {
  const keep = join(storeDir, `恢复前的档案库-${stamp(now)}`);
  mkdirSync(keep, { recursive: true });
  const moved: string[] = [];
  try {
    for (const f of STORE_FILES) {
      if (existsSync(join(storeDir, f))) {
        renameSync(join(storeDir, f), join(keep, f));
        moved.push(f);
      }
    }
    renameSync(staged.file, dbPath(storeDir));
    writeFileAtomic(keyslotPath(storeDir), staged.keySlotsJson);
    return keep;
  } catch (e) {
    rmSync(dbPath(storeDir), { force: true });
    rmSync(keyslotPath(storeDir), { force: true });
    for (const f of moved) renameSync(join(keep, f), join(storeDir, f));
    rmSync(keep, { recursive: true, force: true });
    throw e;
  }
}

/** Records the restore in the restored store's own log (opening it also brings an older schema up to date). */
export async function auditRestored(storeDir: string, staged: StagedRestore, entry: Omit<AuditEntry, 'userId'>): Promise<void> {
  const raw = openVerified(storeDir, staged.keySlots.storeId, staged.dbKey);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const key = auditKeyFrom(staged.dbKey);
  try {
    await db.transaction().execute((trx) => appendAudit(trx, key, { userId: null, ...entry }));
  } finally {
    key.fill(0);
    await db.destroy();
  }
}
