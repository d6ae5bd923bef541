// Dossier fixtures at the scale of issue 4 (cadres and entries with standards, written straight into a store), shared
// by the dossier and portrait benches.
import type { RawDb } from '../db/store/connection';
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { quarterOf } from '../shared/dossier/quarter';
import { prng } from '../test/db/roster/lrmx/generate';

const subItems = DEFAULT_CATALOGS.sections.flatMap((s) => s.subItems.map((i) => ({ code: i.code, section: s.code })));
const channels = DEFAULT_CATALOGS.channels.map((c) => c.code);
const standards = DEFAULT_CATALOGS.dimensions.flatMap((d) => d.standards.map((s) => s.code));
const listItems = DEFAULT_CATALOGS.listItems;

/** Writes the cadres and entries straight into the store in one transaction (generating fixtures, not measured). */
export function generateDossiers(raw: RawDb, cadres: number, entries: number): void {
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
    for (let i = 0; i < cadres; i++) {
      const name = `干部${String(i).padStart(5, '0')}`;
      addCadre.run(name, `${1965 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}`, pick(unitIds), name);
    }
    for (let i = 0; i < entries; i++) {
      const cadreId = 1 + Math.floor(rnd() * cadres);
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

