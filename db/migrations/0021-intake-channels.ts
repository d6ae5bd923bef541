// Migration 21: 填报表 per channel (纪检监察, 巡察/审计, 党校, 表彰) beside the ones per unit. A channel's package has no
// unit (unit_id becomes nullable), and a 党校 row carries its training result, which 采纳 files as a training record.
import type { Migration } from './types';

export const migration0021: Migration = {
  version: 21,
  name: 'intake-channels',
  up(db) {
    // unit_id loses NOT NULL: SQLite rebuilds the table. Foreign keys are on during migrations, so dropping a table
    // would cascade into its children: all three are copied aside first, dropped children first, then rebuilt.
    db.exec(`
      CREATE TEMP TABLE keep_packages AS SELECT * FROM intake_packages;
      CREATE TEMP TABLE keep_rows AS SELECT * FROM intake_rows;
      CREATE TEMP TABLE keep_attachments AS SELECT * FROM intake_attachments;
      DROP TABLE intake_attachments;
      DROP TABLE intake_rows;
      DROP TABLE intake_packages;

      -- A generated 填报表: a unit's workbook for a quarter, or a channel's list (no unit) for a quarter.
      CREATE TABLE intake_packages (
        id INTEGER PRIMARY KEY,
        serial TEXT NOT NULL UNIQUE,
        unit_id INTEGER REFERENCES units (id) ON DELETE CASCADE,
        channel TEXT CHECK (channel IN ('discipline', 'inspection', 'training', 'honor')),
        quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        deadline TEXT NOT NULL,
        return_to TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK ((unit_id IS NULL) = (channel IS NOT NULL))
      ) STRICT;
      CREATE INDEX intake_packages_quarter_unit ON intake_packages (quarter, unit_id);

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
        standard_codes TEXT NOT NULL,
        list_item_code TEXT,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        entry_id INTEGER REFERENCES dossier_entries (id) ON DELETE SET NULL,
        return_reason TEXT,
        imported_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users (id),
        decided_at TEXT,
        -- A 党校 row: JSON {className, organizer, startDate, endDate, hours, result}; 采纳 files it as a training record.
        training TEXT,
        training_record_id INTEGER REFERENCES training_records (id) ON DELETE SET NULL,
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

      INSERT INTO intake_packages (id, serial, unit_id, quarter, deadline, return_to, created_by, created_at)
        SELECT id, serial, unit_id, quarter, deadline, return_to, created_by, created_at FROM keep_packages;
      INSERT INTO intake_rows (id, package_id, row_no, status, cadre_id, date, sub_item_code, channel_code, polarity,
          standard_codes, list_item_code, title, content, fingerprint, entry_id, return_reason, imported_at,
          decided_by, decided_at)
        SELECT id, package_id, row_no, status, cadre_id, date, sub_item_code, channel_code, polarity, standard_codes,
          list_item_code, title, content, fingerprint, entry_id, return_reason, imported_at, decided_by, decided_at
        FROM keep_rows;
      INSERT INTO intake_attachments SELECT * FROM keep_attachments;
      DROP TABLE keep_attachments;
      DROP TABLE keep_rows;
      DROP TABLE keep_packages;
    `);
  },
};
