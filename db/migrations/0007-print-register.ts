// Migration 7: the print register — one row per printed copy (份号) of a document, and whether it came back.
import type { Migration } from './types';

export const migration0007: Migration = {
  version: 7,
  name: 'print-register',
  up(db) {
    db.exec(`
      CREATE TABLE print_register (
        id INTEGER PRIMARY KEY,
        doc_kind TEXT NOT NULL CHECK (doc_kind IN ('dossier', 'rankings', 'packet', 'panel')),
        -- Copies of one document are numbered together: 份号 are unique within a document key.
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
      CREATE INDEX print_register_printed ON print_register (printed_at);
    `);
  },
};
