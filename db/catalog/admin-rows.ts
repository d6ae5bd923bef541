// Uniform access to the catalog tables an administrator maintains: each row as code, name, sort, retired and group.
import type { Kysely } from 'kysely';
import type { AdminKind } from '../../shared/catalog/admin';
import type { Database } from '../schema';
import { readCatalogRows, type CatalogItemRow } from './rows';

export interface KindRow {
  readonly code: string;
  readonly name: string;
  readonly sort: number;
  readonly retired: boolean;
  /** The list the row belongs to: its section, dimension or polarity; '' for a flat list. */
  readonly group: string;
}

/** The kinds' tables; all share code, name, sort and retired columns. */
export const KIND_TABLE = {
  subItem: 'catalog_sub_items',
  channel: 'catalog_channels',
  standard: 'catalog_standards',
  listItem: 'catalog_list_items',
  category: 'catalog_categories',
} as const satisfies Record<AdminKind, keyof Database>;

export async function kindRows(db: Kysely<Database>, kind: AdminKind): Promise<KindRow[]> {
  const rows = await readCatalogRows(db);
  const base = (r: CatalogItemRow, group: string): KindRow => ({
    code: r.code,
    name: r.name,
    sort: r.sort,
    retired: r.retired,
    group,
  });
  switch (kind) {
    case 'subItem':
      return rows.subItems.map((r) => base(r, r.sectionCode));
    case 'standard':
      return rows.standards.map((r) => base(r, r.dimensionCode));
    case 'listItem':
      return rows.listItems.map((r) => base(r, r.polarity));
    case 'channel':
      return rows.channels.map((r) => base(r, ''));
    case 'category':
      return rows.categories.map((r) => base(r, ''));
  }
}

/** Sets name, sort or retired of one row of any kind (the columns every kind's table has). */
export async function updateKindRow(
  db: Kysely<Database>,
  kind: AdminKind,
  code: string,
  set: { name?: string; sort?: number; retired?: 0 | 1 },
): Promise<void> {
  // The tables differ only in columns this update does not touch; one of them stands for all in the types.
  const table = KIND_TABLE[kind] as 'catalog_channels';
  await db.updateTable(table).set(set).where('code', '=', code).execute();
}

/** The next free code of a list: prefix plus one more than the highest number ever used (retired rows count). */
export function nextCode(existing: readonly string[], prefix: string, width = 0): string {
  const numbers = existing.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length)));
  const next = Math.max(0, ...numbers.filter((n) => Number.isInteger(n) && n >= 0)) + 1;
  return `${prefix}${String(next).padStart(width, '0')}`;
}
