// 年度考核结果 free text to per-year results and back.
import { expect, test } from 'vitest';
import { formatAnnualResults, parseAnnualResults } from '../../../shared/roster/annual-results';

test('reads the usual wordings, in year order, the last result of a repeated year winning', () => {
  expect(parseAnnualResults('2022年度称职；2023年度优秀；2024年度基本称职。')).toEqual([
    { year: 2022, result: '称职' },
    { year: 2023, result: '优秀' },
    { year: 2024, result: '基本称职' },
  ]);
  expect(parseAnnualResults('2024年：不定等次，2021年度 合格')).toEqual([
    { year: 2021, result: '合格' },
    { year: 2024, result: '不定等次' },
  ]);
  expect(parseAnnualResults('没有考核记录')).toEqual([]);
});

test('writes back the same text the reader accepts', () => {
  const results = [
    { year: 2023, result: '优秀' },
    { year: 2022, result: '称职' },
  ];
  expect(formatAnnualResults(results)).toBe('2022年度称职；2023年度优秀。');
  expect(parseAnnualResults(formatAnnualResults(results))).toEqual([...results].sort((a, b) => a.year - b.year));
  expect(formatAnnualResults([])).toBe('');
});
