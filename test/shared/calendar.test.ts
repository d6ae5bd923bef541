// The one calendar-day check, and the three places that used their own: dossier dates, the portrait's asOf, the
// birth date inside a 身份证号, and a day written in a year-month.
import { describe, expect, test } from 'vitest';
import { isCalendarDate, isCalendarDay, parseIsoDate } from '../../shared/calendar';
import { isCalendarDate as dossierDate } from '../../shared/dossier/quarter';
import { isIsoDate, minusYears } from '../../shared/portrait/window';
import { parseYearMonth } from '../../shared/roster/dates';
import { validateIdNumber } from '../../shared/roster/idcard';

describe('isCalendarDay', () => {
  test.each([
    [2024, 2, 29, true],
    [2025, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2025, 4, 31, false],
    [2025, 12, 31, true],
    [2025, 13, 1, false],
    [2025, 0, 1, false],
    [2025, 1, 0, false],
    [2025, 1.5, 1, false],
  ])('%i-%i-%i is %s', (y, m, d, real) => expect(isCalendarDay(y, m, d)).toBe(real));

  test('years below 100 follow the Gregorian rule (not read as 19xx)', () => {
    expect(isCalendarDay(0, 2, 29)).toBe(true);
    expect(isCalendarDay(4, 2, 29)).toBe(true);
    expect(isCalendarDay(5, 2, 29)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  test('reads only a real day written YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toEqual([2024, 2, 29]);
    for (const bad of ['2025-02-29', '2025-2-01', '2025/02/01', '20250201', '2025-02-01 ', '']) {
      expect(parseIsoDate(bad), bad).toBeNull();
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

describe('the callers agree with the one check', () => {
  test('dossier dates and the portrait asOf', () => {
    for (const s of ['2024-02-29', '2025-02-29', '2025-04-31', '2025-04-30']) {
      expect(dossierDate(s), s).toBe(isCalendarDate(s));
      expect(isIsoDate(s), s).toBe(isCalendarDate(s));
    }
    expect(minusYears('2024-02-29', 1)).toBe('2023-02-28');
  });

  test('the birth date in a 身份证号 and a day in a year-month are refused when not a real day', () => {
    const today = new Date('2025-06-30T00:00:00Z');
    expect(validateIdNumber('110101199002301234', today)).toMatchObject({
      ok: false,
      reason: '身份证号中的出生日期 19900230 不是有效日期',
    });
    expect(parseYearMonth('1990.02.30', '出生年月')).toEqual({ ok: false, reason: '出生年月“1990.02.30”的日期不正确' });
    expect(parseYearMonth('1992.02.29', '出生年月')).toEqual({ ok: true, value: '1992-02' });
  });
});
