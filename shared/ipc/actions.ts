// Chinese labels of the audit log's actions (the names of the mutating calls and a few host events).
import type { CallName } from './contract';

export const ACTION_LABELS: Readonly<Partial<Record<CallName | 'session.autoLock', string>>> = {
  'setup.createStore': '创建档案库',
  'session.login': '登录',
  'session.recover': '恢复码找回',
  'session.lock': '锁定',
  'session.autoLock': '自动锁定',
  'me.changePassword': '修改本人密码',
  'users.create': '新增用户',
  'users.update': '修改用户',
  'users.resetPassword': '重置密码',
  'users.disable': '停用用户',
  'settings.update': '修改系统设置',
};

export const actionLabel = (action: string): string =>
  (ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
