// 身份证号: GB 11643 check digit, length, birth date, gender; masking.
import { describe, expect, test } from 'vitest';
import { checkDigit, maskIdNumber, validateIdNumber } from '../../../shared/roster/idcard';

const TODAY = new Date('2026-11-22T00:00:00Z');

describe('validateIdNumber', () => {
  test.each([
    ['150624197803153018', '1978-03-15', '男'], // the 巴特尔 sample
    ['11010519491231002X', '1949-12-31', '女'], // GB 11643's own example, X check digit
  ])('%s is valid, born %s, %s', (id, birth, gender) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: true, idNumber: id, birthDate: birth, gender });
  });

  test('a lower-case x and surrounding spaces are accepted and normalised', () => {
    expect(validateIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  test.each([
    ['15062419780315301', '身份证号应为 18 位，实际为 17 位'],
    ['1506241978031530188', '身份证号应为 18 位，实际为 19 位'],
    ['15062419780315301A', '身份证号前 17 位应为数字，最后一位为数字或 X'],
    ['150624197802303018', '身份证号中的出生日期 19780230 不是有效日期'],
    ['150624209901013018', '身份证号中的出生日期 20990101 不是有效日期'],
    ['150624197803153019', '身份证号校验位错误（最后一位应为 8）'],
  ])('%s is refused: %s', (id, reason) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason });
  });

  test('the check digit follows the weights mod 11 (every last digit but one is wrong)', () => {
    const first17 = '15062419780315301';
    expect(checkDigit(first17)).toBe('8');
    for (const d of '012345679X') expect(validateIdNumber(first17 + d, TODAY).ok).toBe(false);
  });
});

test('masking hides the birth date and keeps region and the last four', () => {
  expect(maskIdNumber('150624197803153018')).toBe('150624********3018');
  expect(maskIdNumber('')).toBe('');
});
