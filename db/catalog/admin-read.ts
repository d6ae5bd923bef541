// The administrator's view of the catalogs: every item, retired ones flagged, in the configured order.
import type { Kysely } from 'kysely';
import type { CatalogAdminView } from '../../shared/catalog/admin';
import type { Database } from '../schema';

export async function readCatalogAdmin(db: Kysely<Database>): Promise<CatalogAdminView> {
  const [sections, subItems, dimensions, standards, channels, listItems, categories] = await Promise.all([
    db.selectFrom('catalog_sections').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_sub_items').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_dimensions').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_standards').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_channels').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_list_items').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_categories').selectAll().orderBy('sort').orderBy('code').execute(),
  ]);
  const item = (r: { code: string; name: string; retired: number }) => ({
    code: r.code,
    name: r.name,
    retired: r.retired === 1,
  });
  return {
    sections: sections.map((s) => ({
      code: s.code,
      name: s.name,
      items: subItems.filter((i) => i.section_code === s.code).map(item),
    })),
    dimensions: dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      items: standards.filter((i) => i.dimension_code === d.code).map(item),
    })),
    channels: channels.map(item),
    listItems: listItems.map((l) => ({
      ...item(l),
      polarity: l.polarity,
      dimensions: JSON.parse(l.dimensions) as string[],
      points: l.points,
      veto: l.veto === 1,
    })),
    categories: categories.map(item),
  };
}
