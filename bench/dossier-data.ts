// Dossier fixtures at the scale of issue 4 (cadres and entries with standards, written straight into a store), shared
// by the dossier and portrait benches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { AppHost } from '../db/app/host';
import type { RawDb } from '../db/store/connection';
import { catchUpAll } from '../db/dossier/search-index';
import { createDispatcher } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { quarterOf } from '../shared/dossier/quarter';
import { prng } from '../test/db/roster/lrmx/generate';
import { record, timed } from './figures';
import { benchUnits } from './roster-data';

const subItems = DEFAULT_CATALOGS.sections.flatMap((s) => s.subItems.map((i) => ({ code: i.code, section: s.code })));
const channels = DEFAULT_CATALOGS.channels.map((c) => c.code);
const standards = DEFAULT_CATALOGS.dimensions.flatMap((d) => d.standards.map((s) => s.code));
const listItems = DEFAULT_CATALOGS.listItems;

/** Writes the cadres and entries straight into the store in one transaction (generating fixtures, not measured). */
export function generateDossiers(raw: RawDb, cadres: number, entries: number): void {
  const rnd = prng(4);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const unitIds = (raw.prepare('SELECT id FROM units').all() as { id: number }[]).map((u) => u.id);
  const addCadre = raw.prepare(
    `INSERT INTO cadres (name, gender, ethnicity, birth_month, native_place, birth_place, party_join, work_start, health,
    tech_title, expertise, fulltime_education, fulltime_degree, fulltime_school, parttime_education, parttime_degree, ` +
      `parttime_school, current_post,
    post_since, rank, unit_id, position, resume, rewards, id_number, familiar_fields, traits, shortcomings, status, ` +
      `highest_education, search_text,
    pinyin_keys, created_at, updated_at) VALUES (?, '男', '汉族', ?, '', '', '', '', '健康', '', '', '大学', '', '', '', '', ` +
      `'', '科长', '', '正科级', ?,
    'deputy', '', '', '', '', '', '', '在职', '大学', ?, '', 't', 't')`,
  );
  const addEntry =
    raw.prepare(`INSERT INTO dossier_entries (cadre_id, date, quarter, section_code, sub_item_code, channel_code, title, content,
    polarity, list_item_code, origin, entered_by, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', 1, ?, ?)`);
  const addStandard = raw.prepare(
    'INSERT OR IGNORE INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, ?)',
  );
  raw.transaction(() => {
    for (let i = 0; i < cadres; i++) {
      const name = `干部${String(i).padStart(5, '0')}`;
      addCadre.run(name, `${1965 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}`, pick(unitIds), name);
    }
    for (let i = 0; i < entries; i++) {
      const cadreId = 1 + Math.floor(rnd() * cadres);
      const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
      const date = `${2019 + Math.floor(rnd() * 6)}-${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const sub = pick(subItems);
      const roll = rnd();
      const item = roll < 0.3 ? pick(listItems) : null;
      const polarity = item ? item.polarity : roll < 0.6 ? 'neutral' : 'positive';
      const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
      const id = Number(
        addEntry.run(
          cadreId,
          date,
          quarterOf(date),
          sub.section,
          sub.code,
          pick(channels),
          `材料${i}：${sub.code}`,
          '日常工作表现材料。'.repeat(1 + (i % 8)),
          polarity,
          item?.code ?? null,
          at,
          at,
        ).lastInsertRowid,
      );
      const n = Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) addStandard.run(id, pick(standards));
    }
  })();
  // As the idle catch-up would have done long before anything is measured (migration 24).
  catchUpAll(raw);
  raw.exec('ANALYZE');
}

export const BENCH_CADRES = 10_000;
export const BENCH_ENTRIES = 300_000;

/**
 * A store in a temp dir holding 400 units, 10,000 cadres and 300,000 entries, filled before the file's tests and
 * removed after them; `call` goes through the same dispatcher as the window.
 */
export function dossierBenchStore(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const host = new AppHost({
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    storeOptions: { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  });
  const dispatch = createDispatcher(host);
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<N>;
  }
  beforeAll(async () => {
    await call('setup.createStore', {
      dir: join(work, 'store'),
      username: 'admin',
      displayName: '管理员',
      password: 'Bench@2025',
    });
    for (const [i, u] of benchUnits(400).entries())
      await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
    const g = await timed(() => generateDossiers(host.session().raw, BENCH_CADRES, BENCH_ENTRIES));
    record(
      `generating ${BENCH_CADRES.toLocaleString('en')} cadres and ${BENCH_ENTRIES.toLocaleString('en')} entries (fixture, not a target)`,
      g.ms / 1000,
      's',
    );
  });
  afterAll(async () => {
    await host.dispose();
    rmSync(work, { recursive: true, force: true });
  });
  return { host, call };
}
