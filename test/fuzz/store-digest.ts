// A digest of everything a store holds: every table of sqlite_master, every row in primary-key order, hashed.
import { createHash } from 'node:crypto';
import type { RawDb } from '../../db/store/connection';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Bytes as hex, bigints as text: the JSON of a row is then exact and stable. */
const cell = (_key: string, v: unknown): unknown => {
  if (typeof v === 'bigint') return `bigint:${v}`;
  if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer') {
    return `bytes:${Buffer.from((v as { data: number[] }).data).toString('hex')}`;
  }
  return v;
};

function orderOf(raw: RawDb, table: string, withoutRowid: boolean): string {
  const info = raw.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[];
  const pk = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quote(c.name));
  if (pk.length > 0) return pk.join(', ');
  // No declared key: rowid (FTS5 tables and their shadow tables have one); a WITHOUT ROWID table always has a key.
  return withoutRowid ? info.map((c) => quote(c.name)).join(', ') : 'rowid';
}

export interface StoreDigest {
  readonly digest: string;
  /** Rows per table, to say where a difference is. */
  readonly counts: Readonly<Record<string, number>>;
  /** Hash per table. */
  readonly tables: Readonly<Record<string, string>>;
}

/** Hashes the schema, the user_version and every row of every table (sqlite_master order by name). */
export function storeDigest(raw: RawDb): StoreDigest {
  const master = raw.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const all = createHash('sha256');
  all.update(JSON.stringify(master));
  all.update(`user_version:${String(raw.pragma('user_version', { simple: true }))}`);
  const counts: Record<string, number> = {};
  const tables: Record<string, string> = {};
  for (const t of master.filter((m) => m.type === 'table')) {
    const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(t.sql ?? '');
    const rows = raw
      .prepare(`SELECT * FROM ${quote(t.name)} ORDER BY ${orderOf(raw, t.name, withoutRowid)}`)
      .raw(true)
      .all() as unknown[][];
    const h = createHash('sha256');
    for (const row of rows) h.update(`${JSON.stringify(row, cell)}\n`);
    tables[t.name] = h.digest('hex');
    counts[t.name] = rows.length;
    all.update(`${t.name}:${tables[t.name]}\n`);
  }
  return { digest: all.digest('hex'), counts, tables };
}

/** The tables whose hash differs between two digests (for a readable failure). */
export function changedTables(a: StoreDigest, b: StoreDigest): string[] {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  return [...names]
    .filter((n) => a.tables[n] !== b.tables[n])
    .map((n) => `${n} (${a.counts[n] ?? '—'} → ${b.counts[n] ?? '—'} rows)`);
}

/** Rows changed by statements on this connection so far; a refused call must not move it. */
export const totalChanges = (raw: RawDb): number =>
  (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
