// Which dossier entries propose 不得评为优秀 for an assessment year (issue 21 §1), and the reason each one gives.
//
// By the catalog's stable sub-item codes (catalog.md, 负面信息 and 教育培训):
// - S6.3 诫勉 dated in the year: 受到诫勉的，当年年度考核不得确定为优秀.
// - S6.2 函询 dated in the year whose title or content says the matter is 属实 (问题属实, 基本属实, 部分属实; not
//   不属实): only a 函询 found true bars 优秀.
// - S6.5 党纪政务处分 whose 影响期 reaches into the year (dated on or before 12-31, period ending on or after 01-01).
// - S2.4 年度学时达标情况 dated in the year and 负面: what the year-end 学时 check writes (学时不达标).
//
// The catalog has no 影响期 figure, so the period comes from the kind of 处分 named in the entry's title or content,
// as the rules fix it (《中国共产党纪律处分条例》 for 党纪处分, 《公职人员政务处分法》第八条 for 政务处分):
// 警告 12 months (政务警告 6), 严重警告 and 记大过 18, 记过 12, 降级, 撤职, 撤销党内职务 and 留党察看 24, 开除 for ever.
// An entry naming none of them counts 12 months, the period of the usual 党纪警告; staff dismiss a proposal that does
// not apply (忽略).
import type { IneligibleProposalKind } from './types';

/** The sub-items that propose 不得评优 (stable codes of catalog.md). */
export const INELIGIBLE_SUB_ITEMS: Readonly<Record<IneligibleProposalKind, string>> = {
  admonition: 'S6.3',
  inquiry: 'S6.2',
  sanction: 'S6.5',
  hours: 'S2.4',
};

export const INELIGIBLE_KIND_LABELS: Readonly<Record<IneligibleProposalKind, string>> = {
  admonition: '诫勉',
  inquiry: '函询问题属实',
  sanction: '处分影响期内',
  hours: '学时不达标',
};

/** Kinds of 处分 and their 影响期 in months, most specific wording first (严重警告 before 警告, 记大过 before 记过). */
const SANCTION_PERIODS: readonly { match: RegExp; label: string; months: number }[] = [
  { match: /开除/, label: '开除', months: Number.POSITIVE_INFINITY },
  { match: /留党察看/, label: '留党察看', months: 24 },
  { match: /撤销党内职务/, label: '撤销党内职务', months: 24 },
  { match: /撤职/, label: '撤职', months: 24 },
  { match: /降级/, label: '降级', months: 24 },
  { match: /记大过/, label: '记大过', months: 18 },
  { match: /记过/, label: '记过', months: 12 },
  { match: /严重警告/, label: '严重警告', months: 18 },
  { match: /(政务|行政)警告/, label: '政务警告', months: 6 },
  { match: /警告/, label: '警告', months: 12 },
];
/** For an entry that names no kind of 处分. */
export const DEFAULT_SANCTION_MONTHS = 12;

export interface SanctionPeriod {
  /** The kind named in the entry, or '' when it names none. */
  readonly label: string;
  readonly months: number;
  /** The last day of the 影响期 (ISO date), or null for 开除 (no end). */
  readonly lastDay: string | null;
}

/**
 * The last day of a period of `months` from `date`, as 《民法典》 counts one (第二百零一条、第二百零三条): the start day
 * is not counted, the period ends on the same day of the month `months` later, or on that month's last day if it
 * has no such day (2024-08-31 + 18 months → 2026-02-28).
 */
function lastDayAfter(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, daysInMonth))).toISOString().slice(0, 10);
}

export function sanctionPeriod(date: string, text: string): SanctionPeriod {
  const kind = SANCTION_PERIODS.find((k) => k.match.test(text));
  const months = kind?.months ?? DEFAULT_SANCTION_MONTHS;
  return {
    label: kind?.label ?? '',
    months,
    lastDay: Number.isFinite(months) ? lastDayAfter(date, months) : null,
  };
}

/** Whether a 处分 of `date` still has effect in `year`. */
export const sanctionReaches = (date: string, p: SanctionPeriod, year: number): boolean =>
  date <= `${year}-12-31` && (p.lastDay === null || p.lastDay >= `${year}-01-01`);

/** A 函询 found true: 属实 not preceded by 不 (问题不属实 clears the cadre). */
export const inquiryConfirmed = (text: string): boolean => /(?<!不)属实/.test(text);

/** What an entry proposes for `year`, with the reason the adopted 不得评优 item carries; null when it proposes nothing. */
export function ineligibleProposalOf(
  e: { subItemCode: string; polarity: string; date: string; title: string; content: string },
  year: number,
): { kind: IneligibleProposalKind; reason: string } | null {
  const inYear = e.date >= `${year}-01-01` && e.date <= `${year}-12-31`;
  const text = `${e.title}\n${e.content}`;
  switch (e.subItemCode) {
    case INELIGIBLE_SUB_ITEMS.admonition:
      return inYear ? { kind: 'admonition', reason: '本年度受诫勉' } : null;
    case INELIGIBLE_SUB_ITEMS.inquiry:
      return inYear && inquiryConfirmed(text) ? { kind: 'inquiry', reason: '本年度函询反映问题属实' } : null;
    case INELIGIBLE_SUB_ITEMS.hours:
      return inYear && e.polarity === 'negative' ? { kind: 'hours', reason: '本年度学时不达标' } : null;
    case INELIGIBLE_SUB_ITEMS.sanction: {
      const p = sanctionPeriod(e.date, text);
      if (!sanctionReaches(e.date, p, year)) return null;
      const until = p.lastDay === null ? '' : `，影响期至 ${p.lastDay}`;
      return { kind: 'sanction', reason: `处分影响期内（${e.date} 受${p.label}处分${until}）` };
    }
    default:
      return null;
  }
}
