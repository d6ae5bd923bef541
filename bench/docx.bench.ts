// One cadre's dossier written as .docx from the store at the scale of issue 4 (issue 6: a single dossier under 2 s).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { exportDossierDocx } from '../db/dossier/docx-export';
import { prng } from '../test/db/roster/lrmx/generate';
import { BENCH_CADRES as CADRES, dossierBenchStore } from './dossier-data';
import { percentile, record } from './figures';

const { host } = dossierBenchStore('bench-docx-');
const out = mkdtempSync(join(tmpdir(), 'bench-docx-out-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('a cadre’s dossier as .docx (read, portrait, build, zip, atomic write)', async () => {
  const rnd = prng(6);
  const ms: number[] = [];
  let entries = 0;
  let bytes = 0;
  for (let i = 0; i < 100; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const path = join(out, `${i}.docx`);
    const t = performance.now();
    // The service the call runs after the save dialog (the dialog itself is the user's time, not ours).
    const r = await exportDossierDocx(host.session().db, path, cadreId);
    ms.push(performance.now() - t);
    entries += r.entries;
    bytes += statSync(path).size;
  }
  expect(entries / 100).toBeGreaterThan(10);
  record('one dossier as .docx (~30 entries), 95th percentile of 100', percentile(ms, 95), 'ms', 2000);
  record('one dossier as .docx, median', percentile(ms, 50), 'ms');
  record('one dossier as .docx, mean file size', bytes / 100 / 1024, 'KiB');
});
