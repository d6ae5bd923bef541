// The password rule of 等保 2.0 (GB/T 22239-2019, 身份鉴别): length, three of four character classes, not a common one.
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const REQUIRED_CLASSES = 3;

/** The rule in one sentence, for forms and the forced-change dialog. */
export const PASSWORD_RULE_TEXT = `至少 ${MIN_PASSWORD_LENGTH} 位，含大写字母、小写字母、数字、符号中的至少三类，且不是常见密码`;

let common: ReadonlySet<string> | null = null;
const commonPasswords = (): ReadonlySet<string> =>
  (common ??= new Set(
    COMMON_PASSWORDS_TEXT.split('\n')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0),
  ));

/** How many of upper case, lower case, digits and symbols (anything else, Chinese included) the password uses. */
export function characterClasses(password: string): number {
  let upper = false;
  let lower = false;
  let digit = false;
  let symbol = false;
  for (const ch of password) {
    if (/[A-Z]/.test(ch)) upper = true;
    else if (/[a-z]/.test(ch)) lower = true;
    else if (/[0-9]/.test(ch)) digit = true;
    else symbol = true;
  }
  return [upper, lower, digit, symbol].filter(Boolean).length;
}

export const isCommonPassword = (password: string): boolean => commonPasswords().has(password.trim().toLowerCase());

/** The first rule a new password breaks, as a Chinese sentence naming the field; null when it is acceptable. */
export function passwordProblem(password: string, label = '密码'): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `${label}至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return `${label}不能超过 ${MAX_PASSWORD_LENGTH} 位`;
  if (characterClasses(password) < REQUIRED_CLASSES) return `${label}须包含大写字母、小写字母、数字、符号中的至少三类`;
  if (isCommonPassword(password)) return `${label}是常见密码，容易被猜中，请换一个`;
  return null;
}
