// Rule 8 of scoring.md: 不得评优 (ineligible) and the 优秀 quota pooled per position, from the worked example on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import type { RankingInput, RankingResult } from '../../../shared/scoring';
import { chief, deputy, makeInput, onlyComponent, rowOf } from './helpers';

const workedExample = JSON.parse(
  readFileSync(new URL('./fixtures/worked-example.json', import.meta.url), 'utf8'),
) as RankingInput;

/** The pooled variant of scoring.md: a second chief group C2 with one chief d, excellentRatio 0.34. */
function pooledExample(scope: 'group' | 'position' | undefined): RankingInput {
  const input = structuredClone(workedExample);
  input.config.excellentRatio = 0.34;
  if (scope !== undefined) input.config.excellentQuotaScope = scope;
  input.cadres.push({ id: 'd', name: '丁', position: 'chief', categoryId: 'C2', unitId: 'U4' });
  input.superiorBallots.push({ raterId: 'L1', order: ['d'] });
  input.staffBallots.push({ targetId: 'd', grade: 'good' }, { targetId: 'd', grade: 'good' });
  return input;
}

function summary(result: RankingResult): Record<string, [number, string, string[]]> {
  const out: Record<string, [number, string, string[]]> = {};
  for (const g of result.groups) for (const r of g.rows) out[r.cadreId] = [r.rank, r.grade, r.flags];
  return out;
}

const quotas = (result: RankingResult) => Object.fromEntries(result.groups.map((g) => [g.groupKey, g.excellentQuota]));

describe('rule 8: the worked example of scoring.md', () => {
  it('with group pools: C1 has one place (b), C2 none, d is not 优秀', () => {
    const result = computeRankings(pooledExample('group'));
    expect(quotas(result)).toStrictEqual({ C1: 1, C2: 0 });
    expect(rowOf(result, 'd')).toMatchObject({
      finalScore: 92.5,
      rank: 1,
      grade: 'competent',
      flags: ['missing:peer', 'missing:service'],
    });
    expect(summary(result)).toStrictEqual({
      b: [1, 'excellent', []],
      a: [2, 'competent', []],
      c: [3, 'competent', ['missing:service']],
      d: [1, 'competent', ['missing:peer', 'missing:service']],
    });
  });

  it('with scope absent it is the group pool', () => {
    expect(JSON.stringify(computeRankings(pooledExample(undefined)))).toBe(
      JSON.stringify(computeRankings(pooledExample('group'))),
    );
  });

  it('with the position pool: quota 1 for both groups, d is 优秀 and b 称职, ranks stay per group', () => {
    const result = computeRankings(pooledExample('position'));
    expect(quotas(result)).toStrictEqual({ C1: 1, C2: 1 });
    expect(summary(result)).toStrictEqual({
      b: [1, 'competent', []],
      a: [2, 'competent', []],
      c: [3, 'competent', ['missing:service']],
      d: [1, 'excellent', ['missing:peer', 'missing:service']],
    });
    expect(rowOf(result, 'b').finalScore).toBe(91.1);
    expect(rowOf(result, 'a').finalScore).toBe(89.75);
    expect(rowOf(result, 'c').finalScore).toBe(66.25);
  });

  it('with d listed in ineligible: d 称职 with the flag, the one place goes to b', () => {
    const input = pooledExample('position');
    input.ineligible = [{ targetId: 'd', reason: '本年度受诫勉' }];
    const result = computeRankings(input);
    expect(quotas(result)).toStrictEqual({ C1: 1, C2: 1 });
    expect(summary(result)).toStrictEqual({
      b: [1, 'excellent', []],
      a: [2, 'competent', []],
      c: [3, 'competent', ['missing:service']],
      d: [1, 'competent', ['ineligible', 'missing:peer', 'missing:service']],
    });
  });

  it('leaves the original worked example unchanged with an empty or absent ineligible list', () => {
    const withEmpty = { ...structuredClone(workedExample), ineligible: [] };
    expect(JSON.stringify(computeRankings(withEmpty))).toBe(JSON.stringify(computeRankings(workedExample)));
  });
});

/** Service-only chiefs over categories: id -> [category, score]. */
function chiefsIn(
  scores: Record<string, [string, number]>,
  config: Parameters<typeof makeInput>[0]['config'] = {},
): RankingInput {
  return makeInput({
    config: { ...onlyComponent('service'), ...config },
    cadres: Object.entries(scores).map(([id, [category]]) => chief(id, category)),
    serviceBallots: Object.entries(scores).map(([targetId, [, score]]) => ({ targetId, score })),
  });
}

describe('rule 8: the position pool', () => {
  // Ten chiefs in two categories: pool quota floor(10 · 0.2) = 2, each group alone floor(5 · 0.2) = 1.
  const twoGroups: Record<string, [string, number]> = {
    a: ['C1', 95],
    b: ['C1', 90],
    x1: ['C1', 70],
    x2: ['C1', 70],
    x3: ['C1', 70],
    c: ['C2', 90],
    d: ['C2', 88],
    y1: ['C2', 70],
    y2: ['C2', 70],
    y3: ['C2', 70],
  };

  it('flags quotaTie on every candidate of a block across two groups that does not fit, and stops the walk', () => {
    const result = computeRankings(chiefsIn(twoGroups, { excellentQuotaScope: 'position' }));
    expect(quotas(result)).toStrictEqual({ C1: 2, C2: 2 });
    const s = summary(result);
    expect(s.a).toStrictEqual([1, 'excellent', []]);
    // b (C1) and c (C2) tie at 90 for the one place left: neither is 优秀, both flagged.
    expect(s.b).toStrictEqual([2, 'competent', ['quotaTie']]);
    expect(s.c).toStrictEqual([1, 'competent', ['quotaTie']]);
    // The walk stopped: d at 88 gets nothing, and no flag.
    expect(s.d).toStrictEqual([2, 'competent', []]);
  });

  it('under group pools the same cadres give one place per group', () => {
    const s = summary(computeRankings(chiefsIn(twoGroups)));
    expect(s.a).toStrictEqual([1, 'excellent', []]);
    expect(s.b).toStrictEqual([2, 'competent', []]);
    expect(s.c).toStrictEqual([1, 'excellent', []]);
  });

  it('gives a whole cross-group block 优秀 when it fits', () => {
    const scores = { ...twoGroups, a: ['C1', 85] as [string, number] };
    // Pool order: b 90, c 90 (one block of two), d 88, a 85: the block takes both places.
    const s = summary(computeRankings(chiefsIn(scores, { excellentQuotaScope: 'position' })));
    expect(s.b?.[1]).toBe('excellent');
    expect(s.c?.[1]).toBe('excellent');
    expect(s.d).toStrictEqual([2, 'competent', []]);
  });

  it('passes over a block with no candidate (vetoed, ineligible, under the score line) and fills the quota below it', () => {
    const input = chiefsIn(
      { ...twoGroups, a: ['C1', 99], b: ['C1', 97], c: ['C2', 96] },
      { excellentQuotaScope: 'position', excellentRatio: 0.2 },
    );
    input.vetoes = [{ targetId: 'a', reason: '违反廉洁纪律' }];
    input.ineligible = [{ targetId: 'b', reason: '处分影响期内' }];
    const s = summary(computeRankings(input));
    expect(s.a).toStrictEqual([1, 'basicallyCompetent', ['veto']]);
    expect(s.b).toStrictEqual([2, 'competent', ['ineligible']]);
    expect(s.c).toStrictEqual([1, 'excellent', []]);
    expect(s.d).toStrictEqual([2, 'excellent', []]);
  });

  it('leaves an ineligible cadre out of a tie block, so the rest of the block may fit', () => {
    const input = chiefsIn(twoGroups, { excellentQuotaScope: 'position' });
    input.ineligible = [{ targetId: 'b', reason: '诫勉' }];
    const s = summary(computeRankings(input));
    expect(s.b).toStrictEqual([2, 'competent', ['ineligible']]);
    expect(s.c).toStrictEqual([1, 'excellent', []]);
  });

  it('pools chiefs and deputies apart, and a group with no ranked cadre still reports its pool’s quota', () => {
    const input = makeInput({
      config: { ...onlyComponent('service'), excellentQuotaScope: 'position', excellentRatio: 0.5 },
      cadres: [
        chief('a', 'C1'),
        chief('b', 'C2'),
        chief('e', 'C3'),
        deputy('p', 'U1'),
        deputy('q', 'U2'),
        deputy('r', 'U2'),
      ],
      // e has no ballot: unranked, so C3 has no rows. Deputies: 3 ranked → floor(1.5) = 1.
      serviceBallots: [
        { targetId: 'a', score: 90 },
        { targetId: 'b', score: 95 },
        { targetId: 'p', score: 80 },
        { targetId: 'q', score: 99 },
        { targetId: 'r', score: 70 },
      ],
    });
    const result = computeRankings(input);
    expect(result.groups.map((g) => [g.position, g.groupKey, g.excellentQuota, g.rows.length])).toStrictEqual([
      ['chief', 'C1', 1, 1],
      ['chief', 'C2', 1, 1],
      ['chief', 'C3', 1, 0],
      ['deputy', 'U1', 1, 1],
      ['deputy', 'U2', 1, 2],
    ]);
    const s = summary(result);
    expect(s.b?.[1]).toBe('excellent');
    expect(s.a?.[1]).toBe('competent');
    expect(s.q?.[1]).toBe('excellent');
    expect(s.p?.[1]).toBe('competent');
    expect(result.unranked).toStrictEqual([{ cadreId: 'e', reason: 'noData' }]);
  });

  it('orders equal keys by id inside the pool: the same result whatever the cadre order', () => {
    const input = chiefsIn(twoGroups, { excellentQuotaScope: 'position' });
    const reversed = { ...input, cadres: [...input.cadres].reverse() };
    expect(JSON.stringify(computeRankings(reversed))).toBe(JSON.stringify(computeRankings(input)));
  });

  it('treats any scope other than position as the group pool', () => {
    const input = chiefsIn(twoGroups, { excellentQuotaScope: 'bogus' as 'group' });
    expect(JSON.stringify(computeRankings(input))).toBe(JSON.stringify(computeRankings(chiefsIn(twoGroups))));
  });
});

describe('rule 8: ineligible', () => {
  it('flags a listed cadre whatever its grade, and it never takes a place', () => {
    const input = chiefsIn({ a: ['C1', 99], b: ['C1', 40], c: ['C1', 90], d: ['C1', 70], e: ['C1', 70] });
    input.ineligible = [
      { targetId: 'a', reason: '诫勉' },
      { targetId: 'b', reason: '学时不达标' },
    ];
    const s = summary(computeRankings(input));
    expect(s.a).toStrictEqual([1, 'competent', ['ineligible']]);
    expect(s.c).toStrictEqual([2, 'excellent', []]);
    expect(s.b).toStrictEqual([5, 'incompetent', ['ineligible']]);
  });

  it('keeps a vetoed and ineligible cadre at vetoGrade with both flags', () => {
    const input = chiefsIn({ a: ['C1', 99], c: ['C1', 90], d: ['C1', 70], e: ['C1', 70], f: ['C1', 70] });
    input.vetoes = [{ targetId: 'a', reason: '' }];
    input.ineligible = [{ targetId: 'a', reason: '诫勉' }];
    const s = summary(computeRankings(input));
    expect(s.a).toStrictEqual([1, 'basicallyCompetent', ['ineligible', 'veto']]);
    expect(s.c).toStrictEqual([2, 'excellent', []]);
  });

  it('ignores entries naming no cadre, and an unranked listed cadre stays unranked', () => {
    const input = chiefsIn({ a: ['C1', 99], c: ['C1', 90], d: ['C1', 70], e: ['C1', 70], f: ['C1', 70] });
    input.cadres.push(chief('u', 'C1'));
    const plain = computeRankings(structuredClone(input));
    input.ineligible = [
      { targetId: 'nobody', reason: '诫勉' },
      { targetId: 'u', reason: '诫勉' },
    ];
    const result = computeRankings(input);
    expect(JSON.stringify(result)).toBe(JSON.stringify(plain));
    expect(result.unranked).toStrictEqual([{ cadreId: 'u', reason: 'noData' }]);
  });

  it('does not mark a quotaTie on an ineligible cadre in the block that straddles the line', () => {
    // Ten cadres, quota 2: a takes one; b, c, d tie at 90 with d ineligible: b and c do not fit the one left.
    const scores: Record<string, [string, number]> = { a: ['C1', 95], b: ['C1', 90], c: ['C1', 90], d: ['C1', 90] };
    for (let i = 0; i < 6; i++) scores[`z${i}`] = ['C1', 70];
    const input = chiefsIn(scores);
    input.ineligible = [{ targetId: 'd', reason: '诫勉' }];
    const s = summary(computeRankings(input));
    expect(s.b).toStrictEqual([2, 'competent', ['quotaTie']]);
    expect(s.c).toStrictEqual([2, 'competent', ['quotaTie']]);
    expect(s.d).toStrictEqual([2, 'competent', ['ineligible']]);
  });
});
