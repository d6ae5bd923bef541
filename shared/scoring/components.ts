// Component score of one cadre (rule 4): enough ballots or missing, optional trimming, then the mean.

export interface ComponentScore {
  /** Unrounded; rounding happens only on output and for comparisons. */
  score: number;
  ballots: number;
  trimmed: boolean;
}

/**
 * Trimming needs at least 3 values whatever trimMinBallots says: dropping the highest and the lowest of
 * 1 or 2 values would leave nothing to average.
 */
export function componentScore(
  values: readonly number[] | undefined,
  minBallots: number,
  trim: boolean,
  trimMinBallots: number,
): ComponentScore | undefined {
  const count = values?.length ?? 0;
  if (values === undefined || count === 0 || count < minBallots) return undefined;
  if (!trim || count < trimMinBallots || count < 3) {
    let sum = 0;
    for (const value of values) sum += value;
    return { score: sum / count, ballots: count, trimmed: false };
  }
  // Drop exactly one occurrence of the lowest and one of the highest, then sum the rest in ballot order.
  let lowest = 0;
  for (let i = 1; i < count; i++) if ((values[i] ?? 0) < (values[lowest] ?? 0)) lowest = i;
  let highest = lowest === 0 ? 1 : 0;
  for (let i = 0; i < count; i++) if (i !== lowest && (values[i] ?? 0) > (values[highest] ?? 0)) highest = i;
  let sum = 0;
  for (let i = 0; i < count; i++) if (i !== lowest && i !== highest) sum += values[i] ?? 0;
  return { score: sum / (count - 2), ballots: count, trimmed: true };
}
