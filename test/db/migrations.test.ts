// Migrations: each one on an empty keyed database, one transaction per migration, and refusal of a newer store.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore, recoverStore } from '../../db';
import { MIGRATIONS, LATEST_VERSION } from '../../db/migrations';
import { migration0001 } from '../../db/migrations/0001-initial';
import type { Migration } from '../../db/migrations/types';
import { enableWrites, openEncrypted, type RawDb } from '../../db/store/connection';
import { migrate, schemaVersion } from '../../db/store/migrate';
import { snapshotDir } from '../helpers/files';
import { keyFromRecoveryCode, withRaw } from '../helpers/raw-store';
import { ADMIN, fast, newStore, onCleanup, tempDir, track } from '../helpers/tmp-store';

/** A new, empty SQLCipher database with a random key, ready for writes, as createStore makes it. */
function emptyKeyedDb(): RawDb {
  const db = openEncrypted(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  onCleanup(() => {
    if (db.open) db.close();
  });
  enableWrites(db);
  return db;
}

const tables = (db: RawDb): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('the migration list', () => {
  test('versions start at 1 and go up by one, with unique names; the latest is what the build writes', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  test('a new store is at the latest version', async () => {
    const { store } = await newStore();
    expect(schemaVersion(store.raw)).toBe(LATEST_VERSION);
  });

  test('a test below covers every migration', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1]); // add a describe block for each new migration
  });
});

describe('0001-initial', () => {
  test('on an empty keyed database it creates the tables and sets user_version 1', () => {
    const db = emptyKeyedDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, [migration0001])).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual([
      'audit_log',
      'catalog_categories',
      'catalog_channels',
      'catalog_dimensions',
      'catalog_indicators',
      'catalog_list_items',
      'catalog_sections',
      'catalog_standards',
      'catalog_sub_items',
      'settings',
      'store_meta',
      'users',
    ]);
    const triggers = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    // Running again is a no-op.
    expect(migrate(db, [migration0001])).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
  });

  test('its constraints hold: roles are checked, user names unique, the audit log append-only', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001]);
    const add = db.prepare(`INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES (?, ?, ?, 't', 't')`);
    add.run('a', '甲', 'admin');
    expect(() => add.run('b', '乙', 'superuser')).toThrow(/CHECK/);
    expect(() => add.run('a', '丙', 'reviewer')).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO audit_log (id, at, username, action, target, detail, prev_hash, hash) VALUES (1, 't', 'a', 'x', 'y', '{}', 'p', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET target = 'z'`).run()).toThrow('audit_log is append-only');
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow('audit_log is append-only');
  });
});

describe('the runner', () => {
  test('each migration runs in one transaction: a failing second migration leaves version 1 and nothing of itself', () => {
    const db = emptyKeyedDb();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x TEXT) STRICT; CREATE INDEX half_done_x ON half_done (x);');
        d.exec(`INSERT INTO settings (key, value) VALUES ('from-2', 'x')`);
        throw new Error('migration 2 failed half-way');
      },
    };
    expect(() => migrate(db, [migration0001, broken])).toThrow('migration 2 failed half-way');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'half_done%'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM settings`).get()).toEqual({ n: 0 });
    expect(tables(db)).toContain('users'); // migration 1 is kept

    // Once fixed, the next run applies only migration 2.
    const fixed: Migration = { version: 2, name: 'fixed', up: (d) => d.exec('CREATE TABLE half_done (x TEXT) STRICT') };
    expect(migrate(db, [migration0001, fixed])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
  });

  test('a migration that fails on its first statement leaves an empty database at version 0', () => {
    const db = emptyKeyedDb();
    const bad: Migration = { version: 1, name: 'bad', up: (d) => d.exec('CREATE TABLE t (x TEXT); THIS IS NOT SQL;') };
    expect(() => migrate(db, [bad])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });
});

describe('a store from a newer version', () => {
  async function newerStore(version: number) {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    const key = await keyFromRecoveryCode(dir, recoveryCode);
    withRaw(dir, key, (db) => db.pragma(`user_version = ${version}`));
    return { dir, recoveryCode };
  }

  test('is refused with STORE_TOO_NEW in Chinese, and every file is byte-identical afterwards', async () => {
    const { dir } = await newerStore(LATEST_VERSION + 1);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['keyslots.json', 'store.db']);
    const before = snapshotDir(dir);
    const err = await openStore(dir, ADMIN, fast).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'STORE_TOO_NEW',
      message: `此档案库由更新版本的软件创建（数据版本 ${LATEST_VERSION + 1}，本软件支持到 ${LATEST_VERSION}），请升级软件后再打开。档案库未作任何修改。`,
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  test('is refused by recovery too, untouched', async () => {
    const { dir, recoveryCode } = await newerStore(99);
    const before = snapshotDir(dir);
    await expect(recoverStore(dir, { recoveryCode, username: 'admin', newPassword: 'Recover@2025' }, fast)).rejects.toMatchObject({
      code: 'STORE_TOO_NEW',
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  test('a store at the current version still opens after the same round trip', async () => {
    const { dir } = await newerStore(LATEST_VERSION);
    track(await openStore(dir, ADMIN, fast));
  });
});
