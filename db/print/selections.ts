// 审议材料 selections: each user's last one (the screen reopens with it) and named ones any packet printer can reuse.
// Kept as JSON rows of the settings table (keys packet.last.<userId> and packet.named.<name>): no migration, and
// settings.get reads only its own keys.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fail } from '../../shared/ipc/errors';
import type { PacketSelection, PacketSelections } from '../../shared/print/selections';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';
import { parseJsonColumn } from '../store/json-column';

const LAST = 'packet.last.';
const NAMED = 'packet.named.';

const storedSelection = z.object({
  title: z.string(),
  cadreIds: z.array(z.number().int()),
  assessmentIds: z.array(z.number().int()),
  savedBy: z.number().int(),
  savedAt: z.string(),
});
type StoredSelection = z.output<typeof storedSelection>;

async function readSelections(db: Kysely<Database>, userId: number): Promise<PacketSelections> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where((eb) => eb.or([eb('key', '=', `${LAST}${userId}`), eb('key', 'like', `${NAMED}%`)]))
    .orderBy('key')
    .execute();
  const stored = rows.map((r) => ({
    name: r.key.startsWith(NAMED) ? r.key.slice(NAMED.length) : null,
    s: parseJsonColumn(storedSelection, r.value, `settings.${r.key}`),
  }));
  const cadreIds = [...new Set(stored.flatMap((x) => x.s.cadreIds))];
  const [cadres, assessments, users] = await Promise.all([
    cadreIds.length === 0
      ? []
      : db
          .selectFrom('cadres as c')
          .innerJoin('units as u', 'u.id', 'c.unit_id')
          .select(['c.id', 'c.name', 'u.name as unit_name', 'c.current_post'])
          .where('c.id', 'in', cadreIds)
          .execute(),
    db.selectFrom('assessments').select('id').execute(),
    db.selectFrom('users').select(['id', 'display_name']).execute(),
  ]);
  const byId = new Map(
    cadres.map((c) => [c.id, { id: c.id, name: c.name, unitName: c.unit_name, currentPost: c.current_post }]),
  );
  const existing = new Set(assessments.map((a) => a.id));
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const all: PacketSelection[] = stored.map(({ name, s }) => ({
    name,
    title: s.title,
    // Cadres or assessments deleted since are left out rather than failing the whole selection.
    cadres: s.cadreIds.flatMap((id) => byId.get(id) ?? []),
    assessmentIds: s.assessmentIds.filter((id) => existing.has(id)),
    savedBy: names.get(s.savedBy) ?? '',
    savedAt: s.savedAt,
  }));
  return {
    last: all.find((s) => s.name === null) ?? null,
    named: all.filter((s) => s.name !== null).sort((a, b) => a.name!.localeCompare(b.name!, 'zh-CN')),
  };
}

export const selectionHandlers: Handlers<'packets.selections' | 'packets.saveSelection' | 'packets.deleteSelection'> = {
  'packets.selections': ({ db, store }) => readSelections(db, store.user.id),
  async 'packets.saveSelection'({ db, store, rec }, { name, title, cadreIds, assessmentIds }) {
    if (name !== undefined && cadreIds.length === 0) fail('VALIDATION', '请至少选择 1 名干部再保存', 'cadreIds');
    const key = name === undefined ? `${LAST}${store.user.id}` : `${NAMED}${name}`;
    const value: StoredSelection = {
      title,
      cadreIds,
      assessmentIds,
      savedBy: store.user.id,
      savedAt: new Date().toISOString(),
    };
    const replaced = Boolean(await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst());
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
    rec.record(name === undefined ? '审议材料（上次选择）' : `审议材料“${name}”`, {
      title,
      cadres: cadreIds.length,
      assessments: assessmentIds.length,
      replaced,
    });
    return readSelections(db, store.user.id);
  },
  async 'packets.deleteSelection'({ db, store, rec }, { name }) {
    const gone = await db.deleteFrom('settings').where('key', '=', `${NAMED}${name}`).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) fail('NOT_FOUND', '该审议材料选择已不存在', 'name');
    rec.record(`审议材料“${name}”`, { deleted: true });
    return readSelections(db, store.user.id);
  },
};
