// Migration 13: the 不得评为优秀 list of an assessment (scoring.md rule 8, `ineligible`): one entry per cadre, with its
// reason; frozen with the rest of the assessment once archived.
import { archivedGuards } from './0004-assessment';
import type { Migration } from './types';

export const migration0013: Migration = {
  version: 13,
  name: 'ineligible',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_ineligible (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        UNIQUE (assessment_id, target_cadre_id)
      ) STRICT;
      ${archivedGuards('assessment_ineligible')}
    `);
  },
};
