// Component scores, the weighted base and adjustments: trimming, minBallots, weights, noData, caps.
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import { componentScore } from '../../../shared/scoring/components';
import { chief, deputy, makeInput, onlyComponent, rowOf, serviceScored } from './helpers';

function serviceBallots(targetId: string, scores: number[]) {
  return scores.map((score) => ({ targetId, score }));
}

describe('component scores', () => {
  const trimService = {
    ...onlyComponent('service'),
    trim: { superior: false, peer: false, staff: false, service: true },
  };

  it('trims one highest and one lowest occurrence at trimMinBallots', () => {
    const result = computeRankings(
      makeInput({
        config: trimService,
        cadres: [chief('a')],
        serviceBallots: serviceBallots('a', [50, 100, 100, 70, 50]),
      }),
    );
    // [100, 70, 50] remain: one 100 and one 50 are gone, not all of them.
    expect(rowOf(result, 'a').components.service).toStrictEqual({ score: 73.33, ballots: 5, trimmed: true });
  });

  it('does not trim below trimMinBallots', () => {
    const result = computeRankings(
      makeInput({ config: trimService, cadres: [chief('a')], serviceBallots: serviceBallots('a', [50, 100, 100, 70]) }),
    );
    expect(rowOf(result, 'a').components.service).toStrictEqual({ score: 80, ballots: 4, trimmed: false });
  });

  it('does not trim a component whose trim is off', () => {
    const result = computeRankings(
      makeInput({
        config: onlyComponent('service'),
        cadres: [chief('a')],
        serviceBallots: serviceBallots('a', [50, 100, 100, 70, 50]),
      }),
    );
    expect(rowOf(result, 'a').components.service).toStrictEqual({ score: 74, ballots: 5, trimmed: false });
  });

  it('never trims fewer than 3 values, whatever trimMinBallots says', () => {
    const rule = { minBallots: 1, trim: true, trimMinBallots: 1 };
    expect(componentScore([60, 80], 0, 2, rule)).toStrictEqual({ score: 70, ballots: 2, trimmed: false });
    expect(componentScore([60, 80, 90], 0, 3, rule)).toStrictEqual({ score: 80, ballots: 3, trimmed: true });
    expect(componentScore([0, 70, 70, 70, 0], 1, 4, rule)).toStrictEqual({ score: 70, ballots: 3, trimmed: true });
  });

  it('values a peer ballot as the indicator-weighted sum of its scores (deputies: fz1 .6, fz2 .4)', () => {
    const result = computeRankings(
      makeInput({
        cadres: [deputy('d1'), deputy('d2')],
        peerBallots: [{ raterId: 'd2', targetId: 'd1', scores: { fz1: 80, fz2: 90 } }],
      }),
    );
    expect(rowOf(result, 'd1').components.peer).toStrictEqual({ score: 84, ballots: 1, trimmed: false });
  });

  it('places a superior ranking between 100 and superiorFloor', () => {
    const result = computeRankings(
      makeInput({
        config: { superiorFloor: 40 },
        cadres: ['a', 'b', 'c', 'd', 'e'].map((id) => deputy(id)),
        superiorBallots: [{ raterId: 'L1', order: ['e', 'd', 'c', 'b', 'a'] }],
      }),
    );
    expect(['e', 'd', 'c', 'b', 'a'].map((id) => rowOf(result, id).components.superior?.score)).toStrictEqual([
      100, 85, 70, 55, 40,
    ]);
  });

  it('makes a component missing below minBallots, and flags it when its weight is positive', () => {
    const result = computeRankings(
      makeInput({
        config: { minBallots: { superior: 1, peer: 1, staff: 3, service: 1 } },
        cadres: [chief('a')],
        staffBallots: [
          { targetId: 'a', grade: 'excellent' },
          { targetId: 'a', grade: 'excellent' },
        ],
        serviceBallots: [{ targetId: 'a', score: 80 }],
      }),
    );
    const row = rowOf(result, 'a');
    expect(row.components).toStrictEqual({ service: { score: 80, ballots: 1, trimmed: false } });
    expect(row.flags).toStrictEqual(['missing:peer', 'missing:staff', 'missing:superior']);
    expect(row.base).toBe(80);
  });

  it('renormalises the weights over the present components', () => {
    // chief weights .3/.2/.3/.2 with peer and service missing: (.3 * 100 + .3 * 50) / .6 = 75
    const result = computeRankings(
      makeInput({
        cadres: [chief('a')],
        superiorBallots: [{ raterId: 'L1', order: ['a'] }],
        staffBallots: [{ targetId: 'a', grade: 'poor' }],
      }),
    );
    const row = rowOf(result, 'a');
    expect(row.components.superior).toStrictEqual({ score: 100, ballots: 1, trimmed: false });
    expect(row.base).toBe(75);
    expect(row.finalScore).toBe(75);
    expect(row.flags).toStrictEqual(['missing:peer', 'missing:service']);
  });

  it('leaves a zero-weight component out of both sums but still lists it', () => {
    const weights = { superior: 0.5, peer: 0, staff: 0.5, service: 0 };
    const result = computeRankings(
      makeInput({
        config: { weights: { chief: weights, deputy: weights } },
        cadres: [chief('a'), chief('b')],
        superiorBallots: [{ raterId: 'L1', order: ['a', 'b'] }],
        staffBallots: [
          { targetId: 'a', grade: 'fair' },
          { targetId: 'b', grade: 'good' },
        ],
        serviceBallots: [{ targetId: 'a', score: 0 }],
      }),
    );
    const a = rowOf(result, 'a');
    expect(a.components.service).toStrictEqual({ score: 0, ballots: 1, trimmed: false });
    expect(a.base).toBe(85); // (.5 * 100 + .5 * 70) / 1, the service 0 counts nowhere
    expect(a.flags).toStrictEqual([]); // peer is absent but weighs nothing: no flag
    expect(rowOf(result, 'b').base).toBe(72.5);
  });

  it('leaves a cadre unranked (noData) without a present component of positive weight', () => {
    const result = computeRankings(
      makeInput({
        config: onlyComponent('service'),
        cadres: [chief('b'), chief('a'), chief('c', 'C2')],
        staffBallots: [{ targetId: 'a', grade: 'good' }], // present, but weighs nothing
        serviceBallots: [{ targetId: 'c', score: 80 }],
      }),
    );
    expect(result.unranked).toStrictEqual([
      { cadreId: 'a', reason: 'noData' },
      { cadreId: 'b', reason: 'noData' },
    ]);
    expect(result.groups).toStrictEqual([
      { position: 'chief', groupKey: 'C1', size: 2, excellentQuota: 0, rows: [] },
      expect.objectContaining({ groupKey: 'C2', size: 1 }),
    ]);
  });
});

describe('adjustments', () => {
  it('caps the bonus at bonusCap', () => {
    const input = serviceScored({ a: 80 });
    input.adjustments = [
      { targetId: 'a', points: 3, reason: '' },
      { targetId: 'a', points: 4, reason: '' },
    ];
    expect(rowOf(computeRankings(input), 'a')).toMatchObject({ base: 80, bonus: 5, penalty: 0, finalScore: 85 });
  });

  it('caps the penalty at penaltyCap, separately from the bonus', () => {
    const input = serviceScored({ a: 80 }, { penaltyCap: 2 });
    input.adjustments = [
      { targetId: 'a', points: -1.5, reason: '' },
      { targetId: 'a', points: 1, reason: '' },
      { targetId: 'a', points: -1, reason: '' },
    ];
    expect(rowOf(computeRankings(input), 'a')).toMatchObject({ base: 80, bonus: 1, penalty: 2, finalScore: 79 });
  });

  it('leaves the penalty uncapped when penaltyCap is null', () => {
    const input = serviceScored({ a: 80 }, { penaltyCap: null });
    input.adjustments = [
      { targetId: 'a', points: -10, reason: '' },
      { targetId: 'a', points: -2.5, reason: '' },
    ];
    expect(rowOf(computeRankings(input), 'a')).toMatchObject({ base: 80, bonus: 0, penalty: 12.5, finalScore: 67.5 });
  });

  it('ignores adjustments and vetoes for ids outside cadres and non-finite points', () => {
    const input = serviceScored({ a: 80 });
    input.adjustments = [
      { targetId: 'x', points: 3, reason: '' },
      { targetId: 'a', points: Number.NaN, reason: '' },
    ];
    input.vetoes = [{ targetId: 'x', reason: '' }];
    const result = computeRankings(input);
    expect(rowOf(result, 'a')).toMatchObject({ bonus: 0, penalty: 0, finalScore: 80, flags: [] });
    expect(result.invalidBallots).toStrictEqual([]);
  });

  it('computes the final score from the unrounded base', () => {
    // base 80.004 shows as 80 but 80.004 + 0.001 = 80.005 rounds to 80.01
    const input = serviceScored({ a: 0 });
    input.serviceBallots = [{ targetId: 'a', score: 80.004 }];
    input.adjustments = [{ targetId: 'a', points: 0.001, reason: '' }];
    expect(rowOf(computeRankings(input), 'a')).toMatchObject({ base: 80, bonus: 0, finalScore: 80.01 });
  });
});
