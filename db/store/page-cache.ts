// The page cache of a session's connection, sized to the store at open (issue 19 §2: what encryption costs).
//
// Every page SQLCipher reads from disk is decrypted and HMAC-checked; a page found in SQLite's own cache is not. With
// SQLite's default cache a store of 300,000 dossier entries is read from disk over and over, and its indexed lookups
// and scans ran 3-8× slower than plain SQLite; a cache that holds the store brings them to plain SQLite's speed.
//
// The rule: the cache may hold the whole store (the database file plus its -wal) and half as much again plus 32 MB for
// what the session adds (it is sized only at open), at least SQLite's default of 16 MB, and at most the cap: a quarter
// of the machine's RAM, never more than 512 MB. The figure is a ceiling, not a reservation: SQLite allocates a cache
// page when it reads one, so a session costs what it touches of the store, and a 20 MB store never costs more than that.
// The cache belongs to the connection: it is freed with it when the store is locked or closed.
//
// Measured and left as they are (npm run bench, bench/cipher-cost.bench.ts): the page size stays SQLCipher 4's 4096
// (8192 and 16384 were no better beyond this machine's noise, and a new size would need every open to try both, since
// the encrypted header does not say it); mmap cannot help, as every page must go through the cipher anyway.
import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

const MB = 1024 * 1024;
/** The most one connection's page cache may take, whatever the machine. */
export const PAGE_CACHE_MAX_BYTES = 512 * MB;
/** SQLite's own default here (the cipher module is built with 16,000 KiB); a store never gets less. */
export const PAGE_CACHE_MIN_BYTES = 16_000 * 1024;
/** Room for what a session adds to the store (an import) beyond half its size again. */
const GROWTH_BYTES = 32 * MB;

/** The cap on a machine with `totalMemBytes` of RAM: a quarter of it, at most 512 MB. */
export function pageCacheCap(totalMemBytes: number): number {
  return Math.min(PAGE_CACHE_MAX_BYTES, Math.floor(totalMemBytes / 4));
}

/** The page cache for a store whose files take `storeBytes`, on a machine with `totalMemBytes` of RAM. */
export function pageCacheBytes(storeBytes: number, totalMemBytes: number): number {
  const wanted = Math.ceil(storeBytes * 1.5) + GROWTH_BYTES;
  return Math.max(PAGE_CACHE_MIN_BYTES, Math.min(wanted, pageCacheCap(totalMemBytes)));
}

/** The bytes the store's files take on disk: the database and its write-ahead log. */
export function storeBytesOnDisk(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** Sets the connection's cache to `bytes` (a negative cache_size is in KiB, whatever the page size). */
export function setPageCache(db: Database.Database, bytes: number): void {
  db.pragma(`cache_size = -${Math.max(1, Math.floor(bytes / 1024))}`);
}
