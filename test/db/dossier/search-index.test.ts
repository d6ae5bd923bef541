// The search indexes catch up after a save instead of inside it (migration 24): a save marks its entry and writes no
// index row; the idle catch-up indexes marked entries in batches; nothing a search answers depends on when it ran.
import { expect, test } from 'vitest';
import { addEntry, dossierCadre, entryForm, pickAttachment, samplePng } from '../../helpers/dossier';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { loginAdmin } from '../../helpers/roster';

const count = (h: TestHost, table: string) =>
  Number(h.host.session().raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const indexPages = (h: TestHost) => count(h, 'dossier_search_data') + count(h, 'dossier_short_search_data');
const found = async (h: TestHost, text: string) => (await h.ok('dossier.search', { text })).hits.map((x) => x.entryId);
/** FTS5's own check that an index agrees with what it was given ('integrity-check' raises on any difference). */
const indexesIntact = (h: TestHost) => {
  const raw = h.host.session().raw;
  raw.exec(`INSERT INTO dossier_search (dossier_search) VALUES ('integrity-check')`);
  raw.exec(`INSERT INTO dossier_short_search (dossier_short_search) VALUES ('integrity-check')`);
};

/** Whether any text the indexes hold (titles, contents, attachment names) contains `text`. */
const indexHolds = (h: TestHost, text: string) =>
  Number(
    h.host
      .session()
      .raw.prepare(`SELECT count(*) FROM dossier_search_content WHERE c0 || c1 || c2 LIKE ?`)
      .pluck()
      .get(`%${text}%`),
  ) > 0;

/** `n` more entries like entry `like`, written at once (as an intake commit writes many). */
function copies(h: TestHost, like: number, n: number): void {
  h.host
    .session()
    .raw.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO dossier_entries (cadre_id, date, quarter, section_code, sub_item_code, channel_code, title, content,
         polarity, list_item_code, origin, entered_by, entered_at, updated_at)
       SELECT cadre_id, date, quarter, section_code, sub_item_code, channel_code, '批量材料' || i, content, polarity,
         list_item_code, origin, entered_by, entered_at, updated_at FROM k, dossier_entries WHERE id = ?`,
    )
    .run(n, like);
}

test('a save writes no search-index row: it marks its entry, and the catch-up indexes it and clears the mark', async () => {
  const h = await newHostWithStore();
  const a = await dossierCadre(h);
  await h.host.catchUpSearch();
  const pages = indexPages(h);
  const e = await addEntry(h, a, { title: '春季中青班优秀学员', content: '与王五同班学习。' });
  expect(indexPages(h)).toBe(pages);
  expect(count(h, 'dossier_search')).toBe(0);
  expect(h.host.session().raw.prepare('SELECT entry_id FROM dossier_search_stale').pluck().all()).toEqual([e.id]);
  expect(await found(h, '王五')).toEqual([e.id]);

  await h.host.catchUpSearch();
  expect(count(h, 'dossier_search_stale')).toBe(0);
  expect(count(h, 'dossier_search')).toBe(1);
  expect(indexPages(h)).toBeGreaterThan(pages);
  indexesIntact(h);
  expect(await found(h, '王五')).toEqual([e.id]);
  expect(await found(h, '优秀学员')).toEqual([e.id]);
});

test('an entry edited, given an attachment or deleted: its old text leaves the indexes with the save; searched as it is now', async () => {
  const h = await newHostWithStore();
  const a = await dossierCadre(h);
  const e1 = await addEntry(h, a, { title: '春季中青班优秀学员', content: '与王五同班学习。' });
  const e2 = await addEntry(h, a, { title: '提醒谈话', content: '因作风问题被提醒谈话。' });
  await h.host.catchUpSearch();
  await h.ok('entries.update', {
    id: e1.id,
    version: 1,
    input: { cadreId: a, ...entryForm({ title: '春季中青班结业', content: '与赵六同班。' }) },
  });
  await h.ok('attachments.add', { entryId: e2.id, token: await pickAttachment(h, '谈话记录表.png', samplePng()) });
  const answers = async () => ({
    old: await found(h, '王五'),
    oldTitle: await found(h, '优秀学员'),
    now: await found(h, '赵六'),
    file: await found(h, '记录表'),
    both: await found(h, '班'),
  });
  const expected = { old: [], oldTitle: [], now: [e1.id], file: [e2.id], both: [e1.id] };
  expect(await answers()).toEqual(expected);
  // What the edit replaced left the indexes with the save, not at the next catch-up.
  expect(indexHolds(h, '王五')).toBe(false);
  await h.host.catchUpSearch();
  expect(await answers()).toEqual(expected);

  await h.ok('entries.delete', { id: e2.id, version: 1 });
  expect(indexHolds(h, '谈话')).toBe(false);
  expect(count(h, 'dossier_search_stale')).toBe(0);
  expect(await found(h, '谈话')).toEqual([]);
  await h.host.catchUpSearch();
  expect(await found(h, '谈话')).toEqual([]);
  expect(count(h, 'dossier_search')).toBe(1);
  indexesIntact(h);
});

test('1,200 saved entries catch up in batches: a search meanwhile is answered in full; a lock waits for the batch', async () => {
  const h = await newHostWithStore();
  const a = await dossierCadre(h);
  const first = await addEntry(h, a, { title: '样本材料', content: '日常工作表现。' });
  copies(h, first.id, 1200);
  const running = h.host.catchUpSearch();
  // Answered between two batches, with every entry whether indexed yet or not.
  expect(await found(h, '批量材料')).toHaveLength(200);
  expect((await h.ok('dossier.search', { text: '批量材料' })).truncated).toBe(true);
  expect(await found(h, '批量材料1200')).toHaveLength(1);
  await running;
  expect(count(h, 'dossier_search_stale')).toBe(0);
  expect(count(h, 'dossier_search')).toBe(1201);
  indexesIntact(h);

  // A lock during a catch-up: the batch under way finishes, the rest stays marked for the next session.
  copies(h, first.id, 1200);
  const again = h.host.catchUpSearch();
  await h.ok('session.lock', {});
  await again;
  await loginAdmin(h);
  const left = count(h, 'dossier_search_stale');
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(1200);
  expect(await found(h, '批量材料1199')).toHaveLength(2);
  await h.host.catchUpSearch();
  expect(count(h, 'dossier_search')).toBe(2401);
  indexesIntact(h);
});

test('the idle timer catches the indexes up without a search asking', async () => {
  const h = await newHostWithStore();
  const a = await dossierCadre(h);
  await addEntry(h, a, { title: '样本材料', content: '日常工作表现。' });
  const stop = h.host.startIdleTimer(60_000, 20);
  try {
    await expect.poll(() => count(h, 'dossier_search_stale'), { timeout: 5000 }).toBe(0);
    expect(count(h, 'dossier_search')).toBe(1);
  } finally {
    stop();
  }
});
