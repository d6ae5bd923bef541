// Migration 23: 政治素质审查意见 — each signed 审查结论 of a candidate (kept as history, never overwritten), and the
// print register taking the 审查意见 as a kind of document (its 份号 are registered like the dossier's).
import type { Migration } from './types';

export const migration0023: Migration = {
  version: 23,
  name: 'political-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE political_reviews (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        conclusion TEXT NOT NULL CHECK (conclusion IN ('good', 'verify', 'notForPromotion')),
        reasons TEXT NOT NULL CHECK (reasons <> ''),
        reviewer TEXT NOT NULL CHECK (reviewer <> ''),
        rechecker TEXT NOT NULL DEFAULT '',
        review_date TEXT NOT NULL CHECK (review_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        period_key TEXT NOT NULL CHECK (period_key IN ('year', 'threeYears', 'sincePost')),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        written_by TEXT NOT NULL,
        written_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX political_reviews_cadre ON political_reviews (cadre_id, id);
      -- No update or delete: a conclusion is history; a new one is added beside it.
      CREATE TRIGGER political_reviews_no_update BEFORE UPDATE ON political_reviews
        BEGIN SELECT RAISE(ABORT, 'political_reviews is append-only'); END;

      CREATE TABLE print_register_new (
        id INTEGER PRIMARY KEY,
        doc_kind TEXT NOT NULL CHECK (doc_kind IN ('dossier', 'rankings', 'packet', 'panel', 'review')),
        doc_key TEXT NOT NULL,
        doc_title TEXT NOT NULL,
        serial INTEGER NOT NULL CHECK (serial BETWEEN 1 AND 999),
        recipient TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL,
        printed_by TEXT NOT NULL,
        printed_by_name TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        returned_by TEXT,
        returned_at TEXT,
        UNIQUE (doc_key, serial)
      ) STRICT;
      INSERT INTO print_register_new SELECT * FROM print_register;
      DROP TABLE print_register;
      ALTER TABLE print_register_new RENAME TO print_register;
      CREATE INDEX print_register_printed ON print_register (printed_at);
    `);
  },
};
