// The dossier at the scale of issue 4: 300,000 entries over 10,000 cadres; reading a whole dossier and adding an entry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppHost } from '../db/app/host';
import { createDispatcher } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { quarterOf } from '../shared/dossier/quarter';
import { prng } from '../test/db/roster/lrmx/generate';
import { benchUnits } from './roster-data';
import { percentile, record, timed } from './figures';

const CADRES = 10_000;
const ENTRIES = 300_000;

const work = mkdtempSync(join(tmpdir(), 'bench-dossier-'));
const host = new AppHost({ configDir: join(work, 'config'), defaultStoreDir: join(work, 'store'), storeOptions: { kdfCost: { N: 2 ** 10, r: 8, p: 1 } } });
const dispatch = createDispatcher(host);

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<N>;
}

const subItems = DEFAULT_CATALOGS.sections.flatMap((s) => s.subItems.map((i) => ({ code: i.code, section: s.code })));
const channels = DEFAULT_CATALOGS.channels.map((c) => c.code);
const standards = DEFAULT_CATALOGS.dimensions.flatMap((d) => d.standards.map((s) => s.code));
const listItems = DEFAULT_CATALOGS.listItems;

/** Writes the cadres and entries straight into the store in one transaction (generating fixtures, not measured). */
function generate(): void {
  const raw = host.session().raw;
  const rnd = prng(4);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const unitIds = (raw.prepare('SELECT id FROM units').all() as { id: number }[]).map((u) => u.id);
  const addCadre = raw.prepare(`INSERT INTO cadres (name, gender, ethnicity, birth_month, native_place, birth_place, party_join, work_start, health,
    tech_title, expertise, fulltime_education, fulltime_degree, fulltime_school, parttime_education, parttime_degree, parttime_school, current_post,
    post_since, rank, unit_id, position, resume, rewards, id_number, familiar_fields, traits, shortcomings, status, highest_education, search_text,
    pinyin_keys, created_at, updated_at) VALUES (?, '男', '汉族', ?, '', '', '', '', '健康', '', '', '大学', '', '', '', '', '', '科长', '', '正科级', ?,
    'deputy', '', '', '', '', '', '', '在职', '大学', ?, '', 't', 't')`);
  const addEntry = raw.prepare(`INSERT INTO dossier_entries (cadre_id, date, quarter, section_code, sub_item_code, channel_code, title, content,
    polarity, list_item_code, origin, entered_by, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', 1, ?, ?)`);
  const addStandard = raw.prepare('INSERT OR IGNORE INTO dossier_entry_standards (entry_id, standard_code) VALUES (?, ?)');
  raw.transaction(() => {
    for (let i = 0; i < CADRES; i++) {
      const name = `干部${String(i).padStart(5, '0')}`;
      addCadre.run(name, `${1965 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}`, pick(unitIds), name);
    }
    for (let i = 0; i < ENTRIES; i++) {
      const cadreId = 1 + Math.floor(rnd() * CADRES);
      const date = `${2019 + Math.floor(rnd() * 6)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const sub = pick(subItems);
      const roll = rnd();
      const item = roll < 0.3 ? pick(listItems) : null;
      const polarity = item ? item.polarity : roll < 0.6 ? 'neutral' : 'positive';
      const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
      const id = Number(
        addEntry.run(cadreId, date, quarterOf(date), sub.section, sub.code, pick(channels), `材料${i}：${sub.code}`, '日常工作表现材料。'.repeat(1 + (i % 8)), polarity, item?.code ?? null, at, at)
          .lastInsertRowid,
      );
      const n = Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) addStandard.run(id, pick(standards));
    }
  })();
  raw.exec('ANALYZE');
}

beforeAll(async () => {
  await call('setup.createStore', { dir: join(work, 'store'), username: 'admin', displayName: '管理员', password: 'Bench@2025' });
  for (const [i, u] of benchUnits(400).entries()) await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
  const g = await timed(() => generate());
  record(`generating ${CADRES.toLocaleString('en')} cadres and ${ENTRIES.toLocaleString('en')} entries (fixture, not a target)`, g.ms / 1000, 's');
});

afterAll(async () => {
  await host.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('a cadre’s whole dossier read from the store (300,000 entries over 10,000 cadres)', async () => {
  const rnd = prng(9);
  const times: number[] = [];
  let entries = 0;
  for (let i = 0; i < 300; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const r = await timed(() => call('dossier.get', { cadreId }));
    times.push(r.ms);
    entries += r.value.entries.length;
  }
  expect(entries / 300).toBeGreaterThan(20);
  record('whole dossier of one cadre (dossier.get, ~30 entries), 95th percentile of 300', percentile(times, 95), 'ms', 30);
  record('whole dossier of one cadre, median', percentile(times, 50), 'ms');
  const filtered: number[] = [];
  for (let i = 0; i < 100; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    filtered.push((await timed(() => call('dossier.get', { cadreId, quarter: '2024Q2', standardCode: 'D4.2' }))).ms);
  }
  record('filtered dossier (quarter + standard), 95th percentile of 100', percentile(filtered, 95), 'ms');
});

test('adding an entry (checked, written with its standards and audit entry, read back)', async () => {
  const rnd = prng(13);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const cadreId = 1 + Math.floor(rnd() * CADRES);
    const r = await timed(() =>
      call('entries.create', {
        input: {
          cadreId,
          date: '2025-06-30',
          subItemCode: 'S2.2',
          channelCode: 'CH09',
          title: `基准测试材料${i}`,
          content: '学习期间表现突出，被评为优秀学员。',
          polarity: 'positive',
          standardCodes: ['D2.1', 'D4.2'],
          listItemCode: 'P3',
        },
      }),
    );
    times.push(r.ms);
  }
  record('adding an entry (entries.create), 95th percentile of 200', percentile(times, 95), 'ms', 20);
  record('adding an entry, median', percentile(times, 50), 'ms');
});

test('the quarterly completeness of 10,000 cadres in six sections', async () => {
  const times: number[] = [];
  for (const year of [2020, 2021, 2022, 2023, 2024]) {
    for (const q of [1, 2, 3, 4]) times.push((await timed(() => call('dossier.completeness', { quarter: `${year}Q${q}` }))).ms);
  }
  const r = await call('dossier.completeness', { quarter: '2024Q2' });
  expect(r.cadres).toBe(CADRES);
  record('quarterly completeness dashboard (dossier.completeness), 95th percentile of 20', percentile(times, 95), 'ms', 500);
});

test('search across all dossiers: 3+ characters from the trigram index, 1-2 characters by scan', async () => {
  const long = ['优秀学员', '表现材料', '材料12', 'S3.1', '日常工作表现', '不存在的词语', '材料2999'];
  const short = ['优', '材料', '表现', '工作', '王', '学员'];
  const run = async (terms: readonly string[], rounds: number) => {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) for (const text of terms) times.push((await timed(() => call('dossier.search', { text }))).ms);
    return times;
  };
  const longTimes = await run(long, 10);
  const shortTimes = await run(short, 5);
  expect((await call('dossier.search', { text: '材料' })).truncated).toBe(true);
  record('search, 3+ characters (dossier.search), 95th percentile of 70', percentile(longTimes, 95), 'ms', 50);
  record('search, 1-2 characters, 95th percentile of 30', percentile(shortTimes, 95), 'ms', 200);
});
