// The checks a backup must pass before anyone is told it is good: SQLite's integrity check, and every page's
// HMAC under the store key (SQLCipher's cipher_integrity_check, which SQLite3 Multiple Ciphers lacks).
import { checkPageHmacs } from '../store/page-hmac';
import { openEncrypted, type RawDb } from '../store/connection';
import { notABackup } from './container';

/** Checks a closed database file: every page authentic, then SQLite's own structure check. */
export function assertIntact(file: string, dbKey: Buffer): void {
  let pages: ReturnType<typeof checkPageHmacs>;
  try {
    pages = checkPageHmacs(file, dbKey);
  } catch {
    throw notABackup('加密页校验未通过');
  }
  if (pages.badPages.length > 0 || pages.header.pageSize !== 4096) throw notABackup('加密页校验未通过');
  const db = openEncrypted(file, dbKey, { create: false });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') throw notABackup('数据库完整性检查未通过');
  } finally {
    db.close();
  }
}

/** Row counts shown before a restore, for the tables this backup's schema has. */
export function countRows(db: RawDb): { users: number; units: number; cadres: number; auditEntries: number } {
  const tables = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
  );
  const count = (t: string) =>
    tables.has(t) ? (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n : 0;
  return { users: count('users'), units: count('units'), cadres: count('cadres'), auditEntries: count('audit_log') };
}
