// The portrait model's default configuration and its validation schema (Chinese messages naming the field).
import { z } from 'zod';
import type { PortraitConfig } from './types';

export const DEFAULT_PORTRAIT_CONFIG: PortraitConfig = {
  startValue: 80,
  windowYears: 3,
  clampMin: 0,
  clampMax: 100,
  goodMin: 90,
  fairlyGoodMin: 80,
  averageMin: 60,
  weakBelow: 80,
};

export const PORTRAIT_CONFIG_LABELS: Readonly<Record<keyof PortraitConfig, string>> = {
  startValue: '起始分值',
  windowYears: '统计期（年）',
  clampMin: '指数下限',
  clampMax: '指数上限',
  goodMin: '“好”的最低指数',
  fairlyGoodMin: '“较好”的最低指数',
  averageMin: '“一般”的最低指数',
  weakBelow: '薄弱维度判定线',
};

const score = (key: keyof PortraitConfig) => {
  const label = PORTRAIT_CONFIG_LABELS[key];
  return z
    .number({ error: `${label}必须是数字` })
    .refine(Number.isFinite, { error: `${label}必须是数字` })
    .refine((v) => v >= 0 && v <= 100, { error: `${label}应在 0 到 100 之间` });
};

export const portraitConfigSchema = z
  .strictObject(
    {
      startValue: score('startValue'),
      windowYears: z
        .number({ error: '统计期（年）必须是数字' })
        .int('统计期（年）必须是整数')
        .min(1, '统计期（年）至少 1 年')
        .max(20, '统计期（年）不能超过 20 年'),
      clampMin: score('clampMin'),
      clampMax: score('clampMax'),
      goodMin: score('goodMin'),
      fairlyGoodMin: score('fairlyGoodMin'),
      averageMin: score('averageMin'),
      weakBelow: score('weakBelow'),
    },
    { error: '评价模型配置格式不正确' },
  )
  .superRefine((c, ctx) => {
    const issue = (path: keyof PortraitConfig, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.clampMin >= c.clampMax) issue('clampMax', '指数上限必须大于指数下限');
    else if (c.startValue < c.clampMin || c.startValue > c.clampMax)
      issue('startValue', '起始分值必须在指数下限和上限之间');
    if (c.fairlyGoodMin >= c.goodMin) issue('goodMin', '“好”的最低指数必须高于“较好”的最低指数');
    if (c.averageMin >= c.fairlyGoodMin) issue('fairlyGoodMin', '“较好”的最低指数必须高于“一般”的最低指数');
  });
