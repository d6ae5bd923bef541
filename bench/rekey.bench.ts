// Re-keying (更换密钥) at the scale of issue 16: a store with 10,000 cadres and 300,000 entries rewritten under a new key.
import { statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { dbPath } from '../db/store/files';
import { dossierBenchStore } from './dossier-data';
import { record, timed } from './figures';

const { host, call } = dossierBenchStore('bench-rekey-');

test('re-keying a store with 10,000 cadres and 300,000 entries (keys.rekey, with progress)', async () => {
  const store = host.session();
  const before = store.keyId;
  const mb = statSync(dbPath(store.dir)).size / 1024 / 1024;
  const progressId = randomUUID();
  const r = await timed(() => call('keys.rekey', { progressId }));
  expect(host.session().keyId).not.toBe(before);
  expect(await call('jobs.status', { jobId: progressId })).toMatchObject({ state: 'done', done: 5, total: 5 });
  record(`re-keying the store (${mb.toFixed(0)} MB: copy, PRAGMA rekey, page check, swap)`, r.ms / 1000, 's');
  // The store keeps working on the new key.
  const d = await timed(() => call('dossier.get', { cadreId: 1 }));
  expect(d.value.entries.length).toBeGreaterThan(0);
  const disable = await timed(async () => {
    const u = await call('users.create', {
      username: 'leaver',
      displayName: '离岗者',
      role: 'reviewer',
      password: 'Leaver@2025',
    });
    return call('users.disable', { userId: u.id });
  });
  record('disabling an account (which re-keys the store)', disable.ms / 1000, 's');
});
