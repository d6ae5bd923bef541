// Migration 19: 评议终端包 out to extra laptops and their ballot returns back in (issue 18).
import type { Migration } from './types';

export const migration0019: Migration = {
  version: 19,
  name: 'terminal-packages',
  up(db) {
    db.exec(`
      -- One row per exported 测评包. package_key opens its return (the password is shown once and not kept).
      CREATE TABLE terminal_packages (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        package_id TEXT NOT NULL UNIQUE,
        terminal_no INTEGER NOT NULL CHECK (terminal_no BETWEEN 1 AND 999),
        groups TEXT NOT NULL,
        package_key TEXT NOT NULL,
        code_salt TEXT NOT NULL,
        code_cost TEXT NOT NULL,
        digest TEXT NOT NULL,
        seats INTEGER NOT NULL,
        exported_by TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        returned_on TEXT,
        return_digest TEXT,
        ballots_returned INTEGER NOT NULL DEFAULT 0,
        merged INTEGER NOT NULL DEFAULT 0,
        -- JSON list of the ballots refused (a code revoked after export): kind, group, seat and why.
        refused TEXT NOT NULL DEFAULT '[]',
        UNIQUE (assessment_id, terminal_no)
      ) STRICT;
      -- The seats a package carries, by the lookup the package holds; used = the return says its code was used there.
      CREATE TABLE terminal_package_seats (
        package_id INTEGER NOT NULL REFERENCES terminal_packages (id) ON DELETE CASCADE,
        code_id INTEGER NOT NULL REFERENCES assessment_panel_codes (id) ON DELETE CASCADE,
        lookup TEXT NOT NULL,
        used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
        PRIMARY KEY (package_id, code_id),
        UNIQUE (package_id, lookup)
      ) STRICT;
      -- Returned ballots not merged yet: held while another package carrying the same code is still out, or in a
      -- conflict. Removed when merged or dropped (secure_delete zeroes them; the import's history is forgotten).
      CREATE TABLE terminal_set_aside (
        id INTEGER PRIMARY KEY,
        package_id INTEGER NOT NULL REFERENCES terminal_packages (id) ON DELETE CASCADE,
        code_id INTEGER NOT NULL REFERENCES assessment_panel_codes (id) ON DELETE CASCADE,
        group_ref TEXT NOT NULL,
        ballot TEXT NOT NULL,
        UNIQUE (package_id, code_id)
      ) STRICT;
      -- A code used on two terminals, or on a terminal and the main PC's kiosk. code_id is cleared once resolved.
      CREATE TABLE terminal_conflicts (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        code_id INTEGER UNIQUE REFERENCES assessment_panel_codes (id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('superior', 'peer', 'staff')),
        group_ref TEXT NOT NULL,
        main_kiosk INTEGER NOT NULL DEFAULT 0 CHECK (main_kiosk IN (0, 1)),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'adopted', 'voided')),
        outcome TEXT,
        resolved_by TEXT,
        resolved_on TEXT
      ) STRICT;
      -- The terminals on each side of a conflict (the main kiosk is main_kiosk above).
      CREATE TABLE terminal_conflict_sides (
        conflict_id INTEGER NOT NULL REFERENCES terminal_conflicts (id) ON DELETE CASCADE,
        package_id INTEGER NOT NULL REFERENCES terminal_packages (id) ON DELETE CASCADE,
        PRIMARY KEY (conflict_id, package_id)
      ) STRICT;
    `);
  },
};
