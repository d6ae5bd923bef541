// 不得评优 proposed from the dossier, on a real store (issue 21 §1): 诫勉, 函询属实, 处分 within its 影响期 and
// 学时不达标 of the year are proposed with a reason; 采纳 lists the cadre with it (never twice), 忽略 stays until 恢复;
// the 评优资格 of each cadre then reads in the rankings export.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultAssessmentConfig } from '../../../shared/assessment';
import { assessmentTables, createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { loadWorkbook } from '../../helpers/ballot-excel';
import { addEntry, type EntryForm } from '../../helpers/dossier';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

/** The worked example's assessment with 优秀比例 0.34 (one 优秀 place in C1, 巴特尔's), in 测评中. */
async function collecting() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const created = await createC1(h);
  const config = defaultAssessmentConfig();
  config.excellentRatio = 0.34;
  const saved = await h.ok('assessments.updateConfig', { id: created.id, version: created.version, config });
  const a = await startCollecting(h, saved);
  return { h, r, id: a.id, name: a.name };
}

const negative = (subItemCode: string, over: Partial<EntryForm>): Partial<EntryForm> => ({
  subItemCode,
  channelCode: 'CH10',
  polarity: 'negative',
  standardCodes: ['D5.2'],
  listItemCode: null,
  content: '',
  ...over,
});

describe('不得评优 proposals from the dossier', () => {
  test(
    'one of each kind is proposed with its material and reason; other years, 不属实, a 处分 past its 影响期 and ' +
      'non-members are not',
    async () => {
      const { h, r, id, name } = await collecting();
      const inquiry = await addEntry(
        h,
        r.a,
        negative('S6.2', { date: '2025-05-01', title: '函询', content: '经核实，反映问题属实。', listItemCode: 'N4' }),
      );
      await addEntry(
        h,
        r.a,
        negative('S6.2', { date: '2025-06-01', title: '函询', content: '经核实，反映问题不属实。' }),
      );
      const admonition = await addEntry(
        h,
        r.b,
        negative('S6.3', { date: '2025-03-14', title: '诫勉谈话', listItemCode: 'N4' }),
      );
      await addEntry(h, r.b, negative('S6.3', { date: '2024-11-01', title: '上一年度的诫勉' }));
      const sanction = await addEntry(h, r.c, negative('S6.5', { date: '2024-06-01', title: '给予记过处分' }));
      await addEntry(h, r.c, negative('S6.5', { date: '2023-03-01', title: '给予警告处分' })); // 影响期 ended 2024-03-01
      const hours = await addEntry(
        h,
        r.d,
        negative('S2.4', { date: '2025-12-31', title: '2025年度学时不达标', channelCode: 'CH09', listItemCode: 'N3' }),
      );
      await addEntry(h, r.f, negative('S6.3', { date: '2025-04-01', title: '诫勉谈话' })); // not a member (C2)

      const proposals = await h.ok('ineligible.proposals', { assessmentId: id });
      expect(proposals).toEqual([
        {
          targetId: r.a,
          dossierEntryId: inquiry.id,
          kind: 'inquiry',
          date: '2025-05-01',
          title: '函询',
          reason: '本年度函询反映问题属实',
          state: 'open',
          listed: false,
        },
        {
          targetId: r.b,
          dossierEntryId: admonition.id,
          kind: 'admonition',
          date: '2025-03-14',
          title: '诫勉谈话',
          reason: '本年度受诫勉',
          state: 'open',
          listed: false,
        },
        {
          targetId: r.c,
          dossierEntryId: sanction.id,
          kind: 'sanction',
          date: '2024-06-01',
          title: '给予记过处分',
          reason: '处分影响期内（2024-06-01 受记过处分，影响期至 2025-06-01）',
          state: 'open',
          listed: false,
        },
        {
          targetId: r.d,
          dossierEntryId: hours.id,
          kind: 'hours',
          date: '2025-12-31',
          title: '2025年度学时不达标',
          reason: '本年度学时不达标',
          state: 'open',
          listed: false,
        },
      ]);

      // 采纳: the item carries the proposal's reason and the entry; audited with it.
      await h.ok('ineligible.add', {
        assessmentId: id,
        targetId: r.b,
        reason: '本年度受诫勉',
        dossierEntryId: admonition.id,
      });
      expect(await lastAudit(h)).toMatchObject({
        action: 'ineligible.add',
        target: name,
        detail: { target: '巴特尔', reason: '本年度受诫勉', dossierEntryId: admonition.id },
      });
      expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).ineligible).toEqual([
        expect.objectContaining({ targetId: r.b, reason: '本年度受诫勉', dossierEntryId: admonition.id }),
      ]);
      expect((await h.ok('ineligible.proposals', { assessmentId: id }))[1]).toMatchObject({
        state: 'adopted',
        listed: true,
      });

      // Refusals leave the store exactly as it was.
      const before = await assessmentTables(h);
      const adopt = (targetId: number, dossierEntryId: number) =>
        h.err('ineligible.add', { assessmentId: id, targetId, reason: '采纳', dossierEntryId });
      expect(await adopt(r.b, admonition.id)).toMatchObject({
        code: 'VALIDATION',
        field: 'dossierEntryId',
        message: '档案材料“诫勉谈话”已列入本次考核的不得评优名单，不能重复列入',
      });
      expect(await adopt(r.c, inquiry.id)).toMatchObject({
        field: 'dossierEntryId',
        message: '所依据的档案材料不是朝鲁的材料',
      });
      expect(await adopt(r.a, hours.id + 100)).toMatchObject({
        field: 'dossierEntryId',
        message: '所依据的档案材料不存在，可能已被删除',
      });
      const past = (await h.ok('dossier.get', { cadreId: r.c })).entries.find((e) => e.title === '给予警告处分')!;
      expect(await adopt(r.c, past.id)).toMatchObject({
        field: 'dossierEntryId',
        message: expect.stringContaining('档案材料“给予警告处分”不是本次考核的不得评优提示'),
      });
      expect(
        await h.err('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: admonition.id, dismissed: true }),
      ).toMatchObject({ message: '档案材料“诫勉谈话”已列入不得评优名单，请先撤销该不得评优项' });
      expect(
        await h.err('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: past.id, dismissed: true }),
      ).toMatchObject({ field: 'dossierEntryId', message: '该档案材料不是本次考核的不得评优提示' });
      expect(await assessmentTables(h)).toEqual(before);

      // 忽略 the 函询 (audited); it stays dismissed while the list changes; 恢复 and 忽略 again.
      await h.ok('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: inquiry.id, dismissed: true });
      expect(await lastAudit(h)).toMatchObject({
        action: 'ineligible.dismissProposal',
        target: name,
        detail: { target: '阿古拉', dossierEntryId: inquiry.id, title: '函询', dismissed: true },
      });
      await h.ok('ineligible.add', {
        assessmentId: id,
        targetId: r.c,
        reason: proposals[2]!.reason,
        dossierEntryId: sanction.id,
      });
      const states = async () => (await h.ok('ineligible.proposals', { assessmentId: id })).map((p) => p.state);
      expect(await states()).toEqual(['dismissed', 'adopted', 'adopted', 'open']);
      await h.ok('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: inquiry.id, dismissed: false });
      expect(await states()).toEqual(['open', 'adopted', 'adopted', 'open']);
      await h.ok('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: inquiry.id, dismissed: true });

      // A dismissed proposal may still be adopted later: it leaves the dismissed list. Withdraw it again for what follows.
      await h.ok('ineligible.add', {
        assessmentId: id,
        targetId: r.d,
        reason: '本年度学时不达标',
        dossierEntryId: hours.id,
      });
      expect(await states()).toEqual(['dismissed', 'adopted', 'adopted', 'adopted']);
      // The list's 撤销 frees the proposal again.
      const item = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).ineligible.find(
        (i) => i.targetId === r.d,
      )!;
      await h.ok('ineligible.delete', { assessmentId: id, id: item.id });
      expect(await lastAudit(h)).toMatchObject({ detail: { targetId: r.d, dossierEntryId: hours.id } });
      expect(await states()).toEqual(['dismissed', 'adopted', 'adopted', 'open']);

      // The 评优资格 of each ranked cadre in the rankings export: 巴特尔's place goes to 阿古拉 (函询 dismissed).
      await enterWorkedExample(h, id, r);
      const path = join(tempDir(), '排名.xlsx');
      await h.ok('rankings.exportExcel', { assessmentId: id, token: await h.pickSave('rankingsExcel', path) });
      const ws = (await loadWorkbook(path)).worksheets[0]!;
      const header = ws.getRow(2).values as unknown[];
      const lines = [3, 4, 5].map((n) => [
        ws.getRow(n).getCell(header.indexOf('姓名')).value,
        ws.getRow(n).getCell(header.indexOf('评优资格')).value,
      ]);
      expect(lines).toEqual([
        ['巴特尔', '本年度受诫勉，不得评为优秀'],
        ['阿古拉', '符合评优条件'],
        ['朝鲁', '处分影响期内（2024-06-01 受记过处分，影响期至 2025-06-01），不得评为优秀；得分低于优秀分数线 85'],
      ]);
    },
  );

  test('the year-end 学时 check’s entries propose 学时不达标 for every member it found short', async () => {
    const { h, r, id } = await collecting();
    const preview = await h.ok('training.previewYear', { year: 2025 });
    await h.ok('training.commitYear', { year: 2025, token: preview.token });
    const proposals = await h.ok('ineligible.proposals', { assessmentId: id });
    expect(proposals.map((p) => [p.targetId, p.kind, p.title, p.reason])).toEqual(
      [r.a, r.b, r.c, r.d, r.e].map((c) => [c, 'hours', '2025年度学时不达标', '本年度学时不达标']),
    );
  });

  test('archived: the adopted item and its reason stay with the result, and the dossier’s S3.2 entry carries the 评优资格 line', async () => {
    const { h, r, id } = await collecting();
    const admonition = await addEntry(
      h,
      r.b,
      negative('S6.3', { date: '2025-03-14', title: '诫勉谈话', listItemCode: 'N4' }),
    );
    await h.ok('ineligible.add', {
      assessmentId: id,
      targetId: r.b,
      reason: '本年度受诫勉',
      dossierEntryId: admonition.id,
    });
    await enterWorkedExample(h, id, r);
    const a = await h.ok('assessments.get', { id });
    const s = await h.ok('assessments.setState', { id, version: a.version, state: 'summarized' });
    await h.ok('assessments.archive', { id, version: s.version });

    const view = await h.ok('rankings.get', { assessmentId: id });
    expect(view.state).toBe('archived');
    expect(view.ineligibleReasons).toEqual({ [String(r.b)]: '本年度受诫勉' });
    expect(view.result.groups[0]!.rows.find((x) => x.cadreId === String(r.b))!.flags).toContain('ineligible');
    const results = async (cadreId: number) =>
      (await h.ok('dossier.get', { cadreId })).entries.find((e) => e.subItem.code === 'S3.2')!.content;
    expect(await results(r.b)).toContain('评优资格：本年度受诫勉，不得评为优秀。');
    expect(await results(r.a)).toContain('评优资格：符合评优条件。');
    // Frozen: neither the item nor the proposal's state can change any more.
    expect(
      await h.err('ineligible.dismissProposal', { assessmentId: id, dossierEntryId: admonition.id, dismissed: true }),
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('已归档') });
    expect((await h.ok('ineligible.proposals', { assessmentId: id }))[0]).toMatchObject({ state: 'adopted' });
  });
});
