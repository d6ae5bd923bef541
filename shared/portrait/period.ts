// The portrait page's 统计期 (本年度 / 近三年 / 任现职以来): the first day whose entries count, and a plain note when
// the cadre's 任职时间 is unknown.
import { minusYears, nextDay } from './window';

export const PORTRAIT_PERIODS = ['year', 'threeYears', 'sincePost'] as const;
export type PortraitPeriod = (typeof PORTRAIT_PERIODS)[number];

export const PORTRAIT_PERIOD_LABELS: Readonly<Record<PortraitPeriod, string>> = {
  year: '本年度',
  threeYears: '近三年',
  sincePost: '任现职以来',
};

export interface PeriodStart {
  /** The first day that counts. */
  readonly from: string;
  /** Said beside the portrait when the period could not be taken literally (任职时间 unknown). */
  readonly note: string | null;
}

const POST_SINCE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `postSince` is the profile's 任职时间 ('YYYY-MM' or ''); asOf is 'YYYY-MM-DD'. */
export function periodStart(period: PortraitPeriod, asOf: string, postSince: string): PeriodStart {
  const threeYears = nextDay(minusYears(asOf, 3));
  if (period === 'year') return { from: `${asOf.slice(0, 4)}-01-01`, note: null };
  if (period === 'threeYears') return { from: threeYears, note: null };
  if (!POST_SINCE.test(postSince)) {
    return {
      from: threeYears,
      note: '干部信息中未填写任职时间，无法按“任现职以来”统计，暂按近三年统计；请在干部名册中补充任职时间',
    };
  }
  return { from: `${postSince}-01`, note: null };
}
