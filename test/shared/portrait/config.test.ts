// The portrait configuration schema: the defaults pass; each bad value gets a Chinese message naming the field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTRAIT_CONFIG, portraitConfigSchema } from '../../../shared/portrait';

const messages = (patch: Record<string, unknown>) => {
  const r = portraitConfigSchema.safeParse({ ...DEFAULT_PORTRAIT_CONFIG, ...patch });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('portrait configuration', () => {
  it('has the defaults of catalog.md and they are valid', () => {
    expect(DEFAULT_PORTRAIT_CONFIG).toEqual({
      startValue: 80,
      windowYears: 3,
      clampMin: 0,
      clampMax: 100,
      goodMin: 90,
      fairlyGoodMin: 80,
      averageMin: 60,
      weakBelow: 80,
    });
    expect(portraitConfigSchema.safeParse(DEFAULT_PORTRAIT_CONFIG).success).toBe(true);
  });

  it.each([
    [{ startValue: 'x' }, '起始分值必须是数字'],
    [{ startValue: 101 }, '起始分值应在 0 到 100 之间'],
    [{ startValue: Number.NaN }, '起始分值必须是数字'],
    [{ windowYears: 0 }, '统计期（年）至少 1 年'],
    [{ windowYears: 2.5 }, '统计期（年）必须是整数'],
    [{ windowYears: 21 }, '统计期（年）不能超过 20 年'],
    [{ clampMin: -1 }, '指数下限应在 0 到 100 之间'],
    [{ clampMin: 50, clampMax: 50 }, '指数上限必须大于指数下限'],
    [{ clampMin: 85 }, '起始分值必须在指数下限和上限之间'],
    [{ goodMin: 80 }, '“好”的最低指数必须高于“较好”的最低指数'],
    [{ averageMin: 85, goodMin: 95 }, '“较好”的最低指数必须高于“一般”的最低指数'],
    [{ weakBelow: 120 }, '薄弱维度判定线应在 0 到 100 之间'],
    [{ extra: 1 }, '评价模型配置格式不正确'],
  ])('%o → %s', (patch, message) => {
    const got = messages(patch);
    expect(
      got.some((m) => m.includes(message)),
      got.join(' | '),
    ).toBe(true);
  });
});
