// The quarterly collection (常态化收集、季度采集): which cadres lack an entry in which section, and each unit's percentage.
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre } from '../../helpers/dossier';

test('a quarter’s completeness by unit and the gaps per cadre; cadres not in service and other quarters do not count', async () => {
  const h = await newHostWithStore();
  const a = await dossierCadre(h, '巴特尔', '阿尔巴斯苏木');
  const b = await dossierCadre(h, '李秀梅', '阿尔巴斯苏木');
  const c = await dossierCadre(h, '王建国', '旗委组织部');
  const retired = await dossierCadre(h, '老干部', '旗委组织部');
  await h.host.session().db.updateTable('cadres').set({ status: '退休' }).where('id', '=', retired).execute();
  const neutral = { polarity: 'neutral' as const, listItemCode: null, standardCodes: [] };
  // 巴特尔: every section in 2025Q3 (two entries in S2 count once).
  for (const [i, sub] of ['S1.1', 'S2.1', 'S2.2', 'S3.1', 'S4.1', 'S5.1', 'S6.1'].entries()) {
    await addEntry(h, a, { ...neutral, subItemCode: sub, date: `2025-0${7 + (i % 3)}-10`, title: `材料${i}` });
  }
  // 李秀梅: S1 and S2 in the quarter, S3 in the quarter before.
  await addEntry(h, b, { ...neutral, subItemCode: 'S1.2', date: '2025-09-30' });
  await addEntry(h, b, { ...neutral, subItemCode: 'S2.5', date: '2025-07-01' });
  await addEntry(h, b, { ...neutral, subItemCode: 'S3.1', date: '2025-06-30' });
  await addEntry(h, retired, { ...neutral, subItemCode: 'S1.1', date: '2025-08-01' });

  await loginAs(h, 'reviewer');
  const r = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(r.sections.map((s) => s.code)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
  expect(r.cadres).toBe(3);
  expect(r.percent).toBe(Math.round((8 / 18) * 1000) / 10);
  expect(r.units.map((u) => [u.unitName, u.cadres, u.filled, u.slots, u.percent])).toEqual([
    ['旗委组织部', 1, 0, 6, 0],
    ['阿尔巴斯苏木', 2, 8, 12, 66.7],
  ]);
  expect(r.gaps.map((g) => [g.name, g.missing])).toEqual([
    ['李秀梅', ['S3', 'S4', 'S5', 'S6']],
    ['王建国', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']],
  ]);
  expect(r.gaps.some((g) => g.cadreId === a || g.cadreId === retired)).toBe(false);
  expect(c).toBeGreaterThan(0);
  // A bad quarter is refused in Chinese.
  expect(await h.err('dossier.completeness', { quarter: '2025Q5' })).toMatchObject({
    code: 'VALIDATION',
    field: 'quarter',
    message: '季度格式应为 2025Q3',
  });
  await loginAs(h, 'assessmentClerk');
  expect(await h.err('dossier.completeness', { quarter: '2025Q3' })).toMatchObject({ code: 'FORBIDDEN' });
});
