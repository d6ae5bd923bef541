// Migration 4: 双比双评 assessments, their member snapshot, the four kinds of ballots, adjustments, vetoes, grades.
import type { Migration } from './types';

/** Tables whose rows belong to one assessment and must not change once it is archived. */
export const ASSESSMENT_CHILD_TABLES = [
  'assessment_members',
  'assessment_superior_ballots',
  'assessment_peer_ballots',
  'assessment_staff_counts',
  'assessment_service_ballots',
  'assessment_adjustments',
  'assessment_vetoes',
  'assessment_grade_confirmations',
] as const;

/** The message the triggers raise; services check first and say it in Chinese, this is the last line of defence. */
export const ARCHIVED_MESSAGE = '考核已归档，不能修改';
export const FROZEN_MESSAGE = '考核已开始测评，成员名单已冻结';

const entered = `entered_by TEXT NOT NULL, entered_at TEXT NOT NULL`;

export function archivedGuards(table: string): string {
  const stateOf = (row: 'NEW' | 'OLD') =>
    `(SELECT state FROM assessments WHERE id = ${row}.assessment_id) = 'archived'`;
  return `
    CREATE TRIGGER ${table}_archived_insert BEFORE INSERT ON ${table} WHEN ${stateOf('NEW')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED_MESSAGE}'); END;
    CREATE TRIGGER ${table}_archived_update BEFORE UPDATE ON ${table} WHEN ${stateOf('OLD')} OR ${stateOf('NEW')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED_MESSAGE}'); END;
    CREATE TRIGGER ${table}_archived_delete BEFORE DELETE ON ${table} WHEN ${stateOf('OLD')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED_MESSAGE}'); END;`;
}

export const migration0004: Migration = {
  version: 4,
  name: 'assessment',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('preparing', 'collecting', 'summarized', 'archived')),
        config TEXT NOT NULL,      -- RankingConfig as JSON
        scope TEXT NOT NULL,       -- { categoryCodes, unitIds } as JSON
        version INTEGER NOT NULL DEFAULT 1,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        summarized_result TEXT,    -- RankingResult as JSON, while 已汇总
        archived_at TEXT,
        digest TEXT,               -- SHA-256 of the canonical RankingInput, set at archive
        archived_result TEXT       -- ArchivedResult as JSON, set at archive
      ) STRICT;
      CREATE INDEX assessments_year ON assessments (year, id);

      -- An archived assessment is final: no column of it changes and it cannot be deleted.
      CREATE TRIGGER assessments_archived_update BEFORE UPDATE ON assessments WHEN OLD.state = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED_MESSAGE}'); END;
      CREATE TRIGGER assessments_archived_delete BEFORE DELETE ON assessments WHEN OLD.state = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED_MESSAGE}'); END;

      -- The roster as it was: no reference to cadres or units, so later roster edits never reach it.
      CREATE TABLE assessment_members (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        cadre_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        position TEXT NOT NULL CHECK (position IN ('chief', 'deputy')),
        unit_id INTEGER NOT NULL,
        unit_name TEXT NOT NULL,
        category_code TEXT NOT NULL,
        category_name TEXT NOT NULL,
        PRIMARY KEY (assessment_id, cadre_id)
      ) STRICT;
      CREATE TRIGGER assessment_members_frozen_insert BEFORE INSERT ON assessment_members
        WHEN (SELECT state FROM assessments WHERE id = NEW.assessment_id) <> 'preparing'
        BEGIN SELECT RAISE(ABORT, '${FROZEN_MESSAGE}'); END;
      CREATE TRIGGER assessment_members_frozen_update BEFORE UPDATE ON assessment_members
        WHEN (SELECT state FROM assessments WHERE id = OLD.assessment_id) <> 'preparing'
        BEGIN SELECT RAISE(ABORT, '${FROZEN_MESSAGE}'); END;
      CREATE TRIGGER assessment_members_frozen_delete BEFORE DELETE ON assessment_members
        WHEN (SELECT state FROM assessments WHERE id = OLD.assessment_id) <> 'preparing'
        BEGIN SELECT RAISE(ABORT, '${FROZEN_MESSAGE}'); END;

      -- 上级领导综合排名: one whole group in order per leader label; saving again replaces it.
      CREATE TABLE assessment_superior_ballots (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        rater_label TEXT NOT NULL,
        group_ref TEXT NOT NULL,   -- chief:<categoryCode> | deputy:<unitId>
        sort_order TEXT NOT NULL,  -- JSON array of cadre ids, best first
        paper_no TEXT,
        ${entered},
        UNIQUE (assessment_id, rater_label, group_ref)
      ) STRICT;

      -- 同级互评: one row per rater and target; scores per indicator id as JSON.
      CREATE TABLE assessment_peer_ballots (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        rater_cadre_id INTEGER NOT NULL,
        target_cadre_id INTEGER NOT NULL CHECK (target_cadre_id <> rater_cadre_id),
        scores TEXT NOT NULL,
        paper_no TEXT,
        ${entered},
        UNIQUE (assessment_id, rater_cadre_id, target_cadre_id)
      ) STRICT;

      -- 干部职工测评: tallied counts per cadre (a single ballot is a count of one).
      CREATE TABLE assessment_staff_counts (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        excellent INTEGER NOT NULL CHECK (excellent >= 0),
        good INTEGER NOT NULL CHECK (good >= 0),
        fair INTEGER NOT NULL CHECK (fair >= 0),
        poor INTEGER NOT NULL CHECK (poor >= 0),
        paper_no TEXT,
        ${entered},
        PRIMARY KEY (assessment_id, target_cadre_id)
      ) STRICT;

      -- 服务对象打分: one row per score.
      CREATE TABLE assessment_service_ballots (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
        paper_no TEXT,
        ${entered}
      ) STRICT;
      CREATE INDEX assessment_service_target ON assessment_service_ballots (assessment_id, target_cadre_id);

      -- 日常考核加减分清单; dossier_entry_id links a dossier entry once the dossier exists (no reference yet).
      CREATE TABLE assessment_adjustments (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        points REAL NOT NULL CHECK (points <> 0),
        date TEXT NOT NULL,
        reason TEXT NOT NULL,
        dossier_entry_id INTEGER,
        ${entered}
      ) STRICT;
      CREATE INDEX assessment_adjustments_target ON assessment_adjustments (assessment_id, target_cadre_id);

      CREATE TABLE assessment_vetoes (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        source TEXT NOT NULL CHECK (source IN ('manual')),
        ${entered}
      ) STRICT;
      CREATE INDEX assessment_vetoes_target ON assessment_vetoes (assessment_id, target_cadre_id);

      CREATE TABLE assessment_grade_confirmations (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        target_cadre_id INTEGER NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('excellent', 'competent', 'basicallyCompetent', 'incompetent')),
        reason TEXT NOT NULL,
        ${entered},
        PRIMARY KEY (assessment_id, target_cadre_id)
      ) STRICT;
      ${ASSESSMENT_CHILD_TABLES.map(archivedGuards).join('\n')}
    `);
  },
};
