// Full-text search across all dossiers: titles, contents and attachment names; trigram index for 3+ characters, a gram index for 1-2.
import { sql, type Kysely } from 'kysely';
import { excerptAround, highlightParts } from '../../shared/dossier/highlight';
import type { SearchResult } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { gramToken } from '../../shared/dossier/grams';

export const SEARCH_LIMIT = 200;

export async function searchDossiers(db: Kysely<Database>, text: string): Promise<SearchResult> {
  const needle = text.trim();
  // The trigram index answers 3+ characters; 1-2 characters are looked up as one token of the gram index.
  const found =
    [...needle].length >= 3
      ? await sql<{ id: number; title: string; content: string; files: string }>`
          SELECT rowid AS id, title, content, files FROM dossier_search WHERE dossier_search MATCH ${`"${needle.replace(/"/g, '""')}"`}
          ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT + 1}`.execute(db)
      : await sql<{ id: number; title: string; content: string; files: string }>`
          SELECT s.rowid AS id, s.title, s.content, s.files
          FROM (
            SELECT rowid FROM dossier_short_search WHERE dossier_short_search MATCH ${gramToken(needle)}
            ORDER BY rowid DESC LIMIT ${SEARCH_LIMIT + 1}
          ) g
          JOIN dossier_search s ON s.rowid = g.rowid
          ORDER BY s.rowid DESC`.execute(db);
  const rows = found.rows.slice(0, SEARCH_LIMIT);
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
  return { hits, truncated: found.rows.length > SEARCH_LIMIT };
}
