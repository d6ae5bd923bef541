// The signing key through a session: unlocked (or made) at login, the head the user last saw checked and raised as an
// alarm when the log fell behind it, the anchor moved to the new head, and the key re-wrapped on a password change.
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { passwordSlotId } from '../store/keyslots';
import type { Store } from '../store/store';
import { GENESIS_HASH } from './chain';
import {
  newSigningKey,
  openSigningKey,
  putSigningRecord,
  readAnchor,
  readSigningFile,
  rewrapSigningKey,
  withAnchor,
  wipeSigner,
  type ChainHead,
  type SigningRecord,
} from './signing-keys';
import { headDigest, registrationOf } from './verify';

/** The newest entry: how many there are (ids run 1..n) and its hash. */
export async function chainHead(db: Kysely<Database>): Promise<ChainHead> {
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { count: last.id, hash: last.hash } : { count: 0, hash: GENESIS_HASH };
}

const slotIdOf = (store: Store) => passwordSlotId(store.storeId, store.user.username);

/** What this user's record says about the log now: null when the log still holds the head they saw. */
async function headProblem(store: Store, seen: ChainHead): Promise<string | null> {
  const now = await chainHead(store.db);
  const seenDigest = headDigest(seen.hash);
  if (now.count < seen.count) {
    return `审计日志末尾被截去：您上次登录时日志已有 ${seen.count} 条记录（末条摘要 ${seenDigest}），现在只有 ${now.count} 条。请立即报告保密管理人员。`;
  }
  const at = await store.db.selectFrom('audit_log').select('hash').where('id', '=', seen.count).executeTakeFirst();
  if (seen.count > 0 && at?.hash !== seen.hash) {
    return `审计日志被改写：第 ${seen.count} 号记录与您上次登录时看到的不同（当时摘要 ${seenDigest}）。请立即报告保密管理人员。`;
  }
  return null;
}

/** The public key the log last registered for a user (what verify checks their entries with), or null. */
async function registeredKey(db: Kysely<Database>, userId: number): Promise<string | null> {
  const rows = await db
    .selectFrom('audit_log')
    .select('detail')
    .where('detail', 'like', '%"signingKey"%')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) {
    const reg = registrationOf(r.detail);
    if (reg?.userId === userId) return reg.publicKey;
  }
  return null;
}

/** Whether the log holds a restore after the user's last key registration (their record is then not expected). */
async function restoredSinceKey(db: Kysely<Database>, userId: number): Promise<boolean> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'detail'])
    .where((eb) => eb.or([eb('action', '=', 'backup.restore'), eb('detail', 'like', '%"signingKey"%')]))
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) {
    if (r.action === 'backup.restore') return true;
    if (registrationOf(r.detail)?.userId === userId) return false;
  }
  return false;
}

/** A key registration for the audit detail; verify reads the public key from here (not from the users table). */
export const keyDetail = (userId: number, publicKey: string) => ({ signingKey: { userId, publicKey } });

/**
 * At login, before the login entry: unlocks the user's signing key, or makes one (an account from before signing,
 * a record lost, or wrapped with a password an administrator has since reset), and checks the head the user last saw.
 * Returns the alarm (Chinese), also recorded in the log, or null.
 */
export async function beginSigning(store: Store, password: string): Promise<string | null> {
  const slotId = slotIdOf(store);
  const record: SigningRecord | undefined = readSigningFile(store.dir, store.storeId).users[slotId];
  const user = await store.db
    .selectFrom('users')
    .select(['id', 'signing_key'])
    .where('id', '=', store.user.id)
    .executeTakeFirstOrThrow();
  const signer = record ? await openSigningKey(record, password, store.storeId, slotId) : null;
  let alarm: string | null = null;
  if (record && signer) {
    store.setSigner(signer);
    const registered = await registeredKey(store.db, store.user.id);
    if (
      (user.signing_key !== null && user.signing_key !== signer.publicKey) ||
      (registered !== null && registered !== signer.publicKey)
    ) {
      alarm =
        '账户登记的签名公钥已被改动，与您本人的签名密钥不符（有人可能以您的名义伪造了审计记录）。请立即报告保密管理人员。';
    }
    const seen = readAnchor(record, signer, store.storeId, slotId);
    if (seen === 'forged') alarm = '您上次登录时记下的审计日志末尾（审计锚点）已被改动。请立即报告保密管理人员。';
    else if (seen) alarm = (await headProblem(store, seen)) ?? alarm;
  } else {
    // After a restore the records stayed with the replaced store: a missing one is expected, not tampering.
    const restored = !record && user.signing_key !== null && (await restoredSinceKey(store.db, store.user.id));
    const first = !record && user.signing_key === null;
    const made = await newSigningKey(password, store.kdfCost, store.storeId, slotId);
    store.setSigner(made.signer);
    await store.change(first ? 'session.signingKeyCreated' : 'session.signingKeyReplaced', async (db, rec) => {
      await db
        .updateTable('users')
        .set({ signing_key: made.signer.publicKey })
        .where('id', '=', store.user.id)
        .execute();
      rec.record(store.user.username, {
        ...(first
          ? {}
          : {
              reason: record
                ? '密码已由管理员重置，原签名密钥无法解开'
                : restored
                  ? '从备份恢复后重新生成'
                  : '签名密钥记录缺失',
            }),
        ...keyDetail(store.user.id, made.signer.publicKey),
      });
      rec.afterCommit(() => putSigningRecord(store.dir, store.storeId, slotId, made.record));
    });
    // A record that vanished while the account had a key is itself a sign of tampering with the store folder.
    if (!record && !first && !restored)
      alarm = '您的签名密钥记录已从档案库文件夹中消失，已生成新的签名密钥。请立即报告保密管理人员。';
  }
  if (alarm) {
    const text = alarm;
    await store.change('session.auditAlarm', async (_db, rec) => rec.record(store.user.username, { warning: text }));
  }
  return alarm;
}

/** Moves the user's anchor to the current head (after login, and at lock): the head they have now seen. */
export async function saveAnchor(store: Store): Promise<void> {
  const signer = store.signingKey;
  if (!signer) return;
  const slotId = slotIdOf(store);
  const record = readSigningFile(store.dir, store.storeId).users[slotId];
  if (!record || record.publicKey !== signer.publicKey) return;
  putSigningRecord(
    store.dir,
    store.storeId,
    slotId,
    withAnchor(record, signer, store.storeId, slotId, await chainHead(store.db)),
  );
}

/**
 * The user's own password change: the same key, re-wrapped with the new password, anchored at the head before the
 * change. Returns the step to run after the commit (write the record, keep the new anchor key in the session).
 */
export async function rewrapForPassword(
  store: Store,
  db: Kysely<Database>,
  newPassword: string,
): Promise<(() => void) | null> {
  const signer = store.signingKey;
  if (!signer) return null;
  const slotId = slotIdOf(store);
  const head = await chainHead(db);
  const r = await rewrapSigningKey(signer, head, newPassword, store.kdfCost, store.storeId, slotId);
  return () => {
    putSigningRecord(store.dir, store.storeId, slotId, r.record);
    store.setSigner(r.signer);
  };
}

/** A key pair for an account being created (or recovered): its record to write after commit, and its public key. */
export async function keyForAccount(store: Store, username: string, password: string) {
  const slotId = passwordSlotId(store.storeId, username);
  const made = await newSigningKey(password, store.kdfCost, store.storeId, slotId);
  return {
    publicKey: made.signer.publicKey,
    signer: made.signer,
    write: () => putSigningRecord(store.dir, store.storeId, slotId, made.record),
    /** The administrator's session must not keep another user's private key. */
    wipe: () => wipeSigner(made.signer),
  };
}

/** The head the logged-in user last anchored, checked with their key (for audit.verify to find a cut). */
export function currentAnchor(store: Store): ChainHead | null | 'forged' {
  const signer = store.signingKey;
  if (!signer) return null;
  const slotId = slotIdOf(store);
  const record = readSigningFile(store.dir, store.storeId).users[slotId];
  return record && record.publicKey === signer.publicKey ? readAnchor(record, signer, store.storeId, slotId) : null;
}
