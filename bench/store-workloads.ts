// The store workloads of issue 19 §2, run the same way on any connection (the encrypted store and the bench's plain copy):
// filling a fresh schema with dossier-like rows, then indexed lookups, a full scan, a bulk insert, small transactions and
// service reads (a cadre's dossier, the quarterly completeness, a dossier search).
import { Kysely, SqliteDialect } from 'kysely';
import { seedCatalogs } from '../db/catalog/seed';
import { quarterCompleteness } from '../db/dossier/completeness';
import { readDossier } from '../db/dossier/read';
import { searchDossiers } from '../db/dossier/search';
import { catchUpAll } from '../db/dossier/search-index';
import type { Database } from '../db/schema';
import type { RawDb } from '../db/store/connection';
import { migrate } from '../db/store/migrate';
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { prng } from '../test/db/roster/lrmx/generate';
import { generateDossiers } from './dossier-data';
import { benchUnits } from './roster-data';

export const kyselyOf = (raw: RawDb) => new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });

/** All migrations, one user, the default catalogs, 400 units, then the cadres and entries of bench/dossier-data.ts. */
export async function fillStore(raw: RawDb, cadres: number, entries: number): Promise<void> {
  migrate(raw);
  const now = new Date().toISOString();
  raw
    .prepare(
      `INSERT INTO users (username, display_name, role, created_at, updated_at) VALUES ('admin', '管理员', 'admin', ?, ?)`,
    )
    .run(now, now);
  const db = kyselyOf(raw);
  await seedCatalogs(db, DEFAULT_CATALOGS);
  const addUnit = raw.prepare(
    'INSERT INTO units (name, category_code, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  raw.transaction(() => benchUnits(400).forEach((u, i) => addUnit.run(u.name, u.categoryCode, i, now, now)))();
  generateDossiers(raw, cadres, entries);
}

const ENTRY_INSERT = `INSERT INTO dossier_entries (cadre_id, date, quarter, section_code, sub_item_code, channel_code,
  title, content, polarity, origin, entered_by, entered_at, updated_at)
  VALUES (?, '2025-06-30', '2025Q2', 'S2', 'S2.2', 'CH09', ?, ?, 'positive', 'manual', 1, ?, ?)`;

/** One workload: a name and what to run; `run` returns a count checked to be the same on every connection. */
export interface Workload {
  readonly name: string;
  /** A read is timed apart on its first run after opening (an empty page cache: every page is decrypted once). */
  readonly kind: 'read' | 'write';
  /** How many times the bench repeats it. */
  readonly rounds: number;
  run(raw: RawDb, db: Kysely<Database>, round: number): Promise<number> | number;
}

export function storeWorkloads(cadres: number): Workload[] {
  return [
    {
      name: 'indexed lookups: 2,000 cadres’ entries by (cadre_id, date), ~30 rows each',
      kind: 'read',
      rounds: 4,
      run: (raw, _db, round) => {
        const rnd = prng(100 + round);
        const q = raw.prepare('SELECT id, title, date, polarity FROM dossier_entries WHERE cadre_id = ? ORDER BY date');
        let rows = 0;
        for (let i = 0; i < 2000; i++) rows += q.all(1 + Math.floor(rnd() * cadres)).length;
        return rows;
      },
    },
    {
      name: 'indexed lookups: 20,000 entries by id',
      kind: 'read',
      rounds: 4,
      run: (raw, _db, round) => {
        const rnd = prng(200 + round);
        const max = Number(raw.prepare('SELECT max(id) AS n FROM dossier_entries').pluck().get());
        const q = raw.prepare('SELECT * FROM dossier_entries WHERE id = ?');
        let found = 0;
        for (let i = 0; i < 20_000; i++) if (q.get(1 + Math.floor(rnd() * max))) found += 1;
        return found;
      },
    },
    {
      name: 'full scan of dossier_entries (every row’s content)',
      kind: 'read',
      rounds: 4,
      run: (raw) =>
        Number(
          raw
            .prepare(
              'SELECT count(*) + 0 * sum(length(content)) FROM dossier_entries NOT INDEXED WHERE content <> title',
            )
            .pluck()
            .get(),
        ),
    },
    {
      name: 'service read: a cadre’s whole dossier (readDossier) × 300',
      kind: 'read',
      rounds: 4,
      run: async (_raw, db, round) => {
        const rnd = prng(300 + round);
        let n = 0;
        for (let i = 0; i < 300; i++)
          n += (await readDossier(db, { cadreId: 1 + Math.floor(rnd() * cadres) })).entries.length;
        return n;
      },
    },
    {
      name: 'service read: quarterly completeness of all cadres × 4 quarters',
      kind: 'read',
      rounds: 4,
      run: async (_raw, db) => {
        let n = 0;
        for (const q of ['2021Q1', '2022Q2', '2023Q3', '2024Q4']) n += (await quarterCompleteness(db, q)).cadres;
        return n;
      },
    },
    {
      name: 'service read: dossier search, 2-character and 4-character terms × 10',
      kind: 'read',
      rounds: 4,
      run: async (_raw, db) => {
        let n = 0;
        for (const t of [
          '材料',
          '表现',
          '工作',
          '学员',
          '日常',
          '优秀学员',
          '表现材料',
          '日常工作',
          '工作表现',
          '材料29',
        ])
          n += (await searchDossiers(db, t)).hits.length;
        return n;
      },
    },
    {
      name: 'bulk insert: 20,000 entries in one transaction',
      kind: 'write',
      rounds: 3,
      run: (raw, _db, round) => {
        const rnd = prng(400 + round);
        const add = raw.prepare(ENTRY_INSERT);
        const at = new Date().toISOString();
        raw.transaction(() => {
          for (let i = 0; i < 20_000; i++)
            add.run(1 + Math.floor(rnd() * cadres), `批量材料${i}`, '日常工作表现材料。'.repeat(1 + (i % 8)), at, at);
        })();
        // Their search-index rows are part of the cost: written here as the idle catch-up writes them.
        catchUpAll(raw);
        return 20_000;
      },
    },
    {
      name: 'bulk insert: 100,000 standard links of existing entries in one transaction (no triggers)',
      kind: 'write',
      rounds: 3,
      run: (raw, _db, round) => {
        const rnd = prng(600 + round);
        const max = Number(raw.prepare('SELECT max(id) AS n FROM dossier_entries').pluck().get());
        const codes = DEFAULT_CATALOGS.dimensions.flatMap((d) => d.standards.map((s) => s.code));
        const add = raw.prepare(
          'INSERT OR IGNORE INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, ?)',
        );
        let added = 0;
        raw.transaction(() => {
          for (let i = 0; i < 100_000; i++)
            added += add.run(1 + Math.floor(rnd() * max), codes[Math.floor(rnd() * codes.length)]).changes;
        })();
        return added;
      },
    },
    {
      name: 'small transactions: 300 × (one entry + one standard), each committed, then the search indexes catch up',
      kind: 'write',
      // Each commit waits for an fsync, whose time varies the most: more rounds for a steadier median.
      rounds: 9,
      run: (raw, _db, round) => {
        const rnd = prng(500 + round);
        const add = raw.prepare(ENTRY_INSERT);
        const std = raw.prepare(`INSERT INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, 'D4.2')`);
        const at = new Date().toISOString();
        const one = raw.transaction((i: number) => {
          const id = add.run(
            1 + Math.floor(rnd() * cadres),
            `单条材料${i}`,
            '学习期间表现突出。',
            at,
            at,
          ).lastInsertRowid;
          std.run(id);
        });
        for (let i = 0; i < 300; i++) one(i);
        catchUpAll(raw);
        return 300;
      },
    },
  ];
}
