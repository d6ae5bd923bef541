// Account administration (add, edit, reset password, disable) and changing one's own password.
import { fail } from '../../shared/ipc/errors';
import { ROLE_LABELS } from '../../shared/roles';
import type { Handlers } from '../app/context';
import { keyDetail, keyForAccount, rewrapForPassword } from '../audit/session-signing';
import { passwordSlotId } from '../store/keyslots';
import { assertRekeyable } from '../store/rekey';
import { rekeyWithProgress } from './rekey-service';
import { findUserByName, toSessionUser } from '../store/accounts';
import { activeAdminCount, getUser, toUserRow } from './rows';

type UserCalls =
  'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.disable' | 'me.changePassword';

const now = () => new Date().toISOString();

export const userHandlers: Handlers<UserCalls> = {
  async 'users.list'({ db }) {
    const rows = await db.selectFrom('users').selectAll().orderBy('disabled').orderBy('id').execute();
    return rows.map(toUserRow);
  },

  async 'users.create'({ store, db, rec }, input) {
    if (await findUserByName(db, input.username))
      fail('VALIDATION', `用户名“${input.username}”已存在，请换一个`, 'username');
    const slot = await store.newPasswordSlot(input.username, input.password);
    // The account's signing key, registered by this (administrator-signed) entry.
    const signing = await keyForAccount(store, input.username, input.password);
    signing.wipe();
    const t = now();
    const row = await db
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        disabled: 0,
        // A password chosen by an administrator is temporary: the user sets their own at first login.
        must_change_password: 1,
        created_at: t,
        updated_at: t,
        signing_key: signing.publicKey,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    rec.record(input.username, {
      displayName: input.displayName,
      role: ROLE_LABELS[input.role],
      ...keyDetail(row.id, signing.publicKey),
    });
    rec.afterCommit(() => {
      store.putSlot(slot);
      signing.write();
    });
    return toUserRow(row);
  },

  async 'users.update'({ store, db, rec }, input) {
    const user = await getUser(db, input.userId);
    if (user.role === 'admin' && input.role !== 'admin' && user.disabled === 0 && (await activeAdminCount(db)) <= 1) {
      fail('VALIDATION', '不能更改唯一一名系统管理员的角色，请先添加另一名系统管理员', 'role');
    }
    const row = await db
      .updateTable('users')
      .set({ display_name: input.displayName, role: input.role, updated_at: now() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    rec.record(user.username, {
      displayName: [user.display_name, input.displayName],
      role: [ROLE_LABELS[user.role], ROLE_LABELS[input.role]],
    });
    if (row.id === store.user.id) store.user = toSessionUser(row);
    return toUserRow(row);
  },

  async 'users.resetPassword'({ store, db, rec, jobs }, input) {
    const user = await getUser(db, input.userId);
    // A reset follows a forgotten or leaked password: the store is re-keyed, and the account gets a new key pair,
    // so the old password (with any saved copy of keyslots.json) opens nothing any more.
    await assertRekeyable(store, db, [passwordSlotId(store.storeId, user.username)]);
    const slot = await store.newPasswordSlot(user.username, input.newPassword);
    const self = user.id === store.user.id;
    const row = await db
      .updateTable('users')
      // Resetting also re-enables a disabled account: its key slot is made anew here.
      .set({ disabled: 0, must_change_password: self ? 0 : 1, updated_at: now() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    rec.record(user.username, user.disabled === 1 ? { reenabled: true, rekeyed: true } : { rekeyed: true });
    // Another user's signing key stays wrapped with the old password: they get a new one at their next login.
    const rewrap = self ? await rewrapForPassword(store, db, input.newPassword) : null;
    rec.afterCommit(async () => {
      store.putSlot(slot);
      rewrap?.();
      await rekeyWithProgress(store, jobs, input.progressId);
    });
    return toUserRow(row);
  },

  async 'users.disable'({ store, db, rec, jobs }, input) {
    const user = await getUser(db, input.userId);
    if (user.id === store.user.id) fail('VALIDATION', '不能停用当前登录的账户', 'userId');
    if (user.disabled === 1) fail('VALIDATION', `账户“${user.username}”已经是停用状态`, 'userId');
    if (user.role === 'admin' && (await activeAdminCount(db)) <= 1) {
      fail('VALIDATION', '不能停用唯一一名系统管理员', 'userId');
    }
    await assertRekeyable(store, db, [passwordSlotId(store.storeId, user.username)]);
    const row = await db
      .updateTable('users')
      .set({ disabled: 1, updated_at: now() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    rec.record(user.username, { rekeyed: true });
    // The slot is emptied, then the store re-keyed: the account's old password and every copy of its slot open
    // only the old key, which the live store no longer uses.
    rec.afterCommit(async () => {
      store.disableSlot(user.username);
      await rekeyWithProgress(store, jobs, input.progressId);
    });
    return toUserRow(row);
  },

  async 'me.changePassword'({ store, db, rec, logins }, input) {
    // Throttled like login, on the same account: the current password is the one a guesser is after.
    const account = logins.account(store.dir, store.user.username);
    logins.check(account);
    if (!(await store.checkPassword(store.user.username, input.currentPassword))) {
      logins.failed(account, 'changePassword');
      fail('WRONG_PASSWORD', '当前密码不正确', 'currentPassword');
    }
    logins.succeeded(account);
    if (input.currentPassword === input.newPassword) fail('VALIDATION', '新密码不能与当前密码相同', 'newPassword');
    const slot = await store.newPasswordSlot(store.user.username, input.newPassword);
    await db
      .updateTable('users')
      .set({ must_change_password: 0, updated_at: now() })
      .where('id', '=', store.user.id)
      .execute();
    rec.record(store.user.username);
    const rewrap = await rewrapForPassword(store, db, input.newPassword);
    rec.afterCommit(() => {
      store.putSlot(slot);
      rewrap?.();
      store.user = { ...store.user, mustChangePassword: false };
    });
    return null;
  },
};
