// Calendar days: the one check that a year, month and day name a real day (no 31 April, 29 February only in leap years).

/** Whether year-month-day (month 1–12) is a real calendar day. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days of a month (1–12), leap years by the Gregorian rule (counted here: Date.UTC reads years 0–99 as 1900–1999). */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A 'YYYY-MM-DD' string's year, month and day when it names a real calendar day, otherwise null. */
export function parseIsoDate(s: string): [number, number, number] | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDay(y, mo, d) ? [y, mo, d] : null;
}

/** Whether a 'YYYY-MM-DD' string names a real calendar day. */
export const isCalendarDate = (s: string): boolean => parseIsoDate(s) !== null;
