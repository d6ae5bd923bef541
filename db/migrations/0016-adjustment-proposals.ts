// Migration 16: 加减分 proposed from the dossier — a proposal staff dismissed (忽略) stays dismissed for that assessment.
import type { Migration } from './types';

export const migration0016: Migration = {
  version: 16,
  name: 'adjustment-proposals',
  up(db) {
    db.exec(`
      -- A dossier entry (a P/N list item with points) staff decided not to count in an assessment's 加减分.
      CREATE TABLE assessment_dismissed_proposals (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        dossier_entry_id INTEGER NOT NULL REFERENCES dossier_entries (id) ON DELETE CASCADE,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, dossier_entry_id)
      ) STRICT;
      CREATE INDEX assessment_dismissed_proposals_entry ON assessment_dismissed_proposals (dossier_entry_id);
    `);
  },
};
