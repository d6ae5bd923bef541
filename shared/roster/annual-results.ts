// 年度考核结果 free text (“2022年度称职；2023年度优秀。”) to per-year results and back.
import type { AnnualResult } from './types';

const RESULT_WORDS = ['优秀', '称职', '基本称职', '不称职', '合格', '基本合格', '不合格', '不定等次', '不确定等次', '未参加考核'];
const ENTRY = /(\d{4})\s*年度?\s*[：:]?\s*(基本称职|不称职|称职|优秀|基本合格|不合格|合格|不确定等次|不定等次|未参加考核)/g;

export function parseAnnualResults(text: string): AnnualResult[] {
  const byYear = new Map<number, string>();
  for (const m of text.matchAll(ENTRY)) byYear.set(Number(m[1]), m[2]!);
  return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, result]) => ({ year, result }));
}

export const formatAnnualResults = (results: readonly AnnualResult[]): string =>
  results.length === 0 ? '' : `${[...results].sort((a, b) => a.year - b.year).map((r) => `${r.year}年度${r.result}`).join('；')}。`;

export const isKnownResult = (s: string) => RESULT_WORDS.includes(s);
