// 审议材料 selections on a real encrypted store: each user's last one comes back on the next visit, named ones are
// shared and replaced by name, changes are audited, and a reviewer cannot save them.
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { addUnit, loginAs, minimalCadre } from '../../helpers/roster';

test('last and named selections: kept, replaced by name, cadres in order, audited', async () => {
  const h = await newHostWithStore();
  const unit = (await addUnit(h, '乌兰镇', 'C1', 1)).id;
  const add = async (name: string) =>
    (await h.ok('cadres.create', { input: minimalCadre(unit, { name, currentPost: '乌兰镇副镇长' }) })).id;
  const [a, b, c] = [await add('阿古拉'), await add('巴特尔'), await add('朝鲁')] as const;
  expect(await h.ok('packets.selections', {})).toEqual({ last: null, named: [] });

  await h.ok('packets.saveSelection', { title: '2025年干部选拔任用审议材料', cadreIds: [c, a], assessmentIds: [] });
  const saved = await h.ok('packets.saveSelection', {
    name: ' 12月部务会 ',
    title: '12月部务会审议材料',
    cadreIds: [b, c],
    assessmentIds: [],
  });
  expect(saved.last).toMatchObject({
    name: null,
    title: '2025年干部选拔任用审议材料',
    cadres: [{ id: c, name: '朝鲁', unitName: '乌兰镇', currentPost: '乌兰镇副镇长' }, { id: a }],
  });
  expect(saved.named).toMatchObject([
    { name: '12月部务会', title: '12月部务会审议材料', cadres: [{ id: b }, { id: c }], savedBy: expect.any(String) },
  ]);

  // The same name replaces; settings.get is unaffected by these rows.
  await h.ok('packets.saveSelection', {
    name: '12月部务会',
    title: '12月部务会审议材料',
    cadreIds: [a],
    assessmentIds: [],
  });
  expect((await h.ok('packets.selections', {})).named.map((s) => s.cadres.map((x) => x.id))).toEqual([[a]]);
  expect(await h.ok('settings.get', {})).toMatchObject({ idleLockMinutes: expect.any(Number), issuingOrgan: '' });

  expect(
    (await h.err('packets.saveSelection', { name: '空', title: 'x', cadreIds: [], assessmentIds: [] })).message,
  ).toContain('至少选择 1 名干部');
  expect((await h.err('packets.saveSelection', { title: 'x', cadreIds: [a, a], assessmentIds: [] })).message).toContain(
    '不能重复',
  );
  const audit = await h.ok('audit.list', { page: 1, pageSize: 20, action: 'packets.saveSelection' });
  expect(audit.rows.map((r) => r.target)).toContain('审议材料“12月部务会”');

  await h.ok('packets.deleteSelection', { name: '12月部务会' });
  expect((await h.ok('packets.selections', {})).named).toEqual([]);
  expect((await h.err('packets.deleteSelection', { name: '12月部务会' })).code).toBe('NOT_FOUND');

  // Each user has a last selection of their own; a reviewer may not save.
  await loginAs(h, 'dossierClerk');
  expect((await h.ok('packets.selections', {})).last).toBeNull();
  await loginAs(h, 'reviewer');
  expect((await h.err('packets.saveSelection', { title: 'x', cadreIds: [a], assessmentIds: [] })).code).toBe(
    'FORBIDDEN',
  );
});
