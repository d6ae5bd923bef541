// 评优资格 line (issue 21 §2) over every branch, on results computeRankings really gives (rule 8 of scoring.md).
import { describe, expect, it } from 'vitest';
import { eligibilityBasisOf, eligibilityOf, type EligibilityBasis } from '../../../shared/assessment/eligibility';
import { computeRankings } from '../../../shared/scoring';
import type { RankingConfig, RankingInput, RankingResult } from '../../../shared/scoring/types';
import { chief, makeInput, onlyComponent } from '../scoring/helpers';

/** Service-only chiefs: `scores` by id, each in category `C1` unless listed in `c2`. */
function chiefs(scores: Record<string, number>, config: Partial<RankingConfig> = {}, c2: string[] = []): RankingInput {
  return makeInput({
    config: { ...onlyComponent('service'), ...config },
    cadres: Object.keys(scores).map((id) => chief(id, c2.includes(id) ? 'C2' : 'C1')),
    serviceBallots: Object.entries(scores).map(([targetId, score]) => ({ targetId, score })),
  });
}

const basis = (over: Partial<EligibilityBasis> = {}): EligibilityBasis => ({
  scope: 'group',
  excellentMinScore: 85,
  ineligibleReasons: {},
  vetoReasons: {},
  ...over,
});

/** Every ranked cadre's line, by id. */
function lines(result: RankingResult, b: EligibilityBasis): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of result.groups) for (const r of g.rows) out[r.cadreId] = eligibilityOf(r, g, b).text;
  return out;
}

describe('评优资格', () => {
  it('group pool: the 优秀 one meets the conditions, the next candidate is beyond the quota, a low score is named', () => {
    const result = computeRankings(chiefs({ a: 96, b: 90, c: 88, d: 84.5, e: 70 }));
    expect(result.groups[0]!.excellentQuota).toBe(1);
    expect(lines(result, basis())).toStrictEqual({
      a: '符合评优条件',
      b: '超出本组优秀名额',
      c: '超出本组优秀名额',
      d: '得分低于优秀分数线 85',
      e: '得分低于优秀分数线 85',
    });
    const a = result.groups[0]!.rows.find((r) => r.cadreId === 'a')!;
    expect(eligibilityOf(a, result.groups[0]!, basis())).toStrictEqual({ excellent: true, text: '符合评优条件' });
  });

  it('a fractional line is written as configured', () => {
    const result = computeRankings(chiefs({ a: 86, b: 86.5 }, { excellentMinScore: 86.25 }));
    expect(lines(result, basis({ excellentMinScore: 86.25 })).a).toBe('得分低于优秀分数线 86.25');
  });

  it('a tie at the last place: every tied candidate says so, and those after them are beyond the quota', () => {
    const result = computeRankings(chiefs({ a: 95, b: 90, c: 90, d: 88 }, { excellentRatio: 0.5 }));
    expect(result.groups[0]!.rows.filter((r) => r.flags.includes('quotaTie')).map((r) => r.cadreId)).toEqual([
      'b',
      'c',
    ]);
    expect(lines(result, basis())).toStrictEqual({
      a: '符合评优条件',
      b: '与他人得分并列，超出本组剩余优秀名额，须研究确定',
      c: '与他人得分并列，超出本组剩余优秀名额，须研究确定',
      d: '超出本组优秀名额',
    });
  });

  it('a tie that fits the quota is 优秀 for all', () => {
    const result = computeRankings(chiefs({ a: 95, b: 95, c: 88, d: 80 }, { excellentRatio: 0.5 }));
    expect(lines(result, basis())).toMatchObject({ a: '符合评优条件', b: '符合评优条件', c: '超出本组优秀名额' });
  });

  it('pooled quota: the wording names the position pool, a tie across groups too', () => {
    const config = { excellentRatio: 0.5, excellentQuotaScope: 'position' as const };
    const result = computeRankings(chiefs({ a: 95, b: 90, c: 90, d: 88 }, config, ['c', 'd']));
    expect(lines(result, basis({ scope: 'position' }))).toStrictEqual({
      a: '符合评优条件',
      b: '与他人得分并列，超出正职合并计算的剩余优秀名额，须研究确定',
      c: '与他人得分并列，超出正职合并计算的剩余优秀名额，须研究确定',
      d: '超出正职合并计算的优秀名额',
    });
    const plain = computeRankings(chiefs({ a: 95, b: 91, c: 90, d: 88 }, config, ['c', 'd']));
    expect(lines(plain, basis({ scope: 'position' }))).toMatchObject({
      a: '符合评优条件',
      b: '符合评优条件',
      c: '超出正职合并计算的优秀名额',
    });
  });

  it('no quota at all: the group (or the pool) has no 优秀 place', () => {
    const result = computeRankings(chiefs({ a: 95, b: 90 }));
    expect(result.groups[0]!.excellentQuota).toBe(0);
    expect(lines(result, basis())).toStrictEqual({ a: '本组无优秀名额', b: '本组无优秀名额' });
    const pooled = computeRankings(chiefs({ a: 95, b: 90 }, { excellentQuotaScope: 'position' }, ['b']));
    expect(lines(pooled, basis({ scope: 'position' }))).toStrictEqual({
      a: '正职合并计算无优秀名额',
      b: '正职合并计算无优秀名额',
    });
  });

  it('不得评优 gives its reason; the place goes on to the next candidate', () => {
    const input = chiefs({ a: 96, b: 90, c: 88, d: 70, e: 60 });
    input.ineligible = [{ targetId: 'a', reason: '本年度受诫勉。' }];
    const result = computeRankings(input);
    expect(lines(result, basis({ ineligibleReasons: { a: '本年度受诫勉。' } }))).toMatchObject({
      a: '本年度受诫勉，不得评为优秀',
      b: '符合评优条件',
      c: '超出本组优秀名额',
    });
    // A reason the view does not have (never expected, but the line still says what the flag means).
    expect(lines(result, basis()).a).toBe('不得评为优秀');
  });

  it('一票否决 names its reason; every bar of a cadre is named, in order', () => {
    const input = chiefs({ a: 96, b: 90, c: 80, d: 70, e: 60 });
    input.vetoes = [
      { targetId: 'a', reason: '违反政治纪律' },
      { targetId: 'c', reason: '违反政治纪律' },
    ];
    input.ineligible = [{ targetId: 'c', reason: '处分影响期内' }];
    const result = computeRankings(input);
    const b = basis({
      vetoReasons: { a: '违反政治纪律', c: '违反政治纪律' },
      ineligibleReasons: { c: '处分影响期内' },
    });
    expect(lines(result, b)).toMatchObject({
      a: '一票否决：违反政治纪律',
      b: '符合评优条件',
      c: '一票否决：违反政治纪律；处分影响期内，不得评为优秀；得分低于优秀分数线 85',
    });
    expect(lines(result, basis()).a).toBe('一票否决');
  });

  it('reads its basis from the rankings view', () => {
    expect(
      eligibilityBasisOf({
        quotaBasis: { scope: 'position', ratio: 0.2 },
        excellentMinScore: 90,
        ineligibleReasons: { '1': '诫勉' },
        vetoReasons: { '2': '违纪' },
      }),
    ).toStrictEqual({
      scope: 'position',
      excellentMinScore: 90,
      ineligibleReasons: { '1': '诫勉' },
      vetoReasons: { '2': '违纪' },
    });
  });
});
