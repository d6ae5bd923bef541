// Migration 1: accounts, settings, store metadata, the append-only audit log and the catalog tables.
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'dossierClerk', 'assessmentClerk', 'reviewer')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_user ON audit_log (username, id);
      CREATE INDEX audit_log_action ON audit_log (action, id);
      -- The log is append-only for the app: any update or delete is refused by the database itself.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE catalog_sections (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_sub_items (
        code TEXT PRIMARY KEY, section_code TEXT NOT NULL REFERENCES catalog_sections (code),
        name TEXT NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_channels (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_dimensions (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE catalog_standards (
        code TEXT PRIMARY KEY, dimension_code TEXT NOT NULL REFERENCES catalog_dimensions (code),
        name TEXT NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_list_items (
        code TEXT PRIMARY KEY, polarity TEXT NOT NULL CHECK (polarity IN ('positive', 'negative')),
        name TEXT NOT NULL, dimensions TEXT NOT NULL, points REAL NOT NULL, veto INTEGER NOT NULL DEFAULT 0,
        sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_categories (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_indicators (
        code TEXT PRIMARY KEY, position TEXT NOT NULL CHECK (position IN ('chief', 'deputy')),
        name TEXT NOT NULL, weight REAL NOT NULL, sort INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
