// 政治素质审查意见 (issue 20 §2): the draft the store gives for a candidate and a period, and the 审查结论 staff sign.
import type { PortraitPeriod } from '../portrait/period';

export const REVIEW_CONCLUSIONS = ['good', 'verify', 'notForPromotion'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];
export const REVIEW_CONCLUSION_LABELS: Readonly<Record<ReviewConclusion, string>> = {
  good: '政治素质好、可以使用',
  verify: '需进一步核实',
  notForPromotion: '不宜提拔使用',
};

export const REVIEW_LIMITS = { reasons: 2000, signer: 20 } as const;

/** One dossier material the 审查意见 cites: its date, what it is and what it says. */
export interface ReviewMaterial {
  readonly entryId: number;
  readonly date: string;
  /** The sub-item's name (e.g. 诫勉). */
  readonly kind: string;
  readonly title: string;
  readonly content: string;
}

/** A 一票否决 item: from the 正负面清单 (a dossier entry) or adopted in a 双比双评 assessment. */
export interface ReviewVeto {
  readonly date: string;
  readonly source: 'listItem' | 'assessment';
  /** The list item (“N1 …”) or the assessment's name. */
  readonly item: string;
  readonly text: string;
}

export interface ReviewListHit extends ReviewMaterial {
  readonly code: string;
  readonly name: string;
  readonly polarity: 'positive' | 'negative';
}

export interface ReviewTraining {
  readonly className: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  /** 优秀学员 / 合格学员 / 重修学员. */
  readonly result: string;
}

export interface ReviewQuarterGap {
  readonly quarter: string;
  /** Names of the required sections with no material and no 核查无材料. */
  readonly missing: readonly string[];
}

export interface ReviewDraft {
  readonly cadre: {
    readonly id: number;
    readonly name: string;
    readonly gender: string;
    readonly birthMonth: string;
    readonly age: number;
    readonly ethnicity: string;
    readonly nativePlace: string;
    readonly partyJoin: string;
    readonly workStart: string;
    readonly education: string;
    readonly unitName: string;
    readonly currentPost: string;
  };
  /** The 统计期: from `from` to `to` (both days count). */
  readonly period: {
    readonly key: PortraitPeriod;
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly note: string | null;
  };
  /** Oldest first. A 部务会 reads these before anything else. */
  readonly vetoes: readonly ReviewVeto[];
  readonly portrait: {
    readonly dimensions: readonly { readonly name: string; readonly index: number }[];
    readonly overall: number;
    readonly grade: string;
    readonly reason: string;
    /** The grade staff confirmed on the portrait page, when they did. */
    readonly confirmedGrade: string | null;
  };
  readonly listHits: readonly ReviewListHit[];
  /** Every material of 负面信息 (S6) in the period. */
  readonly negatives: readonly ReviewMaterial[];
  /** The last three years' 年度考核 (newest first). */
  readonly annualResults: readonly { readonly year: number; readonly result: string }[];
  /** The last three 双比双评 results archived into the dossier (S3.2, newest first): 名次 within the group, 等次. */
  readonly assessments: readonly ReviewMaterial[];
  readonly training: readonly ReviewTraining[];
  readonly holistic: {
    readonly abilities: string;
    readonly weaknesses: string;
    readonly familiarFields: string;
    readonly basis: string;
  } | null;
  /** The ended quarters of the period, and those with gaps. */
  readonly completeness: { readonly quarters: number; readonly gaps: readonly ReviewQuarterGap[] };
}

/** A signed 审查结论, kept as history (never overwritten). */
export interface ReviewRecord {
  readonly id: number;
  readonly cadreId: number;
  readonly conclusion: ReviewConclusion;
  readonly reasons: string;
  readonly reviewer: string;
  readonly rechecker: string;
  /** YYYY-MM-DD: the date signed under the 审查意见. */
  readonly reviewDate: string;
  readonly periodKey: PortraitPeriod;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly writtenBy: string;
  readonly writtenAt: string;
}

/** What reviews.get answers: the draft and the signed conclusions, newest first. */
export interface ReviewView {
  readonly draft: ReviewDraft;
  readonly history: readonly ReviewRecord[];
}
