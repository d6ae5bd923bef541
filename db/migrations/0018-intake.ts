// Migration 18: 填报表 out to units and back in for 审核 — the packages sent, the rows they brought back (待审核 until a
// 档案管理员 accepts or returns them) and the evidence files that came with those rows.
import type { Migration } from './types';

export const migration0018: Migration = {
  version: 18,
  name: 'intake',
  up(db) {
    db.exec(`
      -- One generated 填报表: a unit's workbook for a quarter, named by a random serial written into its hidden sheet.
      CREATE TABLE intake_packages (
        id INTEGER PRIMARY KEY,
        serial TEXT NOT NULL UNIQUE,
        unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        deadline TEXT NOT NULL,
        return_to TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_packages_quarter_unit ON intake_packages (quarter, unit_id);

      -- A material a unit returned, keyed by its package and Excel row: importing the same file again finds it.
      CREATE TABLE intake_rows (
        id INTEGER PRIMARY KEY,
        package_id INTEGER NOT NULL REFERENCES intake_packages (id) ON DELETE CASCADE,
        row_no INTEGER NOT NULL CHECK (row_no > 0),
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned')),
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        sub_item_code TEXT NOT NULL,
        channel_code TEXT NOT NULL,
        polarity TEXT NOT NULL CHECK (polarity IN ('positive', 'negative', 'neutral')),
        -- JSON array of 评价标准 codes.
        standard_codes TEXT NOT NULL,
        list_item_code TEXT,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        -- sha256 of the row as the unit wrote it (attachments included): the same row imported again changes nothing.
        fingerprint TEXT NOT NULL,
        -- The dossier entry a 采纳 made of it.
        entry_id INTEGER REFERENCES dossier_entries (id) ON DELETE SET NULL,
        return_reason TEXT,
        imported_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users (id),
        decided_at TEXT,
        UNIQUE (package_id, row_no),
        CHECK ((status = 'returned') = (return_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX intake_rows_status ON intake_rows (status, package_id);
      CREATE INDEX intake_rows_cadre ON intake_rows (cadre_id);
      CREATE INDEX intake_rows_entry ON intake_rows (entry_id) WHERE entry_id IS NOT NULL;

      CREATE TABLE intake_attachments (
        id INTEGER PRIMARY KEY,
        row_id INTEGER NOT NULL REFERENCES intake_rows (id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0 AND size <= 20971520),
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX intake_attachments_row ON intake_attachments (row_id);
    `);
  },
};
