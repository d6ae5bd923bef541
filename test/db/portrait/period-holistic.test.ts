// portrait.get's 统计期 (本年度 / 近三年 / 任现职以来, computed by the store from the profile's 任职时间) and the one
// source of the 综合评价 texts: the latest S3.5 entry and the profile, until an evaluation is saved.
import { describe, expect, test } from 'vitest';
import { addEntry, dossierCadre } from '../../helpers/dossier';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { addUnit, cadreInput } from '../../helpers/roster';

const AS_OF = '2025-12-31';

/** A cadre in post since 2024-05 with four positive P3 entries (each +3 to D2 and D4) spread over the years. */
async function cadreWithHistory(h: TestHost, postSince = '2024-05') {
  const unit = await addUnit(h, '乌兰镇');
  const cadreId = (
    await h.ok('cadres.create', { input: cadreInput(unit.id, { name: '朝鲁', idNumber: '', postSince }) })
  ).id;
  for (const date of ['2022-03-01', '2024-02-01', '2024-06-01', '2025-04-01'])
    await addEntry(h, cadreId, { date, title: `优秀学员 ${date}` });
  return cadreId;
}

const d4 = async (h: TestHost, cadreId: number, period?: 'year' | 'threeYears' | 'sincePost') => {
  const p = await h.ok('portrait.get', { cadreId, asOf: AS_OF, ...(period ? { period } : {}) });
  return {
    from: p.result.windowFrom,
    d4: p.result.dimensions.find((d) => d.code === 'D4')!.index,
    total: p.result.counts.total,
    period: p.period,
  };
};

describe('the portrait period', () => {
  test('本年度, 近三年 and 任现职以来 count different entries, decided by the store', async () => {
    const h = await newHostWithStore();
    const cadreId = await cadreWithHistory(h);
    expect(await d4(h, cadreId, 'year')).toMatchObject({
      from: '2025-01-01',
      d4: 83,
      total: 1,
      period: { key: 'year', label: '本年度', note: null },
    });
    expect(await d4(h, cadreId, 'threeYears')).toMatchObject({
      from: '2023-01-01',
      d4: 89,
      total: 3,
      period: { label: '近三年' },
    });
    expect(await d4(h, cadreId, 'sincePost')).toMatchObject({
      from: '2024-05-01',
      d4: 86,
      total: 2,
      period: { label: '任现职以来', note: null },
    });
    // Without a period the configured window (3 years) applies, as the print uses it.
    expect(await d4(h, cadreId)).toMatchObject({ from: '2023-01-01', d4: 89, period: { key: null, label: '近3年' } });
  });

  test('任现职以来 without a 任职时间 says so and counts the last three years', async () => {
    const h = await newHostWithStore();
    const cadreId = await cadreWithHistory(h, '');
    const r = await d4(h, cadreId, 'sincePost');
    expect(r).toMatchObject({ from: '2023-01-01', total: 3 });
    expect(r.period.note).toContain('未填写任职时间');
  });

  test('an unknown period is refused in Chinese, naming the field', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    expect(await h.err('portrait.get', { cadreId, period: 'decade' })).toMatchObject({
      code: 'VALIDATION',
      field: 'period',
      message: '统计期必须是本年度、近三年、任现职以来之一',
    });
  });
});

describe('the holistic evaluation texts', () => {
  test('before anything is saved they come from the latest S3.5 entry and the profile; a saved evaluation replaces them', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h); // profile: 熟悉领域 基层党建、农牧业; 主要特点 政治坚定，扎根基层; 存在不足 理论学习有待加强
    const s35 = {
      subItemCode: 'S3.5',
      channelCode: 'CH01',
      polarity: 'neutral' as const,
      listItemCode: null,
      standardCodes: [],
    };
    await addEntry(h, cadreId, { ...s35, date: '2024-06-01', title: '2024年考察评价', content: '能力特点：旧的评价' });
    const latest = await addEntry(h, cadreId, {
      ...s35,
      date: '2025-03-01',
      title: '2025年考察整体性评价',
      content: '能力特点：统筹协调能力强；性格不足：有时急于求成；熟悉领域：乡村振兴',
    });
    const p = await h.ok('portrait.get', { cadreId, asOf: AS_OF });
    expect(p.holistic).toMatchObject({
      abilities: '统筹协调能力强\n政治坚定，扎根基层',
      weaknesses: '有时急于求成\n理论学习有待加强',
      familiarFields: '乡村振兴\n基层党建、农牧业',
      source: 'draft',
      entryId: latest.id,
    });
    expect(p.holistic.basis).toBe(
      '根据2025-03-01 整体性评价意见“2025年考察整体性评价”和干部信息中的熟悉领域、主要特点、存在不足生成，尚未保存',
    );
    await h.ok('portrait.saveEvaluation', {
      cadreId,
      abilities: '改写后的能力特点',
      weaknesses: '',
      familiarFields: '乡村振兴',
      baseVersion: 0,
    });
    const saved = await h.ok('portrait.get', { cadreId, asOf: AS_OF });
    expect(saved.holistic).toMatchObject({
      abilities: '改写后的能力特点',
      weaknesses: '',
      familiarFields: '乡村振兴',
      source: 'saved',
    });
  });
});
