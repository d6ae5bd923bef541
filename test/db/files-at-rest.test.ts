// Issue 16 row 9, written as the attacker with another account on the same machine: the store, its -wal/-shm,
// backups and exports are owner-only (0600) whatever the umask, and SQLite never spills plaintext temp files.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dbPath, keyslotPath } from '../../db/store/files';
import { windowsAccount, windowsOwnerOnlyArgs } from '../../db/fs/owner-only';
import { newHostWithStore } from '../helpers/host';
import { keyFromPassword, openRaw } from '../helpers/raw-store';
import { ADMIN, tempDir } from '../helpers/tmp-store';
import { addUnit, cadreInput } from '../helpers/roster';

const mode = (path: string) => statSync(path).mode & 0o777;
const storeFiles = (dir: string) => [dbPath(dir), `${dbPath(dir)}-wal`, `${dbPath(dir)}-shm`, keyslotPath(dir)];

/** Runs with the umask most Linux desktops have (022: new files world-readable unless the app says otherwise). */
async function withUmask<T>(mask: number, fn: () => Promise<T>): Promise<T> {
  const old = process.umask(mask);
  try {
    return await fn();
  } finally {
    process.umask(old);
  }
}

describe.skipIf(process.platform === 'win32')('files at rest on Linux', () => {
  test('a new store’s database, -wal, -shm and key slots are 0600, also under umask 000', async () => {
    await withUmask(0o000, async () => {
      const h = await newHostWithStore();
      await addUnit(h, '乌兰镇');
      for (const f of storeFiles(h.dir)) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f).toString(8), f).toBe('600');
      }
    });
  });

  test('an existing store left world-readable (made before this fix) is narrowed to 0600 when opened', async () => {
    const h = await newHostWithStore();
    await h.host.lock('manual');
    for (const f of storeFiles(h.dir)) if (existsSync(f)) chmodSync(f, 0o644);
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    for (const f of [dbPath(h.dir), `${dbPath(h.dir)}-wal`, `${dbPath(h.dir)}-shm`])
      expect(mode(f).toString(8), f).toBe('600');
  });

  test('a backup, its scratch copies and the exports the app writes are 0600 under umask 022', async () => {
    await withUmask(0o022, async () => {
      const h = await newHostWithStore();
      const unit = await addUnit(h, '乌兰镇');
      await h.ok('cadres.create', { input: cadreInput(unit.id, { name: '张三' }) });
      const out = tempDir('ganbu-rest-');
      const backup = join(out, '备份.gbak');
      await h.ok('backup.create', { token: await h.pickSave('backup', backup) });
      expect(mode(backup).toString(8)).toBe('600');
      const roster = join(out, '名册.xlsx');
      await h.ok('roster.exportExcel', { token: await h.pickSave('rosterExcel', roster), filter: {} });
      expect(mode(roster).toString(8)).toBe('600');
      // Nothing else of the store's was left behind, and nothing in the store folder is readable by others.
      expect(readdirSync(out).sort()).toEqual(['名册.xlsx', '备份.gbak']);
      for (const name of readdirSync(h.dir)) {
        const path = join(h.dir, name);
        if (statSync(path).isFile()) expect(mode(path).toString(8), name).toBe('600');
      }
    });
  });

  test('every connection keeps temporary tables and sorts in memory (temp_store = MEMORY)', async () => {
    const h = await newHostWithStore();
    expect(h.host.session().raw.pragma('temp_store', { simple: true })).toBe(2);
    // Also a connection opened behind the app's back through the same opening (as backups and checks do).
    const raw = openRaw(h.dir, await keyFromPassword(h.dir, ADMIN.username, ADMIN.password));
    expect(raw.pragma('temp_store', { simple: true })).toBe(2);
  });
});

describe('files at rest on Windows', () => {
  test('icacls drops the inherited entries (Users, Everyone) and grants the signed-in account alone', () => {
    expect(windowsOwnerOnlyArgs('C:\\档案库\\store.db', 'OFFICE\\wang')).toEqual([
      'C:\\档案库\\store.db',
      '/inheritance:r',
      '/grant:r',
      'OFFICE\\wang:(F)',
    ]);
    expect(windowsAccount({ USERDOMAIN: 'OFFICE' }, 'wang')).toBe('OFFICE\\wang');
    expect(windowsAccount({}, 'wang')).toBe('wang');
  });
});
