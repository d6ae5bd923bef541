// 年度考核结果 free text to per-year results and back.
import { describe, expect, test } from 'vitest';
import {
  formatAnnualResults,
  formatAnnualText,
  parseAnnualResults,
  readAnnualText,
} from '../../../shared/roster/annual-results';

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

describe('real wordings', () => {
  const cases: [string, [number, string][]][] = [
    [
      '2020年年度考核优秀;2021年年度考核合格',
      [
        [2020, '优秀'],
        [2021, '合格'],
      ],
    ],
    [
      '2022、2023、2024年均为合格',
      [
        [2022, '合格'],
        [2023, '合格'],
        [2024, '合格'],
      ],
    ],
    [
      '2021年度考核称职，2022年度考核优秀',
      [
        [2021, '称职'],
        [2022, '优秀'],
      ],
    ],
    [
      '2021、2022年度考核均为称职',
      [
        [2021, '称职'],
        [2022, '称职'],
      ],
    ],
    ['2021年度考核为优秀', [[2021, '优秀']]],
    ['2022年：优秀', [[2022, '优秀']]],
    ['2024年度 称职', [[2024, '称职']]],
    [
      '2022年度称职 2023年度基本称职',
      [
        [2022, '称职'],
        [2023, '基本称职'],
      ],
    ],
    [
      '2021-2023年均为称职',
      [
        [2021, '称职'],
        [2022, '称职'],
        [2023, '称职'],
      ],
    ],
    ['２０２２年度被评为优秀等次。', [[2022, '优秀']]],
  ];
  test.each(cases)('%s', (text, expected) => {
    const r = readAnnualText(text);
    expect(r.results).toEqual(expected.map(([year, result]) => ({ year, result })));
    expect(r.note).toBe('');
  });

  test.each(['(无)', '（无）', '无', '—', ' '])('“%s” is no results and nothing to keep', (text) => {
    expect(readAnnualText(text)).toEqual({ entries: [], results: [], note: '', unreadable: [] });
  });

  test('text that cannot be read is kept verbatim; mixed text keeps only the unread segments', () => {
    expect(readAnnualText(' 近三年均良好，无违纪 ')).toMatchObject({ results: [], note: '近三年均良好，无违纪' });
    expect(readAnnualText('2022年度称职；2023年度优良；2024年度嘉奖')).toMatchObject({
      results: [{ year: 2022, result: '称职' }],
      note: '2023年度优良；2024年度嘉奖',
      unreadable: ['2023年度优良', '2024年度嘉奖'],
    });
    expect(readAnnualText('2020年度称职（党委）').note).toBe('2020年度称职（党委）');
  });

  test('an export of results and note reads back as the same results and note', () => {
    const results = [{ year: 2022, result: '称职' }];
    const text = formatAnnualText(results, '2023年度优良');
    expect(text).toBe('2022年度称职。2023年度优良');
    expect(readAnnualText(text)).toMatchObject({ results, note: '2023年度优良' });
    expect(formatAnnualText([], '近三年均良好')).toBe('近三年均良好');
    expect(readAnnualText(formatAnnualText([], '近三年均良好，无违纪')).note).toBe('近三年均良好，无违纪');
  });
});

test('long or hostile text costs little and is kept', () => {
  const started = performance.now();
  const years = '2022、'.repeat(50_000);
  expect(readAnnualText(years).note).toBe(years.trim());
  const junk = `${'2022年度考核均为'.repeat(20_000)}良好`;
  expect(readAnnualText(junk)).toMatchObject({ results: [], note: junk });
  expect(readAnnualText('2000-2999年均为称职').note).toBe('2000-2999年均为称职'); // a range is at most 20 years
  expect(performance.now() - started).toBeLessThan(2000);
});
