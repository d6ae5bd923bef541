// Ranking inside a group: competition ranks, tie-breaks, ids within a tie, and the order of groups.
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import { rankInPlace, type RankKey } from '../../../shared/scoring/ranking';
import { chief, chiefScores, deputy, makeInput, serviceScored } from './helpers';

const ranksOf = (rows: { cadreId: string; rank: number }[]) => rows.map((r) => [r.cadreId, r.rank]);

describe('ranking', () => {
  it('shares ranks on ties (1, 2, 2, 4) and lists a tie by id', () => {
    const result = computeRankings(serviceScored({ e: 95, c: 90, b: 90, a: 80 }));
    expect(ranksOf(result.groups[0]?.rows ?? [])).toStrictEqual([
      ['e', 1],
      ['b', 2],
      ['c', 2],
      ['a', 4],
    ]);
  });

  it('breaks an equal final score by the superior component', () => {
    const result = computeRankings(
      makeInput({
        config: {
          weights: {
            chief: { superior: 0.5, peer: 0, staff: 0, service: 0.5 },
            deputy: { superior: 0.5, peer: 0, staff: 0, service: 0.5 },
          },
        },
        cadres: [chief('c'), chief('b'), chief('a')],
        superiorBallots: [{ raterId: 'L1', order: ['c', 'b', 'a'] }], // c 100, b 80, a 60
        serviceBallots: [
          { targetId: 'c', score: 60 },
          { targetId: 'b', score: 80 },
          { targetId: 'a', score: 100 },
        ],
      }),
    );
    const rows = result.groups[0]?.rows ?? [];
    expect(rows.map((r) => r.finalScore)).toStrictEqual([80, 80, 80]);
    expect(ranksOf(rows)).toStrictEqual([
      ['c', 1],
      ['b', 2],
      ['a', 3],
    ]);
  });

  it('breaks equal final and superior scores by the peer component', () => {
    const result = computeRankings(
      makeInput({
        config: {
          weights: {
            chief: { superior: 0.5, peer: 0.25, staff: 0, service: 0.25 },
            deputy: { superior: 0.5, peer: 0.25, staff: 0, service: 0.25 },
          },
          trim: { superior: false, peer: false, staff: false, service: false },
        },
        cadres: [chief('a'), chief('b'), chief('c')],
        superiorBallots: [
          { raterId: 'L1', order: ['a', 'b', 'c'] },
          { raterId: 'L2', order: ['b', 'a', 'c'] },
        ],
        peerBallots: [
          { raterId: 'c', targetId: 'a', scores: chiefScores(80) },
          { raterId: 'c', targetId: 'b', scores: chiefScores(100) },
          { raterId: 'a', targetId: 'c', scores: chiefScores(100) },
        ],
        serviceBallots: [
          { targetId: 'a', score: 100 },
          { targetId: 'b', score: 80 },
          { targetId: 'c', score: 100 },
        ],
      }),
    );
    const rows = result.groups[0]?.rows ?? [];
    expect(
      rows.map((r) => [r.cadreId, r.rank, r.finalScore, r.components.superior?.score, r.components.peer?.score]),
    ).toStrictEqual([
      ['b', 1, 90, 90, 100],
      ['a', 2, 90, 90, 80],
      ['c', 3, 80, 60, 100],
    ]);
  });

  it('sorts a missing peer component below a present one', () => {
    const result = computeRankings(
      makeInput({
        config: {
          weights: {
            chief: { superior: 0, peer: 0.5, staff: 0, service: 0.5 },
            deputy: { superior: 0, peer: 0.5, staff: 0, service: 0.5 },
          },
        },
        cadres: [chief('a'), chief('z')],
        peerBallots: [{ raterId: 'a', targetId: 'z', scores: chiefScores(80) }],
        serviceBallots: [
          { targetId: 'a', score: 80 },
          { targetId: 'z', score: 80 },
        ],
      }),
    );
    const rows = result.groups[0]?.rows ?? [];
    expect(ranksOf(rows)).toStrictEqual([
      ['z', 1],
      ['a', 2],
    ]);
    expect(rows[1]?.flags).toStrictEqual(['missing:peer']);
  });

  it('sorts a missing superior component below a present one', () => {
    // Through computeRankings a group's members always share their superior ballots, so test the comparator itself.
    const rows: RankKey[] = [
      { cadreId: 'a', finalScore: 80, superior: undefined, peer: 100 },
      { cadreId: 'b', finalScore: 80, superior: 60, peer: 50 },
      { cadreId: 'c', finalScore: 80, superior: undefined, peer: 100 },
      { cadreId: 'd', finalScore: 80, superior: undefined, peer: undefined },
    ];
    const ranks = rankInPlace(rows);
    expect(rows.map((r) => r.cadreId)).toStrictEqual(['b', 'a', 'c', 'd']);
    expect(ranks).toStrictEqual([1, 2, 2, 4]);
  });

  it('lists chief groups then deputy groups, each by key in code-unit order, empty groups included', () => {
    const result = computeRankings(
      makeInput({
        cadres: [
          deputy('d1', 'u'),
          deputy('d2', 'U'),
          chief('c1', 'b'),
          chief('c2', 'B'),
          chief('c3', 'B'),
          chief('c4', '10'),
          chief('c5', '9'),
        ],
        serviceBallots: [{ targetId: 'c2', score: 90 }],
      }),
    );
    expect(result.groups.map((g) => [g.position, g.groupKey, g.size, g.rows.length])).toStrictEqual([
      ['chief', '10', 1, 0],
      ['chief', '9', 1, 0],
      ['chief', 'B', 2, 1],
      ['chief', 'b', 1, 0],
      ['deputy', 'U', 1, 0],
      ['deputy', 'u', 1, 0],
    ]);
    expect(result.unranked.map((u) => u.cadreId)).toStrictEqual(['c1', 'c3', 'c4', 'c5', 'd1', 'd2']);
  });

  it('keeps a category and a unit spelled alike apart', () => {
    const result = computeRankings(
      makeInput({
        cadres: [chief('c', 'X'), deputy('d', 'X')],
        serviceBallots: [
          { targetId: 'c', score: 90 },
          { targetId: 'd', score: 70 },
        ],
      }),
    );
    expect(result.groups.map((g) => [g.position, g.groupKey, g.rows.map((r) => r.cadreId)])).toStrictEqual([
      ['chief', 'X', ['c']],
      ['deputy', 'X', ['d']],
    ]);
  });
});
