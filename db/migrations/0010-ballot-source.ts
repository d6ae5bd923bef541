// Migration 10: every ballot row says where it came from (评议终端, 纸质录入, Excel 导入, 手工录入), so an Excel import can
// show what is there by source and replace only what an earlier Excel import wrote; staff tallies are kept per source.
import type { Migration } from './types';

const SOURCES = `'kiosk', 'paper', 'excel', 'manual'`;

/**
 * Existing rows get the most protective source that can be told from what they hold:
 * - a kiosk ballot (anonymous = 1) → 'kiosk';
 * - a superior/peer ballot whose paper_no names a counted double-entry paper → 'paper';
 * - a staff tally last written by the kiosk (entered_by '评议终端') → 'kiosk' (it may mix in earlier clerk counts: the
 *   safe side, since kiosk rows are never replaced by a clerk);
 * - everything else → 'manual' (earlier Excel imports cannot be told apart from hand entry; a later 替换 never
 *   touches them, so nothing is lost).
 * Archived assessments are labelled too: their guard triggers are lifted for this one statement and put back as they were.
 */
const PAPER_COUNTED = (table: string) =>
  `${table}.paper_no IS NOT NULL AND EXISTS (SELECT 1 FROM assessment_papers p WHERE p.assessment_id ` +
  `= ${table}.assessment_id AND p.paper_no = ${table}.paper_no AND p.state IN ('matched', 'resolved'))`;

export const migration0010: Migration = {
  version: 10,
  name: 'ballot-source',
  up(db) {
    const triggerSql = (table: string) =>
      db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`)
        .all(table) as { name: string; sql: string }[];
    /** Runs `work` with the table's archived-update guard lifted (it is recreated from its own stored SQL). */
    const unguarded = (table: string, work: () => void) => {
      const guards = triggerSql(table).filter((t) => t.name === `${table}_archived_update`);
      for (const t of guards) db.exec(`DROP TRIGGER ${t.name}`);
      work();
      for (const t of guards) db.exec(t.sql);
    };

    for (const table of ['assessment_superior_ballots', 'assessment_peer_ballots']) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN (${SOURCES}))`);
      unguarded(table, () =>
        db.exec(
          `UPDATE ${table} SET source = CASE WHEN anonymous = 1 THEN 'kiosk' WHEN ${PAPER_COUNTED(table)} THEN 'paper' ELSE 'manual' END`,
        ),
      );
    }
    db.exec(
      `ALTER TABLE assessment_service_ballots ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN (${SOURCES}))`,
    );

    // Staff tallies: one row per cadre and source (the primary key changes, so the table is rebuilt; its guards are
    // recreated from their stored SQL after the rename).
    const staffGuards = triggerSql('assessment_staff_counts');
    db.exec(
      `
      CREATE TABLE assessment_staff_counts_new (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN (${SOURCES})),
        excellent INTEGER NOT NULL CHECK (excellent >= 0),
        good INTEGER NOT NULL CHECK (good >= 0),
        fair INTEGER NOT NULL CHECK (fair >= 0),
        poor INTEGER NOT NULL CHECK (poor >= 0),
        paper_no TEXT,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, target_cadre_id, source)
      ) STRICT;
      INSERT INTO assessment_staff_counts_new (assessment_id, target_cadre_id, source, excellent, good, fair, poor, ` +
        `paper_no, entered_by, entered_at)
        SELECT assessment_id, target_cadre_id, CASE WHEN entered_by = '评议终端' THEN 'kiosk' ELSE 'manual' END, ` +
        `excellent, good, fair, poor, paper_no, entered_by, entered_at
        FROM assessment_staff_counts;
      DROP TABLE assessment_staff_counts;
      ALTER TABLE assessment_staff_counts_new RENAME TO assessment_staff_counts;
    `,
    );
    for (const t of staffGuards) db.exec(t.sql);
  },
};
