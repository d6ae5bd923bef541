// Bench only: the store's schema in a plain (unencrypted) SQLite file with the app's own connection settings, to
// measure what the encryption costs. The app has no way to open or make such a file; nothing outside bench/ imports this.
import Database from 'better-sqlite3-multiple-ciphers';
import { configureConnection, enableWrites, type RawDb } from '../db/store/connection';

/** Opens (or makes) `file` without a key, then applies exactly what openEncrypted and enableWrites apply after the key. */
export function openPlainStore(file: string): RawDb {
  const db = new Database(file);
  configureConnection(db);
  enableWrites(db);
  return db;
}
