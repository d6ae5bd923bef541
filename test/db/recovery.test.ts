// The recovery code: it opens the store and gives an administrator a new password, and nothing else does.
import { describe, expect, test } from 'vitest';
import { openStore, recoverStore } from '../../db';
import { verifyAudit } from '../../db/audit/verify';
import { normalizeRecoveryCode } from '../../db/store/recovery-code';
import { newHostWithStore } from '../helpers/host';
import { snapshotDir } from '../helpers/files';
import { ADMIN, fast, newStore, track } from '../helpers/tmp-store';

const NEW_PASSWORD = 'Recovered@2025';

describe('recovery code', () => {
  test('opens the store and sets a new administrator password: the old one no longer works, the new one does', async () => {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    const recovered = track(
      await recoverStore(dir, { recoveryCode, username: 'admin', newPassword: NEW_PASSWORD }, fast),
    );
    expect(recovered.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
    const entry = await recovered.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'session.recover', username: 'admin' });
    expect(JSON.parse(entry.detail)).toMatchObject({ via: '恢复码', signingKeyChange: '签名密钥已更换' });
    expect(await verifyAudit(recovered.db, recovered.auditChainKey)).toMatchObject({ intact: true });
    await recovered.close();

    await expect(openStore(dir, ADMIN, fast)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const s = track(await openStore(dir, { username: 'admin', password: NEW_PASSWORD }, fast));
    expect(s.user.role).toBe('admin');
  });

  test('the same code works again later (it is not used up)', async () => {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    await (await recoverStore(dir, { recoveryCode, username: 'admin', newPassword: NEW_PASSWORD }, fast)).close();
    const again = track(await recoverStore(dir, { recoveryCode, username: 'admin', newPassword: 'Second@2025' }, fast));
    expect(again.user.username).toBe('admin');
  });

  test('the code is accepted as a person types it: lower case, spaces instead of dashes, O for 0, I/L for 1', async () => {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    const compact = recoveryCode.replace(/-/g, '');
    const variants = [
      recoveryCode.toLowerCase(),
      recoveryCode.replace(/-/g, ' '),
      ` ${compact.match(/.{1,2}/g)!.join(' ')} `,
      compact,
      recoveryCode.replace(/0/g, 'O').replace(/1/g, 'I'),
      recoveryCode.replace(/0/g, 'o').replace(/1/g, 'l'),
    ];
    for (const v of variants) expect(normalizeRecoveryCode(v)).toBe(recoveryCode);
    for (const v of [recoveryCode.toLowerCase(), recoveryCode.replace(/-/g, ' '), ` ${compact.toLowerCase()} `]) {
      const s = await recoverStore(dir, { recoveryCode: v, username: 'ADMIN', newPassword: NEW_PASSWORD }, fast);
      expect(s.user.username).toBe('admin');
      await s.close();
    }
  });

  test('O is read as 0 on the store too', async () => {
    // Draw stores until the code has a 0, so the substitution is tested end to end (each draw is cheap).
    for (let i = 0; i < 50; i++) {
      const { dir, store, recoveryCode } = await newStore();
      await store.close();
      if (!recoveryCode.includes('0')) continue;
      const s = track(
        await recoverStore(
          dir,
          { recoveryCode: recoveryCode.replace(/0/g, 'O'), username: 'admin', newPassword: NEW_PASSWORD },
          fast,
        ),
      );
      expect(s.user.username).toBe('admin');
      return;
    }
    expect.fail('no recovery code with a 0 in 50 draws');
  });

  test('a wrong code is refused in Chinese on the recoveryCode field, and nothing changes', async () => {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    const before = snapshotDir(dir);
    const wrong = (recoveryCode[0] === 'A' ? 'B' : 'A') + recoveryCode.slice(1);
    const err = await recoverStore(
      dir,
      { recoveryCode: wrong, username: 'admin', newPassword: NEW_PASSWORD },
      fast,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'WRONG_PASSWORD',
      field: 'recoveryCode',
      message: '恢复码不正确，请核对打印的恢复码后重新输入',
    });
    // The administrator's password is not the recovery code either.
    await expect(
      recoverStore(dir, { recoveryCode: ADMIN.password, username: 'admin', newPassword: NEW_PASSWORD }, fast),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      field: 'recoveryCode',
    });
    expect(snapshotDir(dir)).toEqual(before);
    track(await openStore(dir, ADMIN, fast));
  });

  test('a user name that is not an administrator is refused on the username field, and the password is kept', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', {
      username: 'reader',
      displayName: '查阅员',
      role: 'reviewer',
      password: 'Reader@2025',
    });
    await h.host.dispose();
    for (const username of ['reader', 'nobody']) {
      const err = await recoverStore(
        h.dir,
        { recoveryCode: h.recoveryCode, username, newPassword: NEW_PASSWORD },
        fast,
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'username' });
      expect((err as Error).message).toContain('不是系统管理员');
    }
    track(await openStore(h.dir, { username: 'reader', password: 'Reader@2025' }, fast));
    await expect(openStore(h.dir, { username: 'reader', password: NEW_PASSWORD }, fast)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });

  test('recovery re-enables a disabled administrator', async () => {
    const h = await newHostWithStore();
    const second = await h.ok('users.create', {
      username: 'admin2',
      displayName: '第二管理员',
      role: 'admin',
      password: 'Admin2@2025',
    });
    await h.ok('users.disable', { userId: second.id });
    await h.host.dispose();
    await expect(openStore(h.dir, { username: 'admin2', password: 'Admin2@2025' }, fast)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });

    const s = await recoverStore(
      h.dir,
      { recoveryCode: h.recoveryCode, username: 'admin2', newPassword: NEW_PASSWORD },
      fast,
    );
    expect(s.user).toMatchObject({ username: 'admin2', role: 'admin' });
    await s.close();
    const again = track(await openStore(h.dir, { username: 'admin2', password: NEW_PASSWORD }, fast));
    const row = await again.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'admin2')
      .executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
  });

  test('through the app: session.recover logs the administrator in with the new password', async () => {
    const h = await newHostWithStore();
    await h.ok('session.lock', {});
    const user = await h.ok('session.recover', {
      recoveryCode: h.recoveryCode.toLowerCase(),
      username: 'admin',
      newPassword: NEW_PASSWORD,
    });
    expect(user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(h.host.status().phase).toBe('ready');
    await h.ok('session.lock', {});
    expect(await h.err('session.login', { username: 'admin', password: ADMIN.password })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    await h.ok('session.login', { username: 'admin', password: NEW_PASSWORD });
    const short = await h.err('session.recover', {
      recoveryCode: h.recoveryCode,
      username: 'admin',
      newPassword: 'short',
    });
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'newPassword', message: '新密码至少 8 位' });
  });
});
