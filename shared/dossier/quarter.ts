// Quarters of dossier dates: '2025-08-14' belongs to '2025Q3'; labels as users read them.

/** Whether a 'YYYY-MM-DD' string names a real calendar day (the one check, in shared/calendar.ts). */
export { isCalendarDate } from '../calendar';

/** The quarter code of a 'YYYY-MM-DD' date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** '2025Q3' → '2025年第三季度'. */
export function quarterLabel(quarter: string): string {
  const q = Number(quarter.slice(5));
  return `${quarter.slice(0, 4)}年第${['一', '二', '三', '四'][q - 1] ?? q}季度`;
}

/** The first and last day of a quarter ('2025Q3' → ['2025-07-01', '2025-09-30']). */
export function quarterRange(quarter: string): readonly [string, string] {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return [`${y}-${mm(first)}-01`, `${y}-${mm(first + 2)}-${mm(last)}`];
}

/** Today as 'YYYY-MM-DD' in local time (what a user calls today). */
export function localToday(now: Date = new Date()): string {
  const mm = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${mm(now.getMonth() + 1)}-${mm(now.getDate())}`;
}
