// What a printed 政治素质审查意见 shows, per candidate: the draft for the 统计期 and the signed 审查结论 that goes under
// it (shared/review/outline.ts conclusionFor: the one signed for exactly that period, else the newest, shown as
// another period's).
import type { PortraitPeriod } from '../../../shared/portrait/period';
import { conclusionFor, signedForPeriod } from '../../../shared/review/outline';
import type { ReviewDraft, ReviewRecord } from '../../../shared/review/types';
import { call } from '../../lib/api';

export interface ReviewPrintPart {
  readonly draft: ReviewDraft;
  readonly record: ReviewRecord | null;
}

async function partOf(
  cadreId: number,
  period: PortraitPeriod,
  asOf: string,
  followSigned: boolean,
): Promise<ReviewPrintPart> {
  const view = await call('reviews.get', { cadreId, period, asOf });
  const newest = view.history[0];
  // The packet prints what was signed: the draft for the newest conclusion's own 统计期, not one it never saw.
  if (followSigned && newest && !signedForPeriod(newest, view.draft.period)) {
    const signed = await call('reviews.get', { cadreId, period: newest.periodKey, asOf: newest.periodTo });
    return { draft: signed.draft, record: conclusionFor(signed.draft.period, signed.history) };
  }
  return { draft: view.draft, record: conclusionFor(view.draft.period, view.history) };
}

/**
 * A few candidates at a time, in the order given. `followSigned` (the 审议材料 packet): a candidate with a signed
 * conclusion gets the draft of that conclusion's 统计期; the others the given period to `asOf`.
 */
export async function loadReviewPrintData(
  cadreIds: readonly number[],
  period: PortraitPeriod,
  asOf: string,
  followSigned = false,
): Promise<ReviewPrintPart[]> {
  const out: ReviewPrintPart[] = [];
  for (let i = 0; i < cadreIds.length; i += 5)
    out.push(...(await Promise.all(cadreIds.slice(i, i + 5).map((id) => partOf(id, period, asOf, followSigned)))));
  return out;
}
