// 身份证号 (GB 11643-1999) validation: length, birth date, check digit; and masking for roles that may not see it.
import { isCalendarDay } from '../calendar';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdCheck =
  { ok: true; idNumber: string; birthDate: string; gender: '男' | '女' } | { ok: false; reason: string };

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates an 18-digit 身份证号; the reason is a Chinese sentence naming what is wrong. */
export function validateIdNumber(raw: string, today: Date = new Date()): IdCheck {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, reason: `身份证号应为 18 位，实际为 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号前 17 位应为数字，最后一位为数字或 X' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isCalendarDay(y, m, d) || new Date(Date.UTC(y, m - 1, d)) > today) {
    return { ok: false, reason: `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期` };
  }
  const expected = checkDigit(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, reason: `身份证号校验位错误（最后一位应为 ${expected}）` };
  return {
    ok: true,
    idNumber: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}

/** 150624********3018: region and the last four stay, the birth date is hidden. */
export const maskIdNumber = (id: string): string =>
  id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id ? '******' : '';
