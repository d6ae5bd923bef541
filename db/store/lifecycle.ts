// Creating a store, opening it with a password, and opening it with the recovery code.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { ApiError, fail } from '../../shared/ipc/errors';
import { passwordProblem } from '../../shared/account/password-policy';
import type { Role } from '../../shared/roles';
import { appendAudit } from '../audit/chain';
import { beginSigning, keyDetail, keyForAccount, saveAnchor } from '../audit/session-signing';
import { signHash, signingKeyPath } from '../audit/signing-keys';
import { findUserByName, toSessionUser } from './accounts';
import { enableWrites, openEncrypted, type RawDb } from './connection';
import { dbPath, keyslotPath } from './files';
import { DEFAULT_KDF } from './kdf';
import type { StoreKeys } from './grants';
import {
  RECOVERY_SLOT_ID,
  findSlot,
  isLegacySlot,
  makeSlot,
  newKeySlotFile,
  newStoreKeys,
  passwordSlotId,
  readKeySlots,
  unlockSlot,
  writeKeySlots,
  withSlot,
  type KeySlotFile,
} from './keyslots';
import { settleRekey } from './rekey-state';
import { assertNotTooNew, migrate, schemaVersion } from './migrate';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { Store, type KdfCost } from './store';
import { APP_VERSION } from '../version';

export interface StoreOptions {
  /** Lower scrypt cost for tests only; real stores use the default. */
  readonly kdfCost?: KdfCost;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 15;

const wrongPassword = () =>
  new ApiError({ code: 'WRONG_PASSWORD', message: '用户名或密码错误，请重新输入', field: 'password' });
const notAStore = () =>
  new ApiError({
    code: 'NOT_A_STORE',
    message: '无法读取档案库：文件不是本系统的档案库，或已损坏。文件未作任何修改。',
  });

export function storeExists(dir: string): boolean {
  return existsSync(dbPath(dir)) || existsSync(keyslotPath(dir));
}

export async function createStore(
  dir: string,
  admin: { username: string; displayName: string; password: string },
  opts: StoreOptions,
  /** The features' first content (the default catalogs), written in the creating transaction; given by db/index.ts so
   * the store itself imports no feature. */
  seedNewStore: (trx: Kysely<Database>) => Promise<void>,
): Promise<{ recoveryCode: string; store: Store }> {
  if (storeExists(dir)) fail('STORE_EXISTS', '该位置已有档案库，请选择“打开已有档案库”或换一个文件夹', 'dir');
  mkdirSync(dir, { recursive: true });
  const cost = opts.kdfCost ?? DEFAULT_KDF;
  const username = admin.username.toLowerCase();
  const keys = newStoreKeys();
  const dbKey = keys.dbKey;
  const recoveryCode = newRecoveryCode();
  let slots = newKeySlotFile(keys.keyId);
  slots = withSlot(
    slots,
    await makeSlot(slots, passwordSlotId(slots.storeId, username), 'password', admin.password, keys, cost),
  );
  slots = withSlot(slots, await makeSlot(slots, RECOVERY_SLOT_ID, 'recovery', recoveryCode, keys, cost));

  let raw: RawDb | null = null;
  try {
    raw = openEncrypted(dbPath(dir), dbKey, { create: true });
    enableWrites(raw);
    migrate(raw);
    const now = new Date().toISOString();
    const userRow = raw
      .prepare(
        `INSERT INTO users (username, display_name, role, created_at, updated_at, last_login_at)
         VALUES (?, ?, 'admin', ?, ?, ?) RETURNING *`,
      )
      .get(username, admin.displayName, now, now, now) as Parameters<typeof toSessionUser>[0];
    const store = new Store(
      dir,
      raw,
      { keyId: keys.keyId, dbKey: Buffer.from(dbKey), rootKey: Buffer.from(keys.rootKey) },
      toSessionUser(userRow),
      slots.storeId,
      cost,
    );
    // The first administrator's signing key; the setup entry registers it, signed by it.
    const signing = await keyForAccount(store, username, admin.password);
    store.setSigner(signing.signer);
    raw.prepare('UPDATE users SET signing_key = ? WHERE id = ?').run(signing.publicKey, userRow.id);
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('store_meta')
        .values([
          { key: 'store_id', value: slots.storeId },
          { key: 'created_at', value: now },
          { key: 'created_by_app', value: APP_VERSION },
        ])
        .execute();
      await trx
        .insertInto('settings')
        .values({ key: 'idleLockMinutes', value: String(DEFAULT_IDLE_LOCK_MINUTES) })
        .execute();
      await seedNewStore(trx);
      await appendAudit(
        trx,
        store.auditChainKey,
        {
          userId: userRow.id,
          username,
          action: 'setup.createStore',
          target: dir,
          detail: { displayName: admin.displayName, ...keyDetail(userRow.id, signing.publicKey) },
        },
        new Date(),
        (hash) => signHash(signing.signer, hash),
      );
    });
    // The key slots go last: without them the database is unreadable, so a failure before here leaves nothing usable.
    writeKeySlots(dir, slots);
    signing.write();
    await saveAnchor(store);
    dbKey.fill(0);
    keys.rootKey.fill(0);
    return { recoveryCode, store };
  } catch (e) {
    if (raw?.open) raw.close();
    for (const f of [dbPath(dir), `${dbPath(dir)}-wal`, `${dbPath(dir)}-shm`, keyslotPath(dir), signingKeyPath(dir)])
      rmSync(f, { force: true });
    dbKey.fill(0);
    keys.rootKey.fill(0);
    throw e;
  }
}

/**
 * Opens the database with the first of a slot's keys that fits it (the current key, then a pending one: see
 * rekey.ts for the states a killed re-keying can leave), and settles the key-slot file to that key.
 * None fits: NOT_A_STORE, as for a foreign or damaged database file (the two cannot be told apart: the whole file is
 * encrypted). A key-slot file copied back from before a re-keying lands here too; it opens nothing either way.
 */
function openWithKeys(dir: string, file: KeySlotFile, keys: readonly StoreKeys[]): { raw: RawDb; keys: StoreKeys } {
  let lastError: unknown = wrongPassword();
  for (const k of keys) {
    try {
      const raw = openVerified(dir, file.storeId, k.dbKey);
      settleRekey(dir, k.keyId);
      for (const other of keys) if (other !== k) wipe(other);
      return { raw, keys: k };
    } catch (e) {
      if ((e as { code?: string }).code !== 'NOT_A_STORE') {
        for (const other of keys) wipe(other);
        throw e;
      }
      lastError = e;
    }
  }
  for (const k of keys) wipe(k);
  throw lastError;
}

const wipe = (k: StoreKeys) => {
  k.dbKey.fill(0);
  k.rootKey.fill(0);
};

/** Opens the database with an unwrapped key and checks it is this slot file's store, before any write. */
export function openVerified(dir: string, storeId: string, dbKey: Buffer): RawDb {
  if (!existsSync(dbPath(dir))) throw notAStore();
  const raw = openEncrypted(dbPath(dir), dbKey, { create: false });
  try {
    assertNotTooNew(raw);
    if (schemaVersion(raw) < 1) throw notAStore();
    const row = raw.prepare(`SELECT value FROM store_meta WHERE key = 'store_id'`).get() as
      { value: string } | undefined;
    if (row?.value !== storeId) throw notAStore();
    enableWrites(raw);
    migrate(raw);
    return raw;
  } catch (e) {
    raw.close();
    throw e;
  }
}

async function startSession(
  dir: string,
  raw: RawDb,
  dbKey: StoreKeys,
  storeId: string,
  username: string,
  cost: KdfCost,
): Promise<Store> {
  const placeholder = { id: 0, username, displayName: '', role: 'reviewer' as Role, mustChangePassword: false };
  const store = new Store(dir, raw, dbKey, placeholder, storeId, cost);
  try {
    const user = await findUserByName(store.db, username);
    // A disabled account is answered as a wrong password (等保: the answer must not tell which accounts exist or work).
    if (!user || user.disabled === 1) throw wrongPassword();
    store.user = toSessionUser(user);
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
}

export async function openStore(
  dir: string,
  creds: { username: string; password: string },
  opts: StoreOptions = {},
): Promise<Store> {
  const username = creds.username.trim().toLowerCase();
  const slots = readKeySlots(dir);
  const slotId = passwordSlotId(slots.storeId, username);
  const unlocked = await unlockSlot(slots, slotId, creds.password);
  // Disabled, unknown or wrong: one answer, after the same key derivation (unlockSlot spends it in every case).
  if (!unlocked.ok) throw wrongPassword();
  const opened = openWithKeys(dir, slots, unlocked.keys);
  const cost = opts.kdfCost ?? DEFAULT_KDF;
  const store = await startSession(dir, opened.raw, opened.keys, slots.storeId, username, cost);
  // A slot from before key pairs (version 1) holds the database key itself: give it a key pair now that the password
  // is known, so a later re-keying can include this account.
  const legacy = findSlot(slots, slotId);
  const upgraded = legacy && isLegacySlot(legacy) ? await store.newPasswordSlot(username, creds.password) : null;
  // A password set before the current rule (an older store) still opens it, but its owner must replace it first.
  const weak = passwordProblem(creds.password) !== null;
  const auditAlarm = await beginSigning(store, creds.password);
  await store.change('session.login', async (db, rec) => {
    await db
      .updateTable('users')
      .set({ last_login_at: new Date().toISOString(), ...(weak ? { must_change_password: 1 } : {}) })
      .where('id', '=', store.user.id)
      .execute();
    rec.record(username, weak ? { mustChangePassword: '密码不符合现行规则' } : undefined);
    if (upgraded) rec.afterCommit(() => store.putSlot(upgraded));
  });
  if (weak) store.user = { ...store.user, mustChangePassword: true };
  if (auditAlarm) store.user = { ...store.user, auditAlarm };
  await saveAnchor(store);
  return store;
}

/** Opens the store with the recovery code and gives an administrator a new password (re-enabling the account). */
export async function recoverStore(
  dir: string,
  input: { recoveryCode: string; username: string; newPassword: string },
  opts: StoreOptions = {},
): Promise<Store> {
  const username = input.username.trim().toLowerCase();
  const slots = readKeySlots(dir);
  const unlocked = await unlockSlot(slots, RECOVERY_SLOT_ID, normalizeRecoveryCode(input.recoveryCode));
  if (!unlocked.ok) fail('WRONG_PASSWORD', '恢复码不正确，请核对打印的恢复码后重新输入', 'recoveryCode');
  let opened: ReturnType<typeof openWithKeys>;
  try {
    opened = openWithKeys(dir, slots, (unlocked as { keys: StoreKeys[] }).keys);
  } catch (e) {
    // A recovery code that was replaced (or from before a re-keying that left it out) opens nothing here.
    if ((e as { code?: string }).code === 'WRONG_PASSWORD')
      fail('WRONG_PASSWORD', '恢复码不正确，请核对打印的恢复码后重新输入', 'recoveryCode');
    throw e;
  }
  const cost = opts.kdfCost ?? DEFAULT_KDF;
  const placeholder = { id: 0, username, displayName: '', role: 'admin' as Role, mustChangePassword: false };
  const store = new Store(dir, opened.raw, opened.keys, placeholder, slots.storeId, cost);
  try {
    const user = await findUserByName(store.db, username);
    if (!user || user.role !== 'admin')
      fail('VALIDATION', '该用户名不是系统管理员，请输入一个系统管理员的用户名', 'username');
    store.user = toSessionUser({ ...user!, disabled: 0, must_change_password: 0 });
    const slot = await store.newPasswordSlot(username, input.newPassword);
    // The old signing key was wrapped with the forgotten password: a new pair, registered in this entry.
    const signing = await keyForAccount(store, username, input.newPassword);
    store.setSigner(signing.signer);
    await store.change('session.recover', async (db, rec) => {
      const now = new Date().toISOString();
      await db
        .updateTable('users')
        .set({
          disabled: 0,
          must_change_password: 0,
          updated_at: now,
          last_login_at: now,
          signing_key: signing.publicKey,
        })
        .where('id', '=', user!.id)
        .execute();
      rec.record(username, {
        via: '恢复码',
        signingKeyChange: '签名密钥已更换',
        ...keyDetail(user!.id, signing.publicKey),
      });
      rec.afterCommit(() => {
        store.putSlot(slot);
        signing.write();
      });
    });
    await saveAnchor(store);
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
}
