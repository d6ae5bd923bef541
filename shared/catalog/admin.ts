// Catalog administration: the kinds of items an administrator maintains and the full view (retired items included).
import type { ListPolarity } from './types';

export const ADMIN_KINDS = ['subItem', 'channel', 'standard', 'listItem', 'category'] as const;
export type AdminKind = (typeof ADMIN_KINDS)[number];
/** Kinds named only by code and name (list items and categories have their own save calls). */
export const NAMED_KINDS = ['subItem', 'channel', 'standard'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

/** The fixed skeleton of catalog.md (S1–S6, D1–D5): renamed only, never added, retired or reordered. */
export const GROUP_KINDS = ['section', 'dimension'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Readonly<Record<GroupKind, string>> = { section: '档案板块', dimension: '评价维度' };

export const ADMIN_KIND_LABELS: Readonly<Record<AdminKind, string>> = {
  subItem: '档案子项',
  channel: '材料来源',
  standard: '评价标准',
  listItem: '清单事项',
  category: '单位类别',
};

export interface AdminItem {
  readonly code: string;
  readonly name: string;
  readonly retired: boolean;
}
export interface AdminListItem extends AdminItem {
  readonly polarity: ListPolarity;
  readonly dimensions: readonly string[];
  readonly points: number;
  readonly veto: boolean;
}
export interface AdminGroup {
  readonly code: string;
  readonly name: string;
  readonly items: readonly AdminItem[];
}

/** Everything an administrator maintains, in the configured order, retired items flagged but kept. */
export interface CatalogAdminView {
  readonly sections: readonly AdminGroup[];
  readonly dimensions: readonly AdminGroup[];
  readonly channels: readonly AdminItem[];
  readonly listItems: readonly AdminListItem[];
  readonly categories: readonly AdminItem[];
}

export const POINTS_LIMIT = 100;
