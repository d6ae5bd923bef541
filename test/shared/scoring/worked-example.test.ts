// The worked example of docs/scoring.md, input from a JSON fixture, full output asserted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import type { RankingInput, RankingResult } from '../../../shared/scoring';

const input = JSON.parse(
  readFileSync(new URL('./fixtures/worked-example.json', import.meta.url), 'utf8'),
) as RankingInput;

const expected: RankingResult = {
  groups: [
    {
      position: 'chief',
      groupKey: 'C1',
      size: 3,
      excellentQuota: 0,
      rows: [
        {
          cadreId: 'b',
          rank: 1,
          finalScore: 91.1,
          base: 88.1,
          components: {
            superior: { score: 90, ballots: 2, trimmed: false },
            peer: { score: 90, ballots: 2, trimmed: false },
            staff: { score: 85, ballots: 2, trimmed: false },
            service: { score: 88, ballots: 1, trimmed: false },
          },
          bonus: 3,
          penalty: 0,
          grade: 'competent',
          flags: [],
        },
        {
          cadreId: 'a',
          rank: 2,
          finalScore: 89.75,
          base: 89.75,
          components: {
            superior: { score: 90, ballots: 2, trimmed: false },
            peer: { score: 85, ballots: 2, trimmed: false },
            staff: { score: 92.5, ballots: 2, trimmed: false },
            service: { score: 90, ballots: 1, trimmed: false },
          },
          bonus: 0,
          penalty: 0,
          grade: 'competent',
          flags: [],
        },
        {
          cadreId: 'c',
          rank: 3,
          finalScore: 66.25,
          base: 66.25,
          components: {
            superior: { score: 60, ballots: 2, trimmed: false },
            peer: { score: 70, ballots: 2, trimmed: false },
            staff: { score: 70, ballots: 1, trimmed: false },
          },
          bonus: 0,
          penalty: 0,
          grade: 'competent',
          flags: ['missing:service'],
        },
      ],
    },
  ],
  unranked: [],
  invalidBallots: [],
};

describe('computeRankings: worked example of scoring.md', () => {
  it('gives exactly the documented result', () => {
    expect(computeRankings(input)).toStrictEqual(expected);
  });

  it('serialises to the same JSON, key order included', () => {
    expect(JSON.stringify(computeRankings(input))).toBe(JSON.stringify(expected));
  });
});
