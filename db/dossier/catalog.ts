// The catalog rows an entry may point at, retired ones included (they stay valid and named on old entries).
import type { Kysely } from 'kysely';
import type { EntryCatalog, CatalogCodeRow } from '../../shared/dossier/validate';
import { readCatalogRows } from '../catalog';
import type { Database } from '../schema';

export interface DossierCatalog extends EntryCatalog {
  readonly sections: ReadonlyMap<string, CatalogCodeRow>;
  readonly standards: ReadonlyMap<string, CatalogCodeRow & { readonly dimensionCode: string }>;
}

export async function readDossierCatalog(db: Kysely<Database>): Promise<DossierCatalog> {
  const rows = await readCatalogRows(db);
  const byCode = <R extends { code: string }, V>(list: readonly R[], value: (r: R) => V) =>
    new Map(list.map((r) => [r.code, value(r)]));
  return {
    sections: byCode(rows.sections, (r) => ({ name: r.name, retired: r.retired })),
    subItems: byCode(rows.subItems, (r) => ({ name: r.name, retired: r.retired, sectionCode: r.sectionCode })),
    channels: byCode(rows.channels, (r) => ({ name: r.name, retired: r.retired })),
    standards: byCode(rows.standards, (r) => ({ name: r.name, retired: r.retired, dimensionCode: r.dimensionCode })),
    listItems: byCode(rows.listItems, (r) => ({ name: r.name, retired: r.retired, polarity: r.polarity })),
  };
}
