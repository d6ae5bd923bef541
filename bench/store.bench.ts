// The encrypted store: opening it with the real key derivation, as a user waits for it at login.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createStore, openStore } from '../db';
import { percentile, record, timed } from './figures';

test('open a store with the real scrypt cost (N=2^17)', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'store');
  try {
    const admin = { username: 'admin', displayName: '管理员', password: 'Bench@2025' };
    const created = await timed(() => createStore(dir, admin));
    await created.value.store.close();
    record('create a store (2 key slots, migrations, seed)', created.ms, 'ms');
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { ms, value } = await timed(() => openStore(dir, admin));
      expect(value.user.username).toBe('admin');
      await value.close();
      times.push(ms);
    }
    record('open a store: key derivation + unlock + migrate check (median of 5)', percentile(times, 50), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
