// Puts the failed logins waiting in login-failures.json into the audit log: who was tried, how, when, what answer.
import type { Store } from '../store/store';
import { passwordSlotId, RECOVERY_SLOT_ID } from '../store/keyslots';
import type { FailedVia, LoginFailures } from './login-failures';

export const LOGIN_FAILED_ACTION = 'session.loginFailed';
export const LOGIN_RECORD_UNVERIFIED_ACTION = 'session.loginRecordUnverified';

const VIA_LABELS: Readonly<Record<FailedVia, string>> = {
  login: '登录',
  recover: '恢复码找回',
  changePassword: '修改本人密码',
  kioskExit: '退出评议终端',
};
export const UNKNOWN_USERNAME = '（不存在的用户名）';

/**
 * One audit entry per failed try (never the password typed): the account tried, by user name where one exists; a
 * disabled account is named as such here, for the administrator, although the window answered it as a wrong password.
 * The entries are written by the session that is open, so they carry its user; `detail.at` is the time of the try.
 */
export async function recordFailedLogins(store: Store, logins: LoginFailures): Promise<void> {
  const pending = logins.pending(store.dir);
  if (pending.attempts.length === 0 && pending.dropped === 0 && !pending.unverified) return;
  const users = await store.db.selectFrom('users').select(['username', 'disabled']).execute();
  const byAccount = new Map(users.map((u) => [passwordSlotId(store.storeId, u.username), u]));
  if (pending.unverified) {
    await store.audit({
      action: LOGIN_RECORD_UNVERIFIED_ACTION,
      target: 'login-failures.json',
      detail: {
        note: '登录失败记录无法验证（被改动、被替换，或档案库来自另一台计算机）；此前的失败次数以每个账户 4 次计',
      },
    });
  }
  for (const a of pending.attempts) {
    const user = a.account === RECOVERY_SLOT_ID ? null : byAccount.get(a.account);
    const target = a.account === RECOVERY_SLOT_ID ? '恢复码' : (user?.username ?? UNKNOWN_USERNAME);
    const result =
      a.via === 'recover'
        ? '恢复码错误'
        : !user
          ? '用户名不存在'
          : user.disabled === 1
            ? '账户已停用'
            : a.via === 'login'
              ? '密码错误'
              : '当前密码错误';
    await store.audit({ action: LOGIN_FAILED_ACTION, target, detail: { via: VIA_LABELS[a.via], result, at: a.at } });
  }
  if (pending.dropped > 0) {
    await store.audit({
      action: LOGIN_FAILED_ACTION,
      target: '（更多）',
      detail: { note: `另有 ${pending.dropped} 次失败的登录未逐条记录` },
    });
  }
  logins.audited(store.dir, pending);
}
