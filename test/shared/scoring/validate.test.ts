// Ballot validity: one test per reason code, rule order, "last one counts", and the report's ordering.
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import type { StaffGrade } from '../../../shared/scoring';
import { chief, chiefScores, deputy, makeInput, rowOf } from './helpers';

const cadres = [chief('a'), chief('b'), chief('c'), deputy('d1', 'U1'), deputy('d2', 'U1'), deputy('e1', 'U2')];

describe('invalid ballots', () => {
  it('unknownCadre: a peer rater, a peer target, a superior id, a staff and a service target outside cadres', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        superiorBallots: [{ raterId: 'L1', order: ['a', 'b', 'zz'] }],
        peerBallots: [
          { raterId: 'x', targetId: 'a', scores: chiefScores(80) },
          { raterId: 'a', targetId: 'x', scores: chiefScores(80) },
        ],
        staffBallots: [{ targetId: 'x', grade: 'good' }],
        serviceBallots: [{ targetId: 'x', score: 80 }],
      }),
    );
    expect(result.invalidBallots).toStrictEqual([
      { kind: 'peer', index: 0, reason: 'unknownCadre' },
      { kind: 'peer', index: 1, reason: 'unknownCadre' },
      { kind: 'service', index: 0, reason: 'unknownCadre' },
      { kind: 'staff', index: 0, reason: 'unknownCadre' },
      { kind: 'superior', index: 0, reason: 'unknownCadre' },
    ]);
  });

  it('superior.notWholeGroup: part of a group, a repeated id, two groups, an empty order', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        superiorBallots: [
          { raterId: 'L1', order: ['a', 'b', 'c'] }, // valid
          { raterId: 'L2', order: ['a', 'b'] },
          { raterId: 'L3', order: ['a', 'b', 'b'] },
          { raterId: 'L4', order: ['a', 'b', 'd1'] },
          { raterId: 'L5', order: [] },
          { raterId: 'L6', order: ['d1', 'd2', 'e1'] },
        ],
      }),
    );
    expect(result.invalidBallots).toStrictEqual(
      [1, 2, 3, 4, 5].map((index) => ({ kind: 'superior', index, reason: 'superior.notWholeGroup' })),
    );
    expect(rowOf(result, 'a').components.superior).toStrictEqual({ score: 100, ballots: 1, trimmed: false });
  });

  it('peer.self: rater and target the same cadre', () => {
    const result = computeRankings(
      makeInput({ cadres, peerBallots: [{ raterId: 'a', targetId: 'a', scores: chiefScores(100) }] }),
    );
    expect(result.invalidBallots).toStrictEqual([{ kind: 'peer', index: 0, reason: 'peer.self' }]);
  });

  it('peer.otherGroup: a deputy rating a chief, deputies of different units', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        peerBallots: [
          { raterId: 'd1', targetId: 'a', scores: chiefScores(90) },
          { raterId: 'e1', targetId: 'd1', scores: { fz1: 90, fz2: 90 } },
          { raterId: 'd2', targetId: 'd1', scores: { fz1: 90, fz2: 90 } }, // valid
        ],
      }),
    );
    expect(result.invalidBallots).toStrictEqual([
      { kind: 'peer', index: 0, reason: 'peer.otherGroup' },
      { kind: 'peer', index: 1, reason: 'peer.otherGroup' },
    ]);
  });

  it('peer.indicators: a missing key, an extra key, the other position’s indicators', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        peerBallots: [
          { raterId: 'b', targetId: 'a', scores: { zz1: 80, zz2: 80 } },
          { raterId: 'b', targetId: 'a', scores: { zz1: 80, zz2: 80, zz3: 80, zz4: 80 } },
          { raterId: 'd2', targetId: 'd1', scores: chiefScores(80) },
        ],
      }),
    );
    expect(result.invalidBallots).toStrictEqual(
      [0, 1, 2].map((index) => ({ kind: 'peer', index, reason: 'peer.indicators' })),
    );
  });

  it('outOfRange: peer and service scores outside 0..100 or not finite; a staff grade that is not one of the four', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        peerBallots: [
          { raterId: 'b', targetId: 'a', scores: { zz1: 101, zz2: 80, zz3: 80 } },
          { raterId: 'c', targetId: 'a', scores: { zz1: Number.NaN, zz2: 80, zz3: 80 } },
          { raterId: 'a', targetId: 'b', scores: { zz1: 0, zz2: 100, zz3: 50 } }, // valid: bounds included
        ],
        staffBallots: [
          { targetId: 'a', grade: 'great' as StaffGrade },
          { targetId: 'a', grade: 'poor' },
        ],
        serviceBallots: [
          { targetId: 'a', score: -0.01 },
          { targetId: 'a', score: Number.POSITIVE_INFINITY },
          { targetId: 'a', score: 100 },
        ],
      }),
    );
    expect(result.invalidBallots).toStrictEqual([
      { kind: 'peer', index: 0, reason: 'outOfRange' },
      { kind: 'peer', index: 1, reason: 'outOfRange' },
      { kind: 'service', index: 0, reason: 'outOfRange' },
      { kind: 'service', index: 1, reason: 'outOfRange' },
      { kind: 'staff', index: 0, reason: 'outOfRange' },
    ]);
  });

  it('duplicate: earlier peer and superior ballots are reported, the last one counts', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        superiorBallots: [
          { raterId: 'L1', order: ['a', 'b', 'c'] },
          { raterId: 'L1', order: ['d1', 'd2'] }, // another group: not a duplicate
          { raterId: 'L1', order: ['c', 'b', 'a'] },
        ],
        peerBallots: [
          { raterId: 'b', targetId: 'a', scores: chiefScores(50) },
          { raterId: 'c', targetId: 'a', scores: chiefScores(90) },
          { raterId: 'b', targetId: 'a', scores: chiefScores(70) },
          { raterId: 'b', targetId: 'a', scores: { zz1: 200, zz2: 70, zz3: 70 } }, // invalid, so it does not make the 70 a duplicate
        ],
      }),
    );
    expect(result.invalidBallots).toStrictEqual([
      { kind: 'peer', index: 0, reason: 'duplicate' },
      { kind: 'peer', index: 3, reason: 'outOfRange' },
      { kind: 'superior', index: 0, reason: 'duplicate' },
    ]);
    expect(rowOf(result, 'a').components.peer).toStrictEqual({ score: 80, ballots: 2, trimmed: false });
    expect(rowOf(result, 'a').components.superior).toStrictEqual({ score: 60, ballots: 1, trimmed: false });
    expect(rowOf(result, 'c').components.superior).toStrictEqual({ score: 100, ballots: 1, trimmed: false });
  });

  it('gives a ballot the first reason in rule order', () => {
    const result = computeRankings(
      makeInput({
        cadres,
        peerBallots: [
          { raterId: 'x', targetId: 'x', scores: {} }, // unknown before self
          { raterId: 'a', targetId: 'a', scores: {} }, // self before indicators
          { raterId: 'd1', targetId: 'a', scores: { zz1: 500 } }, // otherGroup before indicators
          { raterId: 'b', targetId: 'a', scores: { zz1: 500 } }, // indicators before outOfRange
        ],
      }),
    );
    expect(result.invalidBallots.map((b) => b.reason)).toStrictEqual([
      'unknownCadre',
      'peer.self',
      'peer.otherGroup',
      'peer.indicators',
    ]);
  });

  it('ignores invalid ballots: they count in no component', () => {
    const result = computeRankings(
      makeInput({
        cadres: [chief('a'), chief('b')],
        serviceBallots: [
          { targetId: 'a', score: 80 },
          { targetId: 'a', score: 120 },
        ],
      }),
    );
    expect(rowOf(result, 'a').components.service).toStrictEqual({ score: 80, ballots: 1, trimmed: false });
  });
});
