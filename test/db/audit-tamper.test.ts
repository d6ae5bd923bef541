// Issue 16 row 6, as the attacker: an ordinary account holder (查阅人) with the store key unwrapped from their own
// password and raw access to the store file tries to rewrite, cut and forge audit entries; every try must show.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { auditKeyFrom, entryHash, type ChainedFields } from '../../db/audit/chain';
import { signingKeyPath } from '../../db/audit/signing-keys';
import type { RawDb } from '../../db/store/connection';
import { newHostWithStore, type TestHost } from '../helpers/host';
import { keyFromPassword, rootKeyFromPassword, withRaw } from '../helpers/raw-store';
import { ADMIN } from '../helpers/tmp-store';
import { PASSWORDS, addUser, loginAdmin } from '../helpers/roster';

type Row = ChainedFields & { hash: string; signature: string | null };

/** A store where the administrator and a 查阅人 have both worked and logged in; the administrator is logged in. */
async function storeWithTwoUsers() {
  const h = await newHostWithStore();
  await addUser(h, { username: 'reader1', displayName: '查阅员甲', role: 'reviewer', password: PASSWORDS.reviewer });
  await h.ok('settings.update', { idleLockMinutes: 20 });
  await h.ok('settings.update', { idleLockMinutes: 25 });
  // The attacker's own, perfectly ordinary key.
  const key = await keyFromPassword(h.dir, 'reader1', PASSWORDS.reviewer);
  // The chain's HMAC key comes from the root key, which the same slot unwraps.
  const root = await rootKeyFromPassword(h.dir, 'reader1', PASSWORDS.reviewer);
  return { h, key, root };
}

const rows = (db: RawDb) => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

/** What the attacker can do with the store keys: edit rows, then recompute every HMAC after them. */
function rewriteChain(db: RawDb, root: Buffer, edit: (all: Row[]) => Row[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const chainKey = auditKeyFrom(root);
  const next = edit(rows(db));
  db.prepare('DELETE FROM audit_log').run();
  let prev = '0'.repeat(64);
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, user_id, username, action, target, detail, prev_hash, hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)',
  );
  next.forEach((r, i) => {
    const row: ChainedFields = { ...r, id: i + 1, prev_hash: prev };
    const hash = entryHash(chainKey, row);
    insert.run(
      row.id,
      row.at,
      row.user_id,
      row.username,
      row.action,
      row.target,
      row.detail,
      row.prev_hash,
      hash,
      r.signature,
    );
    prev = hash;
  });
}

const verify = (h: TestHost) => h.ok('audit.verify', {});
const settingsRow = (all: Row[]) => all.find((r) => r.action === 'settings.update')!;

describe('a rewritten entry', () => {
  test('an entry rewritten and the HMAC chain recomputed: verify names that entry', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    expect(await verify(h)).toMatchObject({ intact: true, reason: null });
    let target = 0;
    withRaw(h.dir, key, (db) =>
      rewriteChain(db, root, (all) => {
        target = settingsRow(all).id;
        return all.map((r) => (r.id === target ? { ...r, detail: JSON.stringify({ idleLockMinutes: [15, 99] }) } : r));
      }),
    );
    const v = await verify(h);
    expect(v).toMatchObject({ intact: false, firstBrokenId: target });
    expect(v.reason).toBe(`第 ${target} 号记录的签名与“admin”的签名公钥不符（记录被改写或伪造）`);
  });

  test('the rewritten entry stripped of its signature is named as unsigned', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    let target = 0;
    withRaw(h.dir, key, (db) =>
      rewriteChain(db, root, (all) => {
        target = settingsRow(all).id;
        return all.map((r) => (r.id === target ? { ...r, target: '别的设置', signature: null } : r));
      }),
    );
    expect(await verify(h)).toMatchObject({
      intact: false,
      firstBrokenId: target,
      reason: `第 ${target} 号记录署名“admin”，却没有该用户的签名（记录被伪造或改写）`,
    });
  });

  test('an entry deleted from the middle with the chain recomputed: the next signed entry is named', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    let target = 0;
    withRaw(h.dir, key, (db) =>
      rewriteChain(db, root, (all) => {
        target = settingsRow(all).id;
        return all.filter((r) => r.id !== target);
      }),
    );
    // The entry after it now sits at the deleted one's number, with a new hash its signature does not cover.
    expect(await verify(h)).toMatchObject({ intact: false, firstBrokenId: target });
  });
});

describe('a cut of the newest entries', () => {
  test('the next login of a user who saw them raises the alarm, and the alarm is logged', async () => {
    const { h, key } = await storeWithTwoUsers();
    await h.ok('settings.update', { idleLockMinutes: 30 });
    await h.ok('session.lock', {}); // the administrator has seen the log up to here
    const before = withRaw(h.dir, key, (db) => rows(db).length);
    withRaw(h.dir, key, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(before - 3);
    });
    // The 查阅人 last saw the log before these entries: no alarm for them (it is not their head).
    const reader = await h.ok('session.login', { username: 'reader1', password: PASSWORDS.reviewer });
    expect(reader.auditAlarm).toBeUndefined();
    const admin = await loginAdmin(h);
    expect(admin.auditAlarm).toMatch(
      new RegExp(
        `^审计日志末尾被截去：您上次登录时日志已有 ${before} 条记录（末条摘要 [0-9a-f]{12}），现在只有 ${before - 2} 条`,
      ),
    );
    const alarms = withRaw(h.dir, key, (db) =>
      db.prepare(`SELECT username, detail, signature FROM audit_log WHERE action = 'session.auditAlarm'`).all(),
    ) as {
      username: string;
      detail: string;
      signature: string | null;
    }[];
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ username: 'admin', signature: expect.any(String) });
    expect(JSON.parse(alarms[0]!.detail).warning).toBe(admin.auditAlarm);
  });

  test('a cut refilled with entries up to the same count is caught by the hash the user saw', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    await h.ok('session.lock', {});
    withRaw(h.dir, key, (db) =>
      // The last two entries replaced by two harmless-looking ones with no user (unsigned), chain recomputed.
      rewriteChain(db, root, (all) => [
        ...all.slice(0, -2),
        ...all.slice(-2).map((r) => ({
          ...r,
          user_id: null,
          username: '系统',
          action: 'backup.auto',
          target: '',
          detail: '{}',
          signature: null,
        })),
      ]),
    );
    const admin = await loginAdmin(h);
    expect(admin.auditAlarm).toMatch(/^审计日志被改写：第 \d+ 号记录与您上次登录时看到的不同/);
  });

  test('while the session is open, verify names the first missing entry', async () => {
    const { h, key } = await storeWithTwoUsers();
    await loginAdmin(h); // anchors the current head
    const count = withRaw(h.dir, key, (db) => rows(db).length);
    withRaw(h.dir, key, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(count - 2);
    });
    expect(await verify(h)).toMatchObject({
      intact: false,
      firstBrokenId: count - 1,
      reason: `日志末尾被截去：您上次登录时日志已有 ${count} 条记录，现在只有 ${count - 2} 条；第 ${count - 1} 号起的记录已不在`,
    });
  });

  test('deleting the user’s anchor record is an alarm too, not a silent fresh start', async () => {
    const { h } = await storeWithTwoUsers();
    await h.ok('session.lock', {});
    rmSync(signingKeyPath(h.dir));
    const admin = await loginAdmin(h);
    expect(admin.auditAlarm).toBe(
      '您的签名密钥记录已从档案库文件夹中消失，已生成新的签名密钥。请立即报告保密管理人员。',
    );
  });

  test('an altered anchor (count lowered to hide a cut) fails its MAC: alarm', async () => {
    const { h } = await storeWithTwoUsers();
    await h.ok('session.lock', {});
    const file = JSON.parse(readFileSync(signingKeyPath(h.dir), 'utf8')) as {
      users: Record<string, { anchor: { count: number } }>;
    };
    for (const r of Object.values(file.users)) r.anchor.count = 1;
    writeFileSync(signingKeyPath(h.dir), JSON.stringify(file));
    const admin = await loginAdmin(h);
    expect(admin.auditAlarm).toBe('您上次登录时记下的审计日志末尾（审计锚点）已被改动。请立即报告保密管理人员。');
  });
});

describe('an entry forged as another user', () => {
  /** A forged 重置密码 entry in the administrator's name, appended with a valid HMAC chain. */
  function forgeAsAdmin(h: TestHost, root: Buffer, signature: (hash: string) => string | null, db: RawDb) {
    rewriteChain(db, root, (all) => [
      ...all,
      {
        ...all[all.length - 1]!,
        user_id: 1,
        username: 'admin',
        action: 'users.resetPassword',
        target: 'reader1',
        detail: '{}',
        signature: null,
      },
    ]);
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    db.prepare('UPDATE audit_log SET signature = ? WHERE id = ?').run(signature(last.hash), last.id);
    return last.id;
  }

  test('unsigned, signed with the attacker’s own key, or with a key swapped into the users table: verify names it', async () => {
    const attacker = generateKeyPairSync('ed25519');
    const signWith = (hash: string) => sign(null, Buffer.from(hash, 'hex'), attacker.privateKey).toString('base64');
    for (const how of ['unsigned', 'attacker key', 'swapped public key'] as const) {
      const { h, key, root } = await storeWithTwoUsers();
      const forged = withRaw(h.dir, key, (db) => {
        if (how === 'swapped public key') {
          const pub = attacker.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
          db.prepare('UPDATE users SET signing_key = ? WHERE id = 1').run(pub);
        }
        return forgeAsAdmin(h, root, how === 'unsigned' ? () => null : signWith, db);
      });
      const v = await verify(h);
      expect(v, how).toMatchObject({ intact: false, firstBrokenId: forged });
      expect(v.reason, how).toContain(`第 ${forged} 号记录`);
      expect(v.reason, how).toContain('“admin”');
    }
  });

  test('a forged key registration in the administrator’s name raises the alarm at the administrator’s next login', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    await h.ok('session.lock', {});
    const attacker = generateKeyPairSync('ed25519');
    const pub = attacker.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    withRaw(h.dir, key, (db) => {
      // The attacker appends a 签名密钥已更换 entry for admin, signed by the key it registers: verify alone cannot tell.
      rewriteChain(db, root, (all) => [
        ...all,
        {
          ...all[all.length - 1]!,
          user_id: 1,
          username: 'admin',
          action: 'session.signingKeyReplaced',
          target: 'admin',
          detail: JSON.stringify({ signingKey: { userId: 1, publicKey: pub } }),
          signature: null,
        },
      ]);
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      db.prepare('UPDATE audit_log SET signature = ? WHERE id = ?').run(
        sign(null, Buffer.from(last.hash, 'hex'), attacker.privateKey).toString('base64'),
        last.id,
      );
    });
    const admin = await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(admin.auditAlarm).toBe(
      '账户登记的签名公钥已被改动，与您本人的签名密钥不符（有人可能以您的名义伪造了审计记录）。请立即报告保密管理人员。',
    );
  });
});

describe('keys through an account’s life', () => {
  test('every entry of a user is signed, a password change keeps the key, recovery replaces it, and the log verifies', async () => {
    const { h } = await storeWithTwoUsers();
    const key = await keyFromPassword(h.dir, 'admin', ADMIN.password);
    const all = withRaw(h.dir, key, rows);
    expect(all.filter((r) => r.user_id !== null && r.signature === null)).toEqual([]);
    await h.ok('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Admin#2026x' });
    await h.ok('session.login', { username: 'admin', password: 'Admin#2026x' });
    const v = await verify(h);
    expect(v).toMatchObject({ intact: true, unsigned: 0, reason: null });
    expect(v.head.digest).toMatch(/^[0-9a-f]{12}$/);
    const replaced = withRaw(h.dir, key, (db) =>
      db
        .prepare(
          `SELECT count(*) AS n FROM audit_log WHERE action IN ('session.signingKeyReplaced', 'session.signingKeyCreated')`,
        )
        .get(),
    );
    expect(replaced).toEqual({ n: 0 }); // the same key all along
  });

  test('an account whose password an administrator reset gets a new key at its next login, audited', async () => {
    const { h } = await storeWithTwoUsers();
    await h.ok('users.resetPassword', { userId: 2, newPassword: 'Reset@20255x' });
    const reader = await h.ok('session.login', { username: 'reader1', password: 'Reset@20255x' });
    expect(reader.auditAlarm).toBeUndefined();
    // A reset re-keys the store: the key from before no longer opens it.
    const fresh = await keyFromPassword(h.dir, 'reader1', 'Reset@20255x');
    const entry = withRaw(h.dir, fresh, (db) =>
      db.prepare(`SELECT * FROM audit_log WHERE action = 'session.signingKeyReplaced'`).get(),
    ) as Row;
    expect(JSON.parse(entry.detail)).toMatchObject({ reason: '密码已由管理员重置，原签名密钥无法解开' });
    await loginAdmin(h);
    expect(await verify(h)).toMatchObject({ intact: true, reason: null });
  });
});

describe('an account from before signing', () => {
  test('its next login makes a key, audited as 生成签名密钥 with no alarm; the older entries count as unsigned', async () => {
    const { h, key, root } = await storeWithTwoUsers();
    await h.ok('session.lock', {});
    // The store as an older version left it: no public keys, no signatures, no signing-key file.
    withRaw(h.dir, key, (db) => {
      rewriteChain(db, root, (all) =>
        all.map((r) => {
          const { signingKey: _dropped, ...detail } = JSON.parse(r.detail) as Record<string, unknown>;
          return { ...r, detail: JSON.stringify(detail), signature: null };
        }),
      );
      db.prepare('UPDATE users SET signing_key = NULL').run();
    });
    rmSync(signingKeyPath(h.dir));
    const legacy = withRaw(h.dir, key, (db) => rows(db).length);
    const admin = await loginAdmin(h);
    expect(admin.auditAlarm).toBeUndefined();
    const made = withRaw(h.dir, key, (db) =>
      db.prepare(`SELECT * FROM audit_log WHERE action = 'session.signingKeyCreated'`).all(),
    ) as Row[];
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ username: 'admin', signature: expect.any(String) });
    expect(await verify(h)).toMatchObject({ intact: true, unsigned: legacy, reason: null });
  });
});
