// The 优秀 quota walk and the threshold grades, vetoes included.
import { describe, expect, it } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import type { RankingResult } from '../../../shared/scoring';
import { serviceScored } from './helpers';

/** Ten (or more) cadres: the named scores plus fillers at 70, so the quota is floor(n * 0.2). */
function group(scores: Record<string, number>, size = 10): Record<string, number> {
  const all = { ...scores };
  for (let i = Object.keys(all).length; i < size; i++) all[`z${String(i).padStart(2, '0')}`] = 70;
  return all;
}

function gradesOf(result: RankingResult): Record<string, [string, string[]]> {
  const out: Record<string, [string, string[]]> = {};
  for (const row of result.groups[0]?.rows ?? []) out[row.cadreId] = [row.grade, row.flags];
  return out;
}

describe('suggested grades', () => {
  it('flags a tie that straddles the quota and stops the walk', () => {
    // 15 cadres: quota 3. a takes one; the three at 90 do not fit in the two left, and 88 must not get one either.
    const result = computeRankings(serviceScored(group({ a: 95, b: 90, c: 90, d: 90, e: 88 }, 15)));
    expect(result.groups[0]?.excellentQuota).toBe(3);
    const grades = gradesOf(result);
    expect(grades.a).toStrictEqual(['excellent', []]);
    for (const id of ['b', 'c', 'd']) expect(grades[id]).toStrictEqual(['competent', ['quotaTie']]);
    expect(grades.e).toStrictEqual(['competent', []]);
  });

  it('gives 优秀 to a whole tie that fits the quota', () => {
    const grades = gradesOf(computeRankings(serviceScored(group({ a: 90, b: 90, c: 89 }))));
    expect(grades.a).toStrictEqual(['excellent', []]);
    expect(grades.b).toStrictEqual(['excellent', []]);
    expect(grades.c).toStrictEqual(['competent', []]);
  });

  it('ends without a flag when the quota is used up', () => {
    const grades = gradesOf(computeRankings(serviceScored(group({ a: 95, b: 90, c: 90 }, 5))));
    expect(grades.a).toStrictEqual(['excellent', []]);
    expect(grades.b).toStrictEqual(['competent', []]);
    expect(grades.c).toStrictEqual(['competent', []]);
  });

  it('gives no 优秀 below excellentMinScore', () => {
    const result = computeRankings(serviceScored(group({ a: 84.99, b: 84 })));
    expect(result.groups[0]?.excellentQuota).toBe(2);
    const grades = gradesOf(result);
    expect(grades.a).toStrictEqual(['competent', []]);
    expect(grades.b).toStrictEqual(['competent', []]);
  });

  it('skips a vetoed cadre in the walk and gives it vetoGrade with the veto flag', () => {
    const input = serviceScored(group({ a: 99, b: 95, c: 94, d: 93 }));
    input.vetoes = [{ targetId: 'a', reason: '违反廉洁纪律' }];
    const result = computeRankings(input);
    const grades = gradesOf(result);
    expect(result.groups[0]?.rows[0]).toMatchObject({
      cadreId: 'a',
      rank: 1,
      grade: 'basicallyCompetent',
      flags: ['veto'],
    });
    expect(grades.b).toStrictEqual(['excellent', []]);
    expect(grades.c).toStrictEqual(['excellent', []]);
    expect(grades.d).toStrictEqual(['competent', []]);
  });

  it('leaves a vetoed cadre out of a tie’s candidates', () => {
    const input = serviceScored(group({ a: 95, b: 95, c: 95, d: 80 }));
    input.vetoes = [{ targetId: 'b', reason: '' }];
    const grades = gradesOf(computeRankings(input));
    expect(grades.a).toStrictEqual(['excellent', []]);
    expect(grades.b).toStrictEqual(['basicallyCompetent', ['veto']]);
    expect(grades.c).toStrictEqual(['excellent', []]);
  });

  it('uses vetoGrade even for a score that would be 不称职', () => {
    const input = serviceScored({ a: 40 }, { vetoGrade: 'incompetent' });
    input.vetoes = [{ targetId: 'a', reason: '' }];
    expect(gradesOf(computeRankings(input)).a).toStrictEqual(['incompetent', ['veto']]);
  });

  it('grades by thresholds: competent at 60, basically competent at 50, incompetent below', () => {
    const grades = gradesOf(computeRankings(serviceScored({ a: 60, b: 59.99, c: 50, d: 49.99 })));
    expect(grades).toStrictEqual({
      a: ['competent', []],
      b: ['basicallyCompetent', []],
      c: ['basicallyCompetent', []],
      d: ['incompetent', []],
    });
  });

  it('computes the quota as floor(n_ranked * ratio + 1e-9) from ranked cadres only', () => {
    expect(computeRankings(serviceScored(group({}, 5), { excellentRatio: 0.2 })).groups[0]?.excellentQuota).toBe(1);
    // 50 * 0.58 is 28.999999999999996 in binary: the 1e-9 keeps the quota at 29.
    expect(computeRankings(serviceScored(group({}, 50), { excellentRatio: 0.58 })).groups[0]?.excellentQuota).toBe(29);
    const input = serviceScored(group({}, 9));
    input.cadres.push({ id: 'noBallots', name: '', position: 'chief', categoryId: 'C1', unitId: 'U' });
    const result = computeRankings(input);
    expect(result.groups[0]?.size).toBe(10);
    expect(result.groups[0]?.excellentQuota).toBe(1);
  });
});
