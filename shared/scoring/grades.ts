// Suggested grades of one ranked group (rule 8): the 优秀 quota walk, then thresholds and vetoes.
import type { Grade, RankingConfig } from './types';

export interface GradeCandidate {
  rank: number;
  finalScore: number; // rounded
  vetoed: boolean;
}

export interface GradeOutcome {
  grade: Grade;
  veto: boolean;
  quotaTie: boolean;
}

export function excellentQuota(rankedCount: number, excellentRatio: number): number {
  return Math.floor(rankedCount * excellentRatio + 1e-9);
}

/** `rows` must be in rank order; the result is parallel to it. */
export function assignGrades(rows: readonly GradeCandidate[], quota: number, config: RankingConfig): GradeOutcome[] {
  const excellent = new Array<boolean>(rows.length).fill(false);
  const quotaTie = new Array<boolean>(rows.length).fill(false);
  let left = quota;
  let start = 0;
  while (start < rows.length && left > 0) {
    const rank = rows[start]?.rank;
    let end = start;
    const candidates: number[] = [];
    for (; end < rows.length && rows[end]?.rank === rank; end++) {
      const row = rows[end];
      if (row !== undefined && !row.vetoed && row.finalScore >= config.excellentMinScore) candidates.push(end);
    }
    if (candidates.length <= left) {
      for (const i of candidates) excellent[i] = true;
      left -= candidates.length;
    } else {
      // The tie straddles the quota line: nobody at this rank is 优秀, the committee decides.
      for (const i of candidates) quotaTie[i] = true;
      break;
    }
    start = end;
  }

  return rows.map((row, i) => {
    if (excellent[i]) return { grade: 'excellent', veto: false, quotaTie: false };
    if (row.vetoed) return { grade: config.vetoGrade, veto: true, quotaTie: false };
    const grade: Grade =
      row.finalScore >= config.competentMinScore
        ? 'competent'
        : row.finalScore >= config.basicMinScore
          ? 'basicallyCompetent'
          : 'incompetent';
    return { grade, veto: false, quotaTie: quotaTie[i] ?? false };
  });
}
