// Migration 11: 评议终端 ballots stay unlinkable at rest (issue 16): kiosk peer ballots drop their rater, kiosk ballots
// get random ids, and every time they (and the kiosk's staff tallies) carry is cut to the day.
import { randomInt } from 'node:crypto';
import type { Migration } from './types';

/**
 * Kiosk ballot ids are drawn from [2^40, 2^41) (db/assessment/ballots.ts ANONYMOUS_ID_FLOOR; not imported: a
 * migration stays as written).
 */
const FLOOR = 2 ** 40;

/**
 * What existing stores get, and what cannot be undone:
 * - kiosk peer ballots (anonymous = 1): rater_cadre_id becomes NULL (the column may now be NULL, so the table is
 *   rebuilt), the id a fresh random one, entered_at the day;
 * - kiosk superior ballots: a fresh random id and the day (their labels were random already);
 * - kiosk staff tallies: the day.
 * Archived assessments too: their guard triggers are lifted for these statements and put back from their stored SQL.
 * Not migratable: audit entries already written for `kiosk.submit` keep their times (each is sealed into the HMAC
 * chain; they name kind and group only, and no ballot carries an order or a time any more to line them up with).
 * Old page images in the -wal and -shm are removed after the migrations run (migrate.ts), and the freed pages of the
 * old table are zeroed (secure_delete); free pages left from before this version are not rewritten.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'anonymous-ballots',
  up(db) {
    const triggersOf = (table: string) =>
      db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`)
        .all(table) as { name: string; sql: string }[];
    const unguarded = (table: string, work: () => void) => {
      const guards = triggersOf(table);
      for (const t of guards) db.exec(`DROP TRIGGER ${t.name}`);
      work();
      for (const t of guards) db.exec(t.sql);
    };
    const taken = new Set<number>();
    const freshId = (): number => {
      let id: number;
      do id = FLOOR + randomInt(0, FLOOR);
      while (taken.has(id));
      taken.add(id);
      return id;
    };

    const peerGuards = triggersOf('assessment_peer_ballots');
    db.exec(
      `
      CREATE TABLE assessment_peer_ballots_new (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        -- NULL on a kiosk ballot: scoring's rater checks were made at submit (db/assessment/kiosk.ts).
        rater_cadre_id INTEGER,
        target_cadre_id INTEGER NOT NULL CHECK (target_cadre_id <> rater_cadre_id),
        scores TEXT NOT NULL,
        paper_no TEXT,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('kiosk', 'paper', 'excel', 'manual')),
        CHECK ((anonymous = 1) = (rater_cadre_id IS NULL)),
        UNIQUE (assessment_id, rater_cadre_id, target_cadre_id)
      ) STRICT;
      INSERT INTO assessment_peer_ballots_new (id, assessment_id, rater_cadre_id, target_cadre_id, scores, paper_no, ` +
        `entered_by, entered_at, anonymous, source)
        SELECT id, assessment_id, rater_cadre_id, target_cadre_id, scores, paper_no, entered_by, entered_at, anonymous, source
        FROM assessment_peer_ballots WHERE anonymous = 0 ORDER BY id;
    `,
    );
    const kioskPeer = db
      .prepare(
        `SELECT assessment_id, target_cadre_id, scores, paper_no, entered_by, entered_at, source FROM ` +
          `assessment_peer_ballots WHERE anonymous = 1 ORDER BY random()`,
      )
      .all() as {
      assessment_id: number;
      target_cadre_id: number;
      scores: string;
      paper_no: string | null;
      entered_by: string;
      entered_at: string;
      source: string;
    }[];
    const insert = db.prepare(
      `INSERT INTO assessment_peer_ballots_new (id, assessment_id, rater_cadre_id, target_cadre_id, scores, paper_no, ` +
        `entered_by, entered_at, anonymous, source) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 1, ?)`,
    );
    for (const b of kioskPeer)
      insert.run(
        freshId(),
        b.assessment_id,
        b.target_cadre_id,
        b.scores,
        b.paper_no,
        b.entered_by,
        b.entered_at.slice(0, 10),
        b.source,
      );
    db.exec(
      `DROP TABLE assessment_peer_ballots; ALTER TABLE assessment_peer_ballots_new RENAME TO assessment_peer_ballots;`,
    );
    for (const t of peerGuards) db.exec(t.sql);

    unguarded('assessment_superior_ballots', () => {
      const ids = db
        .prepare(`SELECT id FROM assessment_superior_ballots WHERE anonymous = 1 ORDER BY random()`)
        .all() as { id: number }[];
      for (const r of db.prepare(`SELECT id FROM assessment_superior_ballots`).all() as { id: number }[])
        taken.add(r.id);
      const move = db.prepare(
        `UPDATE assessment_superior_ballots SET id = ?, entered_at = substr(entered_at, 1, 10) WHERE id = ?`,
      );
      for (const r of ids) move.run(freshId(), r.id);
    });
    unguarded('assessment_staff_counts', () =>
      db.exec(`UPDATE assessment_staff_counts SET entered_at = substr(entered_at, 1, 10) WHERE source = 'kiosk'`),
    );
  },
};
