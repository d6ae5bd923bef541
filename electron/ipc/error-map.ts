// Maps anything a call can throw to the typed, Chinese error the window shows.
import { z } from 'zod';
import { ApiError, type ApiErrorData } from '../../shared/ipc/errors';

const INTERNAL: ApiErrorData = {
  code: 'INTERNAL',
  message: '操作未完成：程序内部错误，数据未被修改。请重试，如仍出错请联系技术支持。',
};

export function toErrorData(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.toData();
  if (e instanceof z.ZodError) {
    const issue = e.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    if (issue?.code === 'unrecognized_keys') {
      return { code: 'VALIDATION', message: `不支持的字段：${issue.keys.join('、')}`, ...(field ? { field } : {}) };
    }
    return { code: 'VALIDATION', message: issue?.message ?? '输入不正确', ...(field ? { field } : {}) };
  }
  const sqlCode = (e as { code?: unknown }).code;
  if (typeof sqlCode === 'string' && sqlCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: '保存失败：与已有数据冲突（可能已被他人修改），请刷新后重试。数据未被修改。' };
  }
  if (sqlCode === 'SQLITE_BUSY' || sqlCode === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: '档案库正忙，请稍后重试。数据未被修改。' };
  }
  return INTERNAL;
}
