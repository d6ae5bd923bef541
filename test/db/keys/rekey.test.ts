// Revocation as an insider would try it: a disabled or reset account, or an old recovery code, with a saved copy of
// keyslots.json and a key unwrapped from it (as test/helpers/raw-store.ts allows), must not open the live store.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { verifyAudit } from '../../../db/audit/verify';
import { keyslotPath } from '../../../db/store/files';
import { readKeySlots } from '../../../db/store/keyslots';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { keyFromPassword, keyFromRecoveryCode, openRaw, withRaw } from '../../helpers/raw-store';
import { ADMIN, tempDir } from '../../helpers/tmp-store';

const REVIEWER = { username: 'reader', displayName: '查阅员甲', role: 'reviewer' as const, password: 'Reader@2025' };
const CLERK = { username: 'clerk', displayName: '档案员甲', role: 'dossierClerk' as const, password: 'Clerk@20255' };

/** What the insider kept: a copy of keyslots.json taken while their account was enabled. */
function saveKeySlots(h: TestHost): string {
  const dir = tempDir('ganbu-insider-');
  copyFileSync(keyslotPath(h.dir), keyslotPath(dir));
  return dir;
}

const unitCount = (dir: string, key: Buffer) =>
  withRaw(dir, key, (db) => (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n);

async function storeWithUsers() {
  const h = await newHostWithStore();
  const reviewer = await h.ok('users.create', REVIEWER);
  const clerk = await h.ok('users.create', CLERK);
  await h.ok('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 });
  return { h, reviewer, clerk };
}

async function loginWorks(h: TestHost, username: string, password: string) {
  expect(await h.ok('session.login', { username, password })).toMatchObject({ username });
}

describe('disabling an account re-keys the store', () => {
  test('the disabled account’s saved keyslots.json and key open nothing; everyone else still logs in', async () => {
    const { h, reviewer } = await storeWithUsers();
    const saved = saveKeySlots(h);
    const stolenKey = await keyFromPassword(saved, REVIEWER.username, REVIEWER.password);
    expect(unitCount(h.dir, stolenKey)).toBe(1); // the key works before

    await h.ok('users.disable', { userId: reviewer.id });

    // The stolen key no longer opens the live database.
    expect(() => openRaw(h.dir, stolenKey)).toThrow();
    // The saved keyslots.json copied back over the live one: the reviewer's slot opens only the old key.
    const live = readFileSync(keyslotPath(h.dir));
    copyFileSync(keyslotPath(saved), keyslotPath(h.dir));
    await h.ok('session.lock', {});
    const e = await h.err('session.login', { username: REVIEWER.username, password: REVIEWER.password });
    // Refused: the old key opens nothing (told apart from a damaged file it cannot be: the whole file is encrypted).
    expect(['ACCOUNT_DISABLED', 'WRONG_PASSWORD', 'NOT_A_STORE']).toContain(e.code);
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    writeFileSync(keyslotPath(h.dir), live);

    // Every enabled account still logs in, and the data and the audit chain are whole.
    await loginWorks(h, CLERK.username, CLERK.password);
    await loginWorks(h, ADMIN.username, ADMIN.password);
    expect((await h.ok('units.list', {})).map((u) => u.name)).toEqual(['乌兰镇']);
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
    const log = await h.ok('audit.list', { page: 1, pageSize: 20, action: 'users.disable' });
    expect(log.rows).toHaveLength(1);
    // The disabled account stays refused.
    await h.ok('session.lock', {});
    expect(await h.err('session.login', { username: REVIEWER.username, password: REVIEWER.password })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });
});

describe('resetting a password re-keys the store', () => {
  test('a leaked old password, with a saved keyslots.json, no longer opens the live store; the new one does', async () => {
    const { h, clerk } = await storeWithUsers();
    const saved = saveKeySlots(h);
    const leakedKey = await keyFromPassword(saved, CLERK.username, CLERK.password);
    await h.ok('users.resetPassword', { userId: clerk.id, newPassword: 'Fresh@20266' });
    expect(() => openRaw(h.dir, leakedKey)).toThrow();
    await expect(keyFromPassword(h.dir, CLERK.username, CLERK.password)).rejects.toThrow();
    const newKey = await keyFromPassword(h.dir, CLERK.username, 'Fresh@20266');
    expect(unitCount(h.dir, newKey)).toBe(1);
    await h.ok('session.lock', {});
    await loginWorks(h, CLERK.username, 'Fresh@20266');
    await loginWorks(h, REVIEWER.username, REVIEWER.password);
  });
});

describe('更换密钥 (keys.rekey)', () => {
  test('every enabled account and the recovery code open the new key; no old key or slot file opens the store', async () => {
    const { h } = await storeWithUsers();
    const saved = saveKeySlots(h);
    const oldKey = await keyFromPassword(h.dir, ADMIN.username, ADMIN.password);
    const before = readKeySlots(h.dir);
    const progressId = randomUUID();
    const r = await h.ok('keys.rekey', { progressId });
    expect(Date.parse(r.rekeyedAt)).not.toBeNaN();
    expect(await h.ok('jobs.status', { jobId: progressId })).toEqual({ state: 'done', done: 5, total: 5 });
    const after = readKeySlots(h.dir);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.pendingKeyId).toBeUndefined();
    expect(after.slots.every((s) => (s.grants ?? []).every((g) => g.keyId === after.keyId))).toBe(true);
    expect(() => openRaw(h.dir, oldKey)).toThrow();
    for (const [u, p] of [
      [ADMIN.username, ADMIN.password],
      [CLERK.username, CLERK.password],
      [REVIEWER.username, REVIEWER.password],
    ] as const) {
      await expect(keyFromPassword(saved, u, p).then((k) => unitCount(h.dir, k))).rejects.toThrow();
      expect(unitCount(h.dir, await keyFromPassword(h.dir, u, p))).toBe(1);
    }
    expect(unitCount(h.dir, await keyFromRecoveryCode(h.dir, h.recoveryCode))).toBe(1);
    // The session goes on with the new key: changes after re-keying are kept, and the chain still verifies.
    await h.ok('units.save', { name: '巴音镇', categoryCode: 'C1', sort: 2 });
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
    await h.ok('session.lock', {});
    await loginWorks(h, REVIEWER.username, REVIEWER.password);
    await loginWorks(h, ADMIN.username, ADMIN.password); // the reviewer must first replace the admin-set password
    expect((await h.ok('units.list', {})).length).toBe(2);
  });

  test('only an administrator may re-key or make a new recovery code', async () => {
    const { h } = await storeWithUsers();
    await h.ok('session.login', { username: CLERK.username, password: CLERK.password });
    const before = readFileSync(keyslotPath(h.dir));
    expect(await h.err('keys.rekey', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.err('keys.newRecoveryCode', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(readFileSync(keyslotPath(h.dir))).toEqual(before);
  });

  test('a bad progress id is refused with a Chinese message, and nothing changes', async () => {
    const { h } = await storeWithUsers();
    const before = readFileSync(keyslotPath(h.dir));
    expect(await h.err('keys.rekey', { progressId: 'x' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('任务标识无效'),
    });
    expect(readFileSync(keyslotPath(h.dir))).toEqual(before);
  });
});

describe('a new recovery code', () => {
  test('is shown once; the old code fails, even with a saved keyslots.json; the new one recovers', async () => {
    const { h } = await storeWithUsers();
    const saved = saveKeySlots(h);
    const { recoveryCode } = await h.ok('keys.newRecoveryCode', {});
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(recoveryCode).not.toBe(h.recoveryCode);
    expect(JSON.stringify(await h.ok('audit.list', { page: 1, pageSize: 50 }))).not.toContain(recoveryCode);
    await expect(keyFromRecoveryCode(h.dir, h.recoveryCode)).rejects.toThrow();
    const oldKey = await keyFromRecoveryCode(saved, h.recoveryCode);
    expect(() => openRaw(h.dir, oldKey)).toThrow();
    await h.ok('session.lock', {});
    const e = await h.err('session.recover', {
      recoveryCode: h.recoveryCode,
      username: ADMIN.username,
      newPassword: 'Recover@2026',
    });
    expect(e).toMatchObject({ code: 'WRONG_PASSWORD', field: 'recoveryCode' });
    expect(
      await h.ok('session.recover', { recoveryCode, username: ADMIN.username, newPassword: 'Recover@2026' }),
    ).toMatchObject({ username: 'admin' });
    // Recovering gave only the administrator a new password: the others still log in.
    await loginWorks(h, CLERK.username, CLERK.password);
  });
});

describe('old backups after re-keying', () => {
  test('open with the passwords they were made with, and their audit chain verifies', async () => {
    const { h, reviewer } = await storeWithUsers();
    const out = tempDir('ganbu-usb-');
    mkdirSync(out, { recursive: true });
    const file = join(out, '停用前.gbak');
    await h.ok('backup.create', { token: await h.pickSave('backup', file) });
    await h.ok('users.disable', { userId: reviewer.id });
    await h.ok('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Admin@2026x' });
    const token = (await h.pickOpen('backup', file))[0]!.token;
    const unlocked = await h.ok('backup.unlock', { token, username: ADMIN.username, password: ADMIN.password });
    expect(unlocked.counts).toMatchObject({ users: 3, units: 1 });
    await h.ok('backup.restore', { jobId: unlocked.jobId });
    // Restored: the backup's own slots, so its passwords (including the then-enabled reviewer's) open it.
    await loginWorks(h, REVIEWER.username, REVIEWER.password);
    await loginWorks(h, ADMIN.username, ADMIN.password);
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
    const store = h.host.session();
    expect(await verifyAudit(store.db, store.auditChainKey)).toMatchObject({ intact: true });
  });
});
