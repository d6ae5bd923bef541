// Full-text search across all dossiers: titles, contents and attachment names; trigram index for 3+ characters, a gram index for 1-2.
import { sql, type Kysely } from 'kysely';
import { excerptAround, highlightParts } from '../../shared/dossier/highlight';
import type { SearchResult } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { gramToken } from '../../shared/dossier/grams';
import { attachmentNamesOf } from './search-index';

export const SEARCH_LIMIT = 200;

type Found = { id: number; title: string; content: string; files: string };

export async function searchDossiers(db: Kysely<Database>, text: string): Promise<SearchResult> {
  const needle = text.trim();
  // Entries saved since the indexes last caught up (search-index.ts) are read from the entries themselves (a marked
  // entry has no index rows: an edit's trigger removes the old ones at once). One read transaction: a catch-up
  // between the two reads would otherwise hide the entries it indexed.
  const both = async (trx: Kysely<Database>) => [
    ...(await indexedMatches(trx, needle)),
    ...(await unindexedMatches(trx, needle)),
  ];
  const matches = db.isTransaction ? await both(db) : await db.transaction().execute(both);
  const found = matches.sort((a, b) => b.id - a.id).slice(0, SEARCH_LIMIT + 1);
  const rows = found.slice(0, SEARCH_LIMIT);
  if (rows.length === 0) return { hits: [], truncated: false };
  const meta = await db
    .selectFrom('dossier_entries')
    .innerJoin('cadres', 'cadres.id', 'dossier_entries.cadre_id')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .innerJoin('catalog_sections', 'catalog_sections.code', 'dossier_entries.section_code')
    .select([
      'dossier_entries.id',
      'dossier_entries.cadre_id',
      'dossier_entries.date',
      'dossier_entries.section_code',
      'catalog_sections.name as section_name',
      'cadres.name as cadre_name',
      'units.name as unit_name',
    ])
    .where(
      'dossier_entries.id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(meta.map((m) => [m.id, m]));
  const lower = needle.toLowerCase();
  const hits = rows.flatMap((r) => {
    const m = byId.get(r.id);
    if (!m) return [];
    const inContent = r.content.toLowerCase().includes(lower);
    const inFiles = !inContent && r.files.toLowerCase().includes(lower);
    return [
      {
        entryId: r.id,
        cadreId: m.cadre_id,
        cadreName: m.cadre_name,
        unitName: m.unit_name,
        date: m.date,
        section: { code: m.section_code, name: m.section_name },
        title: highlightParts(r.title, needle),
        excerpt: inFiles
          ? [{ text: '附件：', hit: false }, ...excerptAround(r.files, needle)]
          : excerptAround(r.content, needle),
      },
    ];
  });
  // Newest material first.
  hits.sort((a, b) => (a.date === b.date ? b.entryId - a.entryId : a.date < b.date ? 1 : -1));
  return { hits, truncated: found.length > SEARCH_LIMIT };
}

/** The trigram index answers 3+ characters; 1-2 characters are looked up as one token of the gram index. */
async function indexedMatches(db: Kysely<Database>, needle: string): Promise<Found[]> {
  const found =
    [...needle].length >= 3
      ? await sql<Found>`
          SELECT rowid AS id, title, content, files FROM dossier_search WHERE dossier_search MATCH ${`"${needle.replace(/"/g, '""')}"`}
          ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT + 1}`.execute(db)
      : await sql<Found>`
          SELECT s.rowid AS id, s.title, s.content, s.files
          FROM (
            SELECT rowid FROM dossier_short_search WHERE dossier_short_search MATCH ${gramToken(needle)}
            ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT + 1}
          ) g
          JOIN dossier_search s ON s.rowid = g.rowid
          ORDER BY s.rowid DESC`.execute(db);
  return found.rows;
}

/**
 * Marked entries that contain the text in their title, content or attachment names, compared as the indexes compare
 * (case folded; each field on its own). Usually a handful; after a large intake a few thousand, still a quick scan.
 */
async function unindexedMatches(db: Kysely<Database>, needle: string): Promise<Found[]> {
  const recent = await sql<Found>`
    SELECT e.id, e.title, e.content, ${sql.raw(attachmentNamesOf('e'))} AS files
    FROM dossier_search_stale m JOIN dossier_entries e ON e.id = m.entry_id`.execute(db);
  const lower = needle.toLowerCase();
  return recent.rows.filter((r) => [r.title, r.content, r.files].some((f) => f.toLowerCase().includes(lower)));
}
