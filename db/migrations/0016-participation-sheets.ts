// Migration 16: the clerk's count of paper forms per group and rater kind (发出 / 收回 / 无效 / 弃权), the part of the
// participation accounts (issue 21 §3) that no typed ballot shows; frozen with the rest of the assessment once archived.
import { archivedGuards } from './0004-assessment';
import type { Migration } from './types';

export const migration0016: Migration = {
  version: 16,
  name: 'participation-sheets',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_participation_sheets (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        group_ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('superior', 'peer', 'staff', 'service')),
        expected INTEGER CHECK (expected >= 0),
        received INTEGER CHECK (received >= 0),
        invalid INTEGER CHECK (invalid >= 0),
        abstained INTEGER CHECK (abstained >= 0),
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, group_ref, kind)
      ) STRICT;
      ${archivedGuards('assessment_participation_sheets')}
    `);
  },
};
