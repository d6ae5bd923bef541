// Migration 9: 季度采集 that means something — “本季度无此类材料（经核查）” per cadre and section, and the sections
// the administrator requires in a quarter.
import type { Migration } from './types';

export const migration0009: Migration = {
  version: 9,
  name: 'quarter-collection',
  up(db) {
    db.exec(`
      -- A cadre checked to have no material of a section in a quarter: counted as complete, with who said so and why.
      CREATE TABLE quarter_attestations (
        id INTEGER PRIMARY KEY,
        quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        section_code TEXT NOT NULL,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        note TEXT NOT NULL,
        attested_by TEXT NOT NULL,
        attested_at TEXT NOT NULL,
        UNIQUE (quarter, section_code, cadre_id)
      ) STRICT;
      CREATE INDEX quarter_attestations_cadre ON quarter_attestations (cadre_id);
      -- The sections required in a quarter; a quarter without rows requires every live section.
      CREATE TABLE quarter_required_sections (
        quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        section_code TEXT NOT NULL,
        PRIMARY KEY (quarter, section_code)
      ) STRICT;
    `);
  },
};
