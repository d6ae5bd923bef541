// Shapes of the political-portrait model: its inputs (catalog, configuration, evidence) and its output.

export type EvidencePolarity = 'positive' | 'negative' | 'neutral';
export type Classification = 'good' | 'fairlyGood' | 'average' | 'poor';

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '较差',
};

export const EVIDENCE_POLARITY_LABELS: Readonly<Record<EvidencePolarity, string>> = {
  positive: '正面',
  negative: '负面',
  neutral: '中性',
};

/** The model's numbers; all configurable (validated by portraitConfigSchema). */
export interface PortraitConfig {
  /** Every dimension's index before any evidence. */
  readonly startValue: number;
  /** Evidence counts when asOf − windowYears < date ≤ asOf. */
  readonly windowYears: number;
  readonly clampMin: number;
  readonly clampMax: number;
  /** Overall index at or above → 好. */
  readonly goodMin: number;
  /** Overall index at or above → 较好. */
  readonly fairlyGoodMin: number;
  /** Overall index at or above → 一般; below → 较差. */
  readonly averageMin: number;
  /** A dimension below this gets suggested handling (缺什么补什么). */
  readonly weakBelow: number;
}

export interface PortraitCatalogDimension {
  readonly code: string;
  readonly name: string;
  /** The standards of this dimension (codes), so standard-only evidence can be shown under it. */
  readonly standards?: readonly { readonly code: string }[];
}

export interface PortraitListItem {
  readonly code: string;
  readonly name: string;
  readonly polarity: 'positive' | 'negative';
  readonly dimensions: readonly string[];
  /** Signed: positive items add, negative items carry negative points and subtract. */
  readonly points: number;
  readonly veto: boolean;
  /** Retired items still count on existing evidence; retirement only stops new use. */
  readonly retired?: boolean;
}

export interface PortraitCatalog {
  readonly dimensions: readonly PortraitCatalogDimension[];
  readonly listItems: readonly PortraitListItem[];
}

export interface PortraitEvidence {
  readonly id: number;
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly listItemCode: string | null;
  readonly standards: readonly string[];
  readonly polarity: EvidencePolarity;
}

export interface PortraitInput {
  readonly catalog: PortraitCatalog;
  readonly config: PortraitConfig;
  /** 'YYYY-MM-DD'; the model never reads a clock. */
  readonly asOf: string;
  /** First day that counts, replacing the configured windowYears (the portrait page's 本年度 / 任现职以来). */
  readonly from?: string;
  readonly evidence: readonly PortraitEvidence[];
}

/** One entry that moved a dimension, with the points it moved it by. */
export interface PortraitContribution {
  readonly entryId: number;
  readonly date: string;
  readonly listItemCode: string;
  readonly points: number;
}

export interface PortraitDimensionResult {
  readonly code: string;
  readonly name: string;
  /** startValue + sum of points, clamped, rounded to 2 decimals. */
  readonly index: number;
  /** The unclamped sum of points of the contributions. */
  readonly pointsTotal: number;
  /** Entries that moved this dimension (date order, then id). */
  readonly contributions: readonly PortraitContribution[];
  /** Entries in the window that bear on one of this dimension's standards but moved no points. */
  readonly relatedEntryIds: readonly number[];
}

export interface PortraitSuggestion {
  readonly dimensionCode: string;
  readonly dimensionName: string;
  readonly index: number;
  readonly measures: readonly string[];
}

export interface PortraitResult {
  readonly asOf: string;
  /** First day that still counts (exclusive lower bound is windowStart's previous day). */
  readonly windowFrom: string;
  readonly dimensions: readonly PortraitDimensionResult[];
  readonly overall: number;
  readonly counts: {
    readonly positive: number;
    readonly negative: number;
    readonly neutral: number;
    readonly total: number;
  };
  readonly veto: {
    readonly present: boolean;
    readonly entries: readonly { readonly entryId: number; readonly listItemCode: string }[];
  };
  readonly classification: Classification;
  readonly classificationLabel: string;
  readonly reason: string;
  readonly suggestions: readonly PortraitSuggestion[];
  /** Evidence in the window naming a list item the catalog does not know (moves nothing). */
  readonly unknownListItems: readonly { readonly entryId: number; readonly listItemCode: string }[];
}
