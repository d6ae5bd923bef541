// The portrait model: every rule of catalog.md, window edges, clamp, veto, multi-dimension items, suggestions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGS } from '../../../shared/catalog/defaults';
import {
  computePortrait,
  DEFAULT_PORTRAIT_CONFIG,
  type PortraitConfig,
  type PortraitEvidence,
  type PortraitListItem,
  SAMPLE_AS_OF,
  SAMPLE_EVIDENCE,
} from '../../../shared/portrait';

const catalog = { dimensions: DEFAULT_CATALOGS.dimensions, listItems: DEFAULT_CATALOGS.listItems };
const AS_OF = '2025-06-30';
let nextId = 1;
const ev = (
  listItemCode: string | null,
  date = '2025-01-10',
  polarity: PortraitEvidence['polarity'] = 'positive',
  standards: string[] = [],
): PortraitEvidence => ({
  id: nextId++,
  date,
  listItemCode,
  standards,
  polarity,
});
const run = (
  evidence: readonly PortraitEvidence[],
  config: Partial<PortraitConfig> = {},
  asOf = AS_OF,
  listItems: readonly PortraitListItem[] = catalog.listItems,
) =>
  computePortrait({
    catalog: { dimensions: catalog.dimensions, listItems },
    config: { ...DEFAULT_PORTRAIT_CONFIG, ...config },
    asOf,
    evidence,
  });
const index = (r: ReturnType<typeof run>, code: string) => r.dimensions.find((d) => d.code === code)?.index;

describe('default model of catalog.md', () => {
  it('starts every dimension at 80 with no evidence; overall 80 → 较好', () => {
    const r = run([]);
    expect(r.dimensions.map((d) => [d.code, d.index])).toEqual([
      ['D1', 80],
      ['D2', 80],
      ['D3', 80],
      ['D4', 80],
      ['D5', 80],
    ]);
    expect(r.overall).toBe(80);
    expect(r.classificationLabel).toBe('较好');
    expect(r.counts).toEqual({ positive: 0, negative: 0, neutral: 0, total: 0 });
    expect(r.veto.present).toBe(false);
    expect(r.suggestions).toEqual([]);
  });

  it('a positive item adds its points to each of its dimensions (P1: D3, D1 +5)', () => {
    const e = ev('P1');
    const r = run([e]);
    expect(index(r, 'D1')).toBe(85);
    expect(index(r, 'D3')).toBe(85);
    expect(index(r, 'D2')).toBe(80);
    expect(r.overall).toBe(82);
    const d3 = r.dimensions.find((d) => d.code === 'D3');
    expect(d3?.contributions).toEqual([{ entryId: e.id, date: e.date, listItemCode: 'P1', points: 5 }]);
  });

  it('a negative item subtracts its points from each of its dimensions (N2: D1, D4 −8)', () => {
    const r = run([ev('N2', '2025-02-01', 'negative')]);
    expect(index(r, 'D1')).toBe(72);
    expect(index(r, 'D4')).toBe(72);
    expect(index(r, 'D5')).toBe(80);
    expect(r.overall).toBe(76.8);
    expect(r.classificationLabel).toBe('一般');
  });

  it('applies every default list item with its points to exactly its dimensions', () => {
    for (const item of catalog.listItems) {
      const r = run([ev(item.code, '2025-01-01', item.polarity)]);
      for (const d of r.dimensions) expect(d.index).toBe(item.dimensions.includes(d.code) ? 80 + item.points : 80);
    }
  });

  it('several entries add up; entries without a list item move nothing but are counted', () => {
    const r = run([
      ev('P1'),
      ev('P6'),
      ev('P4'),
      ev(null, '2025-03-01', 'neutral'),
      ev(null, '2025-03-02', 'negative'),
    ]);
    expect(index(r, 'D3')).toBe(94); // 80 + 5 + 5 + 4
    expect(index(r, 'D1')).toBe(90); // 80 + 5 + 5
    expect(index(r, 'D5')).toBe(84);
    expect(r.counts).toEqual({ positive: 3, negative: 1, neutral: 1, total: 5 });
  });

  it('overall is the mean of the five dimensions rounded half away from zero to 2 decimals', () => {
    // D4 +3, D2 +3 (P3) and D5 −6 (N4): (80 + 83 + 80 + 83 + 74) / 5 = 80
    expect(run([ev('P3'), ev('N4', '2025-01-02', 'negative')]).overall).toBe(80);
    // dimension indices keep 2 decimals; the mean is rounded again: 80.03 + 4 × 80 → 80.006 → 80.01; −0.03 → 79.994 → 79.99
    const x = (points: number): PortraitListItem[] => [
      { code: 'X', name: 'x', polarity: 'positive', dimensions: ['D1'], points, veto: false },
    ];
    expect(run([ev('X')], {}, AS_OF, x(0.03)).overall).toBe(80.01);
    expect(run([ev('X')], {}, AS_OF, x(-0.03)).overall).toBe(79.99);
    expect(index(run([ev('X')], {}, AS_OF, x(1 / 3)), 'D1')).toBe(80.33);
  });

  it('classifies by thresholds 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, else 较差', () => {
    const withStart = (startValue: number) => run([], { startValue });
    expect(withStart(90).classificationLabel).toBe('好');
    expect(withStart(89.99).classificationLabel).toBe('较好');
    expect(withStart(80).classificationLabel).toBe('较好');
    expect(withStart(79.99).classificationLabel).toBe('一般');
    expect(withStart(60).classificationLabel).toBe('一般');
    expect(withStart(59.99).classificationLabel).toBe('较差');
    expect(withStart(90).reason).toContain('综合指数 90');
  });

  it('a veto item caps the classification at 较差 whatever the index, with the entries behind it', () => {
    const veto = ev('N1', '2025-04-01', 'negative');
    const r = run([ev('P1'), ev('P6'), ev('P2'), veto], { startValue: 100 });
    expect(r.overall).toBeGreaterThanOrEqual(90);
    expect(r.classification).toBe('poor');
    expect(r.classificationLabel).toBe('较差');
    expect(r.veto).toEqual({ present: true, entries: [{ entryId: veto.id, listItemCode: 'N1' }] });
    expect(r.reason).toContain('一票否决');
    expect(r.reason).toContain('N1');
  });

  it('a veto item outside the window does not cap', () => {
    const r = run([ev('N1', '2021-01-01', 'negative')]);
    expect(r.veto.present).toBe(false);
    expect(r.classificationLabel).toBe('较好');
  });
});

describe('clamp', () => {
  it('never goes above 100', () => {
    const r = run(Array.from({ length: 10 }, () => ev('P1')));
    expect(index(r, 'D1')).toBe(100);
    expect(r.dimensions.find((d) => d.code === 'D1')?.pointsTotal).toBe(50);
  });
  it('never goes below 0', () => {
    const r = run(Array.from({ length: 6 }, () => ev('N1', '2025-01-01', 'negative')));
    expect(index(r, 'D5')).toBe(0);
    expect(index(r, 'D1')).toBe(0);
  });
  it('clamps the sum, not each step (−20 then +30 from 10 ends at 20 with a 0 floor)', () => {
    const items: PortraitListItem[] = [
      { code: 'X1', name: 'minus', polarity: 'negative', dimensions: ['D1'], points: -20, veto: false },
      { code: 'X2', name: 'plus', polarity: 'positive', dimensions: ['D1'], points: 30, veto: false },
    ];
    const r = run([ev('X1', '2025-01-01'), ev('X2', '2025-01-02')], { startValue: 10 }, AS_OF, items);
    expect(index(r, 'D1')).toBe(20);
  });
  it('uses a configured clamp range', () => {
    expect(
      index(
        run(
          Array.from({ length: 5 }, () => ev('P1')),
          { clampMax: 95 },
        ),
        'D1',
      ),
    ).toBe(95);
  });
});

describe('window edges (asOf − years < date ≤ asOf)', () => {
  it('the day exactly windowYears before asOf does not count; the next day does', () => {
    expect(index(run([ev('P1', '2022-06-30')]), 'D1')).toBe(80);
    expect(index(run([ev('P1', '2022-07-01')]), 'D1')).toBe(85);
    expect(run([]).windowFrom).toBe('2022-07-01');
  });
  it('asOf itself counts; the day after does not', () => {
    expect(index(run([ev('P1', '2025-06-30')]), 'D1')).toBe(85);
    expect(index(run([ev('P1', '2025-07-01')]), 'D1')).toBe(80);
  });
  it('follows a configured window length', () => {
    expect(index(run([ev('P1', '2024-06-30')], { windowYears: 1 }), 'D1')).toBe(80);
    expect(index(run([ev('P1', '2024-07-01')], { windowYears: 1 }), 'D1')).toBe(85);
  });
  it('29 February as of date falls back to 28 February in a common year', () => {
    const r = run([ev('P1', '2021-02-28'), ev('P1', '2021-03-01')], {}, '2024-02-29');
    expect(r.windowFrom).toBe('2021-03-01');
    expect(index(r, 'D1')).toBe(85);
  });
  it('counts only window entries in the positive/negative/neutral counts', () => {
    const r = run([
      ev(null, '2020-01-01', 'negative'),
      ev(null, '2025-01-01', 'negative'),
      ev(null, '2030-01-01', 'positive'),
    ]);
    expect(r.counts).toEqual({ positive: 0, negative: 1, neutral: 0, total: 1 });
  });
  it('rejects a malformed asOf', () => {
    expect(() => run([], {}, '2025-13-01')).toThrow('评价基准日期');
  });
});

describe('catalog changes', () => {
  it('an entry with a retired list item still counts', () => {
    const items = catalog.listItems.map((i) => (i.code === 'P1' ? { ...i, retired: true } : i));
    expect(index(run([ev('P1')], {}, AS_OF, items), 'D3')).toBe(85);
  });
  it('changed points and dimensions of a list item are used', () => {
    const items = catalog.listItems.map((i) =>
      i.code === 'P1' ? { ...i, points: 7, dimensions: ['D2', 'D4', 'D5'] } : i,
    );
    const r = run([ev('P1')], {}, AS_OF, items);
    expect([index(r, 'D1'), index(r, 'D2'), index(r, 'D3'), index(r, 'D4'), index(r, 'D5')]).toEqual([
      80, 87, 80, 87, 87,
    ]);
  });
  it('an unknown list item code moves nothing and is reported', () => {
    const e = ev('P99');
    const r = run([e]);
    expect(r.overall).toBe(80);
    expect(r.unknownListItems).toEqual([{ entryId: e.id, listItemCode: 'P99' }]);
  });
  it('a dimension named twice on an item counts once', () => {
    const items: PortraitListItem[] = [
      { code: 'X', name: 'x', polarity: 'positive', dimensions: ['D1', 'D1'], points: 5, veto: false },
    ];
    expect(index(run([ev('X')], {}, AS_OF, items), 'D1')).toBe(85);
  });
  it('entries bearing on a standard but no list item appear as related entries under its dimension', () => {
    const e = ev(null, '2025-01-01', 'neutral', ['D2.1', 'D5.3']);
    const moved = ev('P1', '2025-01-01', 'positive', ['D1.1']);
    const r = run([e, moved]);
    expect(r.dimensions.find((d) => d.code === 'D2')?.relatedEntryIds).toEqual([e.id]);
    expect(r.dimensions.find((d) => d.code === 'D5')?.relatedEntryIds).toEqual([e.id]);
    expect(r.dimensions.find((d) => d.code === 'D1')?.relatedEntryIds).toEqual([]);
  });
});

describe('suggested handling for weak dimensions (缺什么补什么)', () => {
  it('suggests measures for dimensions below 80 by default', () => {
    const r = run([ev('N4', '2025-01-01', 'negative'), ev('N3', '2025-01-02', 'negative')]);
    expect(r.suggestions.map((s) => [s.dimensionCode, s.index, s.measures])).toEqual([
      ['D2', 75, ['理想信念教育', '党性教育']],
      ['D4', 75, ['岗位历练', '专题培训']],
      ['D5', 74, ['提醒谈话', '廉政教育']],
    ]);
  });
  it('covers 政治忠诚 and 政治担当 and follows the configured threshold', () => {
    const r = run([ev('N6', '2025-01-01', 'negative'), ev('N5', '2025-01-02', 'negative')], { weakBelow: 73 });
    expect(r.suggestions.map((s) => [s.dimensionName, s.measures.join('、')])).toEqual([
      ['政治忠诚', '党性教育、政治公开承诺'],
      ['政治自律', '提醒谈话、廉政教育'],
    ]);
    const r2 = run([ev('N6', '2025-01-01', 'negative')]);
    expect(r2.suggestions.find((s) => s.dimensionCode === 'D3')?.measures).toEqual(['吃劲岗位锻炼', '复杂环境磨砺']);
  });
});

describe('sample shown on the catalog page', () => {
  it('computes a stable example', () => {
    const r = run(SAMPLE_EVIDENCE, {}, SAMPLE_AS_OF);
    expect(r.counts).toEqual({ positive: 3, negative: 2, neutral: 1, total: 6 });
    expect(r.dimensions.map((d) => d.index)).toEqual([85, 83, 83, 81, 74]);
    expect(r.overall).toBe(81.2);
    expect(r.classificationLabel).toBe('较好');
  });
});

describe('malformed evidence', () => {
  it('an entry with an impossible date is left out of the window', () => {
    const r = run([ev('P1', '2025-02-30'), ev('P1', '2025-1-5')]);
    expect(r.counts.total).toBe(0);
    expect(r.overall).toBe(80);
  });
});
