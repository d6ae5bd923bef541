// Writes the default catalogs (shared/catalog/defaults.ts) into a new store, keeping their stable codes.
import type { Kysely } from 'kysely';
import type { Catalogs } from '../../shared/catalog/types';
import type { Database } from '../schema';

export async function seedCatalogs(db: Kysely<Database>, c: Catalogs): Promise<void> {
  const sorted = <T>(items: readonly T[]) => items.map((item, i) => ({ item, sort: (i + 1) * 10 }));
  await db
    .insertInto('catalog_sections')
    .values(sorted(c.sections).map(({ item, sort }) => ({ code: item.code, name: item.name, sort })))
    .execute();
  await db
    .insertInto('catalog_sub_items')
    .values(
      c.sections.flatMap((s) =>
        sorted(s.subItems).map(({ item, sort }) => ({ code: item.code, name: item.name, sort, section_code: s.code })),
      ),
    )
    .execute();
  await db
    .insertInto('catalog_channels')
    .values(sorted(c.channels).map(({ item, sort }) => ({ code: item.code, name: item.name, sort })))
    .execute();
  await db
    .insertInto('catalog_dimensions')
    .values(sorted(c.dimensions).map(({ item, sort }) => ({ code: item.code, name: item.name, sort })))
    .execute();
  await db
    .insertInto('catalog_standards')
    .values(
      c.dimensions.flatMap((d) =>
        sorted(d.standards).map(({ item, sort }) => ({
          code: item.code,
          name: item.name,
          sort,
          dimension_code: d.code,
        })),
      ),
    )
    .execute();
  await db
    .insertInto('catalog_list_items')
    .values(
      sorted(c.listItems).map(({ item, sort }) => ({
        code: item.code,
        name: item.name,
        sort,
        polarity: item.polarity,
        dimensions: JSON.stringify(item.dimensions),
        points: item.points,
        veto: item.veto ? 1 : 0,
      })),
    )
    .execute();
  await db
    .insertInto('catalog_categories')
    .values(sorted(c.categories).map(({ item, sort }) => ({ code: item.code, name: item.name, sort })))
    .execute();
  await db
    .insertInto('catalog_indicators')
    .values(
      sorted(c.indicators).map(({ item, sort }) => ({
        code: item.code,
        name: item.name,
        sort,
        position: item.position,
        weight: item.weight,
      })),
    )
    .execute();
}
