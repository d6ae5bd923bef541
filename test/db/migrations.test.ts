// Migrations: each one on an empty keyed database, one transaction per migration, and refusal of a newer store.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore, recoverStore } from '../../db';
import { MIGRATIONS, LATEST_VERSION } from '../../db/migrations';
import { migration0001 } from '../../db/migrations/0001-initial';
import { migration0002 } from '../../db/migrations/0002-roster';
import { migration0003 } from '../../db/migrations/0003-dossier';
import { ASSESSMENT_CHILD_TABLES, migration0004 } from '../../db/migrations/0004-assessment';
import { migration0005 } from '../../db/migrations/0005-veto-source';
import { PANEL_TABLES, migration0006 } from '../../db/migrations/0006-panels';
import { migration0007 } from '../../db/migrations/0007-print-register';
import { migration0008 } from '../../db/migrations/0008-annual-results-note';
import { migration0009 } from '../../db/migrations/0009-quarter-collection';
import { migration0010 } from '../../db/migrations/0010-ballot-source';
import { migration0011 } from '../../db/migrations/0011-anonymous-ballots';
import { migration0012 } from '../../db/migrations/0012-adjustment-proposals';
import { migration0013 } from '../../db/migrations/0013-ineligible';
import { migration0020 } from '../../db/migrations/0020-appointment-matters';
import { migration0023 } from '../../db/migrations/0023-political-reviews';
import { migration0024 } from '../../db/migrations/0024-search-catch-up';
import { migration0014 } from '../../db/migrations/0014-audit-signatures';
import { migration0015 } from '../../db/migrations/0015-ineligible-proposals';
import { migration0016 } from '../../db/migrations/0016-participation-sheets';
import { migration0017 } from '../../db/migrations/0017-forms-void-comments';
import { migration0018 } from '../../db/migrations/0018-intake';
import { migration0019 } from '../../db/migrations/0019-terminal-packages';
import { migration0021 } from '../../db/migrations/0021-intake-channels';
import { migration0022 } from '../../db/migrations/0022-terminal-cancel';
import type { Migration } from '../../db/migrations/types';
import { enableWrites, openEncrypted, type RawDb } from '../../db/store/connection';
import { migrate, schemaVersion } from '../../db/store/migrate';
import { snapshotDir } from '../helpers/files';
import { keyFromRecoveryCode, withRaw } from '../helpers/raw-store';
import { ADMIN, fast, newStore, onCleanup, tempDir, track } from '../helpers/tmp-store';

/** A new, empty SQLCipher database with a random key, ready for writes, as createStore makes it. */
function emptyKeyedDb(): RawDb {
  const db = openEncrypted(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  onCleanup(() => {
    if (db.open) db.close();
  });
  enableWrites(db);
  return db;
}

const tables = (db: RawDb): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('the migration list', () => {
  test(
    'versions are 1, 2, 3 … without gaps (a gap would skip a migration on every store past it), with unique names; ' +
      'the latest is what the build writes',
    () => {
      expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
      expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    },
  );

  test('a new store is at the latest version', async () => {
    const { store } = await newStore();
    expect(schemaVersion(store.raw)).toBe(LATEST_VERSION);
  });

  test('a test below covers every migration', () => {
    // Add a describe block for each new migration.
    expect(MIGRATIONS.map((m) => m.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    ]);
  });
});

describe('0001-initial', () => {
  test('on an empty keyed database it creates the tables and sets user_version 1', () => {
    const db = emptyKeyedDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, [migration0001])).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual([
      'audit_log',
      'catalog_categories',
      'catalog_channels',
      'catalog_dimensions',
      'catalog_indicators',
      'catalog_list_items',
      'catalog_sections',
      'catalog_standards',
      'catalog_sub_items',
      'settings',
      'store_meta',
      'users',
    ]);
    const triggers = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    // Running again is a no-op.
    expect(migrate(db, [migration0001])).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
  });

  test('its constraints hold: roles are checked, user names unique, the audit log append-only', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001]);
    const add = db.prepare(
      `INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES (?, ?, ?, 't', 't')`,
    );
    add.run('a', '甲', 'admin');
    expect(() => add.run('b', '乙', 'superuser')).toThrow(/CHECK/);
    expect(() => add.run('a', '丙', 'reviewer')).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO audit_log (id, at, username, action, target, detail, prev_hash, hash) VALUES (1, 't', 'a', 'x', 'y', '{}', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET target = 'z'`).run()).toThrow('audit_log is append-only');
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow('audit_log is append-only');
  });
});

describe('0002-roster', () => {
  const ROSTER_TABLES = ['cadre_annual_results', 'cadre_family', 'cadre_photos', 'cadres', 'units'];
  const indexes = (db: RawDb): string[] =>
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);

  test('is the second migration, named roster', () => {
    expect(MIGRATIONS[1]).toBe(migration0002);
    expect(migration0002).toMatchObject({ version: 2, name: 'roster' });
  });

  test('runs on top of 0001: creates the roster tables and indexes and sets user_version 2', () => {
    const db = emptyKeyedDb();
    expect(migrate(db, [migration0001])).toEqual([1]);
    const before = tables(db);
    expect(migrate(db, [migration0001, migration0002])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual([...before, ...ROSTER_TABLES].sort());
    expect(indexes(db)).toEqual(
      expect.arrayContaining(['cadre_family_cadre', 'cadres_id_number', 'cadres_name_birth', 'cadres_unit']),
    );
    // No age column: age is computed from birth_month, never stored.
    const cadreColumns = (db.prepare(`PRAGMA table_info(cadres)`).all() as { name: string }[]).map((c) => c.name);
    expect(cadreColumns).toContain('birth_month');
    expect(cadreColumns.some((c) => /age/i.test(c))).toBe(false);
    // Running again is a no-op.
    expect(migrate(db, [migration0001, migration0002])).toEqual([]);
    expect(schemaVersion(db)).toBe(2);
  });

  test('on an empty database both migrations run in order', () => {
    const db = emptyKeyedDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    for (const t of ROSTER_TABLES) expect(tables(db)).toContain(t);
  });

  test('runs in one transaction: failing on its last table leaves version 1 and none of its tables', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001]);
    // A table in the way of the migration's last CREATE TABLE makes it fail after the others were created.
    db.exec('CREATE TABLE cadre_photos (x TEXT) STRICT');
    const indexesBefore = indexes(db);
    expect(() => migrate(db, [migration0001, migration0002])).toThrow(/cadre_photos/);
    expect(schemaVersion(db)).toBe(1);
    for (const t of ['units', 'cadres', 'cadre_annual_results', 'cadre_family']) expect(tables(db)).not.toContain(t);
    expect(indexes(db)).toEqual(indexesBefore);
    // Once the obstacle is gone the migration applies cleanly.
    db.exec('DROP TABLE cadre_photos');
    expect(migrate(db, [migration0001, migration0002])).toEqual([2]);
    expect(tables(db)).toEqual(expect.arrayContaining(ROSTER_TABLES));
  });

  test(
    'its constraints hold: unit names unique and of a known category, 身份证号 unique when filled, position and gender ' +
      'checked, children cascade',
    () => {
      const db = emptyKeyedDb();
      migrate(db, [migration0001, migration0002]);
      db.pragma('foreign_keys = ON');
      db.prepare(`INSERT INTO catalog_categories (code, name, sort) VALUES ('C1', '苏木镇（街道）', 10)`).run();
      const unit = db.prepare(
        `INSERT INTO units (name, category_code, sort, created_at, updated_at) VALUES (?, ?, 0, 't', 't')`,
      );
      unit.run('乌兰镇', 'C1');
      expect(() => unit.run('乌兰镇', 'C1')).toThrow(/UNIQUE/);
      expect(() => unit.run('棋盘井镇', 'C99')).toThrow(/FOREIGN KEY/);

      const cols = `name, gender, ethnicity, birth_month, native_place, birth_place, party_join, work_start, health, tech_title, expertise,
      fulltime_education, fulltime_degree, fulltime_school, parttime_education, parttime_degree, parttime_school, current_post, post_since,
      rank, unit_id, position, resume, rewards, id_number, familiar_fields, traits, shortcomings, status, highest_education, search_text,
      pinyin_keys, created_at, updated_at`;
      const add = db.prepare(
        `INSERT INTO cadres (${cols}) VALUES (?, ?, '', '1978-03', '', '', '', '', '', '', '', '', '', '', '', '', '', ` +
          `'科员', '', '', ?, ?, '', '', ?, '', '', '', '在职', '', '', '', 't', 't')`,
      );
      const first = Number(add.run('甲', '男', 1, 'chief', '150624197803153018').lastInsertRowid);
      add.run('乙', '女', 1, 'deputy', '');
      add.run('丙', '女', 1, 'deputy', ''); // several cadres without 身份证号 are fine
      expect(() => add.run('丁', '男', 1, 'deputy', '150624197803153018')).toThrow(/UNIQUE/);
      expect(() => add.run('戊', '男', 1, 'leader', '')).toThrow(/CHECK/);
      expect(() => add.run('己', '男性', 1, 'deputy', '')).toThrow(/CHECK/);
      expect(() => add.run('庚', '男', 99, 'deputy', '')).toThrow(/FOREIGN KEY/);
      expect(db.prepare('SELECT version FROM cadres WHERE id = ?').get(first)).toEqual({ version: 1 });

      db.prepare(`INSERT INTO cadre_annual_results (cadre_id, year, result) VALUES (?, 2023, '优秀')`).run(first);
      expect(() =>
        db.prepare(`INSERT INTO cadre_annual_results (cadre_id, year, result) VALUES (?, 2023, '称职')`).run(first),
      ).toThrow(/UNIQUE|PRIMARY/);
      db.prepare(
        `INSERT INTO cadre_family (cadre_id, sort, relation, name, birth_month, political_status, work_unit_post) ` +
          `VALUES (?, 0, '妻子', '王丽', '', '', '')`,
      ).run(first);
      db.prepare(`INSERT INTO cadre_photos (cadre_id, mime, data) VALUES (?, 'image/jpeg', x'FFD8FF')`).run(first);
      expect(() => db.prepare('DELETE FROM units WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
      db.prepare('DELETE FROM cadres WHERE id = ?').run(first);
      for (const t of ['cadre_annual_results', 'cadre_family', 'cadre_photos']) {
        expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
      }
    },
  );
});

/** A keyed database at version 3 (or after `upTo`): the catalog rows, one user, one unit and one cadre the tests use. */
function dossierDb(upTo: readonly Migration[] = [migration0001, migration0002, migration0003]): RawDb {
  const db = emptyKeyedDb();
  migrate(db, upTo);
  db.pragma('foreign_keys = ON');
  db.exec(
    `
    INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES (1, 'a', '甲', 'admin', 't', 't');
    INSERT INTO catalog_categories (code, name, sort) VALUES ('C1', '苏木镇（街道）', 10);
    INSERT INTO units (id, name, category_code, sort, created_at, updated_at) VALUES (1, '乌兰镇', 'C1', 0, 't', 't');
    INSERT INTO catalog_sections (code, name, sort) VALUES ('S2', '教育培训', 20);
    INSERT INTO catalog_sub_items (code, section_code, name, sort) VALUES ('S2.2', 'S2', '结业评价', 20);
    INSERT INTO catalog_channels (code, name, sort) VALUES ('CH09', '培训机构', 90);
    INSERT INTO catalog_dimensions (code, name, sort) VALUES ('D4', '政治能力', 40);
    INSERT INTO catalog_standards (code, dimension_code, name, sort) VALUES ('D4.2', 'D4', '政治领悟力', 20);
    INSERT INTO catalog_list_items (code, polarity, name, dimensions, points, sort) VALUES ('P3', 'positive', ` +
      `'成绩优秀', '["D4","D2"]', 3, 30);
  `,
  );
  db.exec(
    `INSERT INTO cadres (id, name, gender, ethnicity, birth_month, native_place, birth_place, party_join, ` +
      `work_start, health, tech_title, expertise,
    fulltime_education, fulltime_degree, fulltime_school, parttime_education, parttime_degree, parttime_school, current_post, post_since,
    rank, unit_id, position, resume, rewards, id_number, familiar_fields, traits, shortcomings, status, highest_education, search_text,
    pinyin_keys, created_at, updated_at) VALUES (1, '甲', '男', '', '1978-03', '', '', '', '', '', '', '', '', '', '',` +
      ` '', '', '', '', '', '', 1, 'chief',
    '', '', '', '', '', '', '在职', '', '', '', 't', 't')`,
  );
  return db;
}
const entry = (db: RawDb, over: Record<string, unknown> = {}) => {
  const row = {
    cadre_id: 1,
    date: '2025-08-14',
    quarter: '2025Q3',
    section_code: 'S2',
    sub_item_code: 'S2.2',
    channel_code: 'CH09',
    title: '优秀学员',
    content: '',
    polarity: 'positive',
    list_item_code: 'P3',
    origin: 'manual',
    auto_key: null,
    batch_id: null,
    entered_by: 1,
    entered_at: 't',
    updated_at: 't',
    ...over,
  };
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(`INSERT INTO dossier_entries (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`)
      .run(row).lastInsertRowid,
  );
};

describe('0003-dossier', () => {
  const DOSSIER_TABLES = [
    'dossier_attachments',
    'dossier_entries',
    'dossier_entry_sources',
    'dossier_entry_standards',
    'dossier_search',
    'dossier_search_config',
    'dossier_search_content',
    'dossier_search_data',
    'dossier_search_docsize',
    'dossier_search_idx',
    'dossier_short_search',
    'dossier_short_search_config',
    'dossier_short_search_data',
    'dossier_short_search_docsize',
    'dossier_short_search_idx',
    'holistic_evaluations',
    'portrait_confirmations',
    'training_classes',
    'training_records',
  ];
  const indexes = (db: RawDb): string[] =>
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);

  test('is the third migration, named dossier', () => {
    expect(MIGRATIONS[2]).toBe(migration0003);
    expect(migration0003).toMatchObject({ version: 3, name: 'dossier' });
  });

  test('runs on top of 0002: creates the dossier tables and their indexes and sets user_version 3', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    const before = tables(db);
    expect(migrate(db, [migration0001, migration0002, migration0003])).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual([...before, ...DOSSIER_TABLES].sort());
    expect(indexes(db)).toEqual(
      expect.arrayContaining([
        'dossier_entries_cadre_date',
        'dossier_entries_quarter_section',
        'dossier_attachments_entry',
        'training_records_cadre',
      ]),
    );
    // A cadre's timeline and the quarterly collection are answered from an index, not a scan.
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM dossier_entries WHERE cadre_id = 1 ORDER BY date, id`)).toMatch(
      /dossier_entries_cadre_date/,
    );
    expect(plan(`SELECT cadre_id FROM dossier_entries WHERE quarter = '2025Q3' AND section_code = 'S1'`)).toMatch(
      /dossier_entries_quarter_section/,
    );
    expect(migrate(db, [migration0001, migration0002, migration0003])).toEqual([]);
  });

  test('runs in one transaction: failing on its last table leaves version 2 and none of its tables', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    db.exec('CREATE TABLE portrait_confirmations (x TEXT) STRICT');
    expect(() => migrate(db, [migration0001, migration0002, migration0003])).toThrow(/portrait_confirmations/);
    expect(schemaVersion(db)).toBe(2);
    for (const t of DOSSIER_TABLES.filter((t) => t !== 'portrait_confirmations')) expect(tables(db)).not.toContain(t);
  });

  test('its constraints hold: codes exist, polarity/origin/result checked, one record per class and cadre, children cascade', () => {
    const db = dossierDb();
    const id = entry(db);
    expect(db.prepare('SELECT version, verified_by FROM dossier_entries WHERE id = ?').get(id)).toEqual({
      version: 1,
      verified_by: null,
    });
    expect(() => entry(db, { sub_item_code: 'S9.9' })).toThrow(/FOREIGN KEY/);
    expect(() => entry(db, { list_item_code: 'P99' })).toThrow(/FOREIGN KEY/);
    expect(() => entry(db, { polarity: 'good' })).toThrow(/CHECK/);
    expect(() => entry(db, { date: '2025/08/14' })).toThrow(/CHECK/);
    expect(() => entry(db, { title: '' })).toThrow(/CHECK/);
    expect(() => entry(db, { origin: 'training' })).toThrow(/CHECK/); // automatic evidence must say what it stands for
    expect(() => entry(db, { auto_key: 'result:1' })).toThrow(/CHECK/); // and manual entries must not
    expect(() => entry(db, { verified_by: 1 })).toThrow(/CHECK/); // verified by someone means verified at some time

    db.prepare(`INSERT INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, 'D4.2')`).run(id);
    expect(() =>
      db.prepare(`INSERT INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, 'D9.9')`).run(id),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO dossier_attachments (entry_id, file_name, mime, size, sha256, data, added_by, added_at) VALUES (?, ` +
        `'a.png', 'image/png', 3, 'h', x'89504E', 1, 't')`,
    ).run(id);
    expect(() =>
      db
        .prepare(
          `INSERT INTO dossier_attachments (entry_id, file_name, mime, size, sha256, data, added_by, added_at) VALUES ` +
            `(?, 'a.png', 'image/png', 20971521, 'h', x'00', 1, 't')`,
        )
        .run(id),
    ).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO training_classes (id, name, start_date, end_date, hours, organizer, created_by, created_at, ` +
        `updated_at) VALUES (1, '春季班', '2025-03-01', '2025-03-20', 40, '党校', 1, 't', 't')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO training_classes (name, start_date, end_date, hours, organizer, created_by, created_at, ` +
            `updated_at) VALUES ('倒序', '2025-03-20', '2025-03-01', 40, '党校', 1, 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    const rec = db.prepare(
      `INSERT INTO training_records (class_id, cadre_id, hours, result, updated_by, updated_at) VALUES (1, 1, 40, ?, 1, 't')`,
    );
    const recordId = Number(rec.run('excellent').lastInsertRowid);
    expect(() => rec.run('qualified')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE training_records SET result = '优秀' WHERE id = ?`).run(recordId)).toThrow(/CHECK/);
    const auto = entry(db, { origin: 'training', auto_key: `result:${recordId}` });
    expect(() => entry(db, { origin: 'training', auto_key: `result:${recordId}` })).toThrow(/UNIQUE/); // never twice
    db.prepare(`INSERT INTO dossier_entry_sources (entry_id, record_id) VALUES (?, ?)`).run(auto, recordId);

    db.prepare(
      `INSERT INTO holistic_evaluations (cadre_id, abilities, shortcomings, familiar_fields, written_by, written_at) ` +
        `VALUES (1, '统筹能力强', '急躁', '农牧业', 1, 't')`,
    ).run();
    db.prepare(
      `INSERT INTO portrait_confirmations (cadre_id, computed_grade, confirmed_grade, reason, confirmed_by, ` +
        `confirmed_at) VALUES (1, '较好', '好', '表现突出', 1, 't')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO portrait_confirmations (cadre_id, computed_grade, confirmed_grade, reason, confirmed_by, ` +
            `confirmed_at) VALUES (1, '优', '好', '', 1, 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);

    // The search index follows titles, contents and attachment names.
    const found = (q: string) =>
      (
        db.prepare(`SELECT rowid AS id FROM dossier_search WHERE dossier_search MATCH ?`).all(q) as { id: number }[]
      ).map((r) => r.id);
    expect(found('"优秀学员"')).toEqual([id, auto]);
    expect(found('files:"a.png"')).toEqual([id]);
    db.prepare(`UPDATE dossier_entries SET title = '理论学习标兵' WHERE id = ?`).run(id);
    expect(found('"优秀学员"')).toEqual([auto]);
    expect(found('"学习标兵"')).toEqual([id]);

    // Deleting an entry takes its standards, attachments and source links; deleting the cadre takes everything of theirs.
    db.prepare('DELETE FROM dossier_entries WHERE id = ?').run(id);
    for (const t of ['dossier_entry_standards', 'dossier_attachments'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    db.prepare('DELETE FROM cadres WHERE id = 1').run();
    expect(found('"学习标兵"')).toEqual([]);
    for (const t of [
      'dossier_entries',
      'dossier_entry_sources',
      'training_records',
      'holistic_evaluations',
      'portrait_confirmations',
      'dossier_search',
    ]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    expect(db.prepare(`SELECT count(*) AS n FROM training_classes`).get()).toEqual({ n: 1 });
  });
});

describe('0004-assessment', () => {
  const ASSESSMENT_TABLES = ['assessments', ...ASSESSMENT_CHILD_TABLES];

  test('is version 4, named assessment, and runs on top of 0002 (it needs nothing of the dossier’s 3)', () => {
    expect(MIGRATIONS).toContain(migration0004);
    expect(migration0004).toMatchObject({ version: 4, name: 'assessment' });
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    const before = tables(db);
    expect(migrate(db, [migration0001, migration0002, migration0004])).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect(tables(db)).toEqual([...before, ...ASSESSMENT_TABLES].sort());
    expect(migrate(db, [migration0001, migration0002, migration0004])).toEqual([]);
  });

  test('runs in one transaction: failing on a late table leaves version 2 and none of its tables', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    db.exec('CREATE TABLE assessment_grade_confirmations (x TEXT) STRICT');
    expect(() => migrate(db, [migration0001, migration0002, migration0004])).toThrow(/assessment_grade_confirmations/);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).not.toContain('assessments');
    expect(tables(db)).not.toContain('assessment_members');
  });

  test('its constraints hold: members frozen once 测评中, self-rating refused, an archived assessment read-only', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002, migration0004]);
    db.pragma('foreign_keys = ON');
    const addAssessment = db.prepare(
      `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
        `VALUES ('考核', 2025, ?, '{}', '{}', 'a', 't', 'a', 't')`,
    );
    expect(() => addAssessment.run('open')).toThrow(/CHECK/);
    const id = Number(addAssessment.run('preparing').lastInsertRowid);
    const member = db.prepare(
      `INSERT INTO assessment_members (assessment_id, cadre_id, name, position, unit_id, unit_name, category_code, ` +
        `category_name) VALUES (?, ?, '甲', 'chief', 1, '乌兰镇', 'C1', '苏木镇')`,
    );
    member.run(id, 1);
    member.run(id, 2);
    expect(() => member.run(id, 1)).toThrow(/UNIQUE|PRIMARY/);
    const setState = db.prepare('UPDATE assessments SET state = ? WHERE id = ?');
    setState.run('collecting', id);
    expect(() => member.run(id, 3)).toThrow('考核已开始测评，成员名单已冻结');
    expect(() => db.prepare(`UPDATE assessment_members SET name = '乙' WHERE cadre_id = 1`).run()).toThrow(
      '成员名单已冻结',
    );
    expect(() => db.prepare('DELETE FROM assessment_members WHERE cadre_id = 1').run()).toThrow('成员名单已冻结');

    const peer = db.prepare(
      `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, entered_by, ` +
        `entered_at) VALUES (?, ?, ?, '{}', 'a', 't')`,
    );
    expect(() => peer.run(id, 1, 1)).toThrow(/CHECK/);
    peer.run(id, 1, 2);
    expect(() => peer.run(id, 1, 2)).toThrow(/UNIQUE/);
    const service = db.prepare(
      `INSERT INTO assessment_service_ballots (assessment_id, target_cadre_id, score, entered_by, entered_at) VALUES (?, 1, ?, 'a', 't')`,
    );
    expect(() => service.run(id, 101)).toThrow(/CHECK/);
    service.run(id, 90);

    setState.run('archived', id);
    expect(() => setState.run('collecting', id)).toThrow('考核已归档，不能修改');
    expect(() => db.prepare('DELETE FROM assessments WHERE id = ?').run(id)).toThrow('考核已归档');
    expect(() => service.run(id, 80)).toThrow('考核已归档');
    expect(() => db.prepare('UPDATE assessment_service_ballots SET score = 10').run()).toThrow('考核已归档');
    expect(() => db.prepare('DELETE FROM assessment_peer_ballots').run()).toThrow('考核已归档');
    expect(db.prepare('SELECT count(*) AS n FROM assessment_service_ballots').get()).toEqual({ n: 1 });
  });
});

describe('0005-veto-source', () => {
  const chain = [migration0001, migration0002, migration0004, migration0005];

  test('is version 5, named veto-source: adds assessment_vetoes.dossier_entry_id (nullable) and its index, no new table', () => {
    expect(MIGRATIONS).toContain(migration0005);
    expect(migration0005).toMatchObject({ version: 5, name: 'veto-source' });
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002, migration0004]);
    const before = tables(db);
    expect(migrate(db, chain)).toEqual([5]);
    expect(schemaVersion(db)).toBe(5);
    expect(tables(db)).toEqual(before);
    const columns = db.prepare(`SELECT name, "notnull" FROM pragma_table_info('assessment_vetoes')`).all() as {
      name: string;
      notnull: number;
    }[];
    expect(columns.find((c) => c.name === 'dossier_entry_id')).toEqual({ name: 'dossier_entry_id', notnull: 0 });
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'assessment_vetoes_entry'`).get(),
    ).toBeDefined();
    expect(migrate(db, chain)).toEqual([]);
  });

  test('existing vetoes keep NULL (entered by hand); a bad id is refused; the archive guard still holds', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002, migration0004]);
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO assessment_vetoes (assessment_id, target_cadre_id, reason, source, entered_by, entered_at) VALUES ` +
        `(?, 1, '手工', 'manual', 'a', 't')`,
    ).run(id);
    migrate(db, chain);
    expect(db.prepare('SELECT reason, dossier_entry_id FROM assessment_vetoes').all()).toEqual([
      { reason: '手工', dossier_entry_id: null },
    ]);
    const add = db.prepare(
      `INSERT INTO assessment_vetoes (assessment_id, target_cadre_id, reason, source, dossier_entry_id, entered_by, ` +
        `entered_at) VALUES (?, 2, '档案', 'manual', ?, 'a', 't')`,
    );
    expect(() => add.run(id, 0)).toThrow(/CHECK/);
    add.run(id, 7);
    db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
    expect(() => db.prepare('UPDATE assessment_vetoes SET dossier_entry_id = NULL').run()).toThrow('考核已归档');
  });

  test('runs in one transaction: failing on its index leaves version 4 and no new column', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002, migration0004]);
    db.exec('CREATE TABLE blocker (x INTEGER); CREATE INDEX assessment_vetoes_entry ON blocker (x)');
    expect(() => migrate(db, chain)).toThrow(/assessment_vetoes_entry/);
    expect(schemaVersion(db)).toBe(4);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('assessment_vetoes')`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('dossier_entry_id');
  });
});

describe('0006-panels', () => {
  const upTo5 = [migration0001, migration0002, migration0003, migration0004, migration0005];

  test('is version 6, named panels, runs on top of 0005: adds its tables and the anonymous columns', () => {
    expect(MIGRATIONS).toContain(migration0006);
    expect(migration0006).toMatchObject({ version: 6, name: 'panels' });
    const db = emptyKeyedDb();
    migrate(db, upTo5);
    const before = tables(db);
    expect(migrate(db, [...upTo5, migration0006])).toEqual([6]);
    expect(schemaVersion(db)).toBe(6);
    expect(tables(db)).toEqual([...before, ...PANEL_TABLES].sort());
    const columns = (t: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name);
    expect(columns('assessment_superior_ballots')).toContain('anonymous');
    expect(columns('assessment_peer_ballots')).toContain('anonymous');
    expect(migrate(db, [...upTo5, migration0006])).toEqual([]);
  });

  test('runs in one transaction: failing on its last table leaves version 5, no new table and no new column', () => {
    const db = emptyKeyedDb();
    migrate(db, upTo5);
    db.exec('CREATE TABLE assessment_paper_entries (x TEXT) STRICT');
    expect(() => migrate(db, [...upTo5, migration0006])).toThrow(/assessment_paper_entries/);
    expect(schemaVersion(db)).toBe(5);
    expect(tables(db)).not.toContain('assessment_panel_codes');
    expect(
      (db.prepare(`SELECT name FROM pragma_table_info('assessment_peer_ballots')`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    ).not.toContain('anonymous');
  });

  test('its constraints hold: a code hash is unique, a peer seat names its rater, an archived assessment is read-only', () => {
    const db = emptyKeyedDb();
    migrate(db, [...upTo5, migration0006]);
    db.pragma('foreign_keys = ON');
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const code = db.prepare(
      `INSERT INTO assessment_panel_codes (assessment_id, kind, group_ref, seat_no, rater_cadre_id, code_hash, state, ` +
        `created_by, created_at) VALUES (?, ?, 'chief:C1', 1, ?, ?, 'unused', 'a', 't')`,
    );
    code.run(id, 'superior', null, 'h1');
    expect(() => code.run(id, 'staff', null, 'h1')).toThrow(/UNIQUE/);
    expect(() => code.run(id, 'peer', null, 'h2')).toThrow(/CHECK/);
    expect(() => code.run(id, 'superior', 7, 'h3')).toThrow(/CHECK/);
    code.run(id, 'peer', 7, 'h4');
    db.prepare(
      `INSERT INTO assessment_papers (assessment_id, paper_no, kind, state) VALUES (?, 'P1', 'superior', 'pending')`,
    ).run(id);
    const entry = db.prepare(
      `INSERT INTO assessment_paper_entries (assessment_id, paper_no, entry_no, content, user_id, entered_by, ` +
        `entered_at) VALUES (?, ?, ?, '{}', 1, 'a', 't')`,
    );
    entry.run(id, 'P1', 1);
    expect(() => entry.run(id, 'P1', 1)).toThrow(/UNIQUE/);
    expect(() => entry.run(id, 'P1', 3)).toThrow(/CHECK/);
    expect(() => entry.run(id, 'P2', 1)).toThrow(/FOREIGN KEY/);
    db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
    expect(() => code.run(id, 'staff', null, 'h5')).toThrow('考核已归档');
    expect(() => db.prepare(`UPDATE assessment_panel_codes SET state = 'used'`).run()).toThrow('考核已归档');
    expect(() => db.prepare('DELETE FROM assessment_paper_entries').run()).toThrow('考核已归档');
    expect(() => db.prepare(`UPDATE assessment_papers SET state = 'matched'`).run()).toThrow('考核已归档');
  });
});

describe('the runner', () => {
  test('each migration runs in one transaction: a failing second migration leaves version 1 and nothing of itself', () => {
    const db = emptyKeyedDb();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x TEXT) STRICT; CREATE INDEX half_done_x ON half_done (x);');
        d.exec(`INSERT INTO settings (key, value) VALUES ('from-2', 'x')`);
        throw new Error('migration 2 failed half-way');
      },
    };
    expect(() => migrate(db, [migration0001, broken])).toThrow('migration 2 failed half-way');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'half_done%'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM settings`).get()).toEqual({ n: 0 });
    expect(tables(db)).toContain('users'); // migration 1 is kept

    // Once fixed, the next run applies only migration 2.
    const fixed: Migration = { version: 2, name: 'fixed', up: (d) => d.exec('CREATE TABLE half_done (x TEXT) STRICT') };
    expect(migrate(db, [migration0001, fixed])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
  });

  test('a migration that fails on its first statement leaves an empty database at version 0', () => {
    const db = emptyKeyedDb();
    const bad: Migration = { version: 1, name: 'bad', up: (d) => d.exec('CREATE TABLE t (x TEXT); THIS IS NOT SQL;') };
    expect(() => migrate(db, [bad])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });
});

describe('a store from a newer version', () => {
  async function newerStore(version: number) {
    const { dir, store, recoveryCode } = await newStore();
    await store.close();
    const key = await keyFromRecoveryCode(dir, recoveryCode);
    withRaw(dir, key, (db) => db.pragma(`user_version = ${version}`));
    return { dir, recoveryCode };
  }

  test('is refused with STORE_TOO_NEW in Chinese, and every file is byte-identical afterwards', async () => {
    const { dir } = await newerStore(LATEST_VERSION + 1);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['audit-keys.json', 'keyslots.json', 'store.db']);
    const before = snapshotDir(dir);
    const err = await openStore(dir, ADMIN, fast).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'STORE_TOO_NEW',
      message: `此档案库由更新版本的软件创建（数据版本 ${LATEST_VERSION + 1}，本软件支持到 ${LATEST_VERSION}），请升级软件后再打开。档案库未作任何修改。`,
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  test('is refused by recovery too, untouched', async () => {
    const { dir, recoveryCode } = await newerStore(99);
    const before = snapshotDir(dir);
    await expect(
      recoverStore(dir, { recoveryCode, username: 'admin', newPassword: 'Recover@2025' }, fast),
    ).rejects.toMatchObject({
      code: 'STORE_TOO_NEW',
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  test('a store at the current version still opens after the same round trip', async () => {
    const { dir } = await newerStore(LATEST_VERSION);
    track(await openStore(dir, ADMIN, fast));
  });
});

describe('0007-print-register', () => {
  test('is version 7, named print-register, adds only print_register, and runs on top of 0001 alone', () => {
    expect(MIGRATIONS).toContain(migration0007);
    expect(migration0007).toMatchObject({ version: 7, name: 'print-register' });
    const db = emptyKeyedDb();
    migrate(db, [migration0001]);
    const before = tables(db);
    expect(migrate(db, [migration0001, migration0007])).toEqual([7]);
    expect(schemaVersion(db)).toBe(7);
    expect(tables(db)).toEqual([...before, 'print_register'].sort());
    expect(migrate(db, [migration0001, migration0007])).toEqual([]);
  });

  test('runs in one transaction: failing on its index leaves the version and no table', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001]);
    db.exec('CREATE TABLE print_register_printed (x TEXT) STRICT');
    expect(() => migrate(db, [migration0001, migration0007])).toThrow(/print_register_printed/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('print_register');
  });

  test('its constraints hold: one 份号 once per document, 份号 1–999, a known document kind', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0007]);
    const add = db.prepare(
      `INSERT INTO print_register (doc_kind, doc_key, doc_title, serial, file_name, printed_by, printed_by_name, ` +
        `printed_at) VALUES (?, ?, '档案', ?, 'a.pdf', 'u', '甲', 't')`,
    );
    add.run('dossier', 'dossier:1', 1);
    add.run('dossier', 'dossier:2', 1);
    expect(() => add.run('dossier', 'dossier:1', 1)).toThrow(/UNIQUE/);
    expect(() => add.run('dossier', 'dossier:1', 0)).toThrow(/CHECK/);
    expect(() => add.run('dossier', 'dossier:1', 1000)).toThrow(/CHECK/);
    expect(() => add.run('letter', 'letter:1', 1)).toThrow(/CHECK/);
    const row = db.prepare(`SELECT recipient, returned_at FROM print_register WHERE doc_key = 'dossier:2'`).get();
    expect(row).toEqual({ recipient: '', returned_at: null });
  });
});

describe('0008-annual-results-note', () => {
  const chain = [migration0001, migration0002, migration0008];

  test("is version 8, named annual-results-note: adds cadres.annual_results_note (NOT NULL, default ''), no new table", () => {
    expect(MIGRATIONS).toContain(migration0008);
    expect(migration0008).toMatchObject({ version: 8, name: 'annual-results-note' });
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    const before = tables(db);
    expect(migrate(db, chain)).toEqual([8]);
    expect(schemaVersion(db)).toBe(8);
    expect(tables(db)).toEqual(before);
    const column = db
      .prepare(`SELECT "notnull", dflt_value FROM pragma_table_info('cadres') WHERE name = 'annual_results_note'`)
      .get();
    expect(column).toEqual({ notnull: 1, dflt_value: "''" });
    expect(migrate(db, chain)).toEqual([]);
  });

  test('cadres stored before it read as having no note', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    db.pragma('foreign_keys = OFF'); // a bare row is enough: no unit is needed to show the default
    const cols = (
      db
        .prepare(`SELECT name FROM pragma_table_info('cadres') WHERE "notnull" = 1 AND dflt_value IS NULL AND pk = 0`)
        .all() as { name: string }[]
    ).map((r) => r.name);
    const values = cols.map((c) =>
      c === 'unit_id'
        ? 1
        : c === 'position'
          ? 'chief'
          : c === 'gender'
            ? '男'
            : c === 'status'
              ? '在职'
              : c === 'birth_month'
                ? '1980-01'
                : 'x',
    );
    db.prepare(`INSERT INTO cadres (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...values);
    migrate(db, chain);
    expect(db.prepare('SELECT annual_results_note FROM cadres').get()).toEqual({ annual_results_note: '' });
  });

  test('runs in one transaction: a clash leaves the version where it was', () => {
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002]);
    db.exec(`ALTER TABLE cadres ADD COLUMN annual_results_note TEXT`);
    expect(() => migrate(db, chain)).toThrow(/annual_results_note/);
    expect(schemaVersion(db)).toBe(2);
  });
});

describe('0009-quarter-collection', () => {
  const chain = [migration0001, migration0002, migration0003, migration0009];

  test('is version 9, named quarter-collection, adds only quarter_attestations and quarter_required_sections', () => {
    expect(MIGRATIONS).toContain(migration0009);
    expect(migration0009).toMatchObject({ version: 9, name: 'quarter-collection' });
    const db = emptyKeyedDb();
    migrate(db, [migration0001, migration0002, migration0003]);
    const before = tables(db);
    expect(migrate(db, chain)).toEqual([9]);
    expect(tables(db)).toEqual([...before, 'quarter_attestations', 'quarter_required_sections'].sort());
    expect(migrate(db, chain)).toEqual([]);
  });

  test('its constraints hold: one mark per cadre, section and quarter; a well-formed quarter; the mark goes with its cadre', () => {
    const db = emptyKeyedDb();
    migrate(db, chain);
    db.pragma('foreign_keys = OFF'); // a bare cadre row is enough: no unit is needed
    const cols = (
      db
        .prepare(`SELECT name FROM pragma_table_info('cadres') WHERE "notnull" = 1 AND dflt_value IS NULL AND pk = 0`)
        .all() as { name: string }[]
    ).map((r) => r.name);
    const values = cols.map((c) =>
      c === 'unit_id'
        ? 1
        : c === 'position'
          ? 'chief'
          : c === 'gender'
            ? '男'
            : c === 'status'
              ? '在职'
              : c === 'birth_month'
                ? '1980-01'
                : 'x',
    );
    db.prepare(`INSERT INTO cadres (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...values);
    db.pragma('foreign_keys = ON');
    const mark = db.prepare(
      `INSERT INTO quarter_attestations (quarter, section_code, cadre_id, note, attested_by, attested_at) VALUES (?, ` +
        `'S5', 1, '核查', '甲', 't')`,
    );
    mark.run('2025Q3');
    expect(() => mark.run('2025Q3')).toThrow(/UNIQUE/);
    expect(() => mark.run('2025Q5')).toThrow(/CHECK/);
    db.exec('DELETE FROM cadres');
    expect(db.prepare('SELECT COUNT(*) AS n FROM quarter_attestations').get()).toEqual({ n: 0 });
  });
});

describe('0010-ballot-source', () => {
  const upTo9 = [
    migration0001,
    migration0002,
    migration0003,
    migration0004,
    migration0005,
    migration0006,
    migration0007,
    migration0008,
    migration0009,
  ];
  const chain = [...upTo9, migration0010];
  const columns = (db: RawDb, t: string) =>
    db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(t) as { name: string; pk: number }[];

  /** An assessment in the given state with one ballot of each kind as the app wrote them before migration 10. */
  function seeded(db: RawDb, state: string): number {
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const superior = db.prepare(
      `INSERT INTO assessment_superior_ballots (assessment_id, rater_label, group_ref, sort_order, paper_no, ` +
        `anonymous, entered_by, entered_at) VALUES (?, ?, 'chief:C1', '[1,2]', ?, ?, 'a', 't')`,
    );
    superior.run(id, '匿名评议-1a2b3c4d', null, 1);
    superior.run(id, '纸质票 P-1', 'P-1', 0);
    superior.run(id, '旗委书记', null, 0);
    superior.run(id, '纸质票 P-2', 'P-2', 0); // its paper is still waiting for a second entry: not a counted paper
    db.prepare(
      `INSERT INTO assessment_papers (assessment_id, paper_no, kind, state) VALUES (?, 'P-1', 'superior', 'matched'), ` +
        `(?, 'P-2', 'superior', 'pending')`,
    ).run(id, id);
    const peer = db.prepare(
      `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, anonymous, ` +
        `entered_by, entered_at) VALUES (?, ?, ?, '{}', ?, 'a', 't')`,
    );
    peer.run(id, 1, 2, 1);
    peer.run(id, 2, 1, 0);
    const staff = db.prepare(
      `INSERT INTO assessment_staff_counts (assessment_id, target_cadre_id, excellent, good, fair, poor, entered_by, ` +
        `entered_at) VALUES (?, ?, 3, 1, 0, 0, ?, 't')`,
    );
    staff.run(id, 1, '评议终端');
    staff.run(id, 2, '王录入');
    db.prepare(
      `INSERT INTO assessment_service_ballots (assessment_id, target_cadre_id, score, entered_by, entered_at) VALUES (?, 1, 90, 'a', 't')`,
    ).run(id);
    db.prepare('UPDATE assessments SET state = ? WHERE id = ?').run(state, id);
    return id;
  }

  test('is version 10, named ballot-source: a source on every ballot table, staff tallies keyed by cadre and source', () => {
    expect(MIGRATIONS).toContain(migration0010);
    expect(migration0010).toMatchObject({ version: 10, name: 'ballot-source' });
    const db = emptyKeyedDb();
    migrate(db, upTo9);
    const before = tables(db);
    expect(migrate(db, chain)).toEqual([10]);
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toEqual(before);
    for (const t of [
      'assessment_superior_ballots',
      'assessment_peer_ballots',
      'assessment_staff_counts',
      'assessment_service_ballots',
    ]) {
      expect(columns(db, t).map((c) => c.name)).toContain('source');
    }
    expect(
      columns(db, 'assessment_staff_counts')
        .filter((c) => c.pk > 0)
        .map((c) => c.name),
    ).toEqual(['assessment_id', 'target_cadre_id', 'source']);
    expect(migrate(db, chain)).toEqual([]);
  });

  test.each(['collecting', 'archived'])(
    'existing rows of a %s assessment get the most protective source; the archive guards still hold',
    (state) => {
      const db = emptyKeyedDb();
      migrate(db, upTo9);
      const id = seeded(db, state);
      migrate(db, chain);
      expect(db.prepare('SELECT rater_label, source FROM assessment_superior_ballots ORDER BY id').all()).toEqual([
        { rater_label: '匿名评议-1a2b3c4d', source: 'kiosk' },
        { rater_label: '纸质票 P-1', source: 'paper' },
        { rater_label: '旗委书记', source: 'manual' },
        { rater_label: '纸质票 P-2', source: 'manual' },
      ]);
      expect(db.prepare('SELECT rater_cadre_id, source FROM assessment_peer_ballots ORDER BY id').all()).toEqual([
        { rater_cadre_id: 1, source: 'kiosk' },
        { rater_cadre_id: 2, source: 'manual' },
      ]);
      expect(
        db
          .prepare(
            'SELECT target_cadre_id, source, excellent, good, entered_by FROM assessment_staff_counts ORDER BY target_cadre_id',
          )
          .all(),
      ).toEqual([
        { target_cadre_id: 1, source: 'kiosk', excellent: 3, good: 1, entered_by: '评议终端' },
        { target_cadre_id: 2, source: 'manual', excellent: 3, good: 1, entered_by: '王录入' },
      ]);
      expect(db.prepare('SELECT source FROM assessment_service_ballots').all()).toEqual([{ source: 'manual' }]);
      const addStaff = () =>
        db
          .prepare(
            `INSERT INTO assessment_staff_counts (assessment_id, target_cadre_id, source, excellent, good, fair, poor,` +
              ` entered_by, entered_at) VALUES (?, 1, 'excel', 1, 0, 0, 0, 'a', 't')`,
          )
          .run(id);
      expect(() =>
        db
          .prepare(
            `INSERT INTO assessment_staff_counts (assessment_id, target_cadre_id, source, excellent, good, fair, poor,` +
              ` entered_by, entered_at) VALUES (?, 1, 'fax', 1, 0, 0, 0, 'a', 't')`,
          )
          .run(id),
      ).toThrow(state === 'archived' ? '考核已归档' : /CHECK/);
      if (state === 'archived') {
        expect(addStaff).toThrow('考核已归档');
        expect(() => db.prepare(`UPDATE assessment_superior_ballots SET source = 'excel'`).run()).toThrow('考核已归档');
        expect(() => db.prepare('DELETE FROM assessment_staff_counts').run()).toThrow('考核已归档');
      } else {
        addStaff();
        expect(() => addStaff()).toThrow(/UNIQUE|PRIMARY/);
      }
    },
  );

  test('runs in one transaction: a clash leaves version 9, no source column and the staff table as it was', () => {
    const db = emptyKeyedDb();
    migrate(db, upTo9);
    db.exec('CREATE TABLE assessment_staff_counts_new (x TEXT) STRICT');
    expect(() => migrate(db, chain)).toThrow(/assessment_staff_counts_new/);
    expect(schemaVersion(db)).toBe(9);
    expect(columns(db, 'assessment_peer_ballots').map((c) => c.name)).not.toContain('source');
    expect(columns(db, 'assessment_staff_counts').map((c) => c.name)).not.toContain('source');
  });
});

describe('0011-anonymous-ballots', () => {
  const upTo10 = [
    migration0001,
    migration0002,
    migration0003,
    migration0004,
    migration0005,
    migration0006,
    migration0007,
    migration0008,
    migration0009,
    migration0010,
  ];
  const chain = [...upTo10, migration0011];

  /** An assessment with kiosk and clerk ballots as the app wrote them before migration 11 (sequential ids, full times). */
  function seeded(db: RawDb, state: string): number {
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const superior = db.prepare(
      `INSERT INTO assessment_superior_ballots (assessment_id, rater_label, group_ref, sort_order, anonymous, source, ` +
        `entered_by, entered_at) VALUES (?, ?, 'chief:C1', '[1,2,3]', ?, ?, ?, ?)`,
    );
    superior.run(id, '匿名评议-1a2b3c4d', 1, 'kiosk', '评议终端', '2025-12-01');
    superior.run(id, '旗委书记', 0, 'manual', '王录入', '2025-12-01T09:30:12.345Z');
    superior.run(id, '匿名评议-99aa88bb', 1, 'kiosk', '评议终端', '2025-12-01');
    const peer = db.prepare(
      `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, anonymous, source,` +
        ` entered_by, entered_at) VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`,
    );
    peer.run(id, 1, 2, 1, 'kiosk', '评议终端', '2025-12-01');
    peer.run(id, 1, 3, 1, 'kiosk', '评议终端', '2025-12-01');
    peer.run(id, 2, 1, 0, 'paper', '王录入', '2025-12-01T10:00:00.000Z');
    db.prepare(
      `INSERT INTO assessment_staff_counts (assessment_id, target_cadre_id, source, excellent, good, fair, poor, ` +
        `entered_by, entered_at) VALUES (?, 1, 'kiosk', 3, 0, 0, 0, '评议终端', '2025-12-01T10:11:12.131Z'), (?, 2, ` +
        `'manual', 1, 0, 0, 0, '王录入', '2025-12-01T10:11:12.131Z')`,
    ).run(id, id);
    db.prepare('UPDATE assessments SET state = ? WHERE id = ?').run(state, id);
    return id;
  }

  test('is version 11, named anonymous-ballots: a kiosk peer ballot may have no rater, nothing else changes shape', () => {
    expect(MIGRATIONS).toContain(migration0011);
    expect(migration0011).toMatchObject({ version: 11, name: 'anonymous-ballots' });
    const db = emptyKeyedDb();
    migrate(db, upTo10);
    const before = tables(db);
    expect(migrate(db, chain)).toEqual([11]);
    expect(schemaVersion(db)).toBe(11);
    expect(tables(db)).toEqual(before);
    expect(migrate(db, chain)).toEqual([]);
  });

  test.each(['collecting', 'archived'])(
    'kiosk ballots of a %s assessment lose their rater, get random ids and the day only; clerk rows stay; the guards still hold',
    (state) => {
      const db = emptyKeyedDb();
      migrate(db, upTo10);
      const id = seeded(db, state);
      migrate(db, chain);
      const peer = db
        .prepare(
          'SELECT id, rater_cadre_id, target_cadre_id, anonymous, entered_at FROM assessment_peer_ballots ORDER BY target_cadre_id',
        )
        .all() as { id: number; rater_cadre_id: number | null; anonymous: number; entered_at: string }[];
      expect(peer.map((b) => ({ ...b, id: b.anonymous ? 'random' : b.id }))).toEqual([
        { id: 3, rater_cadre_id: 2, target_cadre_id: 1, anonymous: 0, entered_at: '2025-12-01T10:00:00.000Z' },
        { id: 'random', rater_cadre_id: null, target_cadre_id: 2, anonymous: 1, entered_at: '2025-12-01' },
        { id: 'random', rater_cadre_id: null, target_cadre_id: 3, anonymous: 1, entered_at: '2025-12-01' },
      ]);
      const superior = db.prepare('SELECT id, rater_label, entered_at FROM assessment_superior_ballots').all() as {
        id: number;
        rater_label: string;
        entered_at: string;
      }[];
      expect(superior.find((b) => b.rater_label === '旗委书记')).toEqual({
        id: 2,
        rater_label: '旗委书记',
        entered_at: '2025-12-01T09:30:12.345Z',
      });
      for (const b of [...peer.filter((x) => x.anonymous), ...superior.filter((x) => x.rater_label.startsWith('匿名'))])
        expect(b.id).toBeGreaterThanOrEqual(2 ** 40);
      expect(
        db.prepare('SELECT source, entered_at FROM assessment_staff_counts ORDER BY target_cadre_id').all(),
      ).toEqual([
        { source: 'kiosk', entered_at: '2025-12-01' },
        { source: 'manual', entered_at: '2025-12-01T10:11:12.131Z' },
      ]);
      // A clerk ballot still names its rater; only a kiosk one may be without.
      expect(() =>
        db
          .prepare(
            `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, anonymous, ` +
              `entered_by, entered_at) VALUES (?, NULL, 2, '{}', 0, 'a', 't')`,
          )
          .run(id),
      ).toThrow(state === 'archived' ? '考核已归档' : /CHECK/);
      if (state === 'archived') {
        expect(() => db.prepare('DELETE FROM assessment_peer_ballots').run()).toThrow('考核已归档');
        expect(() => db.prepare('UPDATE assessment_superior_ballots SET entered_at = 1').run()).toThrow('考核已归档');
        expect(() => db.prepare('UPDATE assessment_staff_counts SET good = 1').run()).toThrow('考核已归档');
      } else {
        expect(() =>
          db
            .prepare(
              `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, ` +
                `entered_by, entered_at) VALUES (?, 2, 2, '{}', 'a', 't')`,
            )
            .run(id),
        ).toThrow(/CHECK/);
      }
    },
  );

  test('leaves no image of the old rows in the -wal: the file holds at most the one header frame afterwards', () => {
    const file = join(tempDir(), 'w.db');
    const db = openEncrypted(file, randomBytes(32), { create: true });
    onCleanup(() => {
      if (db.open) db.close();
    });
    enableWrites(db);
    migrate(db, upTo10);
    seeded(db, 'collecting');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(32 + 24 + 4096);
    migrate(db, chain);
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(32 + 24 + 4096);
  });

  test('runs in one transaction: a clash leaves version 10 and the kiosk ballots as they were', () => {
    const db = emptyKeyedDb();
    migrate(db, upTo10);
    seeded(db, 'collecting');
    db.exec('CREATE TABLE assessment_peer_ballots_new (x TEXT) STRICT');
    expect(() => migrate(db, chain)).toThrow(/assessment_peer_ballots_new/);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT rater_cadre_id FROM assessment_peer_ballots ORDER BY id').all()).toEqual([
      { rater_cadre_id: 1 },
      { rater_cadre_id: 1 },
      { rater_cadre_id: 2 },
    ]);
  });
});

describe('0012-adjustment-proposals', () => {
  const before = [
    migration0001,
    migration0002,
    migration0003,
    migration0004,
    migration0005,
    migration0006,
    migration0007,
    migration0008,
    migration0009,
    migration0010,
    migration0011,
  ];

  test('adds assessment_dismissed_proposals, one row per assessment and entry, frozen with an archived assessment', () => {
    expect(MIGRATIONS).toContain(migration0012);
    expect(migration0012).toMatchObject({ version: 12, name: 'adjustment-proposals' });
    const db = emptyKeyedDb();
    migrate(db, before);
    expect(migrate(db, [...before, migration0012])).toEqual([12]);
    expect(tables(db)).toContain('assessment_dismissed_proposals');
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const dismiss = () =>
      db
        .prepare(
          `INSERT INTO assessment_dismissed_proposals (assessment_id, dossier_entry_id, entered_by, entered_at) VALUES (?, 7, 'a', 't')`,
        )
        .run(id);
    dismiss();
    expect(dismiss).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
    expect(() => db.prepare('DELETE FROM assessment_dismissed_proposals').run()).toThrow('考核已归档');
  });
});

describe('0013-ineligible', () => {
  const upTo10 = [
    migration0001,
    migration0002,
    migration0003,
    migration0004,
    migration0005,
    migration0006,
    migration0007,
    migration0008,
    migration0009,
    migration0010,
    migration0011,
    migration0012,
  ];
  const chain = [...upTo10, migration0013];

  test('is version 13, named ineligible: one entry per cadre with a reason, frozen once archived', () => {
    expect(MIGRATIONS).toContain(migration0013);
    expect(migration0013).toMatchObject({ version: 13, name: 'ineligible' });
    const db = emptyKeyedDb();
    migrate(db, upTo10);
    expect(migrate(db, chain)).toEqual([13]);
    expect(schemaVersion(db)).toBe(13);
    expect(tables(db)).toContain('assessment_ineligible');
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const add = (reason: string) =>
      db
        .prepare(
          `INSERT INTO assessment_ineligible (assessment_id, target_cadre_id, reason, entered_by, entered_at) VALUES (?, 1, ?, 'a', 't')`,
        )
        .run(id, reason);
    expect(() => add('')).toThrow(/CHECK/);
    add('本年度受诫勉');
    expect(() => add('又一条')).toThrow(/UNIQUE/);
    db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
    expect(() => db.prepare('DELETE FROM assessment_ineligible').run()).toThrow('考核已归档');
    expect(migrate(db, chain)).toEqual([]);
  });
});

describe('0014-audit-signatures', () => {
  test('is version 14: a nullable public key per user and a nullable signature per audit entry; old rows keep null', () => {
    const before = MIGRATIONS.filter((m) => m.version < 14);
    expect(MIGRATIONS).toContain(migration0014);
    expect(migration0014).toMatchObject({ version: 14, name: 'audit-signatures' });
    const db = emptyKeyedDb();
    migrate(db, before);
    db.prepare(
      `INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES ('a', 'A', 'admin', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO audit_log (id, at, user_id, username, action, target, detail, prev_hash, hash) VALUES (1, 't', 1, ` +
        `'a', 'x', '', '{}', '0', '1')`,
    ).run();
    expect(migrate(db, [...before, migration0014])).toEqual([14]);
    expect(db.prepare('SELECT signing_key FROM users').get()).toEqual({ signing_key: null });
    expect(db.prepare('SELECT signature FROM audit_log').get()).toEqual({ signature: null });
    expect(migrate(db, [...before, migration0014])).toEqual([]);
  });
});

describe('0015-ineligible-proposals', () => {
  test(
    'is version 15: an 不得评优 item keeps the dossier entry it was adopted from (once per assessment); dismissals ' +
      'apart from 加减分, frozen once archived',
    () => {
      const before = MIGRATIONS.filter((m) => m.version < 15);
      expect(MIGRATIONS).toContain(migration0015);
      expect(migration0015).toMatchObject({ version: 15, name: 'ineligible-proposals' });
      const db = emptyKeyedDb();
      migrate(db, before);
      const id = Number(
        db
          .prepare(
            `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
              `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
          )
          .run().lastInsertRowid,
      );
      db.prepare(
        `INSERT INTO assessment_ineligible (assessment_id, target_cadre_id, reason, entered_by, entered_at) VALUES (?, 1, '诫勉', 'a', 't')`,
      ).run(id);
      expect(migrate(db, [...before, migration0015])).toEqual([15]);
      expect(db.prepare('SELECT dossier_entry_id FROM assessment_ineligible').get()).toEqual({
        dossier_entry_id: null,
      });
      const add = (cadre: number, entry: number | null) =>
        db
          .prepare(
            `INSERT INTO assessment_ineligible (assessment_id, target_cadre_id, reason, dossier_entry_id, entered_by, ` +
              `entered_at) VALUES (?, ?, '函询属实', ?, 'a', 't')`,
          )
          .run(id, cadre, entry);
      add(2, 7);
      expect(() => add(3, 7)).toThrow(/UNIQUE/);
      expect(() => add(4, 0)).toThrow(/CHECK/);
      add(5, null);
      const dismiss = db.prepare(
        `INSERT INTO assessment_dismissed_ineligible (assessment_id, dossier_entry_id, entered_by, entered_at) VALUES (?, 9, 'a', 't')`,
      );
      dismiss.run(id);
      expect(() => dismiss.run(id)).toThrow(/UNIQUE|PRIMARY/);
      db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
      expect(() => db.prepare('DELETE FROM assessment_dismissed_ineligible').run()).toThrow('考核已归档');
      expect(migrate(db, [...before, migration0015])).toEqual([]);
    },
  );
});

describe('0016-participation-sheets', () => {
  test('the clerk’s paper count per group and kind: non-negative counts, one row per group and kind, frozen once archived', () => {
    expect(MIGRATIONS).toContain(migration0016);
    expect(migration0016).toMatchObject({ version: 16, name: 'participation-sheets' });
    const before = MIGRATIONS.filter((m) => m.version < 16);
    const db = emptyKeyedDb();
    migrate(db, before);
    expect(migrate(db, [...before, migration0016])).toEqual([16]);
    expect(tables(db)).toContain('assessment_participation_sheets');
    const id = Number(
      db
        .prepare(
          'INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at)' +
            " VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')",
        )
        .run().lastInsertRowid,
    );
    const add = (kind: string, received: number) =>
      db
        .prepare(
          'INSERT INTO assessment_participation_sheets' +
            ' (assessment_id, group_ref, kind, expected, received, invalid, abstained, entered_by, entered_at)' +
            " VALUES (?, 'chief:C1', ?, NULL, ?, 0, 0, 'a', 't')",
        )
        .run(id, kind, received);
    expect(() => add('staff', -1)).toThrow(/CHECK/);
    expect(() => add('other', 1)).toThrow(/CHECK/);
    add('staff', 10);
    expect(() => add('staff', 11)).toThrow(/UNIQUE/);
    db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
    expect(() => db.prepare('DELETE FROM assessment_participation_sheets').run()).toThrow('考核已归档');
  });
});
describe('0017-forms-void-comments', () => {
  test(
    'is version 17: voided staff forms as counts per group, comments as text and count only, both WITHOUT ROWID ' +
      'and frozen once archived',
    () => {
      const before = MIGRATIONS.filter((m) => m.version < 17);
      expect(MIGRATIONS).toContain(migration0017);
      expect(migration0017).toMatchObject({ version: 17, name: 'forms-void-comments' });
      const db = emptyKeyedDb();
      migrate(db, before);
      expect(migrate(db, [...before, migration0017])).toEqual([17]);
      const id = Number(
        db
          .prepare(
            `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
              `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
          )
          .run().lastInsertRowid,
      );
      const comment = (text: string) =>
        db
          .prepare(
            `INSERT INTO assessment_comments (assessment_id, target_cadre_id, text, source, count) VALUES (?, 1, ?, 'kiosk', 1)`,
          )
          .run(id, text);
      expect(() => comment('')).toThrow(/CHECK/);
      expect(() => comment('长'.repeat(201))).toThrow(/CHECK/);
      comment('作风扎实');
      expect(() => db.prepare('SELECT rowid FROM assessment_comments').all()).toThrow();
      db.prepare(
        `INSERT INTO assessment_void_forms (assessment_id, group_ref, kind, reason, source, count) VALUES (?, 'chief:` +
          `C1', 'staff', 'excellentCapExceeded', 'paper', 1)`,
      ).run(id);
      expect(() =>
        db
          .prepare(
            `INSERT INTO assessment_void_forms (assessment_id, group_ref, kind, reason, source, count) VALUES (?, ` +
              `'chief:C1', 'staff', 'other', 'paper', 1)`,
          )
          .run(id),
      ).toThrow(/CHECK/);
      db.prepare(`UPDATE assessments SET state = 'archived' WHERE id = ?`).run(id);
      expect(() => db.prepare('DELETE FROM assessment_comments').run()).toThrow('考核已归档');
      expect(() => db.prepare('DELETE FROM assessment_void_forms').run()).toThrow('考核已归档');
      expect(migrate(db, [...before, migration0017])).toEqual([]);
    },
  );
});
describe('0018-intake', () => {
  test('is version 18, named intake: packages by serial, returned rows keyed by package and row, their files', () => {
    const before = MIGRATIONS.filter((m) => m.version < 18);
    expect(MIGRATIONS).toContain(migration0018);
    expect(migration0018).toMatchObject({ version: 18, name: 'intake' });
    const db = emptyKeyedDb();
    migrate(db, before);
    expect(migrate(db, [...before, migration0018])).toEqual([18]);
    expect(tables(db)).toEqual(expect.arrayContaining(['intake_packages', 'intake_rows', 'intake_attachments']));
    db.prepare(
      `INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES ('a', 'A', 'admin', 't', 't')`,
    ).run();
    db.exec(`
      INSERT INTO catalog_categories (code, name, sort) VALUES ('C1', '苏木镇（街道）', 10);
      INSERT INTO units (name, category_code, sort, created_at, updated_at) VALUES ('乌兰镇', 'C1', 1, 't', 't');
    `);
    const pkg = (serial: string, quarter = '2025Q3') =>
      db
        .prepare(
          `INSERT INTO intake_packages (serial, unit_id, quarter, deadline, return_to, created_by, created_at) ` +
            `VALUES (?, 1, ?, '2025-10-10', '组织部', 1, 't')`,
        )
        .run(serial, quarter);
    pkg('s1');
    expect(() => pkg('s1')).toThrow(/UNIQUE/);
    expect(() => pkg('s2', '2025-3')).toThrow(/CHECK/);
    expect(migrate(db, [...before, migration0018])).toEqual([]);
  });
});
describe('0021-intake-channels', () => {
  test('is version 21: a package of a channel has no unit; rows, files and their ids come through the rebuild', () => {
    const before = MIGRATIONS.filter((m) => m.version < 21);
    expect(migration0021).toMatchObject({ version: 21, name: 'intake-channels' });
    const db = emptyKeyedDb();
    migrate(db, before);
    db.prepare(
      `INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES ('a', 'A', 'admin', 't', 't')`,
    ).run();
    db.exec(`
      INSERT INTO catalog_categories (code, name, sort) VALUES ('C1', '苏木镇（街道）', 10);
      INSERT INTO units (name, category_code, sort, created_at, updated_at) VALUES ('乌兰镇', 'C1', 1, 't', 't');
      INSERT INTO cadres (name, gender, ethnicity, birth_month, native_place, birth_place, party_join, work_start, health,
        tech_title, expertise, fulltime_education, fulltime_degree, fulltime_school, parttime_education, parttime_degree,
        parttime_school, current_post, post_since, rank, unit_id, position, resume, rewards, id_number, familiar_fields,
        traits, shortcomings, status, highest_education, search_text, pinyin_keys, created_at, updated_at)
        VALUES ('甲', '男', '', '1978-03', '', '', '', '', '', '', '', '', '', '', '', '', '', '科员', '', '', 1, 'chief',
        '', '', '', '', '', '', '在职', '', '', '', 't', 't');
      INSERT INTO intake_packages (id, serial, unit_id, quarter, deadline, return_to, created_by, created_at)
        VALUES (7, 's1', 1, '2025Q3', '2025-10-10', '组织部', 1, 't');
      INSERT INTO intake_rows (id, package_id, row_no, status, cadre_id, date, sub_item_code, channel_code, polarity,
        standard_codes, title, content, fingerprint, imported_at)
        VALUES (9, 7, 3, 'pending', 1, '2025-08-14', 'S5.1', 'CH04', 'positive', '[]', '表彰', '', 'f', 't');
      INSERT INTO intake_attachments (id, row_id, file_name, mime, size, sha256, data)
        VALUES (11, 9, '照片.png', 'image/png', 3, 'h', x'010203');
    `);
    expect(migrate(db, [...before, migration0021])).toEqual([21]);
    // Nothing lost to a cascade while the tables were rebuilt.
    expect(db.prepare('SELECT id, unit_id, channel FROM intake_packages').all()).toEqual([
      { id: 7, unit_id: 1, channel: null },
    ]);
    expect(db.prepare('SELECT id, package_id, training, training_record_id FROM intake_rows').all()).toEqual([
      { id: 9, package_id: 7, training: null, training_record_id: null },
    ]);
    expect(db.prepare('SELECT id, row_id, data FROM intake_attachments').all()).toEqual([
      { id: 11, row_id: 9, data: Buffer.from([1, 2, 3]) },
    ]);
    const pkg = (serial: string, unit: number | null, channel: string | null) => () =>
      db
        .prepare(
          `INSERT INTO intake_packages (serial, unit_id, channel, quarter, deadline, return_to, created_by, created_at) ` +
            `VALUES (?, ?, ?, '2025Q3', '2025-10-10', '组织部', 1, 't')`,
        )
        .run(serial, unit, channel);
    expect(pkg('s2', null, 'discipline')).not.toThrow();
    expect(pkg('s3', null, null)).toThrow(/CHECK/);
    expect(pkg('s4', 1, 'training')).toThrow(/CHECK/);
    expect(pkg('s5', null, '信访')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(migrate(db, [...before, migration0021])).toEqual([]);
  });
});
describe('0023-political-reviews', () => {
  test('adds political_reviews (append-only, checked) and lets the print register take 审查意见, its rows kept', () => {
    const before = MIGRATIONS.filter((m) => m.version < migration0023.version);
    expect(MIGRATIONS).toContain(migration0023);
    expect(migration0023).toMatchObject({ version: 23, name: 'political-reviews' });
    const db = emptyKeyedDb();
    migrate(db, before);
    const register = (kind: string, serial: number) => () =>
      db
        .prepare(
          `INSERT INTO print_register (doc_kind, doc_key, doc_title, serial, file_name, printed_by, printed_by_name, ` +
            `printed_at) VALUES (?, ?, '标题', ?, 'a.pdf', 'u', '用户', 't')`,
        )
        .run(kind, `${kind}:1`, serial);
    register('dossier', 1)();
    expect(register('review', 1)).toThrow(/CHECK/);
    expect(migrate(db, [...before, migration0023])).toEqual([migration0023.version]);
    expect(db.prepare('SELECT doc_kind, serial FROM print_register').all()).toEqual([
      { doc_kind: 'dossier', serial: 1 },
    ]);
    expect(register('review', 1)).not.toThrow();
    expect(register('review', 1)).toThrow(/UNIQUE/);
    expect(register('other', 1)).toThrow(/CHECK/);
    const insert =
      (conclusion: string, reasons: string, date = '2026-01-08') =>
      () =>
        db
          .prepare(
            `INSERT INTO political_reviews (cadre_id, conclusion, reasons, reviewer, review_date, period_key, ` +
              `period_from, period_to, written_by, written_at) VALUES (1, ?, ?, '王', ?, 'year', 'a', 'b', 'u', 't')`,
          )
          .run(conclusion, reasons, date);
    db.pragma('foreign_keys = OFF');
    expect(insert('good', '理由')).not.toThrow();
    expect(insert('fine', '理由')).toThrow(/CHECK/);
    expect(insert('verify', '')).toThrow(/CHECK/);
    expect(insert('verify', '理由', '2026.01.08')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE political_reviews SET reasons = '改'`).run()).toThrow(/append-only/);
    expect(migrate(db, [...before, migration0023])).toEqual([]);
  });
});
describe('0020-appointment-matters', () => {
  test('adds appointment_matters: dated 任免事项 per cadre, checked dates, gone with their cadre', () => {
    const before = MIGRATIONS.filter((m) => m.version < migration0020.version);
    expect(MIGRATIONS).toContain(migration0020);
    expect(migration0020).toMatchObject({ version: 20, name: 'appointment-matters' });
    const db = emptyKeyedDb();
    migrate(db, before);
    expect(migrate(db, [...before, migration0020])).toEqual([migration0020.version]);
    const cols = db.prepare("SELECT name FROM pragma_table_info('appointment_matters')").all();
    expect(cols.map((c) => (c as { name: string }).name)).toEqual([
      'id',
      'cadre_id',
      'matter_date',
      'proposed_post',
      'proposed_removal',
      'reason',
      'reporting_unit',
      'age_at',
      'filled_by',
      'created_by',
      'created_at',
    ]);
    const insert = (date: string, ageAt: string) => () =>
      db
        .prepare(
          `INSERT INTO appointment_matters (cadre_id, matter_date, age_at, created_by, created_at) VALUES (1, ?, ?, 'a', 't')`,
        )
        .run(date, ageAt);
    db.pragma('foreign_keys = OFF');
    expect(insert('2026-03-01', '2026-03')).not.toThrow();
    expect(insert('2026.03.01', '2026-03')).toThrow(/CHECK/);
    expect(insert('2026-03-01', '202603')).toThrow(/CHECK/);
    expect(migrate(db, [...before, migration0020])).toEqual([]);
  });
});

describe('0019-terminal-packages', () => {
  test('is version 19: 评议终端包 and their returns, one package per terminal number and assessment', () => {
    const before = MIGRATIONS.filter((m) => m.version < 19);
    expect(MIGRATIONS).toContain(migration0019);
    expect(migration0019).toMatchObject({ version: 19, name: 'terminal-packages' });
    const db = emptyKeyedDb();
    migrate(db, before);
    expect(migrate(db, [...before, migration0019])).toEqual([19]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'terminal_%' ORDER BY name")
      .all()
      .map((t) => (t as { name: string }).name);
    expect(tables).toEqual([
      'terminal_conflict_sides',
      'terminal_conflicts',
      'terminal_package_seats',
      'terminal_packages',
      'terminal_set_aside',
    ]);
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('考核', 2025, 'collecting', '{}', '{}', 'a', 't', 'a', 't')`,
        )
        .run().lastInsertRowid,
    );
    const add = (packageId: string, terminalNo: number) =>
      db
        .prepare(
          `INSERT INTO terminal_packages (assessment_id, package_id, terminal_no, groups, package_key, code_salt, ` +
            `code_cost, digest, seats, exported_by, exported_on) VALUES (?, ?, ?, '[]', 'k', 's', 'c', 'd', 0, 'a', 'd')`,
        )
        .run(id, packageId, terminalNo);
    add('p1', 1);
    expect(() => add('p2', 1)).toThrow(/UNIQUE/);
    expect(() => add('p3', 0)).toThrow(/CHECK/);
  });
});

describe('0022-terminal-cancel', () => {
  test('adds 作废终端包 (day, who, why) to terminal_packages; a package exported before stays out (all null)', () => {
    const before = MIGRATIONS.filter((m) => m.version < migration0022.version);
    expect(MIGRATIONS).toContain(migration0022);
    expect(migration0022).toMatchObject({ version: 22, name: 'terminal-cancel' });
    const db = emptyKeyedDb();
    migrate(db, before);
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO terminal_packages (assessment_id, package_id, terminal_no, groups, package_key, code_salt, code_cost,
        digest, seats, exported_by, exported_on) VALUES (1, 'p', 1, '[]', 'k', 's', '{}', 'd', 3, '王', '2026-01-01')`,
    ).run();
    expect(migrate(db, [...before, migration0022])).toEqual([migration0022.version]);
    expect(db.prepare('SELECT cancelled_on, cancelled_by, cancel_reason FROM terminal_packages').get()).toEqual({
      cancelled_on: null,
      cancelled_by: null,
      cancel_reason: null,
    });
  });
});
describe('0024-search-catch-up', () => {
  const before = MIGRATIONS.filter((m) => m.version < migration0024.version);
  const rows = (db: RawDb, sql: string) => db.prepare(sql).pluck().all();
  const match = (db: RawDb, text: string) =>
    rows(db, `SELECT rowid FROM dossier_search WHERE dossier_search MATCH '"${text}"' ORDER BY rowid`);

  test('keeps the indexed entries searchable; saves from then on mark their entry instead of writing the indexes', () => {
    expect(MIGRATIONS).toContain(migration0024);
    expect(migration0024).toMatchObject({ version: 24, name: 'search-catch-up' });
    const db = dossierDb(before);
    const e1 = entry(db, { title: '春季中青班优秀学员', content: '与王五同班学习。' });
    const e2 = entry(db, { title: '提醒谈话', content: '作风问题。' });
    expect(match(db, '优秀学员')).toEqual([e1]);
    const data = () => rows(db, 'SELECT count(*) FROM dossier_search_data')[0];
    expect(migrate(db, [...before, migration0024])).toEqual([24]);
    expect(rows(db, 'SELECT entry_id FROM dossier_search_stale')).toEqual([]);
    expect(match(db, '优秀学员')).toEqual([e1]);
    expect(match(db, '作风问题')).toEqual([e2]);

    const pages = data();
    const e3 = entry(db, { title: '年度考核优秀', content: '' });
    expect(data()).toBe(pages);
    expect(rows(db, 'SELECT entry_id FROM dossier_search_stale')).toEqual([e3]);
    // An edit and a new attachment: the entry's old index rows go at once, its new text waits for the catch-up.
    const indexedText = () => rows(db, `SELECT rowid FROM dossier_search_content WHERE c1 LIKE '%王五%'`);
    expect(indexedText()).toEqual([e1]);
    db.prepare(`UPDATE dossier_entries SET content = '与赵六同班。' WHERE id = ?`).run(e1);
    expect(indexedText()).toEqual([]);
    expect(match(db, '优秀学员')).toEqual([]);
    db.prepare(
      `INSERT INTO dossier_attachments (entry_id, file_name, mime, size, sha256, data, added_by, added_at) ` +
        `VALUES (?, '谈话记录表.png', 'image/png', 3, 'x', x'010203', 1, 't')`,
    ).run(e2);
    expect(match(db, '作风问题')).toEqual([]);
    expect(rows(db, 'SELECT entry_id FROM dossier_search_stale ORDER BY entry_id')).toEqual([e1, e2, e3]);
    // A deletion takes the entry out of both, at once.
    db.prepare('DELETE FROM dossier_entries WHERE id = ?').run(e2);
    db.prepare('DELETE FROM dossier_entries WHERE id = ?').run(e3);
    expect(rows(db, 'SELECT entry_id FROM dossier_search_stale ORDER BY entry_id')).toEqual([e1]);
    expect(rows(db, 'SELECT count(*) FROM dossier_search')).toEqual([0]);
    // Its five triggers replace the five that wrote the new text into the indexes inside each save.
    const triggers = rows(db, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dossier_search_%'`);
    expect(triggers).toHaveLength(5);
    for (const sql of triggers)
      expect(sql).not.toMatch(/INTO dossier_search \(|INTO dossier_short_search|UPDATE dossier_search/);
    expect(migrate(db, [...before, migration0024])).toEqual([]);
  });
});
