// Order and rank the cadres of one group (rule 7): score, then superior, then peer; competition ranking.
import { compareStrings } from './groups';

export interface RankKey {
  cadreId: string;
  /** All rounded: the contract compares rounded numbers. */
  finalScore: number;
  superior: number | undefined;
  peer: number | undefined;
}

/** Descending, with a missing component below any present one. */
function compareOptionalDesc(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return b - a;
}

function compareMerit(a: RankKey, b: RankKey): number {
  if (a.finalScore !== b.finalScore) return b.finalScore - a.finalScore;
  const bySuperior = compareOptionalDesc(a.superior, b.superior);
  if (bySuperior !== 0) return bySuperior;
  return compareOptionalDesc(a.peer, b.peer);
}

/** Sorts in place (best first, ties by id) and returns the rank of each entry, parallel to the sorted array. */
export function rankInPlace<T extends RankKey>(rows: T[]): number[] {
  rows.sort((a, b) => compareMerit(a, b) || compareStrings(a.cadreId, b.cadreId));
  const ranks: number[] = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const previous = rows[i - 1];
    ranks[i] = previous !== undefined && compareMerit(previous, rows[i] as T) === 0 ? (ranks[i - 1] as number) : i + 1;
  }
  return ranks;
}
