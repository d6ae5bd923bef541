// The catalog as the portrait model needs it: dimensions with all their standards and every list item, retired
// ones included (an entry recorded against a retired item still counts; retirement only stops new use).
import type { Kysely } from 'kysely';
import type { PortraitCatalog } from '../../shared/portrait/types';
import { readCatalogRows } from '../catalog';
import type { Database } from '../schema';

export async function readPortraitCatalog(db: Kysely<Database>): Promise<PortraitCatalog> {
  const { dimensions, standards, listItems } = await readCatalogRows(db);
  return {
    dimensions: dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      standards: standards.filter((s) => s.dimensionCode === d.code).map((s) => ({ code: s.code })),
    })),
    listItems: listItems.map(({ code, name, polarity, dimensions, points, veto, retired }) => ({
      code,
      name,
      polarity,
      dimensions,
      points,
      veto,
      retired,
    })),
  };
}
