// The store on disk is opaque: the sqlite3 tool cannot read it, and no name or recovery code appears in any file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { dbPath, keyslotPath } from '../../db/store/files';
import { newHostWithStore } from '../helpers/host';

const SQLITE3 = '/usr/bin/sqlite3';

const DISPLAY_NAME = '张三丰测试员';
const USERNAME = 'zhangsanfeng';

function storeFiles(dir: string): string[] {
  return [dbPath(dir), `${dbPath(dir)}-wal`, keyslotPath(dir)].filter((f) => existsSync(f));
}

function expectAbsent(files: string[], needles: Record<string, Buffer>) {
  for (const f of files) {
    const bytes = readFileSync(f);
    for (const [label, needle] of Object.entries(needles)) {
      expect(bytes.includes(needle), `${label} found in ${f}`).toBe(false);
    }
  }
}

test('the sqlite3 command-line tool cannot read the store file', async () => {
  const h = await newHostWithStore();
  await h.host.dispose();
  for (const command of ['.tables', 'SELECT * FROM users;', 'PRAGMA integrity_check;']) {
    const r = spawnSync(SQLITE3, [dbPath(h.dir), command], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.status, `sqlite3 ${command}`).not.toBe(0);
    expect(r.stderr).toMatch(/file is not a database|encrypted/i);
    expect(r.stdout).not.toContain('users');
  }
});

test('no display name, user name or recovery code appears in store.db, store.db-wal or keyslots.json', async () => {
  const h = await newHostWithStore();
  await h.ok('users.create', {
    username: USERNAME,
    displayName: DISPLAY_NAME,
    role: 'dossierClerk',
    password: 'Zhang@2025',
  });
  await h.ok('users.update', { userId: 2, displayName: DISPLAY_NAME, role: 'reviewer' });
  await h.ok('session.login', { username: USERNAME, password: 'Zhang@2025' });
  const needles: Record<string, Buffer> = {
    'display name (UTF-8)': Buffer.from(DISPLAY_NAME, 'utf8'),
    'display name (UTF-16LE)': Buffer.from(DISPLAY_NAME, 'utf16le'),
    "the administrator's display name": Buffer.from('王管理员', 'utf8'),
    'user name': Buffer.from(USERNAME, 'utf8'),
    'recovery code': Buffer.from(h.recoveryCode, 'ascii'),
    'recovery code without dashes': Buffer.from(h.recoveryCode.replace(/-/g, ''), 'ascii'),
    'role label': Buffer.from('查阅人', 'utf8'),
    'catalog text': Buffer.from('政治', 'utf8'),
  };

  // While the store is open the WAL holds the latest pages; they are encrypted too.
  expect(existsSync(`${dbPath(h.dir)}-wal`)).toBe(true);
  expectAbsent(storeFiles(h.dir), needles);

  await h.host.dispose();
  const files = storeFiles(h.dir);
  expect(files).toContain(dbPath(h.dir));
  expect(files).toContain(keyslotPath(h.dir));
  expectAbsent(files, needles);

  // The plain SQLite header is not there either.
  expect(readFileSync(dbPath(h.dir)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
});

test('the sqlite3 tool can read a plain database (so the refusal above is about the encryption)', () => {
  const r = spawnSync(SQLITE3, [':memory:', 'SELECT 1;'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('1');
});
