// The Kysely view of the store's tables.
import type { Generated } from 'kysely';
import type { Role } from '../shared/roles';

export interface StoreMetaTable { key: string; value: string }
export interface SettingsTable { key: string; value: string }

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

interface CatalogRow { code: string; name: string; sort: number; retired: Generated<number> }
export interface CatalogSubItemsTable extends CatalogRow { section_code: string }
export interface CatalogStandardsTable extends CatalogRow { dimension_code: string }
export interface CatalogDimensionsTable { code: string; name: string; sort: number }
export interface CatalogListItemsTable extends CatalogRow {
  polarity: 'positive' | 'negative';
  dimensions: string; // JSON array of dimension codes
  points: number;
  veto: number;
}
export interface CatalogIndicatorsTable extends CatalogRow { position: 'chief' | 'deputy'; weight: number }

export interface Database {
  store_meta: StoreMetaTable;
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  catalog_sections: CatalogRow;
  catalog_sub_items: CatalogSubItemsTable;
  catalog_channels: CatalogRow;
  catalog_dimensions: CatalogDimensionsTable;
  catalog_standards: CatalogStandardsTable;
  catalog_list_items: CatalogListItemsTable;
  catalog_categories: CatalogRow;
  catalog_indicators: CatalogIndicatorsTable;
}
