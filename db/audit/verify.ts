// Verifying the audit log: the hash chain, each entry's signature by its user, and the head against an anchor.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../shared/ipc/types';
import type { Database } from '../schema';
import { GENESIS_HASH, entryHash } from './chain';
import type { ChainHead } from './signing-keys';

/** How an entry registers a user's public key: `detail.signingKey` (account created, key made at login or replaced). */
export interface KeyRegistration {
  readonly userId: number;
  readonly publicKey: string;
}

export const headDigest = (hash: string) => hash.slice(0, 12);

export function registrationOf(detail: string): KeyRegistration | null {
  try {
    const k = (JSON.parse(detail) as { signingKey?: KeyRegistration }).signingKey;
    return k && typeof k.userId === 'number' && typeof k.publicKey === 'string' ? k : null;
  } catch {
    return null;
  }
}

function publicKeyOf(b64: string): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/**
 * Walks the whole log and names the first entry affected. Public keys come from the log itself (the entry that
 * registered them, signed by its own user), never from the users table, which anyone with the store key can edit.
 * `anchor` is the head the current user saw at login (authenticated with their password), to find a cut.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  key: Buffer,
  anchor: ChainHead | null | 'forged' = null,
): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const keys = new Map<number, KeyObject | null>();
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let unsigned = 0;
  let lastSigned = 0;
  const last = rows[rows.length - 1];
  const head = { count: rows.length, digest: headDigest(last?.hash ?? GENESIS_HASH) };
  const broken = (id: number, reason: string): AuditVerification => ({
    intact: false,
    checked: rows.length,
    firstBrokenId: id,
    reason,
    unsigned,
    head,
  });
  for (const r of rows) {
    if (r.id !== expectedId) return broken(expectedId, `第 ${expectedId} 号记录缺失（记录被删除）`);
    if (r.prev_hash !== prev) return broken(r.id, `第 ${r.id} 号记录与前一条记录的链接不符（记录被删除、插入或改写）`);
    if (r.hash !== entryHash(key, r)) return broken(r.id, `第 ${r.id} 号记录的内容与其校验值不符（记录被改写）`);
    const reg = registrationOf(r.detail);
    // A user's own key registration (made at login, or replaced at recovery) is signed by the key it registers.
    if (reg && reg.userId === r.user_id) keys.set(reg.userId, publicKeyOf(reg.publicKey));
    const who = `“${r.username}”`;
    if (r.user_id === null || !keys.has(r.user_id)) {
      if (r.signature) return broken(r.id, `第 ${r.id} 号记录带有签名，但${who}此时没有登记的签名公钥（记录被伪造）`);
      unsigned += 1;
    } else {
      const pub = keys.get(r.user_id);
      if (!r.signature) return broken(r.id, `第 ${r.id} 号记录署名${who}，却没有该用户的签名（记录被伪造或改写）`);
      if (!pub || !verify(null, Buffer.from(r.hash, 'hex'), pub, Buffer.from(r.signature, 'base64'))) {
        // An unsigned entry before this one may be the one rewritten: its new hash breaks this signature.
        const range = lastSigned + 1 < r.id ? `；改动可能在第 ${lastSigned + 1} 号至第 ${r.id} 号记录之间` : '';
        return broken(r.id, `第 ${r.id} 号记录的签名与${who}的签名公钥不符（记录被改写或伪造）${range}`);
      }
      lastSigned = r.id;
    }
    // A key registered for another user (an account created by an administrator) applies from the next entry.
    if (reg && reg.userId !== r.user_id) keys.set(reg.userId, publicKeyOf(reg.publicKey));
    prev = r.hash;
    expectedId += 1;
  }
  if (anchor === 'forged')
    return broken(1, '您的审计锚点（上次登录时看到的日志末尾）被改动，无法确认日志末尾是否被截去');
  if (anchor && anchor.count > rows.length) {
    return broken(
      rows.length + 1,
      `日志末尾被截去：您上次登录时日志已有 ${anchor.count} 条记录，现在只有 ${rows.length} 条；第 ${rows.length + 1} 号起的记录已不在`,
    );
  }
  if (anchor && anchor.count > 0 && rows[anchor.count - 1]!.hash !== anchor.hash) {
    return broken(anchor.count, `第 ${anchor.count} 号记录与您上次登录时看到的不同（日志被截去后重写）`);
  }
  return { intact: true, checked: rows.length, firstBrokenId: null, reason: null, unsigned, head };
}
