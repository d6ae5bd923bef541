// Catalog administration: add and rename items, retire and restore them, reorder them. Codes are generated once
// (one more than the highest ever used, retired rows included) and never change; rows are never deleted.
import type { Kysely } from 'kysely';
import { ADMIN_KIND_LABELS, GROUP_KIND_LABELS, type AdminKind } from '../../shared/catalog/admin';
import { POLARITY_LABELS, type ListPolarity } from '../../shared/catalog/types';
import { fail } from '../../shared/ipc/errors';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';
import { readCatalogAdmin } from './admin-read';
import { kindRows, nextCode, updateKindRow, type KindRow } from './admin-rows';
import { listItemRow } from './rows';

type AdminCalls =
  | 'catalog.admin'
  | 'catalog.saveEntry'
  | 'catalog.renameGroup'
  | 'catalog.saveListItem'
  | 'catalog.setRetired'
  | 'catalog.move';

const target = (code: string, name: string) => `${code} ${name}`;

async function findRow(
  db: Kysely<Database>,
  kind: AdminKind,
  code: string,
): Promise<{ rows: KindRow[]; row: KindRow }> {
  const rows = await kindRows(db, kind);
  const row = rows.find((r) => r.code === code);
  if (!row) fail('NOT_FOUND', `找不到编码为 ${code} 的${ADMIN_KIND_LABELS[kind]}`, 'code');
  return { rows, row: row! };
}

/** The same name in the same list (retired items too: restore them instead of adding a twin). */
function refuseDuplicate(
  rows: readonly KindRow[],
  group: string,
  name: string,
  self: string | undefined,
  kind: AdminKind,
): void {
  const twin = rows.find((r) => r.group === group && r.name === name && r.code !== self);
  if (!twin) return;
  const where =
    kind === 'subItem' ? '该板块' : kind === 'standard' ? '该维度' : kind === 'listItem' ? '该清单' : '列表';
  fail('VALIDATION', `${where}中已有“${name}”（${twin.code}${twin.retired ? '，已停用，可重新启用' : ''}）`, 'name');
}

const nextSort = (rows: readonly KindRow[]) => Math.max(0, ...rows.map((r) => r.sort)) + 10;

async function parentName(
  db: Kysely<Database>,
  kind: 'subItem' | 'standard',
  code: string | undefined,
): Promise<string> {
  const label = kind === 'subItem' ? '所属板块' : '所属维度';
  if (code === undefined) return fail('VALIDATION', `请选择${label}`, 'parentCode');
  const row =
    kind === 'subItem'
      ? await db
          .selectFrom('catalog_sections')
          .select('name')
          .where('code', '=', code)
          .where('retired', '=', 0)
          .executeTakeFirst()
      : await db.selectFrom('catalog_dimensions').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? fail('VALIDATION', `${label}“${code}”不存在`, 'parentCode');
}

function lastActiveMessage(kind: AdminKind, row: KindRow): string {
  switch (kind) {
    case 'subItem':
      return `不能停用“${row.name}”：它是所属板块中最后一个启用的子项`;
    case 'standard':
      return `不能停用“${row.name}”：它是所属维度中最后一项启用的评价标准`;
    case 'listItem':
      return `不能停用“${row.name}”：它是最后一个启用的${POLARITY_LABELS[row.group as ListPolarity]}清单事项`;
    case 'channel':
      return `不能停用“${row.name}”：它是最后一个启用的材料来源`;
    case 'category':
      return `不能停用“${row.name}”：它是最后一个启用的单位类别`;
  }
}

export const catalogAdminHandlers: Handlers<AdminCalls> = {
  'catalog.admin': ({ db }) => readCatalogAdmin(db),

  async 'catalog.saveEntry'({ db, rec }, input) {
    const { kind, name } = input;
    const rows = await kindRows(db, kind);
    if (input.code === undefined) {
      const parent = kind === 'channel' ? null : await parentName(db, kind, input.parentCode);
      const group = kind === 'channel' ? '' : input.parentCode!;
      refuseDuplicate(rows, group, name, undefined, kind);
      const codes = rows.map((r) => r.code);
      const code = kind === 'channel' ? nextCode(codes, 'CH', 2) : nextCode(codes, `${group}.`);
      const sort = nextSort(rows);
      if (kind === 'subItem')
        await db.insertInto('catalog_sub_items').values({ code, name, sort, section_code: group }).execute();
      else if (kind === 'standard')
        await db.insertInto('catalog_standards').values({ code, name, sort, dimension_code: group }).execute();
      else await db.insertInto('catalog_channels').values({ code, name, sort }).execute();
      rec.record(target(code, name), {
        operation: `新增${ADMIN_KIND_LABELS[kind]}`,
        ...(parent === null ? {} : { parent: parent }),
      });
    } else {
      const { row } = await findRow(db, kind, input.code);
      if (input.parentCode !== undefined && input.parentCode !== row.group && kind !== 'channel')
        fail(
          'VALIDATION',
          `编码不变，不能更改${kind === 'subItem' ? '所属板块' : '所属维度'}；请停用后在新的位置新增`,
          'parentCode',
        );
      refuseDuplicate(rows, row.group, name, row.code, kind);
      await updateKindRow(db, kind, row.code, { name });
      rec.record(target(row.code, name), { operation: `修改${ADMIN_KIND_LABELS[kind]}名称`, name: [row.name, name] });
    }
    return readCatalogAdmin(db);
  },

  async 'catalog.renameGroup'({ db, rec }, { kind, code, name }) {
    const table = kind === 'section' ? 'catalog_sections' : 'catalog_dimensions';
    const rows = await db.selectFrom(table).select(['code', 'name']).execute();
    const row =
      rows.find((r) => r.code === code) ??
      fail('NOT_FOUND', `找不到编码为 ${code} 的${GROUP_KIND_LABELS[kind]}`, 'code');
    const twin = rows.find((r) => r.name === name && r.code !== code);
    if (twin) fail('VALIDATION', `已有名为“${name}”的${GROUP_KIND_LABELS[kind]}（${twin.code}）`, 'name');
    await db.updateTable(table).set({ name }).where('code', '=', code).execute();
    rec.record(target(code, name), { operation: `修改${GROUP_KIND_LABELS[kind]}名称`, name: [row.name, name] });
    return readCatalogAdmin(db);
  },

  async 'catalog.saveListItem'({ db, rec }, input) {
    const known = new Map(
      (await db.selectFrom('catalog_dimensions').select(['code', 'name']).execute()).map((d) => [d.code, d.name]),
    );
    const dimensions = [...new Set(input.dimensions)];
    for (const d of dimensions) if (!known.has(d)) fail('VALIDATION', `对应维度“${d}”不存在`, 'dimensions');
    if (input.polarity === 'positive' && input.points < 0)
      fail('VALIDATION', '正面清单事项的分值不能为负数（正面加分）', 'points');
    if (input.polarity === 'negative' && input.points > 0)
      fail('VALIDATION', '负面清单事项的分值应为负数（负面减分），例如 -6', 'points');
    if (input.polarity === 'positive' && input.veto) fail('VALIDATION', '只有负面清单事项可以设为一票否决', 'veto');
    const rows = await kindRows(db, 'listItem');
    const values = {
      name: input.name,
      points: input.points,
      dimensions: JSON.stringify(dimensions),
      veto: input.veto ? 1 : 0,
    };
    const dimNames = (codes: readonly string[]) => codes.map((c) => known.get(c) ?? c).join('、');
    if (input.code === undefined) {
      refuseDuplicate(rows, input.polarity, input.name, undefined, 'listItem');
      const code = nextCode(
        rows.map((r) => r.code),
        input.polarity === 'positive' ? 'P' : 'N',
      );
      await db
        .insertInto('catalog_list_items')
        .values({ code, polarity: input.polarity, sort: nextSort(rows), ...values })
        .execute();
      rec.record(target(code, input.name), {
        operation: '新增清单事项',
        list: POLARITY_LABELS[input.polarity],
        points: input.points,
        dimensions: dimNames(dimensions),
        veto: input.veto ? '是' : '否',
      });
    } else {
      const { row } = await findRow(db, 'listItem', input.code);
      if (row.group !== input.polarity) fail('VALIDATION', '编码不变，不能更改正面/负面；请停用后新增', 'polarity');
      refuseDuplicate(rows, row.group, input.name, row.code, 'listItem');
      const before = await db
        .selectFrom('catalog_list_items')
        .selectAll()
        .where('code', '=', row.code)
        .executeTakeFirstOrThrow();
      await db.updateTable('catalog_list_items').set(values).where('code', '=', row.code).execute();
      const beforeDims = listItemRow(before).dimensions;
      const changes: Record<string, [unknown, unknown]> = {};
      if (before.name !== input.name) changes['name'] = [before.name, input.name];
      if (before.points !== input.points) changes['points'] = [before.points, input.points];
      if (dimNames(beforeDims) !== dimNames(dimensions))
        changes['dimensions'] = [dimNames(beforeDims), dimNames(dimensions)];
      if ((before.veto === 1) !== input.veto)
        changes['veto'] = [before.veto === 1 ? '是' : '否', input.veto ? '是' : '否'];
      rec.record(target(row.code, input.name), { operation: '修改清单事项', ...changes });
    }
    return readCatalogAdmin(db);
  },

  async 'catalog.setRetired'({ db, rec }, input) {
    const { rows, row } = await findRow(db, input.kind, input.code);
    if (row.retired === input.retired)
      fail('VALIDATION', `“${row.name}”${row.retired ? '已经停用' : '没有停用'}`, 'retired');
    if (input.retired && !rows.some((r) => r.group === row.group && !r.retired && r.code !== row.code))
      fail('VALIDATION', lastActiveMessage(input.kind, row), 'code');
    if (input.retired && input.kind === 'category') {
      // Units name their category on every save and in the rankings; a category in use stays active.
      const used = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('category_code', '=', row.code)
        .executeTakeFirstOrThrow();
      if (Number(used.n) > 0)
        fail(
          'VALIDATION',
          `不能停用“${row.name}”：仍有 ${Number(used.n)} 个单位属于该类别，请先调整这些单位的类别`,
          'code',
        );
    }
    await updateKindRow(db, input.kind, row.code, { retired: input.retired ? 1 : 0 });
    rec.record(target(row.code, row.name), {
      operation: `${input.retired ? '停用' : '重新启用'}${ADMIN_KIND_LABELS[input.kind]}`,
    });
    return readCatalogAdmin(db);
  },

  async 'catalog.move'({ db, rec }, input) {
    const { rows, row } = await findRow(db, input.kind, input.code);
    const group = rows.filter((r) => r.group === row.group);
    const at = group.findIndex((r) => r.code === row.code);
    const neighbour = group[input.direction === 'up' ? at - 1 : at + 1];
    if (!neighbour)
      fail('VALIDATION', `“${row.name}”已经在${input.direction === 'up' ? '最前面' : '最后面'}`, 'direction');
    // Swap the two in the table's overall order, then number the whole table again so sorts stay distinct.
    const order = [...rows];
    const i = order.findIndex((r) => r.code === row.code);
    const j = order.findIndex((r) => r.code === neighbour!.code);
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [n, r] of order.entries()) {
      const sort = (n + 1) * 10;
      if (r.sort !== sort) await updateKindRow(db, input.kind, r.code, { sort });
    }
    const newAt = input.direction === 'up' ? at - 1 : at + 1;
    rec.record(target(row.code, row.name), {
      operation: input.direction === 'up' ? '上移' : '下移',
      position: [at + 1, newAt + 1],
    });
    return readCatalogAdmin(db);
  },
};
