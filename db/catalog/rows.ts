// The one reader of the catalog tables: every row (retired ones flagged) in the configured order, mapped once;
// the catalog views (in use, administration, portrait, dossier checks) are all taken from it.
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { ListPolarity, PositionCode } from '../../shared/catalog/types';
import type { Database } from '../schema';
import { parseJsonColumn } from '../store/json-column';

export interface CatalogItemRow {
  readonly code: string;
  readonly name: string;
  readonly sort: number;
  readonly retired: boolean;
}
export interface CatalogSubItemRow extends CatalogItemRow {
  readonly sectionCode: string;
}
export interface CatalogStandardRow extends CatalogItemRow {
  readonly dimensionCode: string;
}
export interface CatalogListItemRow extends CatalogItemRow {
  readonly polarity: ListPolarity;
  readonly dimensions: readonly string[];
  readonly points: number;
  readonly veto: boolean;
}
export interface CatalogIndicatorRow extends CatalogItemRow {
  readonly position: PositionCode;
  readonly weight: number;
}

export interface CatalogRows {
  readonly sections: readonly CatalogItemRow[];
  readonly subItems: readonly CatalogSubItemRow[];
  readonly channels: readonly CatalogItemRow[];
  /** Dimensions are never retired (the fixed skeleton D1–D5). */
  readonly dimensions: readonly CatalogItemRow[];
  readonly standards: readonly CatalogStandardRow[];
  readonly listItems: readonly CatalogListItemRow[];
  readonly categories: readonly CatalogItemRow[];
  readonly indicators: readonly CatalogIndicatorRow[];
}

const dimensionCodes = z.array(z.string());

/** One row's common columns. */
function item(r: { code: string; name: string; sort: number; retired?: number }): CatalogItemRow {
  return { code: r.code, name: r.name, sort: r.sort, retired: r.retired === 1 };
}

/** A list item's row, its dimension codes read through their schema. */
export function listItemRow(r: Selectable<Database['catalog_list_items']>): CatalogListItemRow {
  return {
    ...item(r),
    polarity: r.polarity,
    dimensions: parseJsonColumn(dimensionCodes, r.dimensions, 'catalog_list_items.dimensions'),
    points: r.points,
    veto: r.veto === 1,
  };
}

export async function readCatalogRows(db: Kysely<Database>): Promise<CatalogRows> {
  const [sections, subItems, channels, dimensions, standards, listItems, categories, indicators] = await Promise.all([
    db.selectFrom('catalog_sections').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_sub_items').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_channels').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_dimensions').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_standards').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_list_items').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_categories').selectAll().orderBy('sort').orderBy('code').execute(),
    db.selectFrom('catalog_indicators').selectAll().orderBy('sort').orderBy('code').execute(),
  ]);
  return {
    sections: sections.map(item),
    subItems: subItems.map((r) => ({ ...item(r), sectionCode: r.section_code })),
    channels: channels.map(item),
    dimensions: dimensions.map(item),
    standards: standards.map((r) => ({ ...item(r), dimensionCode: r.dimension_code })),
    listItems: listItems.map(listItemRow),
    categories: categories.map(item),
    indicators: indicators.map((r) => ({ ...item(r), position: r.position, weight: r.weight })),
  };
}
