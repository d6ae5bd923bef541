// Migration 6: anonymous panels (one-time 评议码 per seat, stored only as keyed hashes) and paper double entry (二次录入).
import type { Migration } from './types';

/** Tables this migration adds whose rows belong to one assessment (frozen once it is archived). */
export const PANEL_TABLES = ['assessment_panel_codes', 'assessment_papers', 'assessment_paper_entries'] as const;

// Same guard as migration 4's tables (kept here: a migration never imports another one's code).
function archivedGuards(table: string): string {
  const stateOf = (row: 'NEW' | 'OLD') =>
    `(SELECT state FROM assessments WHERE id = ${row}.assessment_id) = 'archived'`;
  return `
    CREATE TRIGGER ${table}_archived_insert BEFORE INSERT ON ${table} WHEN ${stateOf('NEW')}
      BEGIN SELECT RAISE(ABORT, '考核已归档，不能修改'); END;
    CREATE TRIGGER ${table}_archived_update BEFORE UPDATE ON ${table} WHEN ${stateOf('OLD')} OR ${stateOf('NEW')}
      BEGIN SELECT RAISE(ABORT, '考核已归档，不能修改'); END;
    CREATE TRIGGER ${table}_archived_delete BEFORE DELETE ON ${table} WHEN ${stateOf('OLD')}
      BEGIN SELECT RAISE(ABORT, '考核已归档，不能修改'); END;`;
}

export const migration0006: Migration = {
  version: 6,
  name: 'panels',
  up(db) {
    db.exec(`
      -- One row per issued code. Only a keyed hash of the code is kept, and nothing links a used code to the ballot
      -- it produced (no time of use, no ballot id): a used seat says only that its ballot is in.
      CREATE TABLE assessment_panel_codes (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('superior', 'peer', 'staff')),
        group_ref TEXT NOT NULL,
        seat_no INTEGER NOT NULL CHECK (seat_no >= 1),
        -- 同级互评 seats are the group's cadres themselves: scoring needs the rater to refuse self-rating.
        rater_cadre_id INTEGER,
        code_hash TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('unused', 'used', 'revoked')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'peer') = (rater_cadre_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX assessment_panel_codes_seat ON assessment_panel_codes (assessment_id, kind, group_ref, seat_no);

      -- Ballots that came from the kiosk: their lists never show a rater.
      ALTER TABLE assessment_superior_ballots ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));
      ALTER TABLE assessment_peer_ballots ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));

      -- A paper ballot entered twice by two clerks; it becomes a ballot only when both entries match or one is chosen.
      CREATE TABLE assessment_papers (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        paper_no TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('superior', 'peer')),
        state TEXT NOT NULL CHECK (state IN ('pending', 'matched', 'mismatch', 'resolved')),
        resolved_entry INTEGER CHECK (resolved_entry IN (1, 2)),
        resolved_by TEXT,
        resolved_at TEXT,
        PRIMARY KEY (assessment_id, paper_no)
      ) STRICT;
      CREATE TABLE assessment_paper_entries (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL,
        paper_no TEXT NOT NULL,
        entry_no INTEGER NOT NULL CHECK (entry_no IN (1, 2)),
        content TEXT NOT NULL,       -- canonical JSON of the ballot as this clerk typed it
        user_id INTEGER NOT NULL,    -- the same account may not enter both times
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        UNIQUE (assessment_id, paper_no, entry_no),
        FOREIGN KEY (assessment_id, paper_no) REFERENCES assessment_papers (assessment_id, paper_no) ON DELETE CASCADE
      ) STRICT;
      ${archivedGuards('assessment_panel_codes')}
      ${archivedGuards('assessment_papers')}
      ${archivedGuards('assessment_paper_entries')}
    `);
  },
};
