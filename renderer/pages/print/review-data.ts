// What a printed 政治素质审查意见 shows, per candidate: the draft for the 统计期 and the latest signed 审查结论.
import type { PortraitPeriod } from '../../../shared/portrait/period';
import type { ReviewDraft, ReviewRecord } from '../../../shared/review/types';
import { call } from '../../lib/api';

export interface ReviewPrintPart {
  readonly draft: ReviewDraft;
  readonly record: ReviewRecord | null;
}

/** A few candidates at a time, in the order given. */
export async function loadReviewPrintData(
  cadreIds: readonly number[],
  period: PortraitPeriod,
  asOf: string,
): Promise<ReviewPrintPart[]> {
  const out: ReviewPrintPart[] = [];
  for (let i = 0; i < cadreIds.length; i += 5) {
    const views = await Promise.all(
      cadreIds.slice(i, i + 5).map((cadreId) => call('reviews.get', { cadreId, period, asOf })),
    );
    out.push(...views.map((v) => ({ draft: v.draft, record: v.history[0] ?? null })));
  }
  return out;
}
