// The catalog as the portrait model needs it: dimensions with all their standards and every list item, retired
// ones included (an entry recorded against a retired item still counts; retirement only stops new use).
import type { Kysely } from 'kysely';
import type { PortraitCatalog } from '../../shared/portrait/types';
import type { Database } from '../schema';

export async function readPortraitCatalog(db: Kysely<Database>): Promise<PortraitCatalog> {
  const [dimensions, standards, listItems] = await Promise.all([
    db.selectFrom('catalog_dimensions').select(['code', 'name']).orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_standards').select(['code', 'dimension_code']).execute(),
    db.selectFrom('catalog_list_items').selectAll().orderBy('sort').orderBy('code').execute(),
  ]);
  return {
    dimensions: dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      standards: standards.filter((s) => s.dimension_code === d.code).map((s) => ({ code: s.code })),
    })),
    listItems: listItems.map((l) => ({
      code: l.code,
      name: l.name,
      polarity: l.polarity,
      dimensions: JSON.parse(l.dimensions) as string[],
      points: l.points,
      veto: l.veto === 1,
      retired: l.retired === 1,
    })),
  };
}
