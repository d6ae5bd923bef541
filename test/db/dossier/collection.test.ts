// 季度采集 that means something: “本季度无此类材料（经核查）” counts as complete (per cadre, or every gap of a unit),
// can be taken back, is audited; the administrator chooses the sections a quarter requires.
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { lastAudit, loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre } from '../../helpers/dossier';

const neutral = { polarity: 'neutral' as const, listItemCode: null, standardCodes: [] };

async function twoCadres() {
  const h = await newHostWithStore({ autoBackup: false });
  const a = await dossierCadre(h, '巴特尔', '阿尔巴斯苏木');
  const b = await dossierCadre(h, '李秀梅', '阿尔巴斯苏木');
  for (const [i, sub] of ['S1.1', 'S2.1', 'S3.1', 'S4.1'].entries())
    await addEntry(h, a, { ...neutral, subItemCode: sub, date: '2025-08-10', title: `材料${i}` });
  return { h, a, b };
}

test('a section checked to have no material counts as complete; the gap list becomes the real 催报 list', async () => {
  const { h, a, b } = await twoCadres();
  let r = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(r.gaps.map((g) => [g.name, g.missing])).toEqual([
    ['巴特尔', ['S5', 'S6']],
    ['李秀梅', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']],
  ]);

  // Every gap of the unit in S5 and S6 checked at once; 巴特尔's S1 has material, so asking for it is a no-op.
  expect(
    await h.ok('collection.attestNone', {
      quarter: '2025Q3',
      sectionCode: 'S5',
      cadreIds: [a, b],
      note: '经单位核查，本季度无表彰',
    }),
  ).toEqual({ added: 2, skipped: 0 });
  expect(
    await h.ok('collection.attestNone', {
      quarter: '2025Q3',
      sectionCode: 'S6',
      cadreIds: [a, b],
      note: '经纪检核查，无负面信息',
    }),
  ).toEqual({ added: 2, skipped: 0 });
  expect(
    await h.ok('collection.attestNone', { quarter: '2025Q3', sectionCode: 'S1', cadreIds: [a], note: '核查' }),
  ).toEqual({ added: 0, skipped: 1 });
  expect((await lastAudit(h)).detail).toMatchObject({ quarter: '2025Q3', section: 'S1', added: 0, skipped: 1 });

  r = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(r.gaps.map((g) => [g.name, g.missing])).toEqual([['李秀梅', ['S1', 'S2', 'S3', 'S4']]]);
  expect(r.units).toEqual([
    {
      unitId: expect.any(Number),
      unitName: '阿尔巴斯苏木',
      cadres: 2,
      filled: 8,
      attested: 4,
      slots: 12,
      percent: 66.7,
    },
  ]);
  expect(r.attestations.map((x) => [x.name, x.sectionCode, x.note])).toEqual([
    ['巴特尔', 'S5', '经单位核查，本季度无表彰'],
    ['巴特尔', 'S6', '经纪检核查，无负面信息'],
    ['李秀梅', 'S5', '经单位核查，本季度无表彰'],
    ['李秀梅', 'S6', '经纪检核查，无负面信息'],
  ]);
  // Another quarter is not affected.
  expect((await h.ok('dossier.completeness', { quarter: '2025Q4' })).gaps).toHaveLength(2);

  // Taken back: the gap is back, and the audit says whose and which.
  await h.ok('collection.withdrawAttestation', { quarter: '2025Q3', sectionCode: 'S6', cadreId: a });
  expect((await lastAudit(h)).target).toBe('巴特尔 2025Q3 S6：撤销“本季度无此类材料”');
  r = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(r.gaps.map((g) => [g.name, g.missing])).toEqual([
    ['巴特尔', ['S6']],
    ['李秀梅', ['S1', 'S2', 'S3', 'S4']],
  ]);
  expect(
    await h.err('collection.withdrawAttestation', { quarter: '2025Q3', sectionCode: 'S6', cadreId: a }),
  ).toMatchObject({ code: 'NOT_FOUND' });
});

test('the administrator chooses the sections a quarter requires; others may not; bad input is refused by name', async () => {
  const { h, a } = await twoCadres();
  await h.ok('collection.setRequiredSections', { quarter: '2025Q3', sectionCodes: ['S1', 'S2', 'S3', 'S4'] });
  const r = await h.ok('dossier.completeness', { quarter: '2025Q3' });
  expect(r.sections.map((s) => s.code)).toEqual(['S1', 'S2', 'S3', 'S4']);
  expect(r.chosenSections).toBe(true);
  expect(r.allSections.filter((s) => !s.required).map((s) => s.code)).toEqual(['S5', 'S6']);
  expect(r.gaps.map((g) => g.name)).toEqual(['李秀梅']);
  expect(r.gaps.some((g) => g.cadreId === a)).toBe(false);
  expect((await lastAudit(h)).detail).toMatchObject({ from: '全部板块', to: 'S1、S2、S3、S4' });
  expect((await h.ok('dossier.completeness', { quarter: '2025Q4' })).sections).toHaveLength(6);

  expect(await h.err('collection.setRequiredSections', { quarter: '2025Q3', sectionCodes: [] })).toMatchObject({
    code: 'VALIDATION',
    message: '每季度至少要求一个板块',
  });
  expect(await h.err('collection.setRequiredSections', { quarter: '2025Q3', sectionCodes: ['S9'] })).toMatchObject({
    code: 'VALIDATION',
    message: '板块“S9”不存在或已停用',
  });
  expect(
    await h.err('collection.attestNone', { quarter: '2025Q3', sectionCode: 'S5', cadreIds: [a], note: '' }),
  ).toMatchObject({ code: 'VALIDATION', field: 'note' });
  await loginAs(h, 'dossierClerk');
  expect(await h.err('collection.setRequiredSections', { quarter: '2025Q3', sectionCodes: ['S1'] })).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(
    await h.ok('collection.attestNone', { quarter: '2025Q3', sectionCode: 'S5', cadreIds: [a], note: '核查无' }),
  ).toEqual({ added: 1, skipped: 0 });
  await loginAs(h, 'reviewer');
  expect(
    await h.err('collection.attestNone', { quarter: '2025Q3', sectionCode: 'S5', cadreIds: [a], note: '核查无' }),
  ).toMatchObject({ code: 'FORBIDDEN' });
});
