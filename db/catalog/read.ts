// Reads the active catalogs back out of the store, in their configured order.
import type { Kysely } from 'kysely';
import type { Catalogs } from '../../shared/catalog/types';
import type { Database } from '../schema';
import { readCatalogRows } from './rows';

const active = <T extends { readonly retired: boolean }>(rows: readonly T[]): T[] => rows.filter((r) => !r.retired);
const named = (r: { code: string; name: string }) => ({ code: r.code, name: r.name });

export async function readCatalogs(db: Kysely<Database>): Promise<Catalogs> {
  const rows = await readCatalogRows(db);
  const subItems = active(rows.subItems);
  const standards = active(rows.standards);
  return {
    sections: active(rows.sections).map((s) => ({
      ...named(s),
      subItems: subItems.filter((i) => i.sectionCode === s.code).map(named),
    })),
    channels: active(rows.channels).map(named),
    dimensions: rows.dimensions.map((d) => ({
      ...named(d),
      standards: standards.filter((s) => s.dimensionCode === d.code).map(named),
    })),
    listItems: active(rows.listItems).map(({ code, name, polarity, dimensions, points, veto }) => ({
      code,
      name,
      polarity,
      dimensions,
      points,
      veto,
    })),
    categories: active(rows.categories).map(named),
    indicators: active(rows.indicators).map(({ code, name, position, weight }) => ({ code, name, position, weight })),
  };
}
