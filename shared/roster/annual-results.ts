// 年度考核结果 free text (“2022年度称职；2023年度优秀。”, “2022、2023年均为合格” …) to per-year results and back.
import type { AnnualResult } from './types';

/** The results the reader knows: 公务员 grades (称职 …) and 事业单位 ones (合格 …). */
export const RESULT_WORDS = [
  '优秀',
  '称职',
  '基本称职',
  '不称职',
  '合格',
  '基本合格',
  '不合格',
  '不定等次',
  '不确定等次',
  '未参加考核',
] as const;
// Longest first, so 基本称职 is not read as 称职.
const WORD = [...RESULT_WORDS].sort((a, b) => b.length - a.length).join('|');

// Segments are split on these; 、 is not one, as it joins years (“2022、2023年均为合格”).
const SEGMENT_SEPARATOR = /[；;，,。\n]+/u;
// One entry: a year or a list/range of years, the filler real writers put in (年, 年度, 年年度考核, 考核结果, 均为,
// 被评为 …), then the result. Applied sticky and repeatedly, so “2022年度称职 2023年度优秀” is two entries.
const YEAR = String.raw`\d{4}(?!\d)\s*(?:年度|年)?`;
const ENTRY = new RegExp(
  String.raw`[\s、]*(${YEAR}(?:\s*(?:[、和及与]|[-—–~～至到])\s*${YEAR})*)` +
    String.raw`\s*(?:年度|年)?\s*(?:考核)?\s*(?:结果|等次)?\s*:?\s*(?:均|都)?\s*(?:被?评为|评定为|确定为|定为|为|是)?\s*:?\s*(${WORD})(?:等次)?\s*`,
  'uy',
);
/** Ways of writing “no results”: 无, (无), —, / … */
const NONE = /^[(（[【]?\s*(?:无|暂无|没有)?\s*[)）\]】]?$|^[—\-－/／]+$/u;
const MAX_RANGE = 20;

/** The years of an entry's year part: “2022、2023、2024年” → three; “2021-2023年” → three; null when nonsense. */
function yearsOf(part: string): number[] | null {
  const years: number[] = [];
  const re = /(\d{4})\s*(?:年度|年)?\s*([-—–~～至到])?/gu;
  let rangeFrom: number | null = null;
  for (const m of part.matchAll(re)) {
    const y = Number(m[1]);
    if (rangeFrom !== null) {
      if (y < rangeFrom || y - rangeFrom > MAX_RANGE) return null;
      for (let x = rangeFrom + 1; x <= y; x += 1) years.push(x);
      rangeFrom = null;
    } else years.push(y);
    if (m[2]) rangeFrom = y;
  }
  return rangeFrom === null ? years : null;
}

/** One segment's entries when the whole segment reads as entries; null when any of it does not. */
function readSegment(segment: string): AnnualResult[] | null {
  const s = segment.normalize('NFKC');
  const out: AnnualResult[] = [];
  let at = 0;
  while (at < s.length) {
    ENTRY.lastIndex = at;
    const m = ENTRY.exec(s);
    if (!m || m[0].length === 0) return null;
    const years = yearsOf(m[1]!);
    if (!years) return null;
    for (const year of years) out.push({ year, result: m[2]! });
    at += m[0].length;
  }
  return out.length > 0 ? out : null;
}

export interface AnnualReading {
  /** Every entry in the order written, repeats included (the Excel check names conflicting repeats). */
  readonly entries: readonly AnnualResult[];
  /** One result per year, in year order, the last one written winning. */
  readonly results: AnnualResult[];
  /** The segments that could not be read: the whole text verbatim when nothing was read, else joined by ；. */
  readonly note: string;
  readonly unreadable: readonly string[];
}

/** Reads 年度考核 text; what it cannot read is returned, never dropped. “无” and its variants read as nothing. */
export function readAnnualText(text: string): AnnualReading {
  const trimmed = text.trim();
  const entries: AnnualResult[] = [];
  const unreadable: string[] = [];
  for (const raw of trimmed.split(SEGMENT_SEPARATOR)) {
    const segment = raw.trim();
    if (!segment || NONE.test(segment.normalize('NFKC'))) continue;
    const found = readSegment(segment);
    if (found) entries.push(...found);
    else unreadable.push(segment);
  }
  const byYear = new Map<number, string>();
  for (const e of entries) byYear.set(e.year, e.result);
  const results = [...byYear].sort((a, b) => a[0] - b[0]).map(([year, result]) => ({ year, result }));
  const note = unreadable.length === 0 ? '' : entries.length === 0 ? trimmed : unreadable.join('；');
  return { entries, results, note, unreadable };
}

export const parseAnnualResults = (text: string): AnnualResult[] => readAnnualText(text).results;

export const formatAnnualResults = (results: readonly AnnualResult[]): string =>
  results.length === 0
    ? ''
    : `${[...results]
        .sort((a, b) => a.year - b.year)
        .map((r) => `${r.year}年度${r.result}`)
        .join('；')}。`;

/** The 年度考核结果 text of an export: the results, then what was kept verbatim, so a re-import reads both back. */
export function formatAnnualText(results: readonly AnnualResult[], note: string): string {
  const formatted = formatAnnualResults(results);
  const kept = note.trim();
  return formatted && kept ? `${formatted}${kept}` : formatted || kept;
}

export const isKnownResult = (s: string) => (RESULT_WORDS as readonly string[]).includes(s);
