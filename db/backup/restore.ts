// Restoring from a backup: inspect it, unlock it with a password or the recovery code that was valid for it,
// stage and check its database beside the store, then swap it in after keeping the current store aside.
import { localParts } from '../../shared/time/local-parts';
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
import type { StoreKeys } from '../store/grants';
import { openVerified } from '../store/lifecycle';
import { normalizeRecoveryCode } from '../store/recovery-code';
import { writeFileAtomic } from '../fs/atomic';
import { extractDatabase, readContainerHeader, verifyContainerMac, type BackupManifest } from './container';
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

/** The store being restored into, to tell the user when a backup is of another store. */
export interface CurrentStore {
  readonly storeId: string;
  readonly storeName: string;
}

/** How a store is named to its users: its 发文机关 and the start of its id (two stores may share the name). */
export const storeLabel = (storeId: string, storeName: string | undefined) =>
  `“${storeName?.trim() || '未命名档案库'}”（编号 ${storeId.slice(0, 8).toUpperCase()}）`;

export type BackupCredentials =
  { readonly username: string; readonly password: string } | { readonly recoveryCode: string };

/** A checked copy of the backup's database waiting beside the store; discard() removes it. */
export interface StagedRestore {
  readonly file: string;
  readonly manifest: BackupManifest;
  readonly keySlots: KeySlotFile;
  readonly keySlotsJson: string;
  readonly dbKey: Buffer;
  /** The backup's keys: the page key above and the root key its audit chain is keyed from. */
  readonly keys: StoreKeys;
  readonly counts: ReturnType<typeof countRows>;
  /** Its MAC verified (version 2); a version-1 backup has none. */
  readonly authenticated: boolean;
  /** Set when the backup is of another store: both names, for the confirmation the restore then needs. */
  readonly otherStore: { readonly backup: string; readonly current: string } | null;
  discard(): void;
}

export async function stageRestore(
  path: string,
  storeDir: string,
  creds: BackupCredentials,
  current?: CurrentStore,
): Promise<StagedRestore> {
  const header = readContainerHeader(path);
  if (header.manifest.schemaVersion > LATEST) {
    fail(
      'STORE_TOO_NEW',
      `该备份由更新版本的软件创建（数据版本 ${header.manifest.schemaVersion}），请升级软件后再恢复。当前档案库未作任何修改。`,
    );
  }
  const keySlots = parseKeySlots(header.keySlotsJson);
  const unlocked =
    'recoveryCode' in creds
      ? await unlockSlot(keySlots, RECOVERY_SLOT_ID, normalizeRecoveryCode(creds.recoveryCode))
      : await unlockSlot(
          keySlots,
          passwordSlotId(keySlots.storeId, creds.username.trim().toLowerCase()),
          creds.password,
        );
  if (!unlocked.ok) {
    throw 'recoveryCode' in creds
      ? new ApiError({
          code: 'WRONG_PASSWORD',
          message: '恢复码与该备份不符，请核对创建档案库时打印的恢复码',
          field: 'recoveryCode',
        })
      : new ApiError({
          code: 'WRONG_PASSWORD',
          message: '用户名或密码不正确：请输入备份时有效的账户和密码',
          field: 'password',
        });
  }
  const file = join(storeDir, `.restore-${randomBytes(6).toString('hex')}.db`);
  // A slot may hold two keys (a backup taken while a re-keying was under way): the one the MAC verifies under is
  // the backup's own; without a MAC (version 1) the current one.
  const keys =
    header.manifest.version === 2 && unlocked.keys.length > 1
      ? (unlocked.keys.find((k) => {
          try {
            return verifyContainerMac(path, header, k.dbKey);
          } catch {
            return false;
          }
        }) ?? unlocked.keys[0]!)
      : unlocked.keys[0]!;
  const discard = () => {
    rmSync(file, { force: true });
    for (const k of unlocked.keys) {
      k.dbKey.fill(0);
      k.rootKey.fill(0);
    }
  };
  try {
    // The password opened this backup's own key: with it, the manifest and the data are checked as one.
    const authenticated = verifyContainerMac(path, header, keys.dbKey);
    if (header.manifest.storeId !== keySlots.storeId)
      fail('NOT_A_STORE', '备份的说明信息与其密钥不匹配，备份已被改动或损坏。当前档案库未作任何修改。');
    const otherStore =
      current && current.storeId !== keySlots.storeId
        ? {
            backup: storeLabel(keySlots.storeId, header.manifest.storeName),
            current: storeLabel(current.storeId, current.storeName),
          }
        : null;
    extractDatabase(path, header, file);
    assertIntact(file, keys.dbKey);
    const db = openEncrypted(file, keys.dbKey, { create: false });
    let counts: ReturnType<typeof countRows>;
    try {
      const meta = db.prepare(`SELECT value FROM store_meta WHERE key = 'store_id'`).get() as
        { value: string } | undefined;
      if (meta?.value !== keySlots.storeId)
        fail('NOT_A_STORE', '备份中的数据库与其密钥不匹配，备份已损坏。当前档案库未作任何修改。');
      counts = countRows(db);
    } finally {
      db.close();
    }
    return {
      file,
      manifest: header.manifest,
      keySlots,
      keySlotsJson: header.keySlotsJson,
      dbKey: keys.dbKey,
      keys,
      counts,
      authenticated,
      otherStore,
      discard,
    };
  } catch (e) {
    discard();
    throw e;
  }
}

// The signing-key records go with the store they anchor: the restored log starts them afresh (see session-signing.ts).
const STORE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEYSLOT_FILE, SIGNING_KEY_FILE];

const stamp = (d: Date) => {
  const t = localParts(d);
  return `${t.year}${t.month}${t.day}-${t.hour}${t.minute}${t.second}`;
};

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
export async function auditRestored(
  storeDir: string,
  staged: StagedRestore,
  entry: Omit<AuditEntry, 'userId'>,
): Promise<void> {
  const raw = openVerified(storeDir, staged.keySlots.storeId, staged.dbKey);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const key = auditKeyFrom(staged.keys.rootKey);
  try {
    await db.transaction().execute((trx) => appendAudit(trx, key, { userId: null, ...entry }));
  } finally {
    key.fill(0);
    await db.destroy();
  }
}
