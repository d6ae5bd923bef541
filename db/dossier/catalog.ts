// The catalog rows an entry may point at, retired ones included (they stay valid and named on old entries).
import type { Kysely } from 'kysely';
import type { EntryCatalog, CatalogCodeRow } from '../../shared/dossier/validate';
import type { Database } from '../schema';

export interface DossierCatalog extends EntryCatalog {
  readonly sections: ReadonlyMap<string, CatalogCodeRow>;
  readonly standards: ReadonlyMap<string, CatalogCodeRow & { readonly dimensionCode: string }>;
}

export async function readDossierCatalog(db: Kysely<Database>): Promise<DossierCatalog> {
  const [sections, subItems, channels, standards, listItems] = await Promise.all([
    db.selectFrom('catalog_sections').select(['code', 'name', 'retired']).execute(),
    db.selectFrom('catalog_sub_items').select(['code', 'name', 'retired', 'section_code']).execute(),
    db.selectFrom('catalog_channels').select(['code', 'name', 'retired']).execute(),
    db.selectFrom('catalog_standards').select(['code', 'name', 'retired', 'dimension_code']).execute(),
    db.selectFrom('catalog_list_items').select(['code', 'name', 'retired', 'polarity']).execute(),
  ]);
  return {
    sections: new Map(sections.map((r) => [r.code, { name: r.name, retired: r.retired === 1 }])),
    subItems: new Map(
      subItems.map((r) => [r.code, { name: r.name, retired: r.retired === 1, sectionCode: r.section_code }]),
    ),
    channels: new Map(channels.map((r) => [r.code, { name: r.name, retired: r.retired === 1 }])),
    standards: new Map(
      standards.map((r) => [r.code, { name: r.name, retired: r.retired === 1, dimensionCode: r.dimension_code }]),
    ),
    listItems: new Map(
      listItems.map((r) => [r.code, { name: r.name, retired: r.retired === 1, polarity: r.polarity }]),
    ),
  };
}
