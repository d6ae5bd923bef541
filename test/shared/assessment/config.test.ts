// The assessment configuration schema: catalog.md's defaults pass, every bad value gets a Chinese message naming its field.
import { describe, expect, test } from 'vitest';
import {
  canonicalJson,
  configProblems,
  defaultAssessmentConfig,
  rankingConfigSchema,
} from '../../../shared/assessment';
import { defaultRankingConfig } from '../../../shared/scoring';
import type { RankingConfig } from '../../../shared/scoring';

const withChange = (change: (c: RankingConfig) => void): RankingConfig => {
  const c = defaultAssessmentConfig();
  change(c);
  return c;
};

/** The messages of a configuration's problems, with the path each names. */
const problems = (c: unknown) => configProblems(c);

describe('assessment configuration', () => {
  test('the defaults are catalog.md’s and pass', () => {
    const c = defaultAssessmentConfig();
    expect(c).toEqual(defaultRankingConfig());
    expect(c.weights.chief).toEqual({ superior: 0.3, peer: 0.2, staff: 0.3, service: 0.2 });
    expect(c.weights.deputy).toEqual({ superior: 0.4, peer: 0.2, staff: 0.25, service: 0.15 });
    expect(c.indicators.chief.map((i) => i.id)).toEqual(['zz1', 'zz2', 'zz3']);
    expect(c).toMatchObject({
      superiorFloor: 60,
      staffPoints: { excellent: 100, good: 85, fair: 70, poor: 50 },
      minBallots: { superior: 1, peer: 1, staff: 1, service: 1 },
      trim: { superior: false, peer: true, staff: false, service: true },
      trimMinBallots: 5,
      bonusCap: 5,
      penaltyCap: null,
      excellentRatio: 0.2,
      excellentMinScore: 85,
      competentMinScore: 60,
      basicMinScore: 50,
      vetoGrade: 'basicallyCompetent',
    });
    expect(problems(c)).toEqual([]);
    expect(rankingConfigSchema.parse(c)).toEqual(c);
  });

  test('the catalog’s indicators replace the defaults', () => {
    const c = defaultAssessmentConfig([
      { code: 'zz1', position: 'chief', weight: 0.5 },
      { code: 'zz9', position: 'chief', weight: 0.5 },
    ]);
    expect(c.indicators.chief).toEqual([
      { id: 'zz1', weight: 0.5 },
      { id: 'zz9', weight: 0.5 },
    ]);
    expect(c.indicators.deputy.map((i) => i.id)).toEqual(['fz1', 'fz2']);
  });

  test.each([
    [
      'a negative weight',
      (c: RankingConfig) => (c.weights.chief.peer = -0.1),
      'weights.chief.peer',
      '正职同级互评权重不能为负数',
    ],
    [
      'a negative deputy weight',
      (c: RankingConfig) => (c.weights.deputy.service = -1),
      'weights.deputy.service',
      '副职服务对象权重不能为负数',
    ],
    [
      'all-zero weights',
      (c: RankingConfig) => (c.weights.deputy = { superior: 0, peer: 0, staff: 0, service: 0 }),
      'weights.deputy',
      '副职四项权重不能全为 0',
    ],
    [
      'indicators not summing to 1',
      (c: RankingConfig) => (c.indicators.chief[0]!.weight = 0.3),
      'indicators.chief',
      '正职互评指标权重之和必须为 1（当前为 0.95）',
    ],
    [
      'a negative indicator weight',
      (c: RankingConfig) => (c.indicators.deputy[0]!.weight = -0.6),
      'indicators.deputy.0.weight',
      '副职互评指标权重不能为负数',
    ],
    [
      'a repeated indicator',
      (c: RankingConfig) =>
        (c.indicators.deputy = [
          { id: 'fz1', weight: 0.5 },
          { id: 'fz1', weight: 0.5 },
        ]),
      'indicators.deputy',
      '副职互评指标“fz1”重复',
    ],
    ['no indicators', (c: RankingConfig) => (c.indicators.chief = []), 'indicators.chief', '正职至少需要一项互评指标'],
    [
      'an excellent ratio above 1',
      (c: RankingConfig) => (c.excellentRatio = 1.2),
      'excellentRatio',
      '优秀比例必须在 0–1 之间',
    ],
    [
      'a negative excellent ratio',
      (c: RankingConfig) => (c.excellentRatio = -0.1),
      'excellentRatio',
      '优秀比例必须在 0–1 之间',
    ],
    [
      'basic above competent',
      (c: RankingConfig) => (c.basicMinScore = 70),
      'basicMinScore',
      '基本称职最低分不能高于称职最低分',
    ],
    [
      'competent above excellent',
      (c: RankingConfig) => (c.competentMinScore = 90),
      'competentMinScore',
      '称职最低分不能高于优秀最低分',
    ],
    [
      'a floor above 100',
      (c: RankingConfig) => (c.superiorFloor = 101),
      'superiorFloor',
      '上级排名末位得分必须在 0–100 之间',
    ],
    [
      'a negative floor',
      (c: RankingConfig) => (c.superiorFloor = -1),
      'superiorFloor',
      '上级排名末位得分必须在 0–100 之间',
    ],
    [
      'a staff point above 100',
      (c: RankingConfig) => (c.staffPoints.good = 120),
      'staffPoints.good',
      '职工测评“较好”折算分必须在 0–100 之间',
    ],
    ['a negative bonus cap', (c: RankingConfig) => (c.bonusCap = -1), 'bonusCap', '加分上限不能为负数'],
    ['a negative penalty cap', (c: RankingConfig) => (c.penaltyCap = -2), 'penaltyCap', '减分上限不能为负数'],
    [
      'a fractional minimum ballot count',
      (c: RankingConfig) => (c.minBallots.peer = 1.5),
      'minBallots.peer',
      '同级互评最少有效票数必须是整数',
    ],
    [
      'a minimum ballot count of 0',
      (c: RankingConfig) => (c.minBallots.staff = 0),
      'minBallots.staff',
      '职工测评最少有效票数不能小于 1',
    ],
    [
      'trimming below 3 ballots',
      (c: RankingConfig) => (c.trimMinBallots = 2),
      'trimMinBallots',
      '去掉最高最低分的最少票数不能小于 3',
    ],
    [
      'a non-number threshold',
      (c: RankingConfig) => ((c as { excellentMinScore: unknown }).excellentMinScore = '85'),
      'excellentMinScore',
      '优秀最低分必须是数字',
    ],
    [
      'an unknown veto grade',
      (c: RankingConfig) => ((c as { vetoGrade: unknown }).vetoGrade = 'bad'),
      'vetoGrade',
      '一票否决后的等次不正确',
    ],
    [
      'an unknown 优秀 quota scope',
      (c: RankingConfig) => ((c as { excellentQuotaScope: unknown }).excellentQuotaScope = 'unit'),
      'excellentQuotaScope',
      '优秀名额计算范围必须是“按组计算”或“正职、副职分别合并计算”',
    ],
  ])('%s is refused with a message naming the field', (_name, change, path, message) => {
    expect(problems(withChange(change))).toContainEqual({ path, message });
  });

  test('indicator weights within 1e-6 of 1 pass; a penalty cap of null means uncapped and passes', () => {
    expect(
      problems(
        withChange(
          (c) =>
            (c.indicators.chief = [
              { id: 'a', weight: 0.1 },
              { id: 'b', weight: 0.2 },
              { id: 'c', weight: 0.7 },
            ]),
        ),
      ),
    ).toEqual([]);
    expect(problems(withChange((c) => (c.indicators.chief[2]!.weight = 0.3000005)))).toEqual([]);
    expect(problems(withChange((c) => (c.penaltyCap = 10)))).toEqual([]);
  });

  test('the 优秀 quota scope may be absent (按组计算, as configurations saved before it), group or position', () => {
    expect(defaultAssessmentConfig().excellentQuotaScope).toBeUndefined();
    expect(problems(withChange((c) => (c.excellentQuotaScope = 'group')))).toEqual([]);
    expect(problems(withChange((c) => (c.excellentQuotaScope = 'position')))).toEqual([]);
    expect(rankingConfigSchema.parse(withChange((c) => (c.excellentQuotaScope = 'position'))).excellentQuotaScope).toBe(
      'position',
    );
  });

  test('an unknown key is refused', () => {
    expect(problems({ ...defaultAssessmentConfig(), extra: 1 })[0]?.message).toBe('考核配置格式不正确');
  });
});

describe('canonical JSON', () => {
  test('keys are sorted at every level, arrays keep their order, undefined keys vanish', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: 'x' }], c: null })).toBe(
      '{"a":[{"b":"x","d":2}],"b":1,"c":null}',
    );
    expect(canonicalJson({ y: 1, x: 2 })).toBe(canonicalJson({ x: 2, y: 1 }));
  });
});
