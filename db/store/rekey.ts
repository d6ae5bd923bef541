// Re-keying the store (更换密钥): a new random database key, the database rewritten under it (PRAGMA rekey), and
// the key granted anew to every enabled account, so that no copy of an older key slot opens the live store.
//
// Why every account can still log in: each account (and the recovery code) has an X25519 key pair; its private
// key is wrapped under the password, its public key sits in keyslots.json. The store's keys reach an account as a
// grant sealed to that public key (grants.ts). So the administrator who re-keys seals the new key to every enabled
// account's public key without knowing any password, and a disabled account (its slot emptied) gets none. A reset
// password gets a new key pair, so the old password, even with an old keyslots.json, unwraps only an old private
// key that no new grant is sealed to. Slots from before key pairs (version 1) cannot be granted to: re-keying
// refuses while an enabled account still has one, naming it (it gets a key pair at its next login or reset).
//
// What is kept: the root key (see grants.ts StoreKeys): the audit chain and the 评议码 hashes are keyed from it, so
// they verify across re-keyings. Someone disabled still knows it, but without the new database key there is
// nothing it opens or writes.
//
// Crash safety. The live store.db is never rewritten in place: its copy is made and re-keyed beside it, then
// renamed over it (one atomic step). The states a kill can leave, and what the next open does (lifecycle.ts tries
// the slot's keys in the order current, pending; rekey-state.ts then settles the file):
//   A. keyslots.json as before, store.db old (maybe a .rekey-*.db scratch copy): the old key opens; the scratch
//      copy is removed at login.
//   P. keyslots.json holds grants of both keys (keyId old, pendingKeyId new), store.db old: the old key opens;
//      the pending grants are dropped.
//   S. keyslots.json as in P, store.db new (renamed in): the old key fails, the new one opens; the file is
//      settled to the new key.
//   N. keyslots.json holds only the new key's grants, store.db new: done.
// In every state some enabled account's key opens the store; never neither. Before the rename the old
// connection is checkpointed and closed, so no WAL of the old file is left to be replayed onto the new one.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../shared/ipc/errors';
import { fsyncDir } from '../fs/atomic';
import { createOwnerOnlyFile } from '../fs/owner-only';
import { openEncrypted } from './connection';
import { dbPath } from './files';
import type { StoreKeys } from './grants';
import {
  RECOVERY_SLOT_ID,
  grantTo,
  isLegacySlot,
  keepGrants,
  newStoreKeys,
  passwordSlotId,
  readKeySlots,
  writeKeySlots,
} from './keyslots';
import { checkPageHmacs } from './page-hmac';
import type { Store } from './store';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** The steps a re-keying reports through the job's progress. */
export const REKEY_STEPS = 5;

export type RekeyProgress = (done: number, total: number) => void;

/** Test hooks for the crash harness: called at each named point so a test can stop the process there. */
export type RekeyPoint = 'pendingWritten' | 'copied' | 'rekeyed' | 'closed' | 'swapped' | 'settled';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Enabled accounts whose slot has no key pair (version 1): a re-keying would lock them out. */
async function legacyAccounts(store: Store, db: Kysely<Database>, replaced: readonly string[]): Promise<string[]> {
  const file = readKeySlots(store.dir);
  const legacy = new Set(
    file.slots.filter((s) => s.wrapped !== null && isLegacySlot(s) && !replaced.includes(s.id)).map((s) => s.id),
  );
  if (legacy.size === 0) return [];
  const users = await db.selectFrom('users').select('username').where('disabled', '=', 0).execute();
  const names = users.filter((u) => legacy.has(passwordSlotId(file.storeId, u.username))).map((u) => `“${u.username}”`);
  if (legacy.has(RECOVERY_SLOT_ID)) names.push('恢复码');
  return names;
}

/**
 * Re-keys the open store: afterwards it is encrypted with a new key that only the enabled accounts' slots (and the
 * recovery code's) hold. The session stays open on the new key.
 */
/**
 * Refuses (before anything is changed) a re-keying that would lock an enabled account out. `replaced`: slot ids the
 * same change gives a new key pair (a reset password, a new recovery code). `db`: the calling change's transaction
 * (it holds the store's one connection).
 */
export async function assertRekeyable(
  store: Store,
  db: Kysely<Database>,
  replaced: readonly string[] = [],
): Promise<void> {
  const legacy = await legacyAccounts(store, db, replaced);
  if (legacy.length > 0) {
    fail(
      'VALIDATION',
      `不能更换密钥：${legacy.join('、')}仍使用旧版密钥槽，更换后将无法登录。请让其先登录一次（恢复码请重新生成），或为其重置密码后再试`,
    );
  }
}

export async function rekeyStore(
  store: Store,
  progress: RekeyProgress = () => undefined,
  at: (p: RekeyPoint) => void = () => undefined,
): Promise<{ keyId: string }> {
  await assertRekeyable(store, store.db);
  const dir = store.dir;
  const oldKeys = store.withStoreKeys((k) => ({
    keyId: k.keyId,
    dbKey: Buffer.from(k.dbKey),
    rootKey: Buffer.from(k.rootKey),
  }));
  const newKeys: StoreKeys = newStoreKeys(oldKeys.rootKey);
  const scratch = join(dir, `.rekey-${randomBytes(6).toString('hex')}.db`);
  let swapped = false;
  try {
    // P: the new key granted beside the old one, to every slot that can still open the store.
    const file = readKeySlots(dir);
    writeKeySlots(dir, {
      ...keepGrants(file, [oldKeys.keyId]),
      pendingKeyId: newKeys.keyId,
      slots: keepGrants(file, [oldKeys.keyId]).slots.map((s) =>
        s.wrapped && !isLegacySlot(s) ? grantTo(file, s, newKeys) : s,
      ),
    });
    at('pendingWritten');
    progress(1, REKEY_STEPS);
    await pause();

    await store.replaceDatabase(newKeys, oldKeys, (raw) => {
      // The copy is taken on the session's own connection, held for the whole swap: no write can slip in between.
      // VACUUM INTO fills an empty file as it is: made owner-only first (the rename keeps it), as backups are.
      createOwnerOnlyFile(scratch);
      raw.prepare('VACUUM INTO ?').run(scratch);
      at('copied');
      progress(2, REKEY_STEPS);
      const copy = openEncrypted(scratch, oldKeys.dbKey, { create: false });
      try {
        copy.pragma(`rekey="x'${newKeys.dbKey.toString('hex')}'"`);
      } finally {
        copy.close();
      }
      // Every page authentic under the new key, and the structure sound, before the old file is let go.
      const pages = checkPageHmacs(scratch, newKeys.dbKey);
      if (pages.badPages.length > 0) throw new Error('re-keyed copy failed its page check');
      const check = openEncrypted(scratch, newKeys.dbKey, { create: false });
      try {
        const r = check.pragma('quick_check') as { quick_check: string }[];
        if (r.length !== 1 || r[0]?.quick_check !== 'ok') throw new Error('re-keyed copy failed quick_check');
      } finally {
        check.close();
      }
      at('rekeyed');
      progress(3, REKEY_STEPS);
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
      for (const side of [`${dbPath(dir)}-wal`, `${dbPath(dir)}-shm`]) {
        if (existsSync(side) && side.endsWith('-wal') && statSync(side).size > 0)
          throw new Error('the WAL was not checkpointed');
        rmSync(side, { force: true });
      }
      at('closed');
      // S: the one atomic step that changes which key opens the store.
      renameSync(scratch, dbPath(dir));
      swapped = true;
      fsyncDir(dir);
      at('swapped');
      progress(4, REKEY_STEPS);
    });
    if (!swapped) throw new Error('re-keying did not swap the database');
    // N: only the new key's grants remain.
    const pending = readKeySlots(dir);
    const { pendingKeyId: _done, ...rest } = pending;
    writeKeySlots(dir, keepGrants({ ...rest, keyId: newKeys.keyId }, [newKeys.keyId]));
    at('settled');
    progress(5, REKEY_STEPS);
    return { keyId: newKeys.keyId };
  } catch (e) {
    // Before the rename the old database is untouched: drop the pending grants. After it, settle to the new key.
    rmSync(scratch, { force: true });
    try {
      const file = readKeySlots(dir);
      if (file.pendingKeyId === newKeys.keyId) {
        const works = swapped ? newKeys.keyId : oldKeys.keyId;
        const { pendingKeyId: _p, ...rest } = file;
        writeKeySlots(dir, keepGrants({ ...rest, keyId: works }, [works]));
      }
    } catch {
      // The next open settles the file (rekey-state.ts).
    }
    throw e;
  } finally {
    for (const k of [oldKeys, newKeys]) {
      k.dbKey.fill(0);
      k.rootKey.fill(0);
    }
  }
}
