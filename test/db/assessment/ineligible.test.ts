// The 不得评优 list on a real store: entered with a reason by administrators in 准备/测评中, passed to scoring as
// `ineligible` (the place goes to the next cadre), shown with its reason; bad input leaves the store as it was.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { currentDigest } from '../../../db/assessment/archive';
import { loadRankingInput } from '../../../db/assessment/rankings';
import { defaultAssessmentConfig } from '../../../shared/assessment';
import {
  assessmentTables,
  createC1,
  enterWorkedExample,
  seedRoster,
  startCollecting,
  type SmallRoster,
} from '../../helpers/assessment';
import { loadWorkbook } from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

/** The worked example with 优秀比例 0.34: C1 has one 优秀 place, 巴特尔's. */
async function example(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const created = await createC1(h);
  const config = defaultAssessmentConfig();
  config.excellentRatio = 0.34;
  const saved = await h.ok('assessments.updateConfig', { id: created.id, version: created.version, config });
  const a = await startCollecting(h, saved);
  await enterWorkedExample(h, a.id, r);
  return { h, r, id: a.id };
}

const gradeOf = async (h: TestHost, id: number, cadre: number) => {
  const view = await h.ok('rankings.get', { assessmentId: id });
  const row = view.result.groups.flatMap((g) => g.rows).find((x) => x.cadreId === String(cadre))!;
  return { grade: row.grade, flags: row.flags, rank: row.rank };
};

/** A cadre's cell under a header of the exported 排名表 (what a user reads). */
const exportedCell = async (h: TestHost, id: number, name: string, header: string) => {
  const path = join(tempDir(), '排名.xlsx');
  await h.ok('rankings.exportExcel', { assessmentId: id, token: await h.pickSave('rankingsExcel', path) });
  const ws = (await loadWorkbook(path)).worksheets[0]!;
  const col = (ws.getRow(2).values as unknown[]).indexOf(header);
  const rows = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));
  return rows.find((row) => row.getCell(2).value === name)?.getCell(col).value;
};

describe('不得评优', () => {
  test('listed with its reason: keeps rank and score, the 优秀 place goes to the next cadre; audited; withdrawn again', async () => {
    const { h, r, id } = await example();
    expect(await gradeOf(h, id, r.b)).toMatchObject({ grade: 'excellent', rank: 1 });
    const digestBefore = await currentDigest(h.host.session().db, id);
    expect(await h.ok('ineligible.add', { assessmentId: id, targetId: r.b, reason: '本年度受诫勉' })).toEqual({
      changed: 1,
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'ineligible.add',
      detail: { target: '巴特尔', reason: '本年度受诫勉' },
    });
    expect(await gradeOf(h, id, r.b)).toEqual({
      grade: 'competent',
      rank: 1,
      flags: ['ineligible'],
    });
    // The reason as the user reads it, in the exported 排名表's 评优资格 column.
    expect(await exportedCell(h, id, '巴特尔', '评优资格')).toBe('本年度受诫勉，不得评为优秀');
    expect(await gradeOf(h, id, r.a)).toMatchObject({ grade: 'excellent', rank: 2, flags: [] });
    const { input } = await loadRankingInput(h.host.session().db, id);
    expect(input.ineligible).toEqual([{ targetId: String(r.b), reason: '本年度受诫勉' }]);
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(list.ineligible).toEqual([
      expect.objectContaining({ targetId: r.b, reason: '本年度受诫勉', enteredBy: '王管理员' }),
    ]);

    await h.ok('ineligible.delete', { assessmentId: id, id: list.ineligible[0]!.id });
    expect(await lastAudit(h)).toMatchObject({
      action: 'ineligible.delete',
      detail: { targetId: r.b, reason: '本年度受诫勉' },
    });
    expect(await gradeOf(h, id, r.b)).toMatchObject({ grade: 'excellent', flags: [] });
    // With the list empty again the input, and so an archive's digest, is what it was before the feature.
    const after = await loadRankingInput(h.host.session().db, id);
    expect('ineligible' in after.input).toBe(false);
    expect(await currentDigest(h.host.session().db, id)).toBe(digestBefore);
  });

  test.each([
    [
      'a blank reason',
      (r: SmallRoster, id: number) => ({ assessmentId: id, targetId: r.a, reason: '   ' }),
      'reason',
      '请填写不得评优理由',
    ],
    [
      'a cadre outside the assessment',
      (r: SmallRoster, id: number) => ({ assessmentId: id, targetId: r.f, reason: '本年度受诫勉' }),
      'targetId',
      '所选干部不是本次考核的成员',
    ],
  ])('%s is refused naming the field; nothing is saved', async (_name, make, field, message) => {
    const { h, r, id } = await example();
    const before = await assessmentTables(h);
    expect(await h.err('ineligible.add', make(r, id))).toEqual({ code: 'VALIDATION', field, message });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('a cadre already listed is refused with the reason on file; an unknown item cannot be withdrawn', async () => {
    const { h, r, id } = await example();
    await h.ok('ineligible.add', { assessmentId: id, targetId: r.a, reason: '处分影响期内' });
    const before = await assessmentTables(h);
    expect(await h.err('ineligible.add', { assessmentId: id, targetId: r.a, reason: '另一理由' })).toEqual({
      code: 'VALIDATION',
      field: 'targetId',
      message: '“阿古拉”已列入不得评优名单（处分影响期内），如需修改理由请先撤销',
    });
    expect(await h.err('ineligible.delete', { assessmentId: id, id: 999 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到该不得评优项，可能已被撤销',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('may be listed while preparing', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await createC1(h);
    await h.ok('ineligible.add', { assessmentId: a.id, targetId: r.c, reason: '学时不达标' });
    expect(
      wholeBallots(await h.ok('ballots.list', { assessmentId: a.id })).ineligible.map((i) => [i.targetId, i.reason]),
    ).toEqual([[r.c, '学时不达标']]);
  });

  test('locked once summarized; confirming 优秀 for a listed cadre is refused; the export names the reason', async () => {
    const { h, r, id } = await example();
    await h.ok('ineligible.add', { assessmentId: id, targetId: r.b, reason: '本年度受诫勉' });
    const cur = await h.ok('assessments.get', { id });
    await h.ok('assessments.setState', { id, version: cur.version, state: 'summarized' });
    const before = await assessmentTables(h);
    expect(await h.err('ineligible.add', { assessmentId: id, targetId: r.c, reason: '学时不达标' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('录入不得评优'),
    });
    expect(
      await h.err('grades.confirm', { assessmentId: id, cadreId: r.b, grade: 'excellent', reason: '部务会研究' }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'grade',
      message: '“巴特尔”在本次考核中不得评为优秀，不能评为优秀',
    });
    expect(await assessmentTables(h)).toEqual(before);
    const path = join(tempDir(), '排名.xlsx');
    await h.ok('rankings.exportExcel', { assessmentId: id, token: await h.pickSave('rankingsExcel', path) });
    const ws = (await loadWorkbook(path)).worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('巴特尔');
    // The reason is in 评优资格 (the column before 标记), not twice in 标记.
    const cell = (header: string) => ws.getRow(3).getCell((ws.getRow(2).values as unknown[]).indexOf(header)).value;
    expect(cell('评优资格')).toBe('本年度受诫勉，不得评为优秀');
    expect(cell('标记') ?? '').toBe('');
  });
});
