// Locking: the idle timer (on an injected clock), the manual lock, the key wiped from memory, and the login throttle.
import { describe, expect, test } from 'vitest';
import type { Store } from '../../db';
import { newHostWithStore } from '../helpers/host';
import { ADMIN } from '../helpers/tmp-store';
import { DEFAULT_POST_ORDER } from '../../shared/roster/post-order';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function fakeClock(start = Date.UTC(2025, 2, 14, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The Store's key buffers, read through a cast: they are private so nothing else can reach them. */
const keysOf = (store: Store) => {
  const k = store as unknown as { storeKeys: { dbKey: Buffer; rootKey: Buffer } | null; auditKey: Buffer | null };
  return { dbKey: k.storeKeys?.dbKey ?? null, auditKey: k.auditKey };
};

const login = { username: ADMIN.username, password: ADMIN.password };

describe('idle lock', () => {
  test('after the idle time without activity the app locks: store closed, keys zero-filled, session gone, event recorded', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    const locks: string[] = [];
    h.host.onLock((reason) => locks.push(reason));
    const store = h.host.session();
    const { dbKey, auditKey } = keysOf(store);
    expect(dbKey).toBeInstanceOf(Buffer);
    expect(dbKey!.length).toBe(32);
    expect(dbKey!.some((b) => b !== 0)).toBe(true);
    expect(auditKey!.some((b) => b !== 0)).toBe(true);

    clock.advance(15 * MINUTE - 1);
    expect(await h.host.checkIdle()).toBe(false);
    expect(store.isOpen).toBe(true);

    clock.advance(1);
    expect(await h.host.checkIdle()).toBe(true);
    expect(locks).toEqual(['idle']);
    expect(store.isOpen).toBe(false);
    expect(store.raw.open).toBe(false);
    // The very buffers the store held are overwritten, and the store no longer points at them.
    expect(dbKey!.every((b) => b === 0)).toBe(true);
    expect(auditKey!.every((b) => b === 0)).toBe(true);
    expect(keysOf(store)).toEqual({ dbKey: null, auditKey: null });
    expect(() => store.auditChainKey).toThrow('store is closed');
    await expect(store.audit({ action: 'x', target: 'y' })).rejects.toThrow('store is closed');
    await expect(store.db.selectFrom('users').selectAll().execute()).rejects.toThrow();

    expect(() => h.host.session()).toThrow(
      expect.objectContaining({ code: 'NOT_LOGGED_IN', message: '系统已锁定，请重新输入密码' }),
    );
    expect(await h.ok('app.status', {})).toMatchObject({ phase: 'login', user: null, lockedReason: 'idle' });
    expect(await h.err('users.list', {})).toMatchObject({ code: 'NOT_LOGGED_IN' });
    expect(await h.host.checkIdle()).toBe(false); // nothing left to lock

    await h.ok('session.login', login);
    const { rows } = await h.ok('audit.list', { page: 1, pageSize: 5 });
    expect(rows.map((r) => r.action).slice(0, 2)).toEqual(['session.login', 'session.autoLock']);
    expect(rows[1]).toMatchObject({ username: 'admin', target: 'admin' });
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
  });

  test('activity postpones the lock: touch() and any active call restart the idle time', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    clock.advance(10 * MINUTE);
    h.host.touch();
    clock.advance(10 * MINUTE);
    expect(await h.host.checkIdle()).toBe(false);
    await h.ok('session.touch', {}); // the renderer reports activity this way
    clock.advance(14 * MINUTE);
    expect(await h.host.checkIdle()).toBe(false);
    await h.ok('users.list', {}); // an ordinary call counts as activity too
    clock.advance(14 * MINUTE);
    expect(await h.host.checkIdle()).toBe(false);
    // app.status is background polling: it does not keep the session alive.
    await h.ok('app.status', {});
    clock.advance(1 * MINUTE);
    expect(await h.host.checkIdle()).toBe(true);
  });

  test('the idle time comes from settings.update: set 1 minute, locks after 1 minute', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    expect(h.host.status().idleLockMinutes).toBe(15);
    expect(await h.ok('settings.update', { idleLockMinutes: 1 })).toEqual({
      idleLockMinutes: 1,
      autoBackupKeep: 7,
      trainingRequiredHours: 110,
      issuingOrgan: '',
      postOrder: DEFAULT_POST_ORDER,
    });
    expect(h.host.status().idleLockMinutes).toBe(1);
    clock.advance(59_999);
    expect(await h.host.checkIdle()).toBe(false);
    clock.advance(1);
    expect(await h.host.checkIdle()).toBe(true);

    // The setting lives in the store: after logging in again it still applies.
    await h.ok('session.login', login);
    expect(await h.ok('settings.get', {})).toEqual({
      idleLockMinutes: 1,
      autoBackupKeep: 7,
      trainingRequiredHours: 110,
      issuingOrgan: '',
      postOrder: DEFAULT_POST_ORDER,
    });
    clock.advance(MINUTE);
    expect(await h.host.checkIdle()).toBe(true);
  });
});

describe('manual lock', () => {
  test('session.lock closes the store, wipes the keys and records the lock', async () => {
    const h = await newHostWithStore();
    const locks: string[] = [];
    h.host.onLock((reason) => locks.push(reason));
    const store = h.host.session();
    const { dbKey } = keysOf(store);
    // The user's audit-signing key, unwrapped at login, is wiped with the store key.
    const signer = store.signingKey!;
    expect(signer.privateDer.some((b) => b !== 0)).toBe(true);
    expect(await h.ok('session.lock', {})).toBeNull();
    expect(locks).toEqual(['manual']);
    expect(store.isOpen).toBe(false);
    expect(dbKey!.every((b) => b === 0)).toBe(true);
    expect(signer.privateDer.every((b) => b === 0) && signer.anchorKey.every((b) => b === 0)).toBe(true);
    expect(store.signingKey).toBeNull();
    expect(await h.ok('app.status', {})).toMatchObject({ phase: 'login', lockedReason: 'manual', user: null });
    expect(await h.err('session.lock', {})).toMatchObject({ code: 'NOT_LOGGED_IN' });

    await h.ok('session.login', login);
    const { rows } = await h.ok('audit.list', { page: 1, pageSize: 2 });
    expect(rows.map((r) => r.action)).toEqual(['session.login', 'session.lock']);
  });

  test('a new login gets a new store object with its own keys; the old one stays wiped', async () => {
    const h = await newHostWithStore();
    const first = h.host.session();
    const firstKey = keysOf(first).dbKey!;
    const copy = Buffer.from(firstKey);
    await h.ok('session.lock', {});
    await h.ok('session.login', login);
    const second = h.host.session();
    expect(second).not.toBe(first);
    expect(keysOf(second).dbKey).not.toBe(firstKey);
    expect(keysOf(second).dbKey!.equals(copy)).toBe(true); // the same database key, unwrapped afresh
    expect(firstKey.every((b) => b === 0)).toBe(true);
  });
});

describe('login throttle', () => {
  test('five wrong passwords, then even the right one must wait; after the delay it works and the count resets', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await h.ok('session.lock', {});
    for (let i = 0; i < 5; i++) {
      expect(await h.err('session.login', { username: 'admin', password: `wrong-${i}` })).toMatchObject({
        code: 'WRONG_PASSWORD',
      });
    }
    const throttled = await h.err('session.login', login);
    expect(throttled).toEqual({
      code: 'THROTTLED',
      retryAfterSeconds: 5,
      message: '密码连续输错 5 次，请在 5 秒后再试',
    });
    clock.advance(3_000);
    expect(await h.err('session.login', login)).toMatchObject({
      code: 'THROTTLED',
      retryAfterSeconds: 2,
      message: '密码连续输错 5 次，请在 2 秒后再试',
    });
    // The count is the account's: the recovery code is an account of its own and still free to try.
    expect(
      await h.err('session.recover', {
        recoveryCode: 'WRONG-CODE-0000',
        username: 'admin',
        newPassword: 'Recover@2025',
      }),
    ).toMatchObject({
      code: 'WRONG_PASSWORD',
    });

    clock.advance(2_000);
    expect(await h.ok('session.login', login)).toMatchObject({ username: 'admin' });
    await h.ok('session.lock', {});
    // The count started again: four more mistakes are free.
    for (let i = 0; i < 4; i++) {
      expect(await h.err('session.login', { username: 'admin', password: `again-${i}` })).toMatchObject({
        code: 'WRONG_PASSWORD',
      });
    }
    expect(await h.ok('session.login', login)).toMatchObject({ username: 'admin' });
  });

  test('each further mistake doubles the wait', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await h.ok('session.lock', {});
    for (let i = 0; i < 5; i++) await h.err('session.login', { username: 'admin', password: 'wrong-password' });
    clock.advance(5_000);
    expect(await h.err('session.login', { username: 'admin', password: 'wrong-password' })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await h.err('session.login', login)).toMatchObject({
      code: 'THROTTLED',
      retryAfterSeconds: 10,
      message: '密码连续输错 6 次，请在 10 秒后再试',
    });
    clock.advance(10_000);
    expect(await h.ok('session.login', login)).toMatchObject({ username: 'admin' });
  });

  test('wrong passwords for an unknown user name are throttled like a real account’s, and only that name', async () => {
    const clock = fakeClock();
    const h = await newHostWithStore({ now: clock.now });
    await h.ok('session.lock', {});
    for (let i = 0; i < 5; i++) await h.err('session.login', { username: 'guess', password: 'wrong-password' });
    expect(await h.err('session.login', { username: 'guess', password: 'wrong-password' })).toMatchObject({
      code: 'THROTTLED',
    });
    expect(await h.ok('session.login', login)).toMatchObject({ username: 'admin' });
  });
});
