// Backups authenticated as a whole: a forged manifest (date, author, store) or payload is refused once a password
// has unlocked the backup's key; a backup of another store is restored only after a confirmation naming both.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContainerHeader } from '../../../db/backup/container';
import { dbPath, keyslotPath } from '../../../db/store/files';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { ADMIN, tempDir } from '../../helpers/tmp-store';

const digest = (dir: string) =>
  [dbPath(dir), keyslotPath(dir)].map((f) => createHash('sha256').update(readFileSync(f)).digest('hex')).join(':');

async function backup(h: TestHost, name: string): Promise<string> {
  const file = join(tempDir('ganbu-usb-'), name);
  await h.ok('backup.create', { token: await h.pickSave('backup', file) });
  return file;
}

/**
 * The attacker's edit: rewrites the manifest (or a payload byte) and recomputes the plain SHA-256, as anyone could;
 * the HMAC in the file stays as it was, since making a new one needs the store key.
 */
function forge(file: string, edit: { manifest?: Record<string, unknown>; flipPayloadByte?: number }): string {
  const bytes = readFileSync(file);
  const header = readContainerHeader(file);
  const magicEnd = 'GANBU-BACKUP\n'.length;
  const m = Buffer.from(JSON.stringify({ ...header.manifest, ...edit.manifest }), 'utf8');
  const oldManifestLen = bytes.readUInt32LE(magicEnd);
  const rest = Buffer.from(bytes.subarray(magicEnd + 4 + oldManifestLen, bytes.length - 32));
  if (edit.flipPayloadByte !== undefined) {
    const dbStartInRest = header.dbOffset - (magicEnd + 4 + oldManifestLen);
    rest[dbStartInRest + edit.flipPayloadByte]! ^= 0x01;
  }
  const len = Buffer.alloc(4);
  len.writeUInt32LE(m.length);
  const body = Buffer.concat([bytes.subarray(0, magicEnd), len, m, rest]);
  const out = `${file}.forged.gbak`;
  writeFileSync(out, Buffer.concat([body, createHash('sha256').update(body).digest()]));
  return out;
}

const unlockAsAdmin = async (h: TestHost, file: string) =>
  h.dispatch('backup.unlock', {
    token: (await h.pickOpen('backup', file))[0]!.token,
    username: ADMIN.username,
    password: ADMIN.password,
  });

describe('backup authentication', () => {
  test('a backup whose manifest date and author were rewritten is refused, and the store is untouched', async () => {
    const h = await newHostWithStore();
    const file = await backup(h, '真实.gbak');
    const forged = forge(file, { manifest: { createdAt: '2030-01-01T00:00:00.000Z', createdBy: 'someone' } });
    // Before a password: the forged date is what the file says (nothing can check it yet) …
    const info = await h.ok('backup.inspect', { token: (await h.pickOpen('backup', forged))[0]!.token });
    expect(info.createdAt).toBe('2030-01-01T00:00:00.000Z');
    // … once the key is unlocked, the MAC refuses it.
    const before = digest(h.dir);
    const r = await unlockAsAdmin(h, forged);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_A_STORE' } });
    expect(!r.ok && r.error.message).toContain('备份未通过认证');
    expect(digest(h.dir)).toBe(before);
    // The genuine one still unlocks, with its real date and author.
    const good = await unlockAsAdmin(h, file);
    expect(good).toMatchObject({ ok: true, value: { createdBy: 'admin', authenticated: true, otherStore: null } });
  });

  test('a backup with one payload byte changed (checksum recomputed) is refused', async () => {
    const h = await newHostWithStore();
    const file = await backup(h, 'b.gbak');
    const forged = forge(file, { flipPayloadByte: 4096 * 2 + 7 });
    const r = await unlockAsAdmin(h, forged);
    expect(!r.ok && r.error.message).toContain('备份未通过认证');
  });

  test('a backup of another store asks first, naming both stores; confirmed, it is restored', async () => {
    const other = await newHostWithStore();
    await other.ok('settings.update', { issuingOrgan: '中共乙县委组织部' });
    await other.ok('units.save', { name: '乙县单位', categoryCode: 'C1', sort: 1 });
    const file = await backup(other, '乙县.gbak');

    const h = await newHostWithStore();
    await h.ok('settings.update', { issuingOrgan: '中共甲县委组织部' });
    const r = await unlockAsAdmin(h, file);
    if (!r.ok) return expect.fail(r.error.message);
    const unlocked = r.value as { jobId: string; otherStore: { backup: string; current: string } };
    expect(unlocked.otherStore.backup).toContain('中共乙县委组织部');
    expect(unlocked.otherStore.current).toContain('中共甲县委组织部');
    const before = digest(h.dir);
    const e = await h.err('backup.restore', { jobId: unlocked.jobId });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'confirmOtherStore' });
    expect(e.message).toContain('中共乙县委组织部');
    expect(e.message).toContain('中共甲县委组织部');
    expect(digest(h.dir)).toBe(before);
    expect(await h.ok('backup.restore', { jobId: unlocked.jobId, confirmOtherStore: true })).toBeNull();
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await h.ok('units.list', {})).map((u) => u.name)).toEqual(['乙县单位']);
  });

  test('a replayed old backup of this store shows its own (authenticated) date before it is restored', async () => {
    const h = await newHostWithStore();
    const file = await backup(h, 'old.gbak');
    const made = readContainerHeader(file).manifest.createdAt;
    await h.ok('units.save', { name: '后来的单位', categoryCode: 'C1', sort: 1 });
    const r = await unlockAsAdmin(h, file);
    expect(r).toMatchObject({ ok: true, value: { createdAt: made, otherStore: null, authenticated: true } });
  });
});
