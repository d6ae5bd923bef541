// Suggested grades (rule 8): the 优秀 quota walk over a pool, then thresholds, vetoes and 不得评优.
import type { Grade, RankingConfig } from './types';

export interface GradeCandidate {
  finalScore: number; // rounded
  vetoed: boolean;
  ineligible: boolean;
}

export interface GradeOutcome {
  grade: Grade;
  veto: boolean;
  quotaTie: boolean;
}

/** What the quota walk decided for one cadre. */
export type QuotaMark = 0 | 1 | 2;
export const QuotaMark = { none: 0, excellent: 1, quotaTie: 2 } as const;

export function excellentQuota(rankedCount: number, excellentRatio: number): number {
  return Math.floor(rankedCount * excellentRatio + 1e-9);
}

function isCandidate(row: GradeCandidate, excellentMinScore: number): boolean {
  return !row.vetoed && !row.ineligible && row.finalScore >= excellentMinScore;
}

/**
 * The quota walk over one pool. `pool` is in rule-7 key order (ids ascending inside equal keys) and `blocks` is
 * parallel to it: neighbours with the same number are equal on the key (a group's ranks serve, as do the ranks of
 * the whole pool sorted alike). Returns the mark of each entry, parallel to `pool`.
 */
export function walkQuota(
  pool: readonly GradeCandidate[],
  blocks: readonly number[],
  quota: number,
  excellentMinScore: number,
): QuotaMark[] {
  const marks = new Array<QuotaMark>(pool.length).fill(QuotaMark.none);
  let left = quota;
  let start = 0;
  while (start < pool.length && left > 0) {
    const block = blocks[start];
    let end = start;
    const candidates: number[] = [];
    for (; end < pool.length && blocks[end] === block; end++) {
      if (isCandidate(pool[end] as GradeCandidate, excellentMinScore)) candidates.push(end);
    }
    // A block with no candidate takes nothing and is passed over.
    if (candidates.length <= left) {
      for (const i of candidates) marks[i] = QuotaMark.excellent;
      left -= candidates.length;
    } else {
      // The tie straddles the quota line: nobody in this block is 优秀, the committee decides.
      for (const i of candidates) marks[i] = QuotaMark.quotaTie;
      break;
    }
    start = end;
  }
  return marks;
}

/** A cadre's grade once the walk has marked it. */
export function gradeOf(row: GradeCandidate, mark: QuotaMark, config: RankingConfig): GradeOutcome {
  if (mark === QuotaMark.excellent) return { grade: 'excellent', veto: false, quotaTie: false };
  if (row.vetoed) return { grade: config.vetoGrade, veto: true, quotaTie: false };
  const grade: Grade =
    row.finalScore >= config.competentMinScore
      ? 'competent'
      : row.finalScore >= config.basicMinScore
        ? 'basicallyCompetent'
        : 'incompetent';
  return { grade, veto: false, quotaTie: mark === QuotaMark.quotaTie };
}
