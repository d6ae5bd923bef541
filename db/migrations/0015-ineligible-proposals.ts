// Migration 15: 不得评优 proposed from the dossier — an item adopted from a dossier entry remembers the entry, and a
// proposal staff dismissed (忽略) stays dismissed for that assessment (kept apart from the 加减分 dismissals: one entry,
// e.g. an N4 诫勉, can be both a 加减分 and an 不得评优 proposal, and each is decided on its own).
import { archivedGuards } from './0004-assessment';
import type { Migration } from './types';

export const migration0015: Migration = {
  version: 15,
  name: 'ineligible-proposals',
  up(db) {
    // No foreign keys to dossier_entries, as in 0005 and 0012: an archived assessment's rows may not change, so a
    // cascade from deleting the entry would be refused. NULL means entered by hand.
    db.exec(`
      ALTER TABLE assessment_ineligible ADD COLUMN dossier_entry_id INTEGER CHECK (dossier_entry_id IS NULL OR dossier_entry_id > 0);
      CREATE UNIQUE INDEX assessment_ineligible_entry ON assessment_ineligible (assessment_id, dossier_entry_id)
        WHERE dossier_entry_id IS NOT NULL;
      CREATE TABLE assessment_dismissed_ineligible (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        dossier_entry_id INTEGER NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, dossier_entry_id)
      ) STRICT;
      ${archivedGuards('assessment_dismissed_ineligible')}
    `);
  },
};
