// Migration 8: 年度考核结果 text that could not be read as per-year results is kept verbatim on the cadre.
import type { Migration } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'annual-results-note',
  up(db) {
    // Imports used to drop such text; '' means there was none (or it was all read as results).
    db.exec(`ALTER TABLE cadres ADD COLUMN annual_results_note TEXT NOT NULL DEFAULT '';`);
  },
};
