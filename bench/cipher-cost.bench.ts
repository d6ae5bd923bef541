// What the encryption costs (issue 19 §2): the same store workloads on the encrypted store and on a plain SQLite copy of
// its schema with the same connection settings, in one run, at 300,000 dossier entries; each figure with its ratio.
// The target (≤ 1.3×) is on the figures a session lives with: reads once the page cache holds what they touch, and
// writes. A read's first run after opening is printed too but has no target: every page it touches is decrypted once.
// Small transactions are bounded by the cipher's cost per written page (bench/cipher-pages.bench.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { enableWrites, openEncrypted, type RawDb } from '../db/store/connection';
import { BENCH_CADRES, BENCH_ENTRIES } from './dossier-data';
import { percentile, record, timed } from './figures';
import { openPlainStore } from './plain-store';
import { fillStore, kyselyOf, storeWorkloads } from './store-workloads';

const work = mkdtempSync(join(tmpdir(), 'bench-cipher-'));
const key = randomBytes(32);
const files = { plain: join(work, 'plain.db'), encrypted: join(work, 'store.db') };
const open = {
  plain: () => openPlainStore(files.plain),
  encrypted: (create = false) => {
    const raw = openEncrypted(files.encrypted, key, { create });
    enableWrites(raw);
    return raw;
  },
};
const MB = 1024 * 1024;

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('plain SQLite vs the encrypted store, same workloads, 300,000 entries', async () => {
  const fill = async (raw: RawDb) => {
    const t = await timed(() => fillStore(raw, BENCH_CADRES, BENCH_ENTRIES));
    raw.close();
    return t.ms / 1000;
  };
  const fillPlain = await fill(open.plain());
  const fillEncrypted = await fill(open.encrypted(true));
  const label = `${BENCH_CADRES.toLocaleString('en')} cadres, ${BENCH_ENTRIES.toLocaleString('en')} entries`;
  record(`fixture: filling ${label}, plain (not a target)`, fillPlain, 's');
  record(`fixture: filling ${label}, encrypted (ratio ${(fillEncrypted / fillPlain).toFixed(2)}×)`, fillEncrypted, 's');

  // Opened again, as at a login: each connection starts with an empty page cache.
  const conns = { plain: open.plain(), encrypted: open.encrypted() };
  const dbs = { plain: kyselyOf(conns.plain), encrypted: kyselyOf(conns.encrypted) };
  record('store file size after filling (encrypted)', statSync(files.encrypted).size / MB, 'MB');
  record('page cache of the encrypted connection (cache_size at open)', cacheBytes(conns.encrypted) / MB, 'MB');
  try {
    for (const w of storeWorkloads(BENCH_CADRES)) {
      const times = { plain: [] as number[], encrypted: [] as number[] };
      for (let round = 0; round < w.rounds; round++) {
        // Plain first in one round, encrypted first in the next: neither always runs on the other's warm OS cache.
        const order = round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
        const counts: number[] = [];
        for (const kind of order) {
          const t = await timed(() => w.run(conns[kind], dbs[kind], round));
          times[kind].push(t.ms);
          counts.push(t.value);
        }
        expect(counts[0]).toBe(counts[1]);
      }
      const first = (kind: 'plain' | 'encrypted') => times[kind][0] ?? Number.NaN;
      const steady = (kind: 'plain' | 'encrypted') => percentile(times[kind].slice(1), 50);
      if (w.kind === 'read') {
        figure(`${w.name}, first run after opening`, first('plain'), first('encrypted'));
        figure(`${w.name}, median of later runs`, steady('plain'), steady('encrypted'), 1.3);
      } else {
        figure(w.name, percentile(times.plain, 50), percentile(times.encrypted, 50), 1.3);
      }
    }
    record('resident memory of the bench process at the end', process.memoryUsage().rss / MB, 'MB');
  } finally {
    await dbs.plain.destroy();
    await dbs.encrypted.destroy();
  }
});

function figure(name: string, plain: number, encrypted: number, target?: number): void {
  record(`${name}: plain`, plain, 'ms');
  record(`${name}: encrypted`, encrypted, 'ms');
  record(`${name}: ratio`, encrypted / plain, '×', target);
}

function cacheBytes(raw: RawDb): number {
  const pages = Number(raw.pragma('cache_size', { simple: true }));
  return pages < 0 ? -pages * 1024 : pages * Number(raw.pragma('page_size', { simple: true }));
}
