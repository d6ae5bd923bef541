// 加减分 proposed from the dossier, on a real store: entries of the year with a P/N list item that carries points are
// proposed with those points; adopting links the adjustment to the entry (never twice); 忽略 stays until 恢复.
import { describe, expect, test } from 'vitest';
import { assessmentTables, createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { addEntry, type EntryForm } from '../../helpers/dossier';
import { lastAudit, newRosterHost } from '../../helpers/roster';

async function collecting() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id, name: a.name };
}

const negative: Partial<EntryForm> = {
  subItemCode: 'S6.1',
  channelCode: 'CH10',
  polarity: 'negative',
  standardCodes: ['D5.2'],
};

describe('adjustment proposals from the dossier', () => {
  test(
    'P/N items with points of the year are proposed; adopted and dismissed ones say so; veto items and other years ' +
      'are not',
    async () => {
      const { h, r, id, name } = await collecting();
      const good = await addEntry(h, r.a, { date: '2025-08-14', title: '中青班优秀学员' }); // P3, +3
      const bad = await addEntry(h, r.b, { ...negative, listItemCode: 'N4', date: '2025-03-01', title: '提醒谈话' }); // N4, −6
      await addEntry(h, r.c, {
        ...negative,
        standardCodes: ['D5.1'],
        subItemCode: 'S6.5',
        listItemCode: 'N1',
        date: '2025-05-10',
        title: '违纪',
      }); // veto: 一票否决's
      await addEntry(h, r.a, { date: '2024-12-31', title: '上一年度的表彰' }); // another year
      await addEntry(h, r.f, { date: '2025-05-01', title: '不在本次考核中' }); // not a member (C2)

      const proposals = await h.ok('adjustments.proposals', { assessmentId: id });
      expect(proposals).toEqual([
        {
          targetId: r.a,
          dossierEntryId: good.id,
          date: '2025-08-14',
          title: '中青班优秀学员',
          listItemCode: 'P3',
          listItemName: '理论学习、教育培训成绩优秀（优秀学员等）',
          points: 3,
          state: 'open',
        },
        {
          targetId: r.b,
          dossierEntryId: bad.id,
          date: '2025-03-01',
          title: '提醒谈话',
          listItemCode: 'N4',
          listItemName: '受到提醒、函询、诫勉',
          points: -6,
          state: 'open',
        },
      ]);

      // 采纳: an adjustment linked to the entry; the proposal is adopted, and cannot be counted again.
      await h.ok('adjustments.add', {
        assessmentId: id,
        targetId: r.a,
        points: 3,
        date: '2025-08-14',
        reason: '档案材料“中青班优秀学员”（P3）',
        dossierEntryId: good.id,
      });
      expect((await h.ok('ballots.list', { assessmentId: id })).adjustments).toEqual([
        expect.objectContaining({ targetId: r.a, points: 3, dossierEntryId: good.id }),
      ]);
      let before = await assessmentTables(h);
      expect(
        await h.err('adjustments.add', {
          assessmentId: id,
          targetId: r.a,
          points: 3,
          date: '2025-08-14',
          reason: '再次采纳',
          dossierEntryId: good.id,
        }),
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'dossierEntryId',
        message: '档案材料“中青班优秀学员”已计入本次考核的加减分，不能重复计入',
      });
      expect(
        await h.err('adjustments.dismissProposal', { assessmentId: id, dossierEntryId: good.id, dismissed: true }),
      ).toMatchObject({
        message: '档案材料“中青班优秀学员”已计入加减分，请先删除该加减分项',
      });
      expect(
        await h.err('adjustments.add', {
          assessmentId: id,
          targetId: r.c,
          points: -6,
          date: '2025-03-01',
          reason: '他人的材料',
          dossierEntryId: bad.id,
        }),
      ).toMatchObject({
        field: 'dossierEntryId',
        message: '所依据的档案材料不是朝鲁的材料',
      });
      expect(await assessmentTables(h)).toEqual(before);

      // 忽略, audited, then 恢复.
      await h.ok('adjustments.dismissProposal', { assessmentId: id, dossierEntryId: bad.id, dismissed: true });
      expect(await lastAudit(h)).toMatchObject({
        action: 'adjustments.dismissProposal',
        target: name,
        detail: { target: '巴特尔', entry: '提醒谈话', item: 'N4', dismissed: true },
      });
      expect((await h.ok('adjustments.proposals', { assessmentId: id })).map((p) => p.state)).toEqual([
        'adopted',
        'dismissed',
      ]);
      await h.ok('adjustments.dismissProposal', { assessmentId: id, dossierEntryId: bad.id, dismissed: false });
      expect((await h.ok('adjustments.proposals', { assessmentId: id })).map((p) => p.state)).toEqual([
        'adopted',
        'open',
      ]);

      // Not a proposal of this assessment, or the assessment no longer 测评中: refused, nothing moves.
      before = await assessmentTables(h);
      const veto = (await h.ok('vetoes.proposals', { assessmentId: id }))[0]!;
      expect(
        await h.err('adjustments.dismissProposal', {
          assessmentId: id,
          dossierEntryId: veto.dossierEntryId,
          dismissed: true,
        }),
      ).toMatchObject({
        code: 'VALIDATION',
        message: '该档案材料不是本次考核的加减分提示',
      });
      expect(await assessmentTables(h)).toEqual(before);
      const a = await h.ok('assessments.get', { id });
      await h.ok('assessments.setState', { id, version: a.version, state: 'summarized' });
      before = await assessmentTables(h);
      expect(
        await h.err('adjustments.dismissProposal', { assessmentId: id, dossierEntryId: bad.id, dismissed: true }),
      ).toMatchObject({
        message: `考核“${name}”当前为“已汇总”状态，只有“测评中”状态才能忽略加减分提示`,
      });
      expect(await assessmentTables(h)).toEqual(before);
    },
  );
});
