// Reads the active catalogs back out of the store, in their configured order.
import type { Kysely } from 'kysely';
import type { Catalogs } from '../../shared/catalog/types';
import type { Database } from '../schema';

export async function readCatalogs(db: Kysely<Database>): Promise<Catalogs> {
  const [sections, subItems, channels, dimensions, standards, listItems, categories, indicators] = await Promise.all([
    db.selectFrom('catalog_sections').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_sub_items').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_channels').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_dimensions').selectAll().orderBy('sort').execute(),
    db.selectFrom('catalog_standards').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_list_items').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_categories').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
    db.selectFrom('catalog_indicators').selectAll().where('retired', '=', 0).orderBy('sort').execute(),
  ]);
  return {
    sections: sections.map((s) => ({
      code: s.code,
      name: s.name,
      subItems: subItems.filter((i) => i.section_code === s.code).map((i) => ({ code: i.code, name: i.name })),
    })),
    channels: channels.map((c) => ({ code: c.code, name: c.name })),
    dimensions: dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      standards: standards.filter((s) => s.dimension_code === d.code).map((s) => ({ code: s.code, name: s.name })),
    })),
    listItems: listItems.map((l) => ({
      code: l.code,
      name: l.name,
      polarity: l.polarity,
      dimensions: JSON.parse(l.dimensions) as string[],
      points: l.points,
      veto: l.veto === 1,
    })),
    categories: categories.map((c) => ({ code: c.code, name: c.name })),
    indicators: indicators.map((i) => ({ code: i.code, name: i.name, position: i.position, weight: i.weight })),
  };
}
