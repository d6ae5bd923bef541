// Shapes of the catalogs (sections, standards, list items, categories, indicators) with their stable codes.

export interface CatalogSection {
  readonly code: string;
  readonly name: string;
  readonly subItems: readonly CatalogSubItem[];
}
export interface CatalogSubItem {
  readonly code: string;
  readonly name: string;
}
export interface CatalogChannel {
  readonly code: string;
  readonly name: string;
}
export interface CatalogDimension {
  readonly code: string;
  readonly name: string;
  readonly standards: readonly CatalogStandard[];
}
export interface CatalogStandard {
  readonly code: string;
  readonly name: string;
}
export type ListPolarity = 'positive' | 'negative';
export interface CatalogListItem {
  readonly code: string;
  readonly polarity: ListPolarity;
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly points: number;
  readonly veto: boolean;
}
export interface CatalogCategory {
  readonly code: string;
  readonly name: string;
}
export type PositionCode = 'chief' | 'deputy';
export interface CatalogIndicator {
  readonly code: string;
  readonly position: PositionCode;
  readonly name: string;
  readonly weight: number;
}

export interface Catalogs {
  readonly sections: readonly CatalogSection[];
  readonly channels: readonly CatalogChannel[];
  readonly dimensions: readonly CatalogDimension[];
  readonly listItems: readonly CatalogListItem[];
  readonly categories: readonly CatalogCategory[];
  readonly indicators: readonly CatalogIndicator[];
}

export const POSITION_LABELS: Readonly<Record<PositionCode, string>> = { chief: '正职', deputy: '副职' };
export const POLARITY_LABELS: Readonly<Record<ListPolarity, string>> = { positive: '正面', negative: '负面' };
