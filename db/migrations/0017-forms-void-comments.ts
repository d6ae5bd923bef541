// Migration 17: staff forms voided as a whole (无效票, e.g. over the 优秀 cap) counted per group, and the 意见建议
// written on staff and service forms, kept apart from any code, seat, form or time.
import { archivedGuards } from './0004-assessment';
import type { Migration } from './types';

/**
 * Both tables are WITHOUT ROWID: rows live in primary-key order (by group, or by cadre and the text itself), so no
 * rowid and no storage order tells which came first. A voided form is a count, never a row of its own; a comment is
 * its text and how many forms carried the same text, with no ballot id, no source and no time at all.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'forms-void-comments',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_void_forms (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        group_ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('staff', 'service')),
        reason TEXT NOT NULL CHECK (reason IN ('excellentCapExceeded')),
        source TEXT NOT NULL CHECK (source IN ('paper', 'excel', 'manual')),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (assessment_id, group_ref, kind, reason, source)
      ) STRICT, WITHOUT ROWID;
      ${archivedGuards('assessment_void_forms')}

      CREATE TABLE assessment_comments (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
        -- Which path brought it (a later Excel import replaces its own); never which code, seat or form.
        source TEXT NOT NULL CHECK (source IN ('kiosk', 'paper', 'excel')),
        count INTEGER NOT NULL CHECK (count >= 1),
        PRIMARY KEY (assessment_id, target_cadre_id, text, source)
      ) STRICT, WITHOUT ROWID;
      ${archivedGuards('assessment_comments')}
    `);
  },
};
