// A cadre's whole dossier plus portrait from the store at the scale of issue 4: 300,000 entries over 10,000 cadres.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppHost } from '../db/app/host';
import { createDispatcher } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import { prng } from '../test/db/roster/lrmx/generate';
import { generateDossiers } from './dossier-data';
import { benchUnits } from './roster-data';
import { percentile, record, timed } from './figures';

const CADRES = 10_000;
const ENTRIES = 300_000;

const work = mkdtempSync(join(tmpdir(), 'bench-portrait-'));
const host = new AppHost({ configDir: join(work, 'config'), defaultStoreDir: join(work, 'store'), storeOptions: { kdfCost: { N: 2 ** 10, r: 8, p: 1 } } });
const dispatch = createDispatcher(host);

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<N>;
}

beforeAll(async () => {
  await call('setup.createStore', { dir: join(work, 'store'), username: 'admin', displayName: '管理员', password: 'Bench@2025' });
  for (const [i, u] of benchUnits(400).entries()) await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
  const g = await timed(() => generateDossiers(host.session().raw, CADRES, ENTRIES));
  record(`generating ${CADRES.toLocaleString('en')} cadres and ${ENTRIES.toLocaleString('en')} entries (fixture, not a target)`, g.ms / 1000, 's');
});

afterAll(async () => {
  await host.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('a cadre’s whole dossier plus portrait from the store (as the dossier view opens them)', async () => {
  const rnd = prng(21);
  const both: number[] = [];
  const portraitOnly: number[] = [];
  let counted = 0;
  for (let i = 0; i < 300; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const t = performance.now();
    const [dossier, portrait] = await Promise.all([call('dossier.get', { cadreId }), call('portrait.get', { cadreId, asOf: '2024-12-31' })]);
    both.push(performance.now() - t);
    expect(portrait.entries.length).toBe(dossier.total);
    counted += portrait.result.counts.total;
    portraitOnly.push((await timed(() => call('portrait.get', { cadreId, asOf: '2024-12-31' }))).ms);
  }
  expect(counted / 300).toBeGreaterThan(10);
  record('whole dossier plus portrait of one cadre (dossier.get + portrait.get, ~30 entries), 95th percentile of 300', percentile(both, 95), 'ms', 30);
  record('whole dossier plus portrait, median', percentile(both, 50), 'ms');
  record('portrait alone (portrait.get), 95th percentile of 300', percentile(portraitOnly, 95), 'ms');
});
