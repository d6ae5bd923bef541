// 缺什么补什么: the suggested handling for a weak dimension, by dimension code.

export const WEAK_DIMENSION_MEASURES: Readonly<Record<string, readonly string[]>> = {
  D1: ['党性教育', '政治公开承诺'],
  D2: ['理想信念教育', '党性教育'],
  D3: ['吃劲岗位锻炼', '复杂环境磨砺'],
  D4: ['岗位历练', '专题培训'],
  D5: ['提醒谈话', '廉政教育'],
};

/** For a dimension an administrator added later, without its own table row. */
export const GENERIC_MEASURES: readonly string[] = ['针对性教育培训', '谈心谈话'];

export const measuresFor = (dimensionCode: string): readonly string[] =>
  WEAK_DIMENSION_MEASURES[dimensionCode] ?? GENERIC_MEASURES;
