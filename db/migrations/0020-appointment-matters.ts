// Migration 20: 任免事项 — the dated
// occasions a cadre is proposed for (拟任/拟免职务, 任免理由, 呈报单位, 计算年龄时间), kept as a history beside the profile.
import type { Migration } from './types';

export const migration0020: Migration = {
  version: 20,
  name: 'appointment-matters',
  up(db) {
    db.exec(`
      CREATE TABLE appointment_matters (
        id INTEGER PRIMARY KEY,
        cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
        matter_date TEXT NOT NULL CHECK (matter_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        proposed_post TEXT NOT NULL DEFAULT '',
        proposed_removal TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        reporting_unit TEXT NOT NULL DEFAULT '',
        age_at TEXT NOT NULL CHECK (age_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        filled_by TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appointment_matters_cadre ON appointment_matters (cadre_id, matter_date);
    `);
  },
};
