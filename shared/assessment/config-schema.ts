// The assessment configuration (scoring's RankingConfig) as a zod schema whose every message is Chinese and names the field.
import { z } from 'zod';
import { defaultRankingConfig } from '../scoring/defaults';
import type { Component, Position, RankingConfig, StaffGrade } from '../scoring/types';
import { COMPONENT_LABELS, STAFF_GRADE_LABELS } from './types';

export const POSITION_NAMES: Readonly<Record<Position, string>> = { chief: '正职', deputy: '副职' };
const COMPONENTS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];
const POSITIONS: readonly Position[] = ['chief', 'deputy'];

/** Tolerance for "indicator weights sum to 1". */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const num = (label: string) =>
  z.number({ error: `${label}必须是数字` }).refine(Number.isFinite, `${label}必须是有效数字`);
const score = (label: string) => num(label).min(0, `${label}必须在 0–100 之间`).max(100, `${label}必须在 0–100 之间`);
const count = (label: string, min = 0) =>
  z
    .number({ error: `${label}必须是整数` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(10_000, `${label}不能超过 10000`);

const weight = (label: string) => num(label).min(0, `${label}不能为负数`).max(100, `${label}不能超过 100`);

const componentWeights = (position: Position) =>
  z.strictObject(
    Object.fromEntries(
      COMPONENTS.map((c) => [c, weight(`${POSITION_NAMES[position]}${COMPONENT_LABELS[c]}权重`)]),
    ) as Record<Component, ReturnType<typeof weight>>,
    { error: `${POSITION_NAMES[position]}权重格式不正确` },
  );

const indicatorList = (position: Position) => {
  const p = POSITION_NAMES[position];
  return z
    .array(
      z.strictObject(
        {
          id: z
            .string({ error: `${p}互评指标编码必须是文字` })
            .trim()
            .min(1, `请填写${p}互评指标编码`)
            .max(20, `${p}互评指标编码不能超过 20 个字`),
          weight: num(`${p}互评指标权重`).min(0, `${p}互评指标权重不能为负数`).max(1, `${p}互评指标权重不能超过 1`),
        },
        { error: `${p}互评指标格式不正确` },
      ),
      { error: `${p}互评指标格式不正确` },
    )
    .min(1, `${p}至少需要一项互评指标`)
    .max(20, `${p}互评指标不能超过 20 项`);
};

const staffPoints = z.strictObject(
  Object.fromEntries(
    (['excellent', 'good', 'fair', 'poor'] as const).map((g) => [g, score(`职工测评“${STAFF_GRADE_LABELS[g]}”折算分`)]),
  ) as Record<StaffGrade, ReturnType<typeof score>>,
  { error: '职工测评折算分格式不正确' },
);

const perComponent = <T extends z.ZodType>(make: (c: Component) => T, label: string) =>
  z.strictObject(Object.fromEntries(COMPONENTS.map((c) => [c, make(c)])) as Record<Component, T>, {
    error: `${label}格式不正确`,
  });

export const rankingConfigSchema = z
  .strictObject(
    {
      weights: z.strictObject(
        { chief: componentWeights('chief'), deputy: componentWeights('deputy') },
        { error: '权重格式不正确' },
      ),
      indicators: z.strictObject(
        { chief: indicatorList('chief'), deputy: indicatorList('deputy') },
        { error: '互评指标格式不正确' },
      ),
      superiorFloor: score('上级排名末位得分'),
      staffPoints,
      minBallots: perComponent((c) => count(`${COMPONENT_LABELS[c]}最少有效票数`, 1), '最少有效票数'),
      trim: perComponent(
        (c) => z.boolean({ error: `${COMPONENT_LABELS[c]}是否去掉最高最低分必须是“是”或“否”` }),
        '去掉最高最低分',
      ),
      trimMinBallots: count('去掉最高最低分的最少票数', 3),
      bonusCap: num('加分上限').min(0, '加分上限不能为负数').max(100, '加分上限不能超过 100'),
      penaltyCap: num('减分上限').min(0, '减分上限不能为负数').max(100, '减分上限不能超过 100').nullable(),
      excellentRatio: num('优秀比例').min(0, '优秀比例必须在 0–1 之间').max(1, '优秀比例必须在 0–1 之间'),
      excellentMinScore: score('优秀最低分'),
      competentMinScore: score('称职最低分'),
      basicMinScore: score('基本称职最低分'),
      vetoGrade: z.enum(['excellent', 'competent', 'basicallyCompetent', 'incompetent'], {
        error: '一票否决后的等次不正确',
      }),
      // Absent in configurations saved before the setting existed: scoring counts them per group.
      excellentQuotaScope: z
        .enum(['group', 'position'], { error: '优秀名额计算范围必须是“按组计算”或“正职、副职分别合并计算”' })
        .optional(),
      // Not scoring's: the share of 应到 below which 实到 is warned about before 汇总 (issue 21 §3); absent = 2/3.
      participationMinShare: num('参评率提醒下限')
        .min(0, '参评率提醒下限必须在 0–1 之间')
        .max(1, '参评率提醒下限必须在 0–1 之间')
        .optional(),
      // Absent: no 优秀 cap on a staff form (shared/assessment/excellent-cap.ts).
      staffExcellentCap: num('职工测评票优秀比例上限')
        .gt(0, '职工测评票优秀比例上限必须大于 0、不超过 1')
        .max(1, '职工测评票优秀比例上限必须大于 0、不超过 1')
        .optional(),
    },
    { error: '考核配置格式不正确' },
  )
  .superRefine((c, ctx) => {
    for (const position of POSITIONS) {
      const p = POSITION_NAMES[position];
      const w = c.weights[position];
      if (COMPONENTS.every((k) => w[k] === 0)) {
        ctx.addIssue({ code: 'custom', message: `${p}四项权重不能全为 0`, path: ['weights', position] });
      }
      const list = c.indicators[position];
      const sum = list.reduce((s, i) => s + i.weight, 0);
      if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
        ctx.addIssue({
          code: 'custom',
          message: `${p}互评指标权重之和必须为 1（当前为 ${Math.round(sum * 1e6) / 1e6}）`,
          path: ['indicators', position],
        });
      }
      const ids = list.map((i) => i.id);
      const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
      if (repeated !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${p}互评指标“${repeated}”重复`, path: ['indicators', position] });
      }
    }
    if (c.basicMinScore > c.competentMinScore) {
      ctx.addIssue({ code: 'custom', message: '基本称职最低分不能高于称职最低分', path: ['basicMinScore'] });
    }
    if (c.competentMinScore > c.excellentMinScore) {
      ctx.addIssue({ code: 'custom', message: '称职最低分不能高于优秀最低分', path: ['competentMinScore'] });
    }
  });

/** Component weights alone (the what-if panel moves only these), with the same rules and messages as in the configuration. */
export const weightsSchema = z
  .strictObject({ chief: componentWeights('chief'), deputy: componentWeights('deputy') }, { error: '权重格式不正确' })
  .superRefine((w, ctx) => {
    for (const position of POSITIONS) {
      if (COMPONENTS.every((k) => w[position][k] === 0)) {
        ctx.addIssue({ code: 'custom', message: `${POSITION_NAMES[position]}四项权重不能全为 0`, path: [position] });
      }
    }
  });

/** The configuration a new assessment starts from (catalog.md's defaults), with the catalog's indicators when given. */
export function defaultAssessmentConfig(
  indicators?: readonly { code: string; position: Position; weight: number }[],
): RankingConfig {
  const config = defaultRankingConfig();
  if (indicators && indicators.length > 0) {
    for (const position of POSITIONS) {
      const list = indicators.filter((i) => i.position === position).map((i) => ({ id: i.code, weight: i.weight }));
      if (list.length > 0) config.indicators[position] = list;
    }
  }
  return config;
}

/** The first problem of a configuration in Chinese, or null when it is valid (for the form's live validation). */
export function configProblems(config: unknown): { path: string; message: string }[] {
  const r = rankingConfigSchema.safeParse(config);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
