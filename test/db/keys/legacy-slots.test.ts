// Key-slot files from before key pairs (version 1: the database key wrapped under each password): they still open,
// each account gets a key pair at its next login, and re-keying waits until no enabled account would be locked out.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { keyslotPath } from '../../../db/store/files';
import { deriveKey, newKdfParams, wrapKey } from '../../../db/store/kdf';
import { RECOVERY_SLOT_ID, isLegacySlot, passwordSlotId, readKeySlots } from '../../../db/store/keyslots';
import { newHostWithStore } from '../../helpers/host';
import { keyFromPassword } from '../../helpers/raw-store';
import { ADMIN, FAST_KDF } from '../../helpers/tmp-store';

const READER = { username: 'reader', displayName: '查阅员', role: 'reviewer' as const, password: 'Reader@2025' };

test('a version-1 key-slot file opens, is upgraded per login, and re-keying names the accounts still on it', async () => {
  const h = await newHostWithStore();
  await h.ok('users.create', READER);
  await h.ok('session.lock', {});
  const dbKey = await keyFromPassword(h.dir, ADMIN.username, ADMIN.password);
  const { storeId } = readKeySlots(h.dir);
  const legacy = async (id: string, kind: 'password' | 'recovery', secret: string) => {
    const kdf = newKdfParams(FAST_KDF);
    return { id, kind, kdf, wrapped: wrapKey(await deriveKey(secret, kdf), dbKey, `ganbu-keyslots|${storeId}|${id}`) };
  };
  const v1 = {
    format: 'ganbu-keyslots',
    version: 1,
    storeId,
    slots: [
      await legacy(passwordSlotId(storeId, 'admin'), 'password', ADMIN.password),
      await legacy(passwordSlotId(storeId, 'reader'), 'password', READER.password),
      await legacy(RECOVERY_SLOT_ID, 'recovery', h.recoveryCode),
    ],
  };
  writeFileSync(keyslotPath(h.dir), JSON.stringify(v1));

  await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  const upgraded = readKeySlots(h.dir);
  expect(upgraded.version).toBe(2);
  expect(isLegacySlot(upgraded.slots.find((s) => s.id === passwordSlotId(storeId, 'admin'))!)).toBe(false);
  expect(isLegacySlot(upgraded.slots.find((s) => s.id === passwordSlotId(storeId, 'reader'))!)).toBe(true);

  const before = readFileSync(keyslotPath(h.dir));
  const e = await h.err('keys.rekey', {});
  expect(e).toMatchObject({ code: 'VALIDATION' });
  expect(e.message).toContain('“reader”');
  expect(e.message).toContain('恢复码');
  expect(readFileSync(keyslotPath(h.dir))).toEqual(before);

  // The reader logs in once (a key pair), the recovery code is made anew: now the store can be re-keyed.
  await h.ok('session.login', { username: READER.username, password: READER.password });
  await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  await h.ok('keys.newRecoveryCode', {});
  await h.ok('keys.rekey', {});
  await h.ok('session.login', { username: READER.username, password: READER.password });
  expect(readKeySlots(h.dir).slots.every((s) => !isLegacySlot(s))).toBe(true);
});
