import { expect, test } from 'vitest';
import { openStore } from '../../db';
import { verifyAudit } from '../../db/audit/verify';
import { ADMIN, fast, newStore, track } from '../helpers/tmp-store';

test('smoke', async () => {
  const { dir, store } = await newStore();
  await store.close();
  const s2 = track(await openStore(dir, ADMIN, fast));
  expect(s2.user.role).toBe('admin');
  expect(await verifyAudit(s2.db, s2.auditChainKey)).toMatchObject({ intact: true, checked: 2 });
});
