// Units and their categories through the dispatcher: add, edit, delete, refusals in Chinese, 正职/副职 counts.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOGS } from '../../../shared/catalog/defaults';
import type { TestHost } from '../../helpers/host';
import { addUnit, cadreInput, formOf, lastAudit, minimalCadre, newRosterHost, rosterState } from '../../helpers/roster';

describe('units', () => {
  test('add: the unit comes back with its category, sort and zero counts, and is listed', async () => {
    const h = await newRosterHost();
    const unit = await h.ok('units.save', { name: '  乌兰镇 ', categoryCode: 'C1', sort: 3 });
    expect(unit).toEqual({
      id: expect.any(Number),
      name: '乌兰镇',
      categoryCode: 'C1',
      sort: 3,
      chiefCount: 0,
      deputyCount: 0,
    });
    expect(await h.ok('units.list', {})).toEqual([unit]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'units.save',
      target: '乌兰镇',
      detail: { category: '苏木镇（街道）', sort: 3 },
    });
  });

  test('the list is ordered by category, then sort, then name', async () => {
    const h = await newRosterHost();
    await addUnit(h, '鄂托克旗财政局', 'C4', 1);
    await addUnit(h, '棋盘井镇', 'C1', 2);
    await addUnit(h, '乌兰镇', 'C1', 1);
    await addUnit(h, '阿尔巴斯苏木', 'C1', 2);
    await addUnit(h, '旗委组织部', 'C2', 0);
    expect((await h.ok('units.list', {})).map((u) => u.name)).toEqual([
      '乌兰镇',
      '棋盘井镇',
      '阿尔巴斯苏木',
      '旗委组织部',
      '鄂托克旗财政局',
    ]);
  });

  test('categories added later (C9, C10 …) sort after the defaults, not between C1 and C2', async () => {
    const h = await newRosterHost();
    await h.ok('categories.save', { name: '国有企业' }); // C9
    await h.ok('categories.save', { name: '驻旗单位' }); // C10
    await addUnit(h, '鄂托克旗供电公司', 'C10');
    await addUnit(h, '鄂托克旗城投公司', 'C9');
    await addUnit(h, '旗委组织部', 'C2');
    await addUnit(h, '乌兰镇', 'C1');
    const order = ['乌兰镇', '旗委组织部', '鄂托克旗城投公司', '鄂托克旗供电公司'];
    expect((await h.ok('units.list', {})).map((u) => u.name)).toEqual(order);
    for (const [i, name] of order.entries())
      await h.ok('cadres.create', { input: minimalCadre(i + 1, { name: `${name}干部` }) });
    expect((await h.ok('roster.query', {})).map((r) => r.unitName)).toEqual(order);
  });

  test('edit: name, category and sort change; the audit entry records before and after', async () => {
    const h = await newRosterHost();
    const unit = await addUnit(h, '乌兰镇', 'C1', 1);
    const edited = await h.ok('units.save', { id: unit.id, name: '乌兰镇人民政府', categoryCode: 'C8', sort: 9 });
    expect(edited).toEqual({ ...unit, name: '乌兰镇人民政府', categoryCode: 'C8', sort: 9 });
    expect(await h.ok('units.list', {})).toEqual([edited]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'units.save',
      target: '乌兰镇人民政府',
      detail: { name: ['乌兰镇', '乌兰镇人民政府'], category: ['苏木镇（街道）', '事业单位'], sort: [1, 9] },
    });
    // Saving a unit under its own name is not a clash.
    expect(
      await h.ok('units.save', { id: unit.id, name: '乌兰镇人民政府', categoryCode: 'C8', sort: 1 }),
    ).toMatchObject({ sort: 1 });
  });

  test('editing an unknown unit is NOT_FOUND and writes nothing', async () => {
    const h = await newRosterHost();
    await addUnit(h, '乌兰镇');
    const before = await rosterState(h);
    expect(await h.err('units.save', { id: 999, name: '新单位', categoryCode: 'C1', sort: 0 })).toEqual({
      code: 'NOT_FOUND',
      field: 'id',
      message: '找不到该单位，可能已被删除',
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('delete: an empty unit goes away', async () => {
    const h = await newRosterHost();
    const a = await addUnit(h, '乌兰镇');
    const b = await addUnit(h, '棋盘井镇');
    expect(await h.ok('units.delete', { id: a.id })).toBeNull();
    expect((await h.ok('units.list', {})).map((u) => u.id)).toEqual([b.id]);
    expect(await lastAudit(h)).toMatchObject({ action: 'units.delete', target: '乌兰镇' });
    expect(await h.err('units.delete', { id: a.id })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  test('delete is refused while cadres are attached (of any status), naming the count in Chinese; nothing changes', async () => {
    const h = await newRosterHost();
    const unit = await addUnit(h, '乌兰镇');
    await h.ok('cadres.create', { input: minimalCadre(unit.id, { name: '甲' }) });
    await h.ok('cadres.create', { input: minimalCadre(unit.id, { name: '乙', status: '退休' }) });
    const before = await rosterState(h);
    expect(await h.err('units.delete', { id: unit.id })).toEqual({
      code: 'VALIDATION',
      field: 'id',
      message: '单位“乌兰镇”下还有 2 名干部，请先调整他们的单位',
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('a duplicate name is refused on the name field (adding, and renaming onto another unit); nothing changes', async () => {
    const h = await newRosterHost();
    await addUnit(h, '乌兰镇');
    const other = await addUnit(h, '棋盘井镇');
    const before = await rosterState(h);
    const expected = { code: 'VALIDATION', field: 'name', message: '单位“乌兰镇”已存在' };
    expect(await h.err('units.save', { name: '乌兰镇', categoryCode: 'C2', sort: 5 })).toEqual(expected);
    expect(await h.err('units.save', { name: ' 乌兰镇', categoryCode: 'C1', sort: 0 })).toEqual(expected);
    expect(await h.err('units.save', { id: other.id, name: '乌兰镇', categoryCode: 'C1', sort: 0 })).toEqual(expected);
    expect(await rosterState(h)).toEqual(before);
  });

  test('an unknown category is refused on the categoryCode field; nothing changes', async () => {
    const h = await newRosterHost();
    const unit = await addUnit(h, '乌兰镇');
    const before = await rosterState(h);
    const expected = { code: 'VALIDATION', field: 'categoryCode', message: '所选单位类别不存在' };
    expect(await h.err('units.save', { name: '新单位', categoryCode: 'C99', sort: 0 })).toEqual(expected);
    expect(await h.err('units.save', { id: unit.id, name: '乌兰镇', categoryCode: 'X', sort: 0 })).toEqual(expected);
    expect(await rosterState(h)).toEqual(before);
  });

  test.each([
    [{ name: '', categoryCode: 'C1', sort: 0 }, 'name', '请填写单位名称'],
    [{ name: '乌兰镇', categoryCode: 'C1', sort: -1 }, 'sort', '排序号不能为负'],
    [{ name: '乌兰镇', categoryCode: 'C1', sort: 1.5 }, 'sort', '排序号必须是整数'],
    [{ name: '单'.repeat(61), categoryCode: 'C1', sort: 0 }, 'name', '单位名称不能超过 60 个字'],
  ])('invalid input %j is refused on its field in Chinese', async (input, field, message) => {
    const h = await newRosterHost();
    expect(await h.err('units.save', input)).toEqual({ code: 'VALIDATION', field, message });
    expect(await h.ok('units.list', {})).toEqual([]);
  });

  test('正职/副职 counts count only cadres 在职, by their position', async () => {
    const h = await newRosterHost();
    const town = await addUnit(h, '乌兰镇', 'C1', 1);
    const bureau = await addUnit(h, '鄂托克旗财政局', 'C4', 1);
    const add = (
      unitId: number,
      name: string,
      position: 'chief' | 'deputy',
      status: '在职' | '调出' | '退休' | '免职' = '在职',
    ) => h.ok('cadres.create', { input: minimalCadre(unitId, { name, position, status }) });
    await add(town.id, '书记', 'chief');
    await add(town.id, '镇长', 'chief');
    await add(town.id, '副镇长甲', 'deputy');
    await add(town.id, '副镇长乙', 'deputy');
    await add(town.id, '副镇长丙', 'deputy');
    await add(town.id, '老书记', 'chief', '退休');
    await add(town.id, '原副镇长', 'deputy', '调出');
    await add(bureau.id, '原局长', 'chief', '免职');
    await add(bureau.id, '副局长', 'deputy');
    const units = await h.ok('units.list', {});
    expect(units.map((u) => [u.name, u.chiefCount, u.deputyCount])).toEqual([
      ['乌兰镇', 2, 3],
      ['鄂托克旗财政局', 0, 1],
    ]);
    // A transfer out changes the counts at once.
    const rows = await h.ok('roster.query', { text: '镇长' });
    const zhen = rows.find((r) => r.name === '镇长')!;
    const profile = await h.ok('cadres.get', { id: zhen.id });
    await h.ok('cadres.update', {
      id: zhen.id,
      version: profile.version,
      input: { ...formOf(profile), status: '调出' },
    });
    expect((await h.ok('units.list', {})).find((u) => u.id === town.id)).toMatchObject({
      chiefCount: 1,
      deputyCount: 3,
    });
    // Moving a cadre to another unit moves the count.
    const deputy = (await h.ok('roster.query', { text: '副镇长甲' }))[0]!;
    const p2 = await h.ok('cadres.get', { id: deputy.id });
    await h.ok('cadres.update', { id: deputy.id, version: p2.version, input: { ...formOf(p2), unitId: bureau.id } });
    expect((await h.ok('units.list', {})).map((u) => [u.name, u.chiefCount, u.deputyCount])).toEqual([
      ['乌兰镇', 1, 2],
      ['鄂托克旗财政局', 0, 2],
    ]);
  });
});

describe('categories', () => {
  const categoriesOf = (h: TestHost) =>
    h.host.session().db.selectFrom('catalog_categories').select(['code', 'name']).orderBy('sort').execute();

  test('the 8 default categories are there', async () => {
    const h = await newRosterHost();
    expect(await categoriesOf(h)).toEqual(DEFAULT_CATALOGS.categories.map((c) => ({ code: c.code, name: c.name })));
    expect((await categoriesOf(h)).map((c) => c.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
  });

  test('rename: the code stays, units of the category show the new name, the audit entry has before and after', async () => {
    const h = await newRosterHost();
    const unit = await addUnit(h, '乌兰镇', 'C1');
    const cadre = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    expect(cadre.categoryName).toBe('苏木镇（街道）');
    expect(await h.ok('categories.save', { code: 'C1', name: '苏木镇' })).toEqual({ code: 'C1', name: '苏木镇' });
    expect((await categoriesOf(h))[0]).toEqual({ code: 'C1', name: '苏木镇' });
    expect((await h.ok('cadres.get', { id: cadre.id })).categoryName).toBe('苏木镇');
    expect((await h.ok('roster.query', {}))[0]).toMatchObject({ categoryCode: 'C1', categoryName: '苏木镇' });
    expect(await lastAudit(h)).toMatchObject({
      action: 'categories.save',
      target: 'C1',
      detail: { name: ['苏木镇（街道）', '苏木镇'] },
    });
    // Saving a category under its own name is fine.
    expect(await h.ok('categories.save', { code: 'C1', name: '苏木镇' })).toEqual({ code: 'C1', name: '苏木镇' });
  });

  test('add: the new category gets the next code (C9, then C10) and takes units', async () => {
    const h = await newRosterHost();
    expect(await h.ok('categories.save', { name: '国有企业' })).toEqual({ code: 'C9', name: '国有企业' });
    expect(await h.ok('categories.save', { name: '驻旗单位' })).toEqual({ code: 'C10', name: '驻旗单位' });
    expect((await categoriesOf(h)).slice(-2)).toEqual([
      { code: 'C9', name: '国有企业' },
      { code: 'C10', name: '驻旗单位' },
    ]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'categories.save',
      target: 'C10',
      detail: { name: '驻旗单位' },
    });
    expect(await addUnit(h, '鄂托克旗城投公司', 'C9')).toMatchObject({ categoryCode: 'C9' });
  });

  test('a duplicate name is refused on the name field (adding or renaming); nothing changes', async () => {
    const h = await newRosterHost();
    const before = await rosterState(h);
    const expected = { code: 'VALIDATION', field: 'name', message: '单位类别“党群部门”已存在' };
    expect(await h.err('categories.save', { name: '党群部门' })).toEqual(expected);
    expect(await h.err('categories.save', { code: 'C3', name: '党群部门' })).toEqual(expected);
    expect(await rosterState(h)).toEqual(before);
  });

  test('renaming an unknown category is NOT_FOUND', async () => {
    const h = await newRosterHost();
    expect(await h.err('categories.save', { code: 'C42', name: '新类别' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'code',
    });
  });
});
