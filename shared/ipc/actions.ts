// Chinese labels of the audit log's actions (the names of the mutating calls and a few host events).
import type { CallName } from './contract';

export const ACTION_LABELS: Readonly<Partial<Record<CallName | 'session.autoLock' | 'backup.auto', string>>> = {
  'setup.createStore': '创建档案库',
  'session.login': '登录',
  'session.recover': '恢复码找回',
  'session.lock': '锁定',
  'session.autoLock': '自动锁定',
  'backup.auto': '自动备份',
  'me.changePassword': '修改本人密码',
  'users.create': '新增用户',
  'users.update': '修改用户',
  'users.resetPassword': '重置密码',
  'users.disable': '停用用户',
  'settings.update': '修改系统设置',
  'units.save': '保存单位',
  'units.delete': '删除单位',
  'categories.save': '保存单位类别',
  'cadres.create': '新增干部',
  'cadres.update': '修改干部信息',
  'cadres.setPhoto': '更换干部照片',
  'cadres.removePhoto': '删除干部照片',
  'cadres.exportLrmx': '导出任免审批表',
  'roster.saveTemplate': '下载导入模板',
  'roster.exportExcel': '导出干部名册',
  'roster.commitExcel': '导入干部名册',
  'roster.commitLrmx': '导入任免审批表',
  'backup.create': '备份档案库',
  'backup.restore': '从备份恢复',
  'entries.create': '新增档案材料',
  'entries.update': '修改档案材料',
  'entries.delete': '删除档案材料',
  'entries.verify': '核实档案材料',
  'entries.createBulk': '批量录入档案材料',
  'attachments.add': '上传材料附件',
  'attachments.remove': '删除材料附件',
  'classes.save': '保存培训班',
  'classes.saveRecords': '保存培训记录',
  'training.checkYear': '年度学时核查',
};

export const actionLabel = (action: string): string =>
  (ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
