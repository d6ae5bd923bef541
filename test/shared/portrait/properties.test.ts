// Properties of the portrait model: order of evidence does not matter; every index stays within the clamp range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGS } from '../../../shared/catalog/defaults';
import { computePortrait, DEFAULT_PORTRAIT_CONFIG, type PortraitEvidence } from '../../../shared/portrait';

const catalog = { dimensions: DEFAULT_CATALOGS.dimensions, listItems: DEFAULT_CATALOGS.listItems };
const codes = [...catalog.listItems.map((i) => i.code), 'P99'];
const date = fc
  .record({
    y: fc.integer({ min: 2019, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const evidenceList = fc
  .array(
    fc.record({
      date,
      listItemCode: fc.option(fc.constantFrom(...codes), { nil: null }),
      standards: fc.subarray(['D1.1', 'D2.2', 'D3.3', 'D4.4', 'D5.1']),
      polarity: fc.constantFrom('positive', 'negative', 'neutral' as const),
    }),
    { maxLength: 60 },
  )
  .map((list) => list.map((e, i): PortraitEvidence => ({ ...e, id: i + 1 })));
const config = fc.record({
  startValue: fc.integer({ min: 0, max: 100 }),
  windowYears: fc.integer({ min: 1, max: 5 }),
});

describe('portrait model properties', () => {
  it('the order of the entries does not change the result', () => {
    fc.assert(
      fc.property(evidenceList, config, fc.integer(), (evidence, c, seed) => {
        const shuffled = [...evidence].sort((a, b) => ((a.id * 7919 + seed) % 97) - ((b.id * 7919 + seed) % 97));
        const input = { catalog, config: { ...DEFAULT_PORTRAIT_CONFIG, ...c }, asOf: '2025-06-30' };
        expect(computePortrait({ ...input, evidence: shuffled })).toEqual(computePortrait({ ...input, evidence }));
      }),
    );
  });

  it('every index and the overall index stay within 0..100', () => {
    fc.assert(
      fc.property(evidenceList, config, (evidence, c) => {
        const r = computePortrait({
          catalog,
          config: { ...DEFAULT_PORTRAIT_CONFIG, ...c },
          asOf: '2025-06-30',
          evidence,
        });
        for (const d of r.dimensions) expect(d.index >= 0 && d.index <= 100).toBe(true);
        expect(r.overall >= 0 && r.overall <= 100).toBe(true);
        if (r.veto.present) expect(r.classificationLabel).toBe('较差');
      }),
    );
  });
});
