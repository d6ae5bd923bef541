// Year-month dates as cadre records write them (1975.03, 197503, 1975-3, 1975年3月 …), stored as 'YYYY-MM'.
import { isCalendarDay } from '../calendar';

export type YearMonthParse = { ok: true; value: string } | { ok: false; reason: string };

const PATTERNS: readonly RegExp[] = [
  /^(\d{4})(\d{2})(\d{2})?$/, // 197503, 19750315
  /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:月)?(?:\s*[.\-/]?\s*(\d{1,2})\s*日?)?$/, // 1975.03, 1975-3, 1975/3/15, 1975年3月5日
];

/** Parses a year-month (a day, if present, is checked and dropped); empty text is an error the caller may allow. */
export function parseYearMonth(raw: string, label: string, opts: { min?: string; max?: string } = {}): YearMonthParse {
  const text = raw.trim();
  if (!text) return { ok: false, reason: `${label}为空` };
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: `${label}“${text}”的月份不正确` };
    if (m[3] !== undefined) {
      if (!isCalendarDay(year, month, Number(m[3]))) return { ok: false, reason: `${label}“${text}”的日期不正确` };
    }
    const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (year < 1900 || (opts.min && value < opts.min)) return { ok: false, reason: `${label}“${text}”早于合理范围` };
    if (opts.max && value > opts.max) return { ok: false, reason: `${label}“${text}”晚于当前日期` };
    return { ok: true, value };
  }
  return { ok: false, reason: `${label}“${text}”无法识别，应写作 1975.03 或 197503` };
}

/** 'YYYY-MM' of a Date, for upper bounds ("not in the future"). */
export const yearMonthOf = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/** How the roster shows a year-month: 1975.03 (the 任免审批表 style). */
export const formatYearMonth = (ym: string | null | undefined): string => (ym ? ym.replace('-', '.') : '');

/** Whole years of age at a given date ('YYYY-MM' birth month; the month counts as begun). */
export function ageAt(birthMonth: string, at: Date = new Date()): number {
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  const months = (at.getFullYear() - y) * 12 + (at.getMonth() + 1 - m);
  return Math.floor(months / 12);
}

/**
 * A date cell of a real roster without its remarks: 出生年月(岁) columns write `1972.03(52)` or `1972.03\n(52岁)`,
 * and some writers end a year-month with a dot (`1972.03.`). The date part is what parseYearMonth reads.
 */
export function dateWithoutNote(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\(\s*\d{1,3}\s*岁?\s*\)/gu, '')
    .replace(/\s+/gu, '')
    .replace(/[.。]$/u, '');
}
