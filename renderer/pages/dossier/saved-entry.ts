// Puts an entry the form just saved into the dossier on screen, as `dossier.get` with the same filters would list it.
import type { Dossier, DossierEntry } from '../../../shared/dossier/types';
import type { DossierFilter } from '../../../shared/dossier/schema';

export type EntryFilters = Omit<DossierFilter, 'cadreId'>;

/** The filters of `dossier.get` (db/dossier/read.ts), read on one entry. */
export function matchesFilters(e: DossierEntry, f: EntryFilters): boolean {
  return (
    (!f.sectionCode || e.section.code === f.sectionCode) &&
    (!f.quarter || e.quarter === f.quarter) &&
    (!f.polarity || e.polarity === f.polarity) &&
    (!f.standardCode || e.standards.some((s) => s.code === f.standardCode))
  );
}

/** Date order, then id: the order `dossier.get` answers in. */
const before = (a: DossierEntry, b: DossierEntry) => a.date < b.date || (a.date === b.date && a.id < b.id);

/**
 * The dossier with `saved` in place of its older version (or added when `created`), where the filters let it show:
 * an edit may move it (another date) or out of the filtered view (another section). `total` counts a new entry.
 */
export function withSavedEntry(
  dossier: Dossier,
  saved: DossierEntry,
  filters: EntryFilters,
  created: boolean,
): Dossier {
  const rest = dossier.entries.filter((e) => e.id !== saved.id);
  const later = rest.findIndex((e) => before(saved, e));
  const at = later === -1 ? rest.length : later;
  const entries = matchesFilters(saved, filters) ? [...rest.slice(0, at), saved, ...rest.slice(at)] : rest;
  return { ...dossier, entries, total: dossier.total + (created ? 1 : 0) };
}
