// Zod field builders whose every failure message is Chinese and names the field.
import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../roles';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../account/password-policy';

export const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional();

export { MIN_PASSWORD_LENGTH };
/** A new password (setup, new account, reset, change, recovery): the 等保 rule of shared/account/password-policy.ts. */
export const password = (label = '密码') =>
  z.string({ error: `请填写${label}` }).superRefine((value, ctx) => {
    const problem = passwordProblem(value, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// Usernames are case-insensitive logins: letters, digits, Chinese, and . _ - ; no spaces.
export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少 2 个字')
  .max(32, '用户名不能超过 32 个字')
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含文字、数字和 . _ -，不能有空格')
  .transform((s) => s.toLowerCase());

export const role = z.enum(ROLES, {
  error: `角色必须是${Object.values(ROLE_LABELS).join('、')}之一`,
});

export const id = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .positive(`${label}无效`);

export const isoDate = (label: string) =>
  z.string({ error: `${label}必须是日期` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2025-03-14`);

export const none = z.strictObject({}, { error: '参数必须为空对象' });

/** A file picked in a host dialog, named by the opaque token the host handed out. */
export const fileToken = z.string({ error: '文件标识无效' }).uuid('文件标识无效');

/** A preview or import job of this session. */
export const jobId = z.string({ error: '任务标识无效' }).uuid('任务标识无效');
