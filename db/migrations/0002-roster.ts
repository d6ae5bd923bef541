// Migration 2: units and the cadre roster (profiles, per-year results, family members, photos).
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'roster',
  up(db) {
    db.exec(`
      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        category_code TEXT NOT NULL REFERENCES catalog_categories (code),
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cadres (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('男', '女')),
        ethnicity TEXT NOT NULL,
        birth_month TEXT NOT NULL,
        native_place TEXT NOT NULL,
        birth_place TEXT NOT NULL,
        party_join TEXT NOT NULL,
        work_start TEXT NOT NULL,
        health TEXT NOT NULL,
        tech_title TEXT NOT NULL,
        expertise TEXT NOT NULL,
        fulltime_education TEXT NOT NULL,
        fulltime_degree TEXT NOT NULL,
        fulltime_school TEXT NOT NULL,
        parttime_education TEXT NOT NULL,
        parttime_degree TEXT NOT NULL,
        parttime_school TEXT NOT NULL,
        current_post TEXT NOT NULL,
        post_since TEXT NOT NULL,
        rank TEXT NOT NULL,
        unit_id INTEGER NOT NULL REFERENCES units (id),
        position TEXT NOT NULL CHECK (position IN ('chief', 'deputy')),
        resume TEXT NOT NULL,
        rewards TEXT NOT NULL,
        id_number TEXT NOT NULL,
        familiar_fields TEXT NOT NULL,
        traits TEXT NOT NULL,
        shortcomings TEXT NOT NULL,
        status TEXT NOT NULL,
        -- Derived columns for the roster's filters and search, rewritten on every save.
        highest_education TEXT NOT NULL,
        search_text TEXT NOT NULL,
        pinyin_keys TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX cadres_id_number ON cadres (id_number) WHERE id_number <> '';
      CREATE INDEX cadres_unit ON cadres (unit_id, position);
      CREATE INDEX cadres_name_birth ON cadres (name, birth_month);

      CREATE TABLE cadre_annual_results (
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (cadre_id, year)
      ) STRICT;

      CREATE TABLE cadre_family (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        sort INTEGER NOT NULL,
        relation TEXT NOT NULL,
        name TEXT NOT NULL,
        birth_month TEXT NOT NULL,
        political_status TEXT NOT NULL,
        work_unit_post TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cadre_family_cadre ON cadre_family (cadre_id, sort);

      CREATE TABLE cadre_photos (
        cadre_id INTEGER PRIMARY KEY REFERENCES cadres (id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
    `);
  },
};
