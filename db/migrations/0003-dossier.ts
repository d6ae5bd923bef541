// Migration 3: the political-quality dossier (entries, standards, attachments), training, holistic evaluations, portrait confirmations.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'dossier',
  up(db) {
    db.exec(
      `
      CREATE TABLE training_classes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        hours REAL NOT NULL CHECK (hours > 0),
        organizer TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date >= start_date)
      ) STRICT;
      CREATE INDEX training_classes_start ON training_classes (start_date);

      CREATE TABLE training_records (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES training_classes (id) ON DELETE CASCADE,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        hours REAL NOT NULL CHECK (hours >= 0),
        result TEXT NOT NULL CHECK (result IN ('excellent', 'qualified', 'retake')),
        updated_by INTEGER NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        UNIQUE (class_id, cadre_id)
      ) STRICT;
      CREATE INDEX training_records_cadre ON training_records (cadre_id);

      CREATE TABLE dossier_entries (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        -- Derived from date (e.g. 2025Q3) and from the sub-item, stored for the quarterly collection and filters.
        quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        section_code TEXT NOT NULL REFERENCES catalog_sections (code),
        sub_item_code TEXT NOT NULL REFERENCES catalog_sub_items (code),
        channel_code TEXT NOT NULL REFERENCES catalog_channels (code),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        content TEXT NOT NULL CHECK (length(content) <= 5000),
        polarity TEXT NOT NULL CHECK (polarity IN ('positive', 'negative', 'neutral')),
        list_item_code TEXT REFERENCES catalog_list_items (code),
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'training', 'assessment')),
        -- Automatic entries only: what it stands for ('result:<record id>', 'hours:<year>:<cadre id>' or
        -- 'assessment:<assessment id>:<cadre id>'), once.
        auto_key TEXT UNIQUE,
        batch_id TEXT,
        entered_by INTEGER NOT NULL REFERENCES users (id),
        entered_at TEXT NOT NULL,
        verified_by INTEGER REFERENCES users (id),
        verified_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        CHECK ((origin = 'manual') = (auto_key IS NULL)),
        CHECK ((verified_by IS NULL) = (verified_at IS NULL))
      ) STRICT;
      CREATE INDEX dossier_entries_cadre_date ON dossier_entries (cadre_id, date, id);
      CREATE INDEX dossier_entries_quarter_section ON dossier_entries (quarter, section_code, cadre_id);
      CREATE INDEX dossier_entries_batch ON dossier_entries (batch_id) WHERE batch_id IS NOT NULL;

      CREATE TABLE dossier_entry_standards (
        entry_id INTEGER NOT NULL REFERENCES dossier_entries (id) ON DELETE CASCADE,
        standard_code TEXT NOT NULL REFERENCES catalog_standards (code),
        PRIMARY KEY (entry_id, standard_code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dossier_entry_standards_code ON dossier_entry_standards (standard_code, entry_id);

      -- The training records behind an automatic entry.
      CREATE TABLE dossier_entry_sources (
        entry_id INTEGER NOT NULL REFERENCES dossier_entries (id) ON DELETE CASCADE,
        record_id INTEGER NOT NULL REFERENCES training_records (id) ON DELETE CASCADE,
        PRIMARY KEY (entry_id, record_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dossier_entry_sources_record ON dossier_entry_sources (record_id);

      CREATE TABLE dossier_attachments (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES dossier_entries (id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0 AND size <= 20971520),
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        added_by INTEGER NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dossier_attachments_entry ON dossier_attachments (entry_id);

      -- 整体性评价 with its history: the newest row of a cadre is the current one.
      CREATE TABLE holistic_evaluations (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        abilities TEXT NOT NULL,
        shortcomings TEXT NOT NULL,
        familiar_fields TEXT NOT NULL,
        written_by INTEGER NOT NULL REFERENCES users (id),
        written_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX holistic_evaluations_cadre ON holistic_evaluations (cadre_id, id);

      CREATE TABLE portrait_confirmations (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        computed_grade TEXT NOT NULL CHECK (computed_grade IN ('好', '较好', '一般', '较差')),
        confirmed_grade TEXT NOT NULL CHECK (confirmed_grade IN ('好', '较好', '一般', '较差')),
        reason TEXT NOT NULL,
        confirmed_by INTEGER NOT NULL REFERENCES users (id),
        confirmed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX portrait_confirmations_cadre ON portrait_confirmations (cadre_id, id);

      -- Full-text search over titles, contents and attachment names (trigram: any 3+ characters).
      -- rowid = dossier_entries.id; kept by triggers so every path that writes entries keeps it right.
      CREATE VIRTUAL TABLE dossier_search USING fts5(title, content, files, tokenize = 'trigram');
      -- 1-2 character searches: every character and adjacent pair as an ASCII token, computed by dossier_grams(),
      -- a function every store connection registers (db/store/connection.ts).
      CREATE VIRTUAL TABLE dossier_short_search USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii');
      CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier_entries BEGIN
        INSERT INTO dossier_search (rowid, title, content, files) VALUES (new.id, new.title, new.content, '');
        INSERT INTO dossier_short_search (rowid, grams) VALUES (new.id, dossier_grams(new.title || ' ' || new.content));
      END;
      CREATE TRIGGER dossier_search_update AFTER UPDATE OF title, content ON dossier_entries BEGIN
        UPDATE dossier_search SET title = new.title, content = new.content WHERE rowid = new.id;
        DELETE FROM dossier_short_search WHERE rowid = new.id;
        INSERT INTO dossier_short_search (rowid, grams)
          SELECT rowid, dossier_grams(title || ' ' || content || ' ' || files) FROM dossier_search WHERE rowid = new.id;
      END;
      CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier_entries BEGIN
        DELETE FROM dossier_search WHERE rowid = old.id;
        DELETE FROM dossier_short_search WHERE rowid = old.id;
      END;
      CREATE TRIGGER dossier_search_file_added AFTER INSERT ON dossier_attachments BEGIN
        UPDATE dossier_search SET files = (SELECT group_concat(file_name, ' ') FROM dossier_attachments WHERE entry_id = new.entry_id)
          WHERE rowid = new.entry_id;
        DELETE FROM dossier_short_search WHERE rowid = new.entry_id;
        INSERT INTO dossier_short_search (rowid, grams)
          SELECT rowid, dossier_grams(title || ' ' || content || ' ' || files) FROM dossier_search WHERE rowid = new.entry_id;
      END;
      CREATE TRIGGER dossier_search_file_removed AFTER DELETE ON dossier_attachments BEGIN
        UPDATE dossier_search SET files = coalesce((SELECT group_concat(file_name, ' ') FROM dossier_attachments ` +
        `WHERE entry_id = old.entry_id), '')
          WHERE rowid = old.entry_id;
        DELETE FROM dossier_short_search WHERE rowid = old.entry_id;
        INSERT INTO dossier_short_search (rowid, grams)
          SELECT rowid, dossier_grams(title || ' ' || content || ' ' || files) FROM dossier_search WHERE rowid = old.entry_id;
      END;
    `,
    );
  },
};
