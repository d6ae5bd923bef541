// The assessment's links to the dossier: veto proposals from entries of the year, and results written at archive (S3.2).
import { describe, expect, test } from 'vitest';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { addEntry, type EntryForm } from '../../helpers/dossier';
import { newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

async function collecting() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id };
}

const veto: Partial<EntryForm> = {
  subItemCode: 'S6.5',
  channelCode: 'CH10',
  polarity: 'negative',
  standardCodes: ['D5.1'],
  listItemCode: 'N1',
};

describe('veto proposals from the dossier', () => {
  test('entries of the assessment year matching a veto list item are proposed; adopting one marks it vetoed', async () => {
    const { h, r, id } = await collecting();
    const hit = await addEntry(h, r.a, { ...veto, date: '2025-05-10', title: '违反政治纪律受到处分' });
    await addEntry(h, r.b, { ...veto, date: '2024-11-02', title: '上一年度的违纪材料' }); // another year
    await addEntry(h, r.c, {
      subItemCode: 'S6.1',
      channelCode: 'CH10',
      polarity: 'negative',
      standardCodes: ['D5.2'],
      listItemCode: 'N4',
      date: '2025-03-01',
      title: '提醒谈话',
    }); // no veto item

    const proposals = await h.ok('vetoes.proposals', { assessmentId: id });
    expect(proposals).toEqual([
      {
        targetId: r.a,
        dossierEntryId: hit.id,
        date: '2025-05-10',
        title: '违反政治纪律受到处分',
        listItemCode: 'N1',
        listItemName: '违反政治纪律和政治规矩',
        vetoed: false,
      },
    ]);
    await h.ok('vetoes.add', {
      assessmentId: id,
      targetId: r.a,
      reason: '档案材料“违反政治纪律受到处分”',
      dossierEntryId: hit.id,
    });
    expect((await h.ok('vetoes.proposals', { assessmentId: id }))[0]).toMatchObject({ vetoed: true });
    // The veto names the entry it came from; a hand-made one stays 手工录入.
    await h.ok('vetoes.add', { assessmentId: id, targetId: r.b, reason: '其他问题' });
    const vetoes = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).vetoes;
    expect(vetoes.map((v) => [v.targetId, v.source, v.dossierEntry])).toEqual([
      [r.a, 'dossier', { id: hit.id, title: '违反政治纪律受到处分', date: '2025-05-10' }],
      [r.b, 'manual', null],
    ]);
    // The entry deleted later: the veto stays and says so.
    await h.ok('entries.delete', { id: hit.id, version: hit.version });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).vetoes[0]!.dossierEntry).toEqual({
      id: hit.id,
      deleted: true,
    });
  });

  test('a veto naming another cadre’s entry, or a missing one, is refused in Chinese; nothing is stored', async () => {
    const { h, r, id } = await collecting();
    const other = await addEntry(h, r.b, { ...veto, date: '2025-05-10', title: '他人的材料' });
    const count = async () => wholeBallots(await h.ok('ballots.list', { assessmentId: id })).vetoes.length;
    expect(
      await h.err('vetoes.add', { assessmentId: id, targetId: r.a, reason: '采纳', dossierEntryId: other.id }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'dossierEntryId',
      message: expect.stringMatching(/^所依据的档案材料不是.+的材料$/),
    });
    expect(
      await h.err('vetoes.add', { assessmentId: id, targetId: r.a, reason: '采纳', dossierEntryId: other.id + 100 }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '所依据的档案材料不存在，可能已被删除',
    });
    expect(await count()).toBe(0);
  });
});

describe('results written into the dossier at archive', () => {
  test(
    'each ranked member gets one S3.2 entry with place, score and grade; unranked members are noted; the entries ' +
      'cannot be edited',
    async () => {
      const { h, r, id } = await collecting();
      await enterWorkedExample(h, id, r);
      const a = await h.ok('assessments.get', { id });
      const s = await h.ok('assessments.setState', { id, version: a.version, state: 'summarized' });
      await h.ok('grades.confirm', {
        assessmentId: id,
        cadreId: r.c,
        grade: 'basicallyCompetent',
        reason: '服务对象评价缺失，综合研判',
      });
      await h.ok('assessments.archive', { id, version: s.version });

      const resultsOf = async (cadreId: number) =>
        (await h.ok('dossier.get', { cadreId })).entries.filter((e) => e.subItem.code === 'S3.2');
      const b = await resultsOf(r.b);
      expect(b).toHaveLength(1);
      expect(b[0]).toMatchObject({
        origin: 'assessment',
        polarity: 'neutral',
        title: '2025年度科级干部“双比双评”考核：称职（第 1 名）',
      });
      expect(b[0]!.content).toContain('在苏木镇（街道）正职（3人）中排第 1 名，最终得分 91.10');
      const c = await resultsOf(r.c);
      expect(c[0]!.content).toContain('确定等次：基本称职（建议等次称职，调整理由：服务对象评价缺失，综合研判）');
      // Why not 优秀, as the 排名表 says it (issue 21 §2).
      expect(c[0]!.content).toContain('评优资格：得分低于优秀分数线 85。');
      expect(b[0]!.content).toContain('评优资格：本组无优秀名额。');
      expect((await resultsOf(r.d))[0]).toMatchObject({ title: '2025年度科级干部“双比双评”考核：未排名' });

      const entry = b[0]!;
      expect(await h.err('entries.delete', { id: entry.id, version: entry.version })).toMatchObject({
        message: '这是“双比双评”考核归档时写入的结果，不能删除',
      });
    },
  );
});
