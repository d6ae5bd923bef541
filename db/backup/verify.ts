// The checks a backup must pass before anyone is told it is good: SQLite's and the cipher's integrity checks.
import type { RawDb } from '../store/connection';
import { notABackup } from './container';

export function assertIntact(db: RawDb): void {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') throw notABackup('数据库完整性检查未通过');
  // The cipher check lists damaged pages; no rows means every page's HMAC verified.
  const cipher = db.pragma('cipher_integrity_check') as unknown[];
  if (cipher.length > 0) throw notABackup('加密页校验未通过');
}

/** Row counts shown before a restore, for the tables this backup's schema has. */
export function countRows(db: RawDb): { users: number; units: number; cadres: number; auditEntries: number } {
  const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  const count = (t: string) => (tables.has(t) ? (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n : 0);
  return { users: count('users'), units: count('units'), cadres: count('cadres'), auditEntries: count('audit_log') };
}
