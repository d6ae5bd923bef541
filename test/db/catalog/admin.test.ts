// Catalog administration on a real store: stable new codes, renames, retire/restore, reorder, refusals in Chinese.
import { describe, expect, test } from 'vitest';
import type { CatalogAdminView } from '../../../shared/catalog/admin';
import type { TestHost } from '../../helpers/host';
import { addUnit, auditEntries, lastAudit, loginAs, newRosterHost } from '../../helpers/roster';

/** Every catalog table and the audit log, read straight from the store. */
async function catalogState(h: TestHost) {
  const db = h.host.session().db;
  const tables = [
    'catalog_sub_items',
    'catalog_channels',
    'catalog_standards',
    'catalog_list_items',
    'catalog_categories',
  ] as const;
  const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().orderBy('code').execute()));
  return { rows, audit: (await auditEntries(h)).length };
}

const codesOf = (items: readonly { code: string }[]) => items.map((i) => i.code);
const section = (v: CatalogAdminView, code: string) => v.sections.find((s) => s.code === code)!.items;
const dimension = (v: CatalogAdminView, code: string) => v.dimensions.find((d) => d.code === code)!.items;

describe('catalog administration', () => {
  test('the administrator view lists every item with its retired flag', async () => {
    const h = await newRosterHost();
    const v = await h.ok('catalog.admin', {});
    expect(v.sections.map((s) => s.items.length)).toEqual([6, 5, 6, 5, 4, 7]);
    expect(v.dimensions.map((d) => d.items.length)).toEqual([4, 3, 4, 4, 3]);
    expect(v.channels).toHaveLength(12);
    expect(codesOf(v.listItems)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6']);
    expect(v.categories).toHaveLength(8);
    expect(v.channels.every((c) => !c.retired)).toBe(true);
  });

  test('added items get the next stable code of their list: S1.7, D3.5, CH13, P7, N7 (and C9 through categories.save)', async () => {
    const h = await newRosterHost();
    let v = await h.ok('catalog.saveEntry', { kind: 'subItem', parentCode: 'S1', name: '网络言行' });
    expect(section(v, 'S1').at(-1)).toEqual({ code: 'S1.7', name: '网络言行', retired: false });
    expect(await lastAudit(h)).toMatchObject({
      action: 'catalog.saveEntry',
      target: 'S1.7 网络言行',
      detail: { operation: '新增档案子项', parent: '政治思想' },
    });
    v = await h.ok('catalog.saveEntry', { kind: 'standard', parentCode: 'D3', name: '善于化解矛盾' });
    expect(dimension(v, 'D3').at(-1)?.code).toBe('D3.5');
    v = await h.ok('catalog.saveEntry', { kind: 'channel', name: '网络舆情' });
    expect(v.channels.at(-1)).toEqual({ code: 'CH13', name: '网络舆情', retired: false });
    v = await h.ok('catalog.saveListItem', {
      polarity: 'positive',
      name: '驻村帮扶成效突出',
      points: 3,
      dimensions: ['D3', 'D4'],
      veto: false,
    });
    expect(v.listItems.find((i) => i.code === 'P7')).toEqual({
      code: 'P7',
      name: '驻村帮扶成效突出',
      polarity: 'positive',
      points: 3,
      dimensions: ['D3', 'D4'],
      veto: false,
      retired: false,
    });
    v = await h.ok('catalog.saveListItem', {
      polarity: 'negative',
      name: '违反中央八项规定精神',
      points: -15,
      dimensions: ['D5'],
      veto: true,
    });
    expect(v.listItems.find((i) => i.code === 'N7')).toMatchObject({ points: -15, veto: true });
    expect(await h.ok('categories.save', { name: '国有企业' })).toEqual({ code: 'C9', name: '国有企业' });
    // the active catalog (what entry forms use) shows them too
    const c = await h.ok('catalog.get', {});
    expect(c.sections[0]!.subItems.at(-1)?.code).toBe('S1.7');
    expect(c.listItems.some((i) => i.code === 'N7')).toBe(true);
  });

  test('codes are never reused: a retired item keeps its code and the next one moves on', async () => {
    const h = await newRosterHost();
    await h.ok('catalog.saveEntry', { kind: 'subItem', parentCode: 'S6', name: '其他负面信息' }); // S6.8
    await h.ok('catalog.setRetired', { kind: 'subItem', code: 'S6.8', retired: true });
    const v = await h.ok('catalog.saveEntry', { kind: 'subItem', parentCode: 'S6', name: '网络负面舆情' });
    expect(codesOf(section(v, 'S6')).slice(-2)).toEqual(['S6.8', 'S6.9']);
    expect(section(v, 'S6').find((i) => i.code === 'S6.8')?.retired).toBe(true);
  });

  test('rename keeps the code; the audit entry records before and after', async () => {
    const h = await newRosterHost();
    const v = await h.ok('catalog.saveEntry', { kind: 'standard', code: 'D2.2', name: '旗帜鲜明反对错误思潮' });
    expect(dimension(v, 'D2')[1]).toEqual({ code: 'D2.2', name: '旗帜鲜明反对错误思潮', retired: false });
    expect(await lastAudit(h)).toMatchObject({
      target: 'D2.2 旗帜鲜明反对错误思潮',
      detail: { operation: '修改评价标准名称', name: ['旗帜鲜明抵制错误思潮', '旗帜鲜明反对错误思潮'] },
    });
  });

  test('a list item’s name, points, dimensions and veto change; its code and polarity stay', async () => {
    const h = await newRosterHost();
    const v = await h.ok('catalog.saveListItem', {
      code: 'N4',
      polarity: 'negative',
      name: '受到提醒、函询、诫勉',
      points: -7,
      dimensions: ['D5', 'D1'],
      veto: false,
    });
    expect(v.listItems.find((i) => i.code === 'N4')).toMatchObject({ points: -7, dimensions: ['D5', 'D1'] });
    expect(await lastAudit(h)).toMatchObject({
      target: 'N4 受到提醒、函询、诫勉',
      detail: { operation: '修改清单事项', points: [-6, -7], dimensions: ['政治自律', '政治自律、政治忠诚'] },
    });
  });

  test('retire and restore: the item leaves the active catalog but stays in the store, flagged', async () => {
    const h = await newRosterHost();
    let v = await h.ok('catalog.setRetired', { kind: 'listItem', code: 'P5', retired: true });
    expect(v.listItems.find((i) => i.code === 'P5')?.retired).toBe(true);
    expect((await h.ok('catalog.get', {})).listItems.map((i) => i.code)).not.toContain('P5');
    expect(await lastAudit(h)).toMatchObject({
      action: 'catalog.setRetired',
      target: expect.stringMatching(/^P5 /),
      detail: { operation: '停用清单事项' },
    });
    v = await h.ok('catalog.setRetired', { kind: 'listItem', code: 'P5', retired: false });
    expect(v.listItems.find((i) => i.code === 'P5')?.retired).toBe(false);
    expect((await h.ok('catalog.get', {})).listItems.map((i) => i.code)).toContain('P5');
    await h.ok('catalog.setRetired', { kind: 'category', code: 'C8', retired: true });
    expect((await h.ok('catalog.get', {})).categories.map((c) => c.code)).not.toContain('C8');
  });

  test('reorder moves an item within its own list only, and survives later additions', async () => {
    const h = await newRosterHost();
    let v = await h.ok('catalog.move', { kind: 'subItem', code: 'S2.3', direction: 'up' });
    expect(codesOf(section(v, 'S2'))).toEqual(['S2.1', 'S2.3', 'S2.2', 'S2.4', 'S2.5']);
    expect(codesOf(section(v, 'S1'))).toEqual(['S1.1', 'S1.2', 'S1.3', 'S1.4', 'S1.5', 'S1.6']);
    expect(await lastAudit(h)).toMatchObject({
      action: 'catalog.move',
      target: 'S2.3 党性教育',
      detail: { operation: '上移', position: [3, 2] },
    });
    v = await h.ok('catalog.move', { kind: 'listItem', code: 'N1', direction: 'down' });
    expect(codesOf(v.listItems.filter((i) => i.polarity === 'negative'))).toEqual(['N2', 'N1', 'N3', 'N4', 'N5', 'N6']);
    v = await h.ok('catalog.saveEntry', { kind: 'subItem', parentCode: 'S2', name: '挂职锻炼' });
    expect(codesOf(section(v, 'S2'))).toEqual(['S2.1', 'S2.3', 'S2.2', 'S2.4', 'S2.5', 'S2.6']);
    v = await h.ok('catalog.move', { kind: 'category', code: 'C8', direction: 'up' });
    expect(codesOf(v.categories).slice(-2)).toEqual(['C8', 'C7']);
    const c = await h.ok('catalog.get', {});
    expect(c.sections[1]!.subItems.map((i) => i.code)).toEqual(['S2.1', 'S2.3', 'S2.2', 'S2.4', 'S2.5', 'S2.6']);
  });

  const bad: [string, string, unknown, { field?: string; message: string }][] = [
    ['an empty name', 'catalog.saveEntry', { kind: 'channel', name: '  ' }, { field: 'name', message: '请填写名称' }],
    [
      'a duplicate name in the same section',
      'catalog.saveEntry',
      { kind: 'subItem', parentCode: 'S1', name: '理论学习' },
      { field: 'name', message: '该板块中已有“理论学习”（S1.1）' },
    ],
    [
      'a rename onto a sibling’s name',
      'catalog.saveEntry',
      { kind: 'channel', code: 'CH01', name: '巡视巡察' },
      { field: 'name', message: '列表中已有“巡视巡察”（CH03）' },
    ],
    [
      'a sub-item without a section',
      'catalog.saveEntry',
      { kind: 'subItem', name: '新子项' },
      { field: 'parentCode', message: '请选择所属板块' },
    ],
    [
      'an unknown section',
      'catalog.saveEntry',
      { kind: 'subItem', parentCode: 'S9', name: '新子项' },
      { field: 'parentCode', message: '所属板块“S9”不存在' },
    ],
    [
      'moving a standard to another dimension',
      'catalog.saveEntry',
      { kind: 'standard', code: 'D1.1', parentCode: 'D2', name: '对党忠诚老实' },
      { field: 'parentCode', message: '编码不变，不能更改所属维度；请停用后在新的位置新增' },
    ],
    [
      'points above 100',
      'catalog.saveListItem',
      { polarity: 'positive', name: '新事项', points: 101, dimensions: ['D1'], veto: false },
      { field: 'points', message: '分值应在 -100 到 100 之间' },
    ],
    [
      'points below −100',
      'catalog.saveListItem',
      { polarity: 'negative', name: '新事项', points: -150, dimensions: ['D1'], veto: false },
      { field: 'points', message: '分值应在 -100 到 100 之间' },
    ],
    [
      'a list item without a dimension',
      'catalog.saveListItem',
      { polarity: 'positive', name: '新事项', points: 3, dimensions: [], veto: false },
      { field: 'dimensions', message: '请至少选择一个对应维度' },
    ],
    [
      'an unknown dimension',
      'catalog.saveListItem',
      { polarity: 'positive', name: '新事项', points: 3, dimensions: ['D9'], veto: false },
      { field: 'dimensions', message: '对应维度“D9”不存在' },
    ],
    [
      'a negative item with positive points',
      'catalog.saveListItem',
      { polarity: 'negative', name: '新事项', points: 6, dimensions: ['D5'], veto: false },
      { field: 'points', message: '负面清单事项的分值应为负数（负面减分），例如 -6' },
    ],
    [
      'a positive veto item',
      'catalog.saveListItem',
      { polarity: 'positive', name: '新事项', points: 3, dimensions: ['D5'], veto: true },
      { field: 'veto', message: '只有负面清单事项可以设为一票否决' },
    ],
    [
      'changing a list item’s polarity',
      'catalog.saveListItem',
      {
        code: 'P1',
        polarity: 'negative',
        name: '在重大斗争、急难险重任务中表现突出',
        points: -5,
        dimensions: ['D3'],
        veto: false,
      },
      { field: 'polarity', message: '编码不变，不能更改正面/负面；请停用后新增' },
    ],
    [
      'a duplicate list item name',
      'catalog.saveListItem',
      { polarity: 'negative', name: '受到提醒、函询、诫勉', points: -3, dimensions: ['D5'], veto: false },
      { field: 'name', message: '该清单中已有“受到提醒、函询、诫勉”（N4）' },
    ],
    [
      'an unknown code',
      'catalog.setRetired',
      { kind: 'standard', code: 'D1.9', retired: true },
      { field: 'code', message: '找不到编码为 D1.9 的评价标准' },
    ],
    [
      'moving the first item up',
      'catalog.move',
      { kind: 'channel', code: 'CH01', direction: 'up' },
      { field: 'direction', message: '“重点工作跟进”已经在最前面' },
    ],
    [
      'restoring an active item',
      'catalog.setRetired',
      { kind: 'channel', code: 'CH01', retired: false },
      { field: 'retired', message: '“重点工作跟进”没有停用' },
    ],
  ];

  test.each(bad)('%s is refused in Chinese and nothing changes', async (_label, name, input, expected) => {
    const h = await newRosterHost();
    const before = await catalogState(h);
    const e = await h.err(name, input);
    expect(e).toEqual({ code: expect.stringMatching(/^(VALIDATION|NOT_FOUND)$/), ...expected });
    expect(await catalogState(h)).toEqual(before);
  });

  test('retiring the last active item of a list is refused; the store is unchanged', async () => {
    const h = await newRosterHost();
    for (const code of ['S5.1', 'S5.2', 'S5.3'])
      await h.ok('catalog.setRetired', { kind: 'subItem', code, retired: true });
    const before = await catalogState(h);
    expect(await h.err('catalog.setRetired', { kind: 'subItem', code: 'S5.4', retired: true })).toEqual({
      code: 'VALIDATION',
      field: 'code',
      message: '不能停用“年度考核优秀嘉奖”：它是所属板块中最后一个启用的子项',
    });
    expect(await catalogState(h)).toEqual(before);
    for (const code of ['D5.1', 'D5.2']) await h.ok('catalog.setRetired', { kind: 'standard', code, retired: true });
    expect((await h.err('catalog.setRetired', { kind: 'standard', code: 'D5.3', retired: true })).message).toBe(
      '不能停用“如实报告个人有关事项、严管亲属”：它是所属维度中最后一项启用的评价标准',
    );
  });

  test('a category still used by a unit cannot be retired', async () => {
    const h = await newRosterHost();
    await addUnit(h, '乌兰镇', 'C1');
    const before = await catalogState(h);
    expect(await h.err('catalog.setRetired', { kind: 'category', code: 'C1', retired: true })).toEqual({
      code: 'VALIDATION',
      field: 'code',
      message: '不能停用“苏木镇（街道）”：仍有 1 个单位属于该类别，请先调整这些单位的类别',
    });
    expect(await catalogState(h)).toEqual(before);
  });

  test('only administrators administer the catalog', async () => {
    const h = await newRosterHost();
    await loginAs(h, 'dossierClerk');
    const before = await catalogState(h);
    expect(await h.err('catalog.move', { kind: 'channel', code: 'CH02', direction: 'up' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.err('catalog.admin', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await catalogState(h)).toEqual(before);
  });
});
