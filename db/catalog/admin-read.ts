// The administrator's view of the catalogs: every item, retired ones flagged, in the configured order.
import type { Kysely } from 'kysely';
import type { CatalogAdminView } from '../../shared/catalog/admin';
import type { Database } from '../schema';
import { readCatalogRows } from './rows';

const item = (r: { code: string; name: string; retired: boolean }) => ({
  code: r.code,
  name: r.name,
  retired: r.retired,
});

export async function readCatalogAdmin(db: Kysely<Database>): Promise<CatalogAdminView> {
  const { sections, subItems, dimensions, standards, channels, listItems, categories } = await readCatalogRows(db);
  return {
    sections: sections.map((s) => ({
      code: s.code,
      name: s.name,
      items: subItems.filter((i) => i.sectionCode === s.code).map(item),
    })),
    dimensions: dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      items: standards.filter((i) => i.dimensionCode === d.code).map(item),
    })),
    channels: channels.map(item),
    listItems: listItems.map((l) => ({
      ...item(l),
      polarity: l.polarity,
      dimensions: l.dimensions,
      points: l.points,
      veto: l.veto,
    })),
    categories: categories.map(item),
  };
}
