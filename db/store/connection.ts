// Opening the SQLCipher-4-format database with a raw 256-bit key, and the pragmas every connection needs.
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../shared/ipc/errors';
import { gramsOf } from '../../shared/dossier/grams';
import { createOwnerOnlyFile, restrictToOwnerIfPossible } from '../fs/owner-only';
import { pageCacheBytes, setPageCache, storeBytesOnDisk } from './page-cache';

export type RawDb = Database.Database;

const notAStore = () =>
  new ApiError({
    code: 'NOT_A_STORE',
    message: '无法读取档案库：文件不是本系统的档案库，或已损坏。文件未作任何修改。',
  });

/**
 * Opens and verifies the key with a read of sqlite_master; nothing is written until `enableWrites`.
 * A foreign or damaged file fails here and is left untouched.
 */
export function openEncrypted(file: string, dbKey: Buffer, opts: { create: boolean }): RawDb {
  let db: RawDb;
  try {
    // A new file is made empty with mode 0600 before SQLite touches it: the -wal and -shm SQLite creates take the
    // database file's mode.
    if (opts.create && !existsSync(file)) createOwnerOnlyFile(file);
    db = new Database(file, { fileMustExist: !opts.create });
  } catch {
    throw notAStore();
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // The key can only be given as a hex literal; it is checked to be 32 bytes, so nothing else reaches the SQL.
    if (dbKey.length !== 32) throw new Error('database key must be 32 bytes');
    db.pragma(`key="x'${dbKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Known to be ours now (a foreign file is left exactly as it was): an existing store made before files were
    // owner-only, with its -wal and -shm, is narrowed.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) restrictToOwnerIfPossible(f);
    configureConnection(db);
  } catch {
    db.close();
    throw notAStore();
  }
  return db;
}

/**
 * What every connection needs once its file is readable. Exported only so that `npm run bench` can open a plain
 * SQLite copy of the schema with the same settings (bench/plain-store.ts); the app opens files with openEncrypted only.
 */
export function configureConnection(db: RawDb): void {
  // Sorts and index builds that spill would otherwise write plaintext temp files outside the cipher.
  db.pragma('temp_store = MEMORY');
  // The dossier's short-text search index is kept by triggers that call this (see migration 3).
  db.function('dossier_grams', { deterministic: true }, (text: unknown) =>
    gramsOf(typeof text === 'string' ? text : null),
  );
}

/**
 * The settings of a connection a session works on (durability, and a page cache sized to the store: see
 * page-cache.ts); applied only once the file is known to be ours and of a version we can write.
 */
export function enableWrites(db: RawDb): void {
  setPageCache(db, pageCacheBytes(storeBytesOnDisk(db.name), totalmem()));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted or overwritten content is zeroed in the file, not left in free pages (issue 16: anonymous ballots).
  db.pragma('secure_delete = ON');
}

/**
 * Leaves no history of recent transactions in the store folder (issue 16, row 1: each 评议终端 ballot's transaction
 * holds the ballot and the code marked used side by side). A TRUNCATE checkpoint writes every WAL frame into the
 * database and empties the -wal; but the -shm's index still names the pages the last transaction wrote. One tiny
 * write then starts a new WAL generation, which clears that index (SQLite zeroes it when a generation's first frame is
 * added): the -wal and the -shm then hold page 1 only (the file header and the schema's root), which says nothing.
 * Cheaper than leaving and re-entering WAL mode (which deletes both files but rewrites the header through a rollback
 * journal): see `npm run bench` (bench/assessment.bench.ts, kiosk).
 */
export function forgetHistory(db: RawDb): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  // user_version set to itself writes page 1 and nothing else. (An UPDATE that changes nothing writes no frame at all.)
  // It changes no data, so it needs no fsync of its own: NORMAL for this one commit.
  const sync = Number(db.pragma('synchronous', { simple: true }));
  db.pragma('synchronous = NORMAL');
  try {
    db.pragma(`user_version = ${Math.trunc(Number(db.pragma('user_version', { simple: true })))}`);
  } finally {
    db.pragma(`synchronous = ${Math.trunc(sync)}`);
  }
}
