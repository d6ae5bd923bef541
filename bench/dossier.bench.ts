// The dossier at the scale of issue 4: 300,000 entries over 10,000 cadres; reading a whole dossier and adding an entry.
import { expect, test } from 'vitest';
import { prng } from '../test/db/roster/lrmx/generate';
import { BENCH_CADRES as CADRES, dossierBenchStore } from './dossier-data';
import { percentile, record, timed } from './figures';

const { call } = dossierBenchStore('bench-dossier-');

test('a cadre’s whole dossier read from the store (300,000 entries over 10,000 cadres)', async () => {
  const rnd = prng(9);
  const times: number[] = [];
  let entries = 0;
  for (let i = 0; i < 300; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const r = await timed(() => call('dossier.get', { cadreId }));
    times.push(r.ms);
    entries += r.value.entries.length;
  }
  expect(entries / 300).toBeGreaterThan(20);
  record(
    'whole dossier of one cadre (dossier.get, ~30 entries), 95th percentile of 300',
    percentile(times, 95),
    'ms',
    30,
  );
  record('whole dossier of one cadre, median', percentile(times, 50), 'ms');
  const filtered: number[] = [];
  for (let i = 0; i < 100; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    filtered.push((await timed(() => call('dossier.get', { cadreId, quarter: '2024Q2', standardCode: 'D4.2' }))).ms);
  }
  record('filtered dossier (quarter + standard), 95th percentile of 100', percentile(filtered, 95), 'ms');
});

test('adding an entry (checked, written with its standards and audit entry, read back)', async () => {
  const rnd = prng(13);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const r = await timed(() =>
      call('entries.create', {
        input: {
          cadreId,
          date: '2025-06-30',
          subItemCode: 'S2.2',
          channelCode: 'CH09',
          title: `基准测试材料${i}`,
          content: '学习期间表现突出，被评为优秀学员。',
          polarity: 'positive',
          standardCodes: ['D2.1', 'D4.2'],
          listItemCode: 'P3',
        },
      }),
    );
    times.push(r.ms);
  }
  record('adding an entry (entries.create), 95th percentile of 200', percentile(times, 95), 'ms', 20);
  record('adding an entry, median', percentile(times, 50), 'ms');
});

test('the quarterly completeness of 10,000 cadres in six sections', async () => {
  const times: number[] = [];
  for (const year of [2020, 2021, 2022, 2023, 2024]) {
    for (const q of [1, 2, 3, 4])
      times.push((await timed(() => call('dossier.completeness', { quarter: `${year}Q${q}` }))).ms);
  }
  const r = await call('dossier.completeness', { quarter: '2024Q2' });
  expect(r.cadres).toBe(CADRES);
  record(
    'quarterly completeness dashboard (dossier.completeness), 95th percentile of 20',
    percentile(times, 95),
    'ms',
    500,
  );
});

test('search across all dossiers: 3+ characters from the trigram index, 1-2 characters by scan', async () => {
  const long = ['优秀学员', '表现材料', '材料12', 'S3.1', '日常工作表现', '不存在的词语', '材料2999'];
  const short = ['优', '材料', '表现', '工作', '王', '学员'];
  const run = async (terms: readonly string[], rounds: number) => {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++)
      for (const text of terms) times.push((await timed(() => call('dossier.search', { text }))).ms);
    return times;
  };
  const longTimes = await run(long, 10);
  const shortTimes = await run(short, 5);
  expect((await call('dossier.search', { text: '材料' })).truncated).toBe(true);
  record('search, 3+ characters (dossier.search), 95th percentile of 70', percentile(longTimes, 95), 'ms', 50);
  record('search, 1-2 characters, 95th percentile of 30', percentile(shortTimes, 95), 'ms', 200);
});
