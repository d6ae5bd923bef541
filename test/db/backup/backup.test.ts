// Backup and restore through the dispatcher: round trips, the recovery code, damaged and newer backups, cancelling.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../../db';
import { verifyAudit } from '../../../db/audit/verify';
import { backupMacKey, readContainerHeader, writeContainer } from '../../../db/backup/container';
import { keyFromPassword } from '../../helpers/raw-store';
import { applyRestore, stageRestore } from '../../../db/backup/restore';
import { dbPath, keyslotPath } from '../../../db/store/files';
import { ScriptedDialogs } from '../../helpers/dialogs';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { ADMIN, fast, tempDir, track } from '../../helpers/tmp-store';

const NAME = '备份测试单位甲';

async function setup(): Promise<TestHost & { dialogs: ScriptedDialogs; recoveryCode: string; out: string }> {
  const dialogs = new ScriptedDialogs();
  const h = await newHostWithStore({ fileDialogs: dialogs, autoBackup: false });
  await h.ok('units.save', { name: NAME, categoryCode: 'C1', sort: 1 });
  return { ...h, dialogs, out: tempDir('ganbu-usb-') };
}

async function backupTo(h: Awaited<ReturnType<typeof setup>>, file: string) {
  h.dialogs.answerSave(join(h.out, file));
  const target = await h.ok('files.pickSave', { purpose: 'backup', suggestedName: '档案库备份' });
  return h.ok('backup.create', { token: target!.token });
}

async function pickBackup(h: Awaited<ReturnType<typeof setup>>, file: string) {
  h.dialogs.answerOpen(file);
  const [picked] = await h.ok('files.pickOpen', { purpose: 'backup' });
  return picked!.token;
}

const digest = (dir: string) =>
  [dbPath(dir), keyslotPath(dir)].map((f) => createHash('sha256').update(readFileSync(f)).digest('hex')).join(':');

const unitNames = async (h: TestHost) => (await h.ok('units.list', {})).map((u) => u.name);

describe('backup', () => {
  test('writes one encrypted file, checked before it is reported, with no scratch files left', async () => {
    const h = await setup();
    const saved = await backupTo(h, '备份1.gbak');
    expect(saved.fileName).toBe('备份1.gbak');
    const bytes = readFileSync(join(h.out, '备份1.gbak'));
    expect(saved.bytes).toBe(bytes.length);
    // Never less protected than the store: no plaintext, and the same key slots (passwords, recovery code).
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.displayName))).toBe(false);
    expect(readContainerHeader(join(h.out, '备份1.gbak')).keySlotsJson).toBe(readFileSync(keyslotPath(h.dir), 'utf8'));
    expect(readdirSync(h.out)).toEqual(['备份1.gbak']);
    expect(readdirSync(h.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    const log = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'backup.create' });
    expect(log.rows[0]).toMatchObject({ action: 'backup.create', target: '备份1.gbak' });
  });

  test('the manifest anchors the audit head the backup holds (审计序号 and digest, as audit.verify reports it)', async () => {
    const h = await setup();
    const head = (await h.ok('audit.verify', {})).head;
    await backupTo(h, '备份锚点.gbak');
    expect(readContainerHeader(join(h.out, '备份锚点.gbak')).manifest.auditHead).toEqual(head);
  });

  test('a reviewer may not pick a backup file', async () => {
    const h = await setup();
    await h.ok('users.create', {
      username: 'reader',
      displayName: '查阅员',
      role: 'reviewer',
      password: 'Reader@2025',
    });
    await h.ok('session.lock', {});
    await h.ok('session.login', { username: 'reader', password: 'Reader@2025' });
    expect((await h.err('files.pickSave', { purpose: 'backup', suggestedName: 'x' })).code).toBe('FORBIDDEN');
    expect((await h.err('backup.create', { token: '00000000-0000-4000-8000-000000000000' })).code).toBe('FORBIDDEN');
  });
});

describe('restore', () => {
  test('shows what the backup holds, asks for its password, and brings the store back to it', async () => {
    const h = await setup();
    await backupTo(h, 'b.gbak');
    await h.ok('units.save', { name: '备份之后新增的单位', categoryCode: 'C2', sort: 2 });
    const token = await pickBackup(h, join(h.out, 'b.gbak'));
    const info = await h.ok('backup.inspect', { token });
    expect(info).toMatchObject({ fileName: 'b.gbak', tooNew: false, createdBy: ADMIN.username });
    const wrong = await h.err('backup.unlock', { token, username: ADMIN.username, password: 'not-the-password' });
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', field: 'password' });
    const unlocked = await h.ok('backup.unlock', { token, username: ADMIN.username, password: ADMIN.password });
    expect(unlocked.counts).toMatchObject({ users: 1, units: 1, cadres: 0 });
    await h.ok('backup.restore', { jobId: unlocked.jobId });
    // The session ended with the old store; the folder now holds the backup's store and a copy of the old one.
    expect((await h.err('units.list', {})).code).toBe('NOT_LOGGED_IN');
    expect((await h.ok('app.status', {})).lockedReason).toBe('restored');
    const kept = readdirSync(h.dir).filter((f) => f.startsWith('恢复前的档案库-'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(join(h.dir, kept[0]!)).sort()).toEqual(['audit-keys.json', 'keyslots.json', 'store.db']);
    // The signing-key records went with the old store: a fresh key for the restored log, audited, and no false alarm.
    expect(
      (await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password })).auditAlarm,
    ).toBeUndefined();
    const rekeyed = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'session.signingKeyReplaced' });
    expect(JSON.parse(rekeyed.rows[0]!.detail)).toMatchObject({ reason: '从备份恢复后重新生成' });
    expect(await unitNames(h)).toEqual([NAME]);
    const restored = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'backup.restore' });
    expect(restored.rows[0]).toMatchObject({ target: 'b.gbak', username: ADMIN.username });
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
    // The old store, kept aside, still opens and records that it was replaced.
    const old = track(await openStore(join(h.dir, kept[0]!), ADMIN, fast));
    expect((await old.db.selectFrom('units').select('name').execute()).map((u) => u.name)).toContain(
      '备份之后新增的单位',
    );
    expect(await verifyAudit(old.db, old.auditChainKey)).toMatchObject({ intact: true });
  });

  test('the recovery code opens a backup when no password is known', async () => {
    const h = await setup();
    await backupTo(h, 'r.gbak');
    const token = await pickBackup(h, join(h.out, 'r.gbak'));
    expect(await h.err('backup.unlock', { token, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' })).toMatchObject({
      code: 'WRONG_PASSWORD',
      field: 'recoveryCode',
    });
    const unlocked = await h.ok('backup.unlock', { token, recoveryCode: h.recoveryCode.toLowerCase() });
    expect(unlocked.counts.units).toBe(1);
    await h.ok('backup.discard', { jobId: unlocked.jobId });
  });

  test('a truncated or altered backup is refused and the store is untouched', async () => {
    const h = await setup();
    await backupTo(h, 't.gbak');
    const file = join(h.out, 't.gbak');
    const before = digest(h.dir);
    const full = readFileSync(file);
    truncateSync(file, Math.floor(full.length / 2));
    const e1 = await h.err('backup.inspect', { token: await pickBackup(h, file) });
    expect(e1.code).toBe('NOT_A_STORE');
    expect(e1.message).toContain('文件不完整');
    const altered = Buffer.from(full);
    altered[altered.length - 100]! ^= 0xff;
    writeFileSync(file, altered);
    const e2 = await h.err('backup.unlock', {
      token: await pickBackup(h, file),
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(e2.message).toContain('校验值不符');
    writeFileSync(file, 'not a backup at all');
    expect((await h.err('backup.inspect', { token: await pickBackup(h, file) })).code).toBe('NOT_A_STORE');
    writeFileSync(file, '');
    expect((await h.err('backup.inspect', { token: await pickBackup(h, file) })).message).toContain('文件为空');
    expect(digest(h.dir)).toBe(before);
    expect(await unitNames(h)).toEqual([NAME]);
  });

  test('a backup from a newer version is shown as such and refused', async () => {
    const h = await setup();
    await backupTo(h, 'n.gbak');
    const file = join(h.out, 'n.gbak');
    // Re-pack the same database with a manifest from the future (a valid checksum, so only the version refuses it).
    const header = readContainerHeader(file);
    const dbCopy = join(h.out, 'db.bin');
    writeFileSync(dbCopy, readFileSync(file).subarray(header.dbOffset, header.dbOffset + header.manifest.dbBytes));
    const newer = join(h.out, 'newer.gbak');
    const macKey = backupMacKey(await keyFromPassword(h.dir, ADMIN.username, ADMIN.password));
    writeContainer(
      newer,
      { ...header.manifest, schemaVersion: 99, appVersion: '9.0.0' },
      header.keySlotsJson,
      dbCopy,
      macKey,
    );
    const before = digest(h.dir);
    const token = await pickBackup(h, newer);
    expect(await h.ok('backup.inspect', { token })).toMatchObject({ tooNew: true, appVersion: '9.0.0' });
    const e = await h.err('backup.unlock', { token, username: ADMIN.username, password: ADMIN.password });
    expect(e.code).toBe('STORE_TOO_NEW');
    expect(e.message).toContain('更新版本');
    expect(digest(h.dir)).toBe(before);
  });

  test('a restore cancelled after unlocking leaves nothing behind', async () => {
    const h = await setup();
    await backupTo(h, 'c.gbak');
    const before = digest(h.dir);
    const token = await pickBackup(h, join(h.out, 'c.gbak'));
    const unlocked = await h.ok('backup.unlock', { token, username: ADMIN.username, password: ADMIN.password });
    expect(readdirSync(h.dir).some((f) => f.startsWith('.restore-'))).toBe(true);
    await h.ok('backup.discard', { jobId: unlocked.jobId });
    expect(readdirSync(h.dir).some((f) => f.startsWith('.restore-'))).toBe(false);
    expect((await h.err('backup.restore', { jobId: unlocked.jobId })).code).toBe('NOT_FOUND');
    expect(digest(h.dir)).toBe(before);
    // Locking also discards a staged restore.
    const again = await h.ok('backup.unlock', { token, username: ADMIN.username, password: ADMIN.password });
    await h.ok('session.lock', {});
    expect(readdirSync(h.dir).some((f) => f.startsWith('.restore-'))).toBe(false);
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await h.err('backup.restore', { jobId: again.jobId })).code).toBe('NOT_FOUND');
  });

  test('a swap that fails half-way puts the current store back', async () => {
    const h = await setup();
    await backupTo(h, 'f.gbak');
    await h.ok('session.lock', {});
    const before = digest(h.dir);
    const staged = await stageRestore(join(h.out, 'f.gbak'), h.dir, {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    rmSync(staged.file); // the staged copy vanished (disk pulled): the swap must fail after moving the old files
    expect(() => applyRestore(h.dir, staged)).toThrow();
    staged.discard();
    expect(digest(h.dir)).toBe(before);
    expect(readdirSync(h.dir).filter((f) => f.startsWith('恢复前的档案库-'))).toEqual([]);
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await unitNames(h)).toEqual([NAME]);
  });
});

describe('automatic backups', () => {
  test('one a day after login, keeping the newest N', async () => {
    let now = new Date('2026-03-01T09:00:00').getTime();
    const h = await newHostWithStore({ now: () => now, autoBackup: true });
    const autoDir = join(h.dir, '自动备份');
    await expect.poll(() => (existsSync(autoDir) ? readdirSync(autoDir).length : 0)).toBe(1);
    await h.ok('settings.update', { autoBackupKeep: 2 });
    for (const day of [2, 3, 4]) {
      await h.ok('session.lock', {});
      now = new Date(`2026-03-0${day}T09:00:00`).getTime();
      await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
      await expect
        .poll(async () => (await h.ok('audit.list', { page: 1, pageSize: 50, action: 'backup.auto' })).total)
        .toBe(day);
    }
    // A second login on the same day makes none.
    await h.ok('session.lock', {});
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await h.ok('session.lock', {});
    expect(readdirSync(autoDir)).toHaveLength(2);
    const list = readdirSync(autoDir).sort();
    expect(list[1]! > list[0]!).toBe(true);
    for (const f of list) expect(readContainerHeader(join(autoDir, f)).manifest.format).toBe('ganbu-backup');
  });
});

describe('leftovers and damaged pages', () => {
  test('scratch copies of a backup killed half-way are removed at the next login', async () => {
    const h = await setup();
    const leftovers = ['.backup-0123456789ab.db', '.backup-check-0123456789ab.db', '.restore-0123456789ab.db'];
    for (const f of leftovers) writeFileSync(join(h.dir, f), 'x');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(h.dir, '自动备份'), { recursive: true });
    writeFileSync(join(h.dir, '自动备份', '自动备份-20260101-090000.gbak.0123456789ab.partial'), 'x');
    await h.ok('session.lock', {});
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    for (const f of leftovers) expect(existsSync(join(h.dir, f))).toBe(false);
    expect(readdirSync(join(h.dir, '自动备份'))).toEqual([]);
  });

  test('a backup whose database page was altered (with a recomputed checksum) is refused by the page HMACs', async () => {
    const h = await setup();
    await backupTo(h, 'p.gbak');
    const file = join(h.out, 'p.gbak');
    const header = readContainerHeader(file);
    const db = Buffer.from(readFileSync(file).subarray(header.dbOffset, header.dbOffset + header.manifest.dbBytes));
    db[4096 + 100]! ^= 0x01; // one bit inside page 2's ciphertext
    const dbCopy = join(h.out, 'db.bin');
    writeFileSync(dbCopy, db);
    const forged = join(h.out, 'forged.gbak');
    // Made by a holder of the key (so the backup's MAC is right): the page HMACs still catch the altered page.
    writeContainer(
      forged,
      header.manifest,
      header.keySlotsJson,
      dbCopy,
      backupMacKey(await keyFromPassword(h.dir, ADMIN.username, ADMIN.password)),
    );
    const e = await h.err('backup.unlock', {
      token: await pickBackup(h, forged),
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(e).toMatchObject({ code: 'NOT_A_STORE' });
    expect(e.message).toContain('加密页校验未通过');
  });
});
