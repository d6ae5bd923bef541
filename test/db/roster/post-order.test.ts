// The roster's default order on a real encrypted store: units as 单位管理 lists them (category, 排序号), and within a
// unit the 班子 by post (职务排序 in 系统设置, which the administrator may change, audited); bad lists are refused
// with a Chinese message naming 职务排序 and nothing written.
import { expect, test } from 'vitest';
import { DEFAULT_POST_ORDER } from '../../../shared/roster/post-order';
import { newHostWithStore } from '../../helpers/host';
import { addUnit, lastAudit, loginAs, minimalCadre } from '../../helpers/roster';

async function seed() {
  const h = await newHostWithStore();
  // Created out of order: 排序号 and category decide, not ids or names.
  const qipan = await addUnit(h, '棋盘井镇', 'C1', 2);
  const bureau = await addUnit(h, '鄂托克旗农牧局', 'C4', 1);
  const wulan = await addUnit(h, '乌兰镇', 'C1', 1);
  const add = (unitId: number, name: string, currentPost: string, position: 'chief' | 'deputy' = 'deputy') =>
    h.ok('cadres.create', { input: minimalCadre(unitId, { name, currentPost, position }) });
  // Names chosen so that name order (and 正职 first) would give a different order.
  await add(wulan.id, '阿木尔', '乌兰镇副镇长');
  await add(wulan.id, '巴图', '乌兰镇人大主席', 'chief');
  await add(wulan.id, '朝鲁', '乌兰镇党委副书记');
  await add(wulan.id, '达来', '乌兰镇党委副书记、镇长', 'chief');
  await add(wulan.id, '额尔敦', '乌兰镇党委书记', 'chief');
  await add(bureau.id, '高娃', '农牧局副局长');
  await add(bureau.id, '哈斯', '农牧局党组书记、局长', 'chief');
  await add(qipan.id, '吉雅', '棋盘井镇党委书记', 'chief');
  return h;
}

const names = async (h: Awaited<ReturnType<typeof seed>>) => (await h.ok('roster.query', {})).map((r) => r.name);

test('by unit (category, 排序号), then within a unit by post: 书记 → 镇长 → 人大主席 → 副书记 → 副镇长', async () => {
  const h = await seed();
  expect(await names(h)).toEqual(['额尔敦', '达来', '巴图', '朝鲁', '阿木尔', '吉雅', '哈斯', '高娃']);
  const rows = await h.ok('roster.query', {
    unitId: (await h.ok('units.list', {})).find((u) => u.name === '乌兰镇')!.id,
  });
  expect(rows.map((r) => [r.name, r.postRank])).toEqual([
    ['额尔敦', DEFAULT_POST_ORDER.indexOf('党委书记')],
    ['达来', DEFAULT_POST_ORDER.indexOf('镇长')],
    ['巴图', DEFAULT_POST_ORDER.indexOf('人大主席')],
    ['朝鲁', DEFAULT_POST_ORDER.indexOf('副书记')],
    ['阿木尔', DEFAULT_POST_ORDER.indexOf('副镇长')],
  ]);
});

test('the administrator’s 职务排序 reorders the roster at once, audited', async () => {
  const h = await seed();
  const saved = await h.ok('settings.update', { postOrder: ['党委书记', '人大主席', ' 镇长 ', '副书记'] });
  expect(saved.postOrder).toEqual(['党委书记', '人大主席', '镇长', '副书记']);
  // 人大主席 now before 镇长; 副镇长 matches no keyword (副 before 镇长), so it comes last in its unit.
  expect((await names(h)).slice(0, 5)).toEqual(['额尔敦', '巴图', '达来', '朝鲁', '阿木尔']);
  expect(await lastAudit(h)).toMatchObject({ action: 'settings.update', target: '职务排序' });
  expect(JSON.stringify((await lastAudit(h)).detail)).toContain('人大主席');
  expect((await h.ok('settings.get', {})).postOrder).toEqual(['党委书记', '人大主席', '镇长', '副书记']);
  // Back to the default (恢复默认 sends the default list).
  await h.ok('settings.update', { postOrder: [...DEFAULT_POST_ORDER] });
  expect((await names(h)).slice(0, 5)).toEqual(['额尔敦', '达来', '巴图', '朝鲁', '阿木尔']);
});

test('bad lists are refused with a message naming 职务排序, nothing written; a clerk may read but not change it', async () => {
  const h = await seed();
  const before = await h.ok('settings.get', {});
  const auditBefore = await lastAudit(h);
  for (const [bad, message] of [
    [[], '职务排序至少需要 1 个关键词'],
    [['镇长', '镇长'], '职务排序的关键词不能重复'],
    [['镇 长'], '职务排序的关键词只能包含汉字、字母和数字，不能有空格或符号'],
    [['党委书记', ''], '职务排序的关键词不能为空'],
    [['党'.repeat(13)], '职务排序的每个关键词不能超过 12 个字'],
    [Array.from({ length: 61 }, (_, i) => `职务${i}`), '职务排序最多 60 个关键词'],
    ['党委书记,镇长', '职务排序必须是关键词列表'],
  ] as const) {
    const e = await h.err('settings.update', { postOrder: bad });
    expect(e.message, JSON.stringify(bad)).toContain(message);
  }
  expect(await h.ok('settings.get', {})).toEqual(before);
  expect((await lastAudit(h)).id).toBe(auditBefore.id);

  await loginAs(h, 'dossierClerk');
  expect((await h.ok('settings.get', {})).postOrder).toEqual(DEFAULT_POST_ORDER);
  expect((await h.err('settings.update', { postOrder: ['镇长'] })).code).toBe('FORBIDDEN');
  expect((await names(h)).slice(0, 3)).toEqual(['额尔敦', '达来', '巴图']);
});
