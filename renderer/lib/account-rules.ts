// Form rules for user names, new passwords and their confirmation, shared by setup, recovery and account dialogs.
import type { FormRule } from 'antd';
import { passwordProblem } from '../../shared/account/password-policy';

export const newPasswordRules = (label: string): FormRule[] => [
  { required: true, message: `请填写${label}` },
  // The same rule the store applies, so the form names the broken rule before the call is made.
  {
    validator: (_, v: unknown) =>
      typeof v !== 'string' || v === '' ? Promise.resolve() : passwordProblemPromise(v, label),
  },
];

export const confirmPasswordRules = (passwordField: string): FormRule[] => [
  { required: true, message: '请再次输入密码' },
  ({ getFieldValue }) => ({
    validator: (_, v) =>
      v === getFieldValue(passwordField) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  }),
];

export const usernameRules: FormRule[] = [
  { required: true, whitespace: true, message: '请填写用户名' },
  { pattern: /^[\p{L}\p{N}._-]{2,32}$/u, message: '用户名为 2–32 个文字、数字或 . _ -，不能有空格' },
];

const passwordProblemPromise = (v: string, label: string): Promise<void> => {
  const problem = passwordProblem(v, label);
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
};
