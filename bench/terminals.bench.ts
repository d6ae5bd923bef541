// Issue 18: importing a 评议终端 return of 10,000 ballots (superior orders and staff votes of one group) into the
// main store, checked, merged and committed in one transaction: target < 5 s.
import { expect, test } from 'vitest';
import { normalizePackagePassword } from '../db/terminal/codes';
import { exportPackage } from '../db/terminal/export';
import { packageContentSchema, type ReturnContent } from '../db/terminal/formats';
import { readHeader, seal, unseal } from '../db/terminal/seal';
import { deriveKey } from '../db/store/kdf';
import { codeHashKey } from '../db/assessment/panel-codes';
import { loadAssessment } from '../db/assessment/access';
import { readKeySlots } from '../db/store/keyslots';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createC1, seedRoster, startCollecting } from '../test/helpers/assessment';
import { newRosterHost } from '../test/helpers/roster';
import { tempDir } from '../test/helpers/tmp-store';
import { record, timed } from './figures';

test('importing a return of 10,000 ballots', async () => {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  for (const kind of ['superior', 'staff'] as const)
    for (let i = 0; i < 10; i++)
      await h.ok('codes.generate', { assessmentId: a.id, kind, group: 'chief:C1', count: 500 });
  const store = h.host.session();
  // The package through the service itself, at a low code cost (the bench measures the merge, not the export).
  const out = await store.change('terminals.export', async (db, rec) => {
    rec.record('bench', { terminalNo: 1 });
    return exportPackage(
      db,
      await loadAssessment(db, a.id, store.user),
      { terminalNo: 1 },
      {
        codeKey: codeHashKey(store),
        storeId: readKeySlots(store.dir).storeId,
        user: store.user,
        kdfCost: { N: 2 ** 10, r: 8, p: 1 },
        codeCost: { N: 16, r: 1, p: 1 },
      },
    );
  });
  const { header } = readHeader(out.bytes, 'package');
  const key = await deriveKey(normalizePackagePassword(out.password), header.kdf);
  const pkg = unseal(out.bytes, 'package', key, packageContentSchema).content;
  const chiefs = [r.a, r.b, r.c];
  const grades = ['excellent', 'good', 'fair', 'poor'] as const;
  const content: ReturnContent = {
    packageId: pkg.packageId,
    terminalNo: 1,
    assessmentId: a.id,
    closedOn: '2025-12-07',
    usedLookups: pkg.seats.map((s) => s.lookup).sort(),
    ballots: pkg.seats.map((s, i) => ({
      tag: randomBytes(32).toString('hex'),
      group: s.group,
      ballot:
        s.kind === 'superior'
          ? { kind: 'superior' as const, order: i % 2 ? [...chiefs] : [...chiefs].reverse() }
          : { kind: 'staff' as const, votes: chiefs.map((t, k) => ({ targetId: t, grade: grades[(i + k) % 4]! })) },
    })),
  };
  expect(content.ballots).toHaveLength(10_000);
  const file = join(tempDir('bench-gret-'), 'r.gret');
  writeFileSync(file, seal({ ...header, kind: 'return' }, key, content));
  const [picked] = await h.pickOpen('terminalReturn', file);
  const { ms, value } = await timed(() => h.ok('terminals.importReturn', { assessmentId: a.id, token: picked!.token }));
  expect(value.merged).toBe(10_000);
  record('terminal return: import of 10,000 ballots', ms, 'ms', 5000);
  expect(ms).toBeLessThan(5000);
}, 600_000);
