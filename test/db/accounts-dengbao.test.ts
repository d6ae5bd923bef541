// Issue 16 row 8, as the attacker: weak passwords, skipping the forced change by direct calls, throttling that a
// restart or another account resets, failed logins nobody records, a disabled account that answers differently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createStore } from '../../db';
import { LOGIN_FAILURES_FILE } from '../../db/app/login-failures';
import { keyslotPath } from '../../db/store/files';
import { passwordSlotId, readKeySlots, unlockSlot, writeKeySlots } from '../../db/store/keyslots';
import { contract, type CallName } from '../../shared/ipc/contract';
import { passwordProblem } from '../../shared/account/password-policy';
import { newHost, newHostWithStore, type TestHost } from '../helpers/host';
import { sha256File } from '../helpers/files';
import { ADMIN, fast, tempDir } from '../helpers/tmp-store';

const COMMON = [
  '11111111',
  '12345678',
  'password',
  'qwerty123',
  'Aa123456',
  'admin123',
  '88888888',
  'P@ssw0rd',
  'Admin@123',
  '1qaz@WSX',
];
const READER = { username: 'reader', displayName: '查阅员', role: 'reviewer', password: 'Reader#2025x' } as const;

function fakeClock(start = Date.UTC(2025, 2, 14, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Users, audit log and key slots: what a refused call must leave exactly as it was. */
async function snapshot(h: TestHost) {
  const db = h.host.session().db;
  return {
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute(),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
    keyslots: sha256File(keyslotPath(h.dir)),
  };
}

const auditRows = (h: TestHost) => h.host.session().db.selectFrom('audit_log').selectAll().orderBy('id').execute();

/** The reader's account, added by the administrator and activated by its owner (the forced change). */
async function addReader(h: TestHost): Promise<number> {
  const row = await h.ok('users.create', { ...READER, password: 'Temp#2025x' });
  await h.ok('session.login', { username: READER.username, password: 'Temp#2025x' });
  await h.ok('me.changePassword', { currentPassword: 'Temp#2025x', newPassword: READER.password });
  await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  return row.id;
}

describe('password rule (等保 2.0: 8+ characters, three of four classes, not a common password)', () => {
  test('the rule itself', () => {
    expect(passwordProblem('Ab1!')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('abcd1234')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('AA11@@ZZ')).toBeNull(); // upper, digit, symbol
    expect(passwordProblem('档案@2025abc')).toBeNull(); // Chinese counts as a symbol
    for (const p of COMMON) expect(passwordProblem(p), p).not.toBeNull();
    expect(passwordProblem('PASSWORD1!')).toBe('密码是常见密码，容易被猜中，请换一个'); // compared without regard to case
  });

  test(
    '11111111 and the other common passwords are refused at setup, creation, reset, change and recovery; nothing ' +
      'is written',
    async () => {
      const fresh = newHost();
      for (const password of COMMON) {
        const e = await fresh.err('setup.createStore', {
          dir: fresh.dir,
          username: 'admin',
          displayName: '王管理员',
          password,
        });
        expect(e.code).toBe('VALIDATION');
        expect(e.field).toBe('password');
        expect(e.message).toMatch(/^密码(至少 8 位|须包含|是常见密码)/);
      }
      expect(fresh.host.status().phase).toBe('setup');

      const h = await newHostWithStore();
      const readerId = await addReader(h);
      const before = await snapshot(h);
      for (const password of COMMON) {
        expect(
          await h.err('users.create', { username: 'weak', displayName: '弱', role: 'admin', password }),
        ).toMatchObject({ code: 'VALIDATION', field: 'password' });
        expect(await h.err('users.resetPassword', { userId: readerId, newPassword: password })).toMatchObject({
          code: 'VALIDATION',
          field: 'newPassword',
        });
        expect(
          await h.err('me.changePassword', { currentPassword: ADMIN.password, newPassword: password }),
        ).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
      }
      expect(
        await h.err('users.create', { username: 'weak', displayName: '弱', role: 'admin', password: '11111111' }),
      ).toEqual({
        code: 'VALIDATION',
        field: 'password',
        message: '初始密码须包含大写字母、小写字母、数字、符号中的至少三类',
      });
      expect(await snapshot(h)).toEqual(before);
      await h.ok('session.lock', {});
      expect(
        await h.err('session.recover', { recoveryCode: h.recoveryCode, username: 'admin', newPassword: 'Aa123456' }),
      ).toEqual({
        code: 'VALIDATION',
        field: 'newPassword',
        message: '新密码是常见密码，容易被猜中，请换一个',
      });
      // Nobody can log in with 11111111: no account has it.
      for (const username of ['admin', 'reader', 'weak']) {
        expect(await h.err('session.login', { username, password: '11111111' })).toMatchObject({
          code: 'WRONG_PASSWORD',
        });
      }
    },
  );
});

describe('the forced password change is enforced by the dispatcher', () => {
  /** Every call a session could make, with an empty input: the refusal must come before the input is even read. */
  const sessionCalls = (Object.entries(contract) as [CallName, (typeof contract)[CallName]][]).filter(
    ([, spec]) => spec.access !== 'public',
  );

  test('a temporary password: every call but the change (and lock, touch) is refused, whatever the input; nothing changes', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', { username: 'boss', displayName: '第二管理员', role: 'admin', password: 'Temp#2025x' });
    expect(await h.ok('session.login', { username: 'boss', password: 'Temp#2025x' })).toMatchObject({
      mustChangePassword: true,
    });
    const before = await snapshot(h);
    let refused = 0;
    for (const [name] of sessionCalls) {
      if (name === 'me.changePassword' || name === 'session.lock' || name === 'session.touch') continue;
      const e = await h.err(name, {});
      expect(e, name).toEqual({
        code: 'FORBIDDEN',
        message: '请先修改密码：当前密码是管理员设置的临时密码或不符合现行密码规则，修改后才能继续操作',
      });
      refused += 1;
    }
    expect(refused).toBeGreaterThan(50);
    expect(await snapshot(h)).toEqual(before);
    expect(await h.ok('session.touch', {})).toBeNull();

    await h.ok('me.changePassword', { currentPassword: 'Temp#2025x', newPassword: 'Boss#2025x' });
    expect(h.host.status().user?.mustChangePassword).toBe(false);
    expect((await h.ok('users.list', {})).map((u) => u.username)).toEqual(['admin', 'boss']);
  });

  test(
    'an older store whose password breaks the rule still opens, but its owner must change it first (and it stays ' +
      'so after a restart)',
    async () => {
      // A store made before the rule: created below the schema, as an older version of the app would have.
      const dir = join(tempDir(), 'old-store');
      const { store } = await createStore(
        dir,
        { username: 'admin', displayName: '王管理员', password: '11111111' },
        fast,
      );
      await store.close();
      const h = newHost({ dir });
      await h.ok('setup.useExistingStore', { dir });
      expect(await h.ok('session.login', { username: 'admin', password: '11111111' })).toMatchObject({
        mustChangePassword: true,
      });
      expect(await h.err('users.list', {})).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.err('backup.create', {})).toMatchObject({ code: 'FORBIDDEN' });
      const login = (await auditRows(h)).at(-1)!;
      expect(login).toMatchObject({
        action: 'session.login',
        detail: JSON.stringify({ mustChangePassword: '密码不符合现行规则' }),
      });

      // Locking and logging in again does not get round it: the flag is in the store.
      await h.ok('session.lock', {});
      await h.ok('session.login', { username: 'admin', password: '11111111' });
      expect(await h.err('settings.update', { idleLockMinutes: 30 })).toMatchObject({ code: 'FORBIDDEN' });
      // The change itself follows the rule.
      expect(await h.err('me.changePassword', { currentPassword: '11111111', newPassword: '22222222' })).toMatchObject({
        code: 'VALIDATION',
        field: 'newPassword',
      });
      await h.ok('me.changePassword', { currentPassword: '11111111', newPassword: 'Strong#2025x' });
      expect((await h.ok('users.list', {})).length).toBe(1);
    },
  );
});

describe('failed logins: throttled per account, persisted, audited', () => {
  test('the throttle survives a restart of the host', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await h.ok('session.lock', {});
    for (let i = 0; i < 5; i++) await h.err('session.login', { username: 'admin', password: `wrong-${i}` });
    expect(await h.err('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'THROTTLED',
    });
    await h.host.dispose();

    // The app is closed and started again on the same data folder and store.
    const configDir = (h.host as unknown as { opts: { configDir: string } }).opts.configDir;
    const again = newHost({ dir: h.dir, configDir, now: clock.now });
    expect(await again.err('session.login', { username: ADMIN.username, password: ADMIN.password })).toEqual({
      code: 'THROTTLED',
      retryAfterSeconds: 5,
      message: '密码连续输错 5 次，请在 5 秒后再试',
    });
    clock.advance(5_000);
    await again.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    // The file names nobody: accounts are key-slot hashes, as in keyslots.json.
    const text = readFileSync(join(h.dir, LOGIN_FAILURES_FILE), 'utf8');
    expect(text).not.toContain('admin');
  });

  test('the throttle is per account: guessing one account does not lock out another, nor free it', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await addReader(h);
    await h.ok('session.lock', {});
    for (let i = 0; i < 6; i++) await h.err('session.login', { username: 'reader', password: `guess-${i}` });
    expect(await h.err('session.login', { username: 'reader', password: READER.password })).toMatchObject({
      code: 'THROTTLED',
    });
    // The administrator is not held up by the reader's guesser …
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await h.ok('session.lock', {});
    // … and the administrator's success does not reset the reader's count.
    expect(await h.err('session.login', { username: 'reader', password: READER.password })).toMatchObject({
      code: 'THROTTLED',
    });
  });

  test('me.changePassword is throttled like login, on the same account', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    for (let i = 0; i < 5; i++) {
      expect(
        await h.err('me.changePassword', { currentPassword: `guess-${i}`, newPassword: 'Other#2025x' }),
      ).toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    expect(
      await h.err('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Other#2025x' }),
    ).toMatchObject({ code: 'THROTTLED' });
    await h.ok('session.lock', {});
    expect(await h.err('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'THROTTLED',
    });
    clock.advance(5_000);
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await h.ok('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Other#2025x' });
  });

  test('every failed login is in the audit log at the next unlock, naming account, way and answer, never the password', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    const readerId = await addReader(h);
    await h.ok('users.create', { username: 'gone', displayName: '已调离', role: 'reviewer', password: 'Gone#2025x' });
    await h.ok('users.disable', { userId: (await h.ok('users.list', {})).find((u) => u.username === 'gone')!.id });
    await h.ok('session.lock', {});
    const typed = ['Secret#Guess1', 'Secret#Guess2', 'Gone#2025x', 'Secret#Guess3'];
    await h.err('session.login', { username: 'reader', password: typed[0] });
    clock.advance(60_000);
    await h.err('session.login', { username: 'nobody', password: typed[1] });
    await h.err('session.login', { username: 'gone', password: typed[2] });
    await h.err('session.recover', {
      recoveryCode: 'AAAA-BBBB-CCCC-DDDD',
      username: 'admin',
      newPassword: 'Recover#2025x',
    });
    await h.ok('session.login', { username: 'reader', password: READER.password });
    await h.err('me.changePassword', { currentPassword: typed[3], newPassword: 'Other#2025x' });

    const rows = (await auditRows(h)).filter((r) => r.action === 'session.loginFailed');
    expect(rows.map((r) => [r.target, JSON.parse(r.detail)])).toEqual([
      ['reader', { via: '登录', result: '密码错误', at: '2025-03-14T09:00:00.000Z' }],
      ['（不存在的用户名）', { via: '登录', result: '用户名不存在', at: '2025-03-14T09:01:00.000Z' }],
      ['gone', { via: '登录', result: '账户已停用', at: '2025-03-14T09:01:00.000Z' }],
      ['恢复码', { via: '恢复码找回', result: '恢复码错误', at: '2025-03-14T09:01:00.000Z' }],
      ['reader', { via: '修改本人密码', result: '当前密码错误', at: '2025-03-14T09:01:00.000Z' }],
    ]);
    expect(rows[0]!.user_id).toBe(readerId); // recorded by the session that unlocked
    const everything = JSON.stringify(await auditRows(h)) + readFileSync(join(h.dir, LOGIN_FAILURES_FILE), 'utf8');
    for (const p of typed) expect(everything).not.toContain(p);
    expect(everything).not.toContain('nobody'); // a mistyped name may be someone's password
    // Audited once: a second unlock adds none.
    await h.ok('session.lock', {});
    await h.ok('session.login', { username: 'reader', password: READER.password });
    expect((await auditRows(h)).filter((r) => r.action === 'session.loginFailed')).toHaveLength(5);
  });

  test('a login-failures file edited to lower the counts is detected: audited, and every account starts four tries down', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await h.ok('session.lock', {});
    for (let i = 0; i < 5; i++) await h.err('session.login', { username: 'admin', password: `wrong-${i}` });
    const path = join(h.dir, LOGIN_FAILURES_FILE);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      body: { accounts: Record<string, { failures: number; notBefore: number }> };
    };
    for (const a of Object.values(file.body.accounts)) Object.assign(a, { failures: 0, notBefore: 0 });
    writeFileSync(path, JSON.stringify(file));
    // One wrong try, and the delays begin.
    expect(await h.err('session.login', { username: 'admin', password: 'wrong-again' })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await h.err('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'THROTTLED',
    });
    clock.advance(5_000);
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    const actions = (await auditRows(h)).map((r) => r.action);
    expect(actions).toContain('session.loginRecordUnverified');
  });
});

describe('a disabled account answers exactly as a wrong password', () => {
  test('same error for a disabled account with its right password, a wrong password, and an unknown name', async () => {
    const h = await newHostWithStore();
    const id = await addReader(h);
    await h.ok('users.disable', { userId: id });
    await h.ok('session.lock', {});
    const disabled = await h.err('session.login', { username: 'reader', password: READER.password });
    const wrong = await h.err('session.login', { username: 'admin', password: 'Wrong#2025x' });
    const unknown = await h.err('session.login', { username: 'nobody', password: READER.password });
    expect(disabled).toEqual(wrong);
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({ code: 'WRONG_PASSWORD', field: 'password', message: '用户名或密码错误，请重新输入' });
  });

  test('the key derivation runs for a disabled slot too, with the slot’s own cost (so its answer takes as long)', async () => {
    const h = await newHostWithStore();
    const id = await addReader(h);
    await h.ok('users.disable', { userId: id });
    const file = readKeySlots(h.dir);
    const slotId = passwordSlotId(file.storeId, 'reader');
    // Give the disabled slot KDF parameters scrypt refuses: if the derivation runs, the try fails loudly.
    const broken = {
      ...file,
      slots: file.slots.map((s) => (s.id === slotId ? { ...s, kdf: { ...s.kdf, N: 1025 } } : s)),
    };
    writeKeySlots(h.dir, broken);
    await expect(unlockSlot(readKeySlots(h.dir), slotId, READER.password)).rejects.toThrow();
    // With sound parameters the answer is the plain refusal.
    writeKeySlots(h.dir, file);
    await expect(unlockSlot(readKeySlots(h.dir), slotId, READER.password)).resolves.toEqual({
      ok: false,
      reason: 'disabled',
    });
  });
});
