// Units (单位) with their category, and the categories themselves (renamed or added by staff).
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { Unit } from '../../shared/roster/types';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';

export async function listUnits(db: Kysely<Database>): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('catalog_categories as k', 'k.code', 'u.category_code')
    .leftJoin('cadres as c', (j) => j.onRef('c.unit_id', '=', 'u.id').on('c.status', '=', '在职'))
    .select((eb) => [
      'u.id',
      'u.name',
      'u.category_code',
      'u.sort',
      eb.fn.count<number>(eb.case().when('c.position', '=', 'chief').then(1).end()).as('chief_count'),
      eb.fn.count<number>(eb.case().when('c.position', '=', 'deputy').then(1).end()).as('deputy_count'),
    ])
    .groupBy('u.id')
    // By the category's sort, not its code: as text 'C10' would sort between 'C1' and 'C2'.
    .orderBy('k.sort')
    .orderBy('u.sort')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    categoryCode: r.category_code,
    sort: r.sort,
    chiefCount: Number(r.chief_count),
    deputyCount: Number(r.deputy_count),
  }));
}

async function categoryName(db: Kysely<Database>, code: string): Promise<string> {
  const c = await db
    .selectFrom('catalog_categories')
    .select('name')
    .where('code', '=', code)
    .where('retired', '=', 0)
    .executeTakeFirst();
  return c?.name ?? fail('VALIDATION', '所选单位类别不存在', 'categoryCode');
}

type UnitCalls = 'units.list' | 'units.save' | 'units.delete' | 'categories.save';

export const unitHandlers: Handlers<UnitCalls> = {
  'units.list': ({ db }) => listUnits(db),

  async 'units.save'({ db, rec }, input) {
    const category = await categoryName(db, input.categoryCode);
    const clash = await db.selectFrom('units').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) fail('VALIDATION', `单位“${input.name}”已存在`, 'name');
    const now = new Date().toISOString();
    let id: number;
    if (input.id === undefined) {
      const row = await db
        .insertInto('units')
        .values({
          name: input.name,
          category_code: input.categoryCode,
          sort: input.sort,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      rec.record(input.name, { category, sort: input.sort });
    } else {
      const before = await db.selectFrom('units').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) fail('NOT_FOUND', '找不到该单位，可能已被删除', 'id');
      await db
        .updateTable('units')
        .set({ name: input.name, category_code: input.categoryCode, sort: input.sort, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      id = input.id;
      rec.record(input.name, {
        name: [before!.name, input.name],
        category: [await categoryName(db, before!.category_code), category],
        sort: [before!.sort, input.sort],
      });
    }
    return (await listUnits(db)).find((u) => u.id === id)!;
  },

  async 'units.delete'({ db, rec }, input) {
    const unit = await db.selectFrom('units').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!unit) fail('NOT_FOUND', '找不到该单位，可能已被删除', 'id');
    const used = await db
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', input.id)
      .executeTakeFirstOrThrow();
    if (Number(used.n) > 0) fail('VALIDATION', `单位“${unit!.name}”下还有 ${used.n} 名干部，请先调整他们的单位`, 'id');
    await db.deleteFrom('units').where('id', '=', input.id).execute();
    rec.record(unit!.name);
    return null;
  },

  async 'categories.save'({ db, rec }, input) {
    const clash = await db
      .selectFrom('catalog_categories')
      .select('code')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash && clash.code !== input.code) fail('VALIDATION', `单位类别“${input.name}”已存在`, 'name');
    if (input.code === undefined) {
      const codes = await db.selectFrom('catalog_categories').select('code').execute();
      const next = Math.max(0, ...codes.map((c) => Number(c.code.replace(/^C/, '')) || 0)) + 1;
      const code = `C${next}`;
      await db
        .insertInto('catalog_categories')
        .values({ code, name: input.name, sort: next * 10 })
        .execute();
      rec.record(code, { name: input.name });
      return { code, name: input.name };
    }
    const before = await db
      .selectFrom('catalog_categories')
      .selectAll()
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (!before) fail('NOT_FOUND', '找不到该单位类别', 'code');
    await db.updateTable('catalog_categories').set({ name: input.name }).where('code', '=', input.code).execute();
    rec.record(input.code, { name: [before!.name, input.name] });
    return { code: input.code, name: input.name };
  },
};
