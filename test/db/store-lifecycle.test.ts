// Creating, opening and refusing stores: a wrong password or a foreign file is refused and never modified.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import { createStore, openStore } from '../../db';
import { DB_FILE, KEYSLOT_FILE, dbPath, keyslotPath } from '../../db/store/files';
import { SIGNING_KEY_FILE } from '../../db/audit/signing-keys';
import { snapshotDir, sha256File } from '../helpers/files';
import { ADMIN, fast, newStore, tempDir, track } from '../helpers/tmp-store';

const OTHER_ADMIN = { username: 'other', displayName: '李另库', password: 'Other@2025' } as const;

/** A second, unrelated store whose key-slot file can be planted beside a foreign database. */
async function otherStore(): Promise<string> {
  const dir = join(tempDir(), 'other');
  const { store } = await createStore(dir, OTHER_ADMIN, fast);
  await store.close();
  return dir;
}

/** Expects the open to be refused with `code`, and every file in the folder byte-identical afterwards. */
async function expectRefusedUntouched(dir: string, creds: { username: string; password: string }, code: string) {
  const before = snapshotDir(dir);
  await expect(openStore(dir, creds, fast)).rejects.toMatchObject({ code });
  expect(snapshotDir(dir)).toEqual(before);
}

describe('create and open', () => {
  test('a created store opens again with the right password, as the administrator who created it', async () => {
    const { dir, store, recoveryCode } = await newStore();
    expect(store.isOpen).toBe(true);
    expect(store.user).toMatchObject({
      username: 'admin',
      displayName: ADMIN.displayName,
      role: 'admin',
      mustChangePassword: false,
    });
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining([DB_FILE, KEYSLOT_FILE]));
    await store.close();
    expect(store.isOpen).toBe(false);
    // After a clean close the WAL has been folded into the database: the folder holds just the two files.
    expect(readdirSync(dir).sort()).toEqual([KEYSLOT_FILE, DB_FILE, SIGNING_KEY_FILE].sort());

    const again = track(await openStore(dir, { username: 'admin', password: ADMIN.password }, fast));
    expect(again.user).toMatchObject({ username: 'admin', displayName: ADMIN.displayName, role: 'admin' });
  });

  test('the user name is case-insensitive and surrounding spaces are ignored', async () => {
    const { dir, store } = await newStore();
    await store.close();
    const s = track(await openStore(dir, { username: '  ADMIN ', password: ADMIN.password }, fast));
    expect(s.user.username).toBe('admin');
  });

  test('a wrong password is refused in Chinese and the database file is unchanged', async () => {
    const { dir, store } = await newStore();
    await store.close();
    const hash = sha256File(dbPath(dir));
    const err = await openStore(dir, { username: 'admin', password: 'Admin@2024' }, fast).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'WRONG_PASSWORD', field: 'password', message: '用户名或密码错误，请重新输入' });
    expect(sha256File(dbPath(dir))).toBe(hash);
    await expectRefusedUntouched(dir, { username: 'admin', password: '' }, 'WRONG_PASSWORD');
  });

  test('an unknown user name gets the same answer as a wrong password', async () => {
    const { dir, store } = await newStore();
    await store.close();
    const err = await openStore(dir, { username: 'nobody', password: ADMIN.password }, fast).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'WRONG_PASSWORD', message: '用户名或密码错误，请重新输入' });
    await expectRefusedUntouched(dir, { username: 'nobody', password: ADMIN.password }, 'WRONG_PASSWORD');
  });

  test('createStore refuses a folder that already holds a store, and leaves it alone', async () => {
    const { dir, store } = await newStore();
    await store.close();
    const before = snapshotDir(dir);
    const err = await createStore(dir, { ...ADMIN, password: 'Another@2025' }, fast).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_EXISTS', field: 'dir' });
    expect((err as Error).message).toContain('该位置已有档案库');
    expect(snapshotDir(dir)).toEqual(before);
    track(await openStore(dir, ADMIN, fast)); // the old password still opens it
  });

  test('createStore also refuses a folder that has only a key-slot file', async () => {
    const dir = join(tempDir(), 'half');
    mkdirSync(dir);
    writeFileSync(keyslotPath(dir), '{}');
    await expect(createStore(dir, ADMIN, fast)).rejects.toMatchObject({ code: 'STORE_EXISTS' });
  });

  test('a createStore that fails half-way leaves no store behind, so the folder can be used again', async () => {
    const dir = join(tempDir(), 'store');
    // display_name is NOT NULL: the insert of the first administrator fails after the database file exists.
    await expect(createStore(dir, { ...ADMIN, displayName: null as unknown as string }, fast)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    const { store } = await createStore(dir, ADMIN, fast);
    track(store);
    expect(store.user.displayName).toBe(ADMIN.displayName);
  });
});

describe('foreign and damaged files are refused with NOT_A_STORE and left byte-identical', () => {
  test('a plain (unencrypted) SQLite database written by the sqlite3 tool, beside a copied key-slot file', async () => {
    const other = await otherStore();
    const dir = join(tempDir(), 'plain');
    mkdirSync(dir);
    execFileSync('/usr/bin/sqlite3', [
      dbPath(dir),
      "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('张三');",
    ]);
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    // The other store's password really unwraps a key, so the refusal comes from the database itself.
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
    const err = await openStore(dir, OTHER_ADMIN, fast).catch((e: unknown) => e);
    expect((err as Error).message).toContain('文件未作任何修改');
    // Still a readable plain database with its row.
    expect(
      execFileSync('/usr/bin/sqlite3', [dbPath(dir), 'SELECT name FROM people;'], { encoding: 'utf8' }).trim(),
    ).toBe('张三');
  });

  test('a plain SQLite database written by better-sqlite3 without a key', async () => {
    const other = await otherStore();
    const dir = join(tempDir(), 'plain2');
    mkdirSync(dir);
    const plain = new Database(dbPath(dir));
    plain.exec(
      `CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO store_meta VALUES ('store_id', 'x');`,
    );
    plain.close();
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
  });

  test('random bytes as the database file', async () => {
    const other = await otherStore();
    const dir = join(tempDir(), 'junk');
    mkdirSync(dir);
    writeFileSync(dbPath(dir), randomBytes(64 * 1024));
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
  });

  test('an empty database file', async () => {
    const other = await otherStore();
    const dir = join(tempDir(), 'empty');
    mkdirSync(dir);
    writeFileSync(dbPath(dir), '');
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
  });

  test('a key-slot file that is not JSON, or JSON of another shape', async () => {
    const { dir, store } = await newStore();
    await store.close();
    writeFileSync(keyslotPath(dir), 'this is { not json');
    await expectRefusedUntouched(dir, ADMIN, 'NOT_A_STORE');
    writeFileSync(keyslotPath(dir), JSON.stringify({ format: 'something-else', slots: [] }));
    await expectRefusedUntouched(dir, ADMIN, 'NOT_A_STORE');
  });

  test('a database without its key-slot file', async () => {
    const dir = join(tempDir(), 'noslots');
    mkdirSync(dir);
    const { dir: src, store } = await newStore();
    await store.close();
    copyFileSync(dbPath(src), dbPath(dir));
    await expectRefusedUntouched(dir, ADMIN, 'NOT_A_STORE');
  });

  test('a key-slot file without its database', async () => {
    const other = await otherStore();
    const dir = join(tempDir(), 'nodb');
    mkdirSync(dir);
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
    expect(existsSync(dbPath(dir))).toBe(false);
  });

  test("another store's key-slot file beside this store's database", async () => {
    const { dir, store } = await newStore();
    await store.close();
    const other = await otherStore();
    copyFileSync(keyslotPath(other), keyslotPath(dir));
    await expectRefusedUntouched(dir, OTHER_ADMIN, 'NOT_A_STORE');
    // This store's own password matches no slot of the planted file.
    await expectRefusedUntouched(dir, ADMIN, 'WRONG_PASSWORD');
  });
});
