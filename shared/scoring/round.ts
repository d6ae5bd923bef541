// round2: the one rounding rule of the contract (half away from zero at 2 decimals).

/**
 * The formula of docs/scoring.md; the 1e-9 nudge absorbs binary noise such as 1.005 * 100 = 100.49999….
 * Adding 0 turns -0 into 0 so that outputs survive a JSON round trip unchanged.
 */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100 + 0;
}
