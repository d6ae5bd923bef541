// Component score of one cadre (rule 4): enough ballots or missing, optional trimming, then the mean.
import type { ValuesByCadre } from './values';

export interface ComponentScore {
  /** Unrounded; rounding happens only on output and for comparisons. */
  score: number;
  ballots: number;
  trimmed: boolean;
}

export interface ComponentRule {
  minBallots: number;
  trim: boolean;
  trimMinBallots: number;
}

/**
 * The score from values[from] up to values[to]. Trimming needs at least 3 values whatever trimMinBallots says:
 * dropping the highest and the lowest of 1 or 2 values would leave nothing to average.
 */
export function componentScore(
  values: ArrayLike<number>,
  from: number,
  to: number,
  rule: ComponentRule,
): ComponentScore | undefined {
  const count = to - from;
  if (count <= 0 || count < rule.minBallots) return undefined;
  if (!rule.trim || count < rule.trimMinBallots || count < 3) {
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i] ?? 0;
    return { score: sum / count, ballots: count, trimmed: false };
  }
  // Drop exactly one occurrence of the lowest and one of the highest, then sum the rest in ballot order.
  let lowest = from;
  for (let i = from + 1; i < to; i++) if ((values[i] ?? 0) < (values[lowest] ?? 0)) lowest = i;
  let highest = lowest === from ? from + 1 : from;
  for (let i = from; i < to; i++) if (i !== lowest && (values[i] ?? 0) > (values[highest] ?? 0)) highest = i;
  let sum = 0;
  for (let i = from; i < to; i++) if (i !== lowest && i !== highest) sum += values[i] ?? 0;
  return { score: sum / (count - 2), ballots: count, trimmed: true };
}

/** The component score of cadre number `cadre`. */
export function cadreComponentScore(
  byCadre: ValuesByCadre,
  cadre: number,
  rule: ComponentRule,
): ComponentScore | undefined {
  return componentScore(byCadre.values, byCadre.start[cadre] ?? 0, byCadre.start[cadre + 1] ?? 0, rule);
}
