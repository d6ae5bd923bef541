// Migration 12: 加减分 proposed from the dossier — a proposal staff dismissed (忽略) stays dismissed for that assessment.
import { archivedGuards } from './0004-assessment';
import type { Migration } from './types';

export const migration0012: Migration = {
  version: 12,
  name: 'adjustment-proposals',
  up(db) {
    // No foreign key to dossier_entries: deleting an entry must not touch an archived assessment's rows (its guards
    // would refuse the cascade); a dismissal of a deleted entry simply matches no proposal any more.
    db.exec(`
      -- A dossier entry (a P/N list item with points) staff decided not to count in an assessment's 加减分.
      CREATE TABLE assessment_dismissed_proposals (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        dossier_entry_id INTEGER NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, dossier_entry_id)
      ) STRICT;
      ${archivedGuards('assessment_dismissed_proposals')}
    `);
  },
};
