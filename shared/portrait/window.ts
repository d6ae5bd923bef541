// The evidence window: an entry counts when asOf − windowYears < date ≤ asOf (ISO date strings compare in order).
import { parseIsoDate } from '../calendar';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const parts = parseIsoDate;

export const isIsoDate = (date: string): boolean => parts(date) !== null;

/** asOf minus whole years; 29 February falls back to 28 February in a common year. */
export function minusYears(asOf: string, years: number): string {
  const p = parts(asOf);
  if (!p) throw new Error(`评价基准日期格式应为 2025-03-14：${asOf}`);
  const [y, mo, d] = p;
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = mo === 2 && d === 29 && !leap ? 28 : d;
  return `${pad(year, 4)}-${pad(mo)}-${pad(day)}`;
}

export function nextDay(date: string): string {
  const p = parts(date);
  if (!p) throw new Error(`日期格式应为 2025-03-14：${date}`);
  const t = new Date(Date.UTC(p[0], p[1] - 1, p[2] + 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function previousDay(date: string): string {
  const p = parts(date);
  if (!p) throw new Error(`日期格式应为 2025-03-14：${date}`);
  const t = new Date(Date.UTC(p[0], p[1] - 1, p[2] - 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A window starting on a given first day (本年度, 任现职以来), in the same shape as evidenceWindow. */
export function windowFrom(from: string, asOf: string): { after: string; through: string; from: string } {
  return { after: previousDay(from), through: asOf, from };
}

/** The window as an exclusive lower bound and an inclusive upper bound, plus the first day that counts. */
export function evidenceWindow(asOf: string, windowYears: number): { after: string; through: string; from: string } {
  const after = minusYears(asOf, windowYears);
  return { after, through: asOf, from: nextDay(after) };
}

export const inWindow = (date: string, w: { after: string; through: string }): boolean =>
  isIsoDate(date) && date > w.after && date <= w.through;
