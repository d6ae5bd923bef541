// computePortrait at the scale of issue 4: 300,000 entries over 10,000 cadres (30 per cadre on average).
import { expect, test } from 'vitest';
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { computePortrait, DEFAULT_PORTRAIT_CONFIG, type PortraitEvidence } from '../shared/portrait';
import { percentile, record } from './figures';

/** A small deterministic generator, so every run measures the same evidence. */
function evidenceFor(cadre: number, count: number): PortraitEvidence[] {
  let seed = cadre * 2654435761;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const codes = [null, null, ...DEFAULT_CATALOGS.listItems.map((i) => i.code)];
  const standards = DEFAULT_CATALOGS.dimensions.flatMap((d) => d.standards.map((s) => s.code));
  return Array.from({ length: count }, (_, i) => {
    const code = codes[Math.floor(next() * codes.length)]!;
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    return {
      id: cadre * 1000 + i,
      date: `${2020 + Math.floor(next() * 6)}-${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      listItemCode: code,
      standards: [standards[Math.floor(next() * standards.length)]!],
      polarity: code === null ? 'neutral' : code.startsWith('P') ? 'positive' : 'negative',
    };
  });
}

test('computePortrait for 10,000 cadres with 30 entries each, and one cadre with 3,000', () => {
  const catalog = { dimensions: DEFAULT_CATALOGS.dimensions, listItems: DEFAULT_CATALOGS.listItems };
  const times: number[] = [];
  let total = 0;
  const t0 = performance.now();
  for (let cadre = 1; cadre <= 10_000; cadre += 1) {
    const evidence = evidenceFor(cadre, 30);
    const t = performance.now();
    const r = computePortrait({ catalog, config: DEFAULT_PORTRAIT_CONFIG, asOf: '2025-06-30', evidence });
    times.push(performance.now() - t);
    total += r.counts.total;
  }
  record('computePortrait, all 10,000 cadres (incl. generating evidence)', performance.now() - t0, 'ms');
  record('computePortrait, one cadre of 30 entries, p95', percentile(times, 95), 'ms', 5);
  expect(total).toBeGreaterThan(0);
  const big = evidenceFor(0, 3000);
  const t = performance.now();
  computePortrait({ catalog, config: DEFAULT_PORTRAIT_CONFIG, asOf: '2025-06-30', evidence: big });
  record('computePortrait, one cadre of 3,000 entries', performance.now() - t, 'ms', 30);
});
