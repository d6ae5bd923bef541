// What one written page costs (issue 19 §2): why small transactions stay above 1.3× on this machine. A table of
// 2,000 rows of 3,000 bytes (one page each) with the store's connection settings (WAL, synchronous=FULL, a page cache
// holding it all); 200 commits that each rewrite 1, 4 or 16 rows, in plain SQLite, in the store's format (SQLCipher 4:
// AES-256-CBC and HMAC-SHA512 per page, architecture.md) and, for comparison only, sqlite3mc's AEGIS-256 (an
// authenticated cipher that uses the CPU's AES instructions). The app opens only the SQLCipher 4 format.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { percentile, record } from './figures';

const work = mkdtempSync(join(tmpdir(), 'bench-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FORMATS = {
  plain: [],
  'SQLCipher 4 (the store)': [`cipher='sqlcipher'`, 'legacy=4'],
  'AEGIS-256 (comparison only)': [`cipher='aegis'`],
} as const;
type Format = keyof typeof FORMATS;
const ROWS = 2000;
const row = (fill: number) => Buffer.alloc(3000, fill % 251);

const keys = new Map<Format, string>();
const fileOf = (format: Format) => join(work, `${Object.keys(FORMATS).indexOf(format)}.db`);

/** Opens `format`'s file with the store's connection settings (its key made once). */
function connect(format: Format): Database.Database {
  const db = new Database(fileOf(format));
  for (const p of FORMATS[format]) db.pragma(p);
  if (format !== 'plain') {
    if (!keys.has(format)) keys.set(format, randomBytes(32).toString('hex'));
    db.pragma(`key="x'${keys.get(format)!}'"`);
  }
  db.pragma('cache_size = -65536');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function open(format: Format): Database.Database {
  const db = connect(format);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB NOT NULL)');
  const add = db.prepare('INSERT INTO t (b) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) add.run(row(i));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

test('one written page: plain, SQLCipher 4 and AEGIS-256, commits of 1, 4 and 16 pages', () => {
  const dbs = Object.fromEntries(Object.keys(FORMATS).map((f) => [f, open(f as Format)])) as Record<
    Format,
    Database.Database
  >;
  const formats = Object.keys(FORMATS) as Format[];
  try {
    for (const pages of [1, 4, 16]) {
      const times = Object.fromEntries(formats.map((f) => [f, [] as number[]])) as Record<Format, number[]>;
      for (let round = 0; round < 9; round++) {
        // Each format first in turn: none always runs on the others' warm OS cache or quiet moment.
        for (const f of formats.map((_, i) => formats[(i + round) % formats.length]!)) {
          const up = dbs[f].prepare('UPDATE t SET b = ? WHERE id = ?');
          const commit = dbs[f].transaction((i: number) => {
            for (let p = 0; p < pages; p++) up.run(row(i + p + round), 1 + ((i * 37 + p * 101 + round * 7) % ROWS));
          });
          const t0 = performance.now();
          for (let i = 0; i < 200; i++) commit(i);
          times[f].push((performance.now() - t0) / 200);
        }
      }
      const plain = percentile(times.plain, 50);
      record(`a commit of ${pages} page(s): plain`, plain * 1000, 'µs');
      for (const f of formats.slice(1)) {
        const ms = percentile(times[f], 50);
        record(`a commit of ${pages} page(s): ${f}`, ms * 1000, 'µs');
        record(`a commit of ${pages} page(s): ${f}, ratio`, ms / plain, '×');
        record(`a commit of ${pages} page(s): ${f}, extra per page`, ((ms - plain) / pages) * 1000, 'µs');
      }
    }
  } finally {
    for (const db of Object.values(dbs)) db.close();
  }
});

test('reading 2,000 pages on a fresh connection (an empty page cache; the file in the OS cache)', () => {
  const formats = Object.keys(FORMATS) as Format[];
  const times = Object.fromEntries(formats.map((f) => [f, [] as number[]])) as Record<Format, number[]>;
  for (let round = 0; round < 9; round++) {
    for (const f of formats.map((_, i) => formats[(i + round) % formats.length]!)) {
      const db = connect(f);
      const t0 = performance.now();
      db.prepare('SELECT sum(length(b)) FROM t').pluck().get();
      times[f].push(performance.now() - t0);
      db.close();
    }
  }
  const plain = percentile(times.plain, 50);
  record('reading 2,000 pages: plain', plain * 1000, 'µs');
  for (const f of formats.slice(1)) {
    const ms = percentile(times[f], 50);
    record(`reading 2,000 pages: ${f}`, ms * 1000, 'µs');
    record(`reading 2,000 pages: ${f}, ratio`, ms / plain, '×');
    record(`reading 2,000 pages: ${f}, extra per page`, ((ms - plain) / ROWS) * 1000, 'µs');
  }
});
