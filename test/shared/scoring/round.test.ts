// round2: half away from zero at 2 decimals, robust to binary noise.
import { describe, expect, it } from 'vitest';
import { computeRankings, round2 } from '../../../shared/scoring';
import { rowOf, serviceScored } from './helpers';

describe('round2', () => {
  it('rounds half away from zero', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(89.745)).toBe(89.75);
    expect(round2(-89.745)).toBe(-89.75);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(1.0049)).toBe(1);
    expect(round2(-1.0049)).toBe(-1);
    expect(round2(66.25)).toBe(66.25);
  });

  it('never gives -0', () => {
    expect(Object.is(round2(-0), 0)).toBe(true);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it('rounds a mean landing on a half upward in the output', () => {
    const input = serviceScored({ a: 0 });
    input.serviceBallots = [
      { targetId: 'a', score: 89.74 },
      { targetId: 'a', score: 89.75 },
    ];
    const row = rowOf(computeRankings(input), 'a');
    expect(row.components.service?.score).toBe(89.75);
    expect(row.finalScore).toBe(89.75);
  });
});
