// A cadre's whole dossier plus portrait from the store at the scale of issue 4: 300,000 entries over 10,000 cadres.
import { expect, test } from 'vitest';
import { prng } from '../test/db/roster/lrmx/generate';
import { BENCH_CADRES as CADRES, dossierBenchStore } from './dossier-data';
import { percentile, record, timed } from './figures';

const { call } = dossierBenchStore('bench-portrait-');

test('a cadre’s whole dossier plus portrait from the store (as the dossier view opens them)', async () => {
  const rnd = prng(21);
  const both: number[] = [];
  const portraitOnly: number[] = [];
  let counted = 0;
  for (let i = 0; i < 300; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const t = performance.now();
    const [dossier, portrait] = await Promise.all([
      call('dossier.get', { cadreId }),
      call('portrait.get', { cadreId, asOf: '2024-12-31' }),
    ]);
    both.push(performance.now() - t);
    expect(portrait.entries.length).toBe(dossier.total);
    counted += portrait.result.counts.total;
    portraitOnly.push((await timed(() => call('portrait.get', { cadreId, asOf: '2024-12-31' }))).ms);
  }
  expect(counted / 300).toBeGreaterThan(10);
  record(
    'whole dossier plus portrait of one cadre (dossier.get + portrait.get, ~30 entries), 95th percentile of 300',
    percentile(both, 95),
    'ms',
    30,
  );
  record('whole dossier plus portrait, median', percentile(both, 50), 'ms');
  record('portrait alone (portrait.get), 95th percentile of 300', percentile(portraitOnly, 95), 'ms');
});
