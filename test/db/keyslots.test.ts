// The key-slot file: anonymous slot ids, the real scrypt cost, AES-GCM tamper detection, atomic rewrites.
import { linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createStore, openStore } from '../../db';
import { keyslotPath } from '../../db/store/files';
import { DEFAULT_KDF } from '../../db/store/kdf';
import { RECOVERY_SLOT_ID, passwordSlotId, readKeySlots, type KeySlotFile } from '../../db/store/keyslots';
import { newHostWithStore } from '../helpers/host';
import { ADMIN, fast, FAST_KDF, newStore, tempDir, track } from '../helpers/tmp-store';

const readRaw = (dir: string): KeySlotFile => JSON.parse(readFileSync(keyslotPath(dir), 'utf8')) as KeySlotFile;

describe('key slots', () => {
  test('slot ids and the whole file name nobody: no user name appears in keyslots.json', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', {
      username: 'ZhangSanFeng',
      displayName: '张三丰',
      role: 'reviewer',
      password: 'Reviewer@2025',
    });
    await h.ok('users.create', {
      username: '李四',
      displayName: '李四',
      role: 'dossierClerk',
      password: 'Clerk@20255',
    });
    const text = readFileSync(keyslotPath(h.dir), 'utf8');
    const file = readKeySlots(h.dir);
    expect(file.slots.map((s) => s.kind).sort()).toEqual(['password', 'password', 'password', 'recovery']);
    for (const name of ['admin', 'zhangsanfeng', 'ZhangSanFeng', '李四', '张三丰', ADMIN.displayName]) {
      expect(text.toLowerCase()).not.toContain(name.toLowerCase());
      for (const s of file.slots) expect(s.id.toLowerCase()).not.toContain(name.toLowerCase());
    }
    // Password slots are found by a hash of the store id and the lower-cased name.
    for (const u of ['admin', 'zhangsanfeng', '李四']) {
      const id = passwordSlotId(file.storeId, u);
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(file.slots.some((s) => s.id === id)).toBe(true);
    }
    expect(file.slots.some((s) => s.id === RECOVERY_SLOT_ID)).toBe(true);
  });

  test('the same user name gets a different slot id in another store', async () => {
    const a = await newStore();
    const b = await newStore();
    const idA = readKeySlots(a.dir).slots.map((s) => s.id);
    const idB = readKeySlots(b.dir).slots.map((s) => s.id);
    expect(idA.filter((id) => id !== RECOVERY_SLOT_ID)).not.toEqual(idB.filter((id) => id !== RECOVERY_SLOT_ID));
  });

  test('every slot has its own salt and IV', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', {
      username: 'wangwu',
      displayName: '王五',
      role: 'reviewer',
      password: 'Reviewer@2025',
    });
    const slots = readKeySlots(h.dir).slots;
    expect(new Set(slots.map((s) => s.kdf.salt)).size).toBe(slots.length);
    expect(new Set(slots.map((s) => s.wrapped!.iv)).size).toBe(slots.length);
  });

  test('a real store gets the default scrypt cost (N=2^17, r=8, p=1), and opening it is timed', async () => {
    expect(DEFAULT_KDF).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const dir = join(tempDir(), 'real');
    const { store } = await createStore(dir, ADMIN); // no kdfCost: the production setting
    expect(store.kdfCost).toEqual(DEFAULT_KDF);
    await store.close();
    const file = readKeySlots(dir);
    expect(file.slots).toHaveLength(2);
    for (const s of file.slots) expect(s.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });

    const t0 = performance.now();
    const opened = track(await openStore(dir, ADMIN));
    const ms = performance.now() - t0;
    expect(opened.user.username).toBe('admin');
    console.log(`store open (scrypt N=2^17): ${ms.toFixed(0)} ms`);
  });

  test('the test cost really is lower, so the fast suites stay fast', async () => {
    const { dir } = await newStore();
    for (const s of readKeySlots(dir).slots) expect(s.kdf).toMatchObject(FAST_KDF);
  });

  describe('AES-GCM detects a tampered slot: WRONG_PASSWORD, never a crash', () => {
    const flipByte = (b64: string, at: number) => {
      const b = Buffer.from(b64, 'base64');
      const i = at % b.length;
      b[i] = b[i]! ^ 0x01;
      return b.toString('base64');
    };
    const tamper = async (edit: (slot: KeySlotFile['slots'][number]) => KeySlotFile['slots'][number]) => {
      const { dir, store } = await newStore();
      await store.close();
      const file = readRaw(dir);
      const adminId = passwordSlotId(file.storeId, 'admin');
      file.slots = file.slots.map((s) => (s.id === adminId ? edit(s) : s));
      writeFileSync(keyslotPath(dir), JSON.stringify(file));
      return dir;
    };

    test.each([0, 5, 31])('a flipped bit in byte %i of wrapped.data', async (at) => {
      const dir = await tamper((s) => ({ ...s, wrapped: { ...s.wrapped!, data: flipByte(s.wrapped!.data, at) } }));
      await expect(openStore(dir, ADMIN, fast)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    });

    test('a flipped bit in the tag or the IV, a changed salt, a truncated IV', async () => {
      for (const edit of [
        (s: KeySlotFile['slots'][number]) => ({ ...s, wrapped: { ...s.wrapped!, tag: flipByte(s.wrapped!.tag, 3) } }),
        (s: KeySlotFile['slots'][number]) => ({ ...s, wrapped: { ...s.wrapped!, iv: flipByte(s.wrapped!.iv, 0) } }),
        (s: KeySlotFile['slots'][number]) => ({ ...s, kdf: { ...s.kdf, salt: flipByte(s.kdf.salt, 2) } }),
        (s: KeySlotFile['slots'][number]) => ({ ...s, wrapped: { ...s.wrapped!, iv: '' } }),
      ]) {
        const dir = await tamper(edit);
        await expect(openStore(dir, ADMIN, fast)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      }
    });

    test('a slot moved to another id (a different AAD) does not open either', async () => {
      const { dir, store } = await newStore();
      await store.close();
      const file = readRaw(dir);
      const adminSlot = file.slots.find((s) => s.id === passwordSlotId(file.storeId, 'admin'))!;
      file.slots.push({ ...adminSlot, id: passwordSlotId(file.storeId, 'mallory') });
      writeFileSync(keyslotPath(dir), JSON.stringify(file));
      await expect(openStore(dir, { username: 'mallory', password: ADMIN.password }, fast)).rejects.toMatchObject({
        code: 'WRONG_PASSWORD',
      });
      track(await openStore(dir, ADMIN, fast)); // the untouched slot still works
    });
  });

  test('the key-slot file is rewritten atomically: a new file renamed into place, no temp files left', async () => {
    const h = await newHostWithStore();
    const keep = join(dirname(h.dir), 'previous-keyslots.json');
    /** Runs one change and shows the old file was replaced, not written over: a hard link to it still holds the old bytes. */
    const rewrites = async (change: () => Promise<unknown>) => {
      rmSync(keep, { force: true });
      linkSync(keyslotPath(h.dir), keep);
      const oldBytes = readFileSync(keep);
      await change();
      expect(readFileSync(keep)).toEqual(oldBytes);
      expect(statSync(keyslotPath(h.dir)).ino).not.toBe(statSync(keep).ino);
      expect(readFileSync(keyslotPath(h.dir))).not.toEqual(oldBytes);
      expect(readdirSync(h.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    };
    let userId = 0;
    await rewrites(async () => {
      userId = (
        await h.ok('users.create', {
          username: 'zhaoliu',
          displayName: '赵六',
          role: 'reviewer',
          password: 'Reviewer@2025',
        })
      ).id;
    });
    await rewrites(() => h.ok('users.resetPassword', { userId, newPassword: 'Reviewer@2026' }));
    await rewrites(() => h.ok('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Admin@2026x' }));
    await rewrites(() => h.ok('users.disable', { userId }));
    // (Disabling re-keys the store: its new file has no WAL until the next write.)
    expect(
      readdirSync(h.dir)
        .filter((n) => !/^store\.db-(wal|shm)$/.test(n))
        .sort(),
    ).toEqual(['audit-keys.json', 'keyslots.json', 'store.db']);
    // Owner-only permissions on POSIX.
    if (process.platform !== 'win32') expect(statSync(keyslotPath(h.dir)).mode & 0o077).toBe(0);
    expect(() => readKeySlots(h.dir)).not.toThrow();
  });
});
