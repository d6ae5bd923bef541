// The dossier's search indexes catch up with the entries saved since they last did (migration 24). A save marks its
// entry in dossier_search_stale (an edit, a changed attachment and a deletion remove the entry's old index rows at
// once); this indexes marked entries a batch at a time, one transaction per batch, when the store is idle
// (db/app/host.ts) and in fixtures. A search does not wait for it: it reads marked entries directly
// (db/dossier/search.ts). Each marked entry still there is indexed with its attachment names, then unmarked.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { RawDb } from '../store/connection';

/** Entries per transaction in idle time: a user's call waits behind at most one batch (tens of milliseconds). */
export const CATCH_UP_BATCH = 500;

/** An entry's attachment names as the index holds them (`entry` is the entries row's alias), in the order added. */
export const attachmentNamesOf = (entry: string): string =>
  `coalesce((SELECT group_concat(file_name, ' ') FROM
     (SELECT file_name FROM dossier_attachments a WHERE a.entry_id = ${entry}.id ORDER BY a.id)), '')`;

/** The statements that index the first `limit` marked entries and unmark them; run them in one transaction. */
export function catchUpStatements(limit: number): string[] {
  const n = Math.max(1, Math.trunc(limit));
  const batch = `SELECT entry_id FROM dossier_search_stale ORDER BY entry_id LIMIT ${n}`;
  // No delete first: a marked entry has no index rows (migration 24's triggers remove them when they mark it).
  return [
    `INSERT INTO dossier_search (rowid, title, content, files)
       SELECT e.id, e.title, e.content, ${attachmentNamesOf('e')}
       FROM dossier_entries e WHERE e.id IN (${batch})`,
    `INSERT INTO dossier_short_search (rowid, grams)
       SELECT rowid, dossier_grams(title || ' ' || content || ' ' || files) FROM dossier_search WHERE rowid IN (${batch})`,
    `DELETE FROM dossier_search_stale WHERE entry_id IN (${batch})`,
  ];
}

/** One batch through Kysely (its connection mutex keeps it apart from any call's transaction); returns what is left. */
export async function catchUpSearchIndex(db: Kysely<Database>, limit = CATCH_UP_BATCH): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const s of catchUpStatements(limit)) await sql.raw(s).execute(trx);
    const left = await sql<{ n: number }>`SELECT count(*) AS n FROM dossier_search_stale`.execute(trx);
    return left.rows[0]?.n ?? 0;
  });
}

/** Everything marked, at once, on a raw connection: fixtures, benches and tests that fill a store row by row. */
export function catchUpAll(raw: RawDb): void {
  const count = raw.prepare('SELECT count(*) FROM dossier_search_stale').pluck();
  raw.transaction(() => {
    for (const s of catchUpStatements(Math.max(1, Number(count.get())))) raw.exec(s);
  })();
}

/**
 * Batches until nothing is marked or `keepGoing` says stop (the session ended); between batches the thread is free
 * for calls. A failure leaves the marks as they were: the next idle tick tries again, and searches stay right.
 */
export async function catchUpInBatches(db: Kysely<Database>, keepGoing: () => boolean): Promise<void> {
  while (keepGoing() && (await catchUpSearchIndex(db)) > 0) await new Promise((resolve) => setImmediate(resolve));
}
