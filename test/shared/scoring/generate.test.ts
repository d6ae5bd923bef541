// The assessment generator: deterministic, the requested sizes, and a shape computeRankings ranks sensibly.
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import { generateAssessment } from './generate';

const ballotCount = (input: ReturnType<typeof generateAssessment>) =>
  input.superiorBallots.length + input.peerBallots.length + input.staffBallots.length + input.serviceBallots.length;

describe('generateAssessment', () => {
  it('gives the same assessment for the same seed and another for another seed', () => {
    const a = JSON.stringify(generateAssessment(300, 6000, 7));
    expect(JSON.stringify(generateAssessment(300, 6000, 7))).toBe(a);
    expect(JSON.stringify(generateAssessment(300, 6000, 8))).not.toBe(a);
  });

  it('makes the requested numbers of cadres and ballots, in 8 chief groups and a unit per 25 cadres', () => {
    const input = generateAssessment(1000, 20_000, 1);
    expect(input.cadres).toHaveLength(1000);
    expect(ballotCount(input)).toBe(20_000);
    const result = computeRankings(input);
    expect(result.groups.filter((g) => g.position === 'chief')).toHaveLength(8);
    expect(result.groups.filter((g) => g.position === 'deputy')).toHaveLength(40);
    expect(result.unranked).toHaveLength(0);
    // A sprinkle of invalid ballots, not a flood.
    expect(result.invalidBallots.length).toBeGreaterThan(0);
    expect(result.invalidBallots.length).toBeLessThan(200);
  });

  it('copes with no cadres at all', () => {
    expect(computeRankings(generateAssessment(0, 100, 1))).toStrictEqual({
      groups: [],
      unranked: [],
      invalidBallots: [],
    });
  });
});
