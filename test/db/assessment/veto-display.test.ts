// A vetoed cadre (一票否决) takes no part in the ranking as people read it: on a real store, the rankings keep
// computeRankings' result, while the results archived into the dossiers (S3.2) say “一票否决，不参加排名” for the
// vetoed cadre and count the others' places without it.
import { expect, test } from 'vitest';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { newHostWithStore } from '../../helpers/host';

test('archived results in the dossier: the vetoed top scorer has no place, the next one is 第 1 名', async () => {
  const h = await newHostWithStore();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await enterWorkedExample(h, a.id, r);
  await h.ok('vetoes.add', { assessmentId: a.id, targetId: r.b, reason: '发生重大安全生产责任事故' });
  const view = await h.ok('rankings.get', { assessmentId: a.id });
  const chiefs = view.result.groups.find((g) => g.position === 'chief')!;
  // The computed result is untouched: 巴特尔 (b) still has rank 1 and the veto flag.
  expect(chiefs.rows[0]).toMatchObject({ cadreId: String(r.b), rank: 1, flags: expect.arrayContaining(['veto']) });
  expect(view.groupOrder).toEqual(['chief:C1', `deputy:${r.units.wulan}`]);

  const d = await h.ok('assessments.get', { id: a.id });
  await h.ok('assessments.setState', { id: a.id, version: d.version, state: 'summarized' });
  await h.ok('assessments.archive', { id: a.id, version: (await h.ok('assessments.get', { id: a.id })).version });
  const result = async (cadreId: number) =>
    (await h.ok('dossier.get', { cadreId })).entries.find((e) => e.origin === 'assessment')!;
  const b = await result(r.b);
  expect(b.title).toContain('一票否决，不参加排名');
  expect(b.content).toContain('一票否决，不参加排名，最终得分');
  expect(b.content).not.toContain('排第');
  expect((await result(r.a)).title).toMatch(/（第 1 名）$/);
});
