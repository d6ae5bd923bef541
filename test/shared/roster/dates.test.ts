// Year-month dates as cadre records write them, and ages computed from them.
import { describe, expect, it, test } from 'vitest';
import { ageAt, dateWithoutNote, formatYearMonth, parseYearMonth } from '../../../shared/roster/dates';

describe('parseYearMonth', () => {
  test.each([
    ['1975.03', '1975-03'],
    ['1975.3', '1975-03'],
    ['197503', '1975-03'],
    ['19750315', '1975-03'],
    ['1975-3', '1975-03'],
    ['1975-03-15', '1975-03'],
    ['1975/3/5', '1975-03'],
    ['1975年3月', '1975-03'],
    ['1975年03月15日', '1975-03'],
    [' 1975.12 ', '1975-12'],
  ])('%s → %s', (raw, value) => {
    expect(parseYearMonth(raw, '出生年月')).toEqual({ ok: true, value });
  });

  test.each([
    ['', '出生年月为空'],
    ['1975.13', '出生年月“1975.13”的月份不正确'],
    ['1975.00', '出生年月“1975.00”的月份不正确'],
    ['19750230', '出生年月“19750230”的日期不正确'],
    ['七五年三月', '出生年月“七五年三月”无法识别，应写作 1975.03 或 197503'],
    ['1875.03', '出生年月“1875.03”早于合理范围'],
  ])('%j is refused: %s', (raw, reason) => {
    expect(parseYearMonth(raw, '出生年月')).toEqual({ ok: false, reason });
  });

  test('a date after the allowed maximum is refused', () => {
    expect(parseYearMonth('2030.01', '参加工作时间', { max: '2026-11' })).toEqual({
      ok: false,
      reason: '参加工作时间“2030.01”晚于当前日期',
    });
  });
});

test('formatYearMonth writes the 任免审批表 style', () => {
  expect(formatYearMonth('1975-03')).toBe('1975.03');
  expect(formatYearMonth('')).toBe('');
});

test('ageAt counts whole years; the birth month counts as begun', () => {
  expect(ageAt('1975-03', new Date(2026, 1, 28))).toBe(50);
  expect(ageAt('1975-03', new Date(2026, 2, 1))).toBe(51);
  expect(ageAt('1975-12', new Date(2026, 10, 22))).toBe(50);
});

describe('dateWithoutNote (出生年月(岁) cells of real rosters)', () => {
  it.each([
    ['1972.03(52)', '1972.03'],
    ['1972.03\n(52岁)', '1972.03'],
    ['1972.03（52岁）', '1972.03'],
    ['1972.03.', '1972.03'],
    ['1972年3月', '1972年3月'],
    ['197203', '197203'],
  ])('%j → %j, which parseYearMonth reads', (raw, text) => {
    expect(dateWithoutNote(raw)).toBe(text);
    expect(parseYearMonth(dateWithoutNote(raw), '出生年月')).toEqual({ ok: true, value: '1972-03' });
  });

  it('reads the other forms real rosters write', () => {
    for (const raw of ['1972.3', '1972-03', '1972-3', '1972/03', '1972年03月', '19720315']) {
      expect(parseYearMonth(dateWithoutNote(raw), '出生年月')).toEqual({ ok: true, value: '1972-03' });
    }
  });
});
