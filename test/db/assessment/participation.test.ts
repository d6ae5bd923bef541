// Participation accounts and small-group anonymity on a real store: kiosk, paper and Excel ballots counted per group and
// kind, the clerk's paper counts with their warnings before 汇总, bad counts refused, and a group of 2 staff raters
// showing no count or distribution in the view, the exports or the print data.
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  defaultAssessmentConfig,
  participationWarnings,
  type ParticipationLine,
  type RankingsView,
} from '../../../shared/assessment';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import {
  commitInput,
  downloadTemplate,
  loadWorkbook,
  saveWorkbook,
  setRow,
  targetRow,
} from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { addUser, lastAudit, loginAdmin, loginAs, newRosterHost, PASSWORDS } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

const CHIEF = 'chief:C1';
const CHIEF_SHEET = '正职·苏木镇（街道）';
const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id };
}

const view = (h: TestHost, id: number): Promise<RankingsView> => h.ok('rankings.get', { assessmentId: id });
const line = (v: RankingsView, group: string, kind: ParticipationLine['kind']) =>
  v.participation?.lines.find((l) => l.group === group && l.kind === kind);

async function exportTo(h: TestHost, call: 'rankings.exportExcel' | 'ballots.exportSummary', id: number) {
  const path = join(tempDir(), call === 'rankings.exportExcel' ? '排名.xlsx' : '测评汇总.xlsx');
  const token = await h.pickSave(call === 'rankings.exportExcel' ? 'rankingsExcel' : 'ballotSummary', path);
  await h.ok(call, { assessmentId: id, token });
  return loadWorkbook(path);
}
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);
const sheetRows = (ws: ExcelJS.Worksheet) =>
  Array.from({ length: ws.rowCount - 2 }, (_, i) => rowValues(ws, 3 + i)).filter((r) => r.length > 0);

describe('participation accounts', () => {
  test('kiosk ballots: 应到 from the codes issued, 实到 from the codes used, unused codes counted', async () => {
    const { h, r, id } = await collecting();
    const peer = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: CHIEF });
    const leaders = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: CHIEF, count: 3 });
    const staff = await h.ok('codes.generate', { assessmentId: id, kind: 'staff', group: CHIEF, count: 4 });
    await loginAs(h, 'assessmentClerk');
    await h.ok('kiosk.start', { assessmentId: id });
    const peerOf = (cadre: number) => peer.slips.find((s) => s.seatLabel.includes(cadre === r.a ? '阿古拉' : '巴特尔'));
    await h.ok('kiosk.submit', {
      code: peerOf(r.a)!.code,
      ballot: {
        kind: 'peer',
        ballots: [
          { targetId: r.b, scores: same(85) },
          { targetId: r.c, scores: same(70) },
        ],
      },
    });
    await h.ok('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
    for (const slip of staff.slips.slice(0, 3))
      await h.ok('kiosk.submit', {
        code: slip.code,
        ballot: {
          kind: 'staff',
          votes: [
            { targetId: r.a, grade: 'excellent' },
            { targetId: r.b, grade: 'good' },
            { targetId: r.c, grade: 'fair' },
          ],
        },
      });
    await h.ok('kiosk.exit', { password: PASSWORDS.assessmentClerk });
    await loginAdmin(h);
    const v = await view(h, id);
    expect(line(v, CHIEF, 'peer')).toMatchObject({ expected: 3, received: 1, valid: 1, invalid: 0, codesUnused: 2 });
    expect(line(v, CHIEF, 'superior')).toMatchObject({ expected: 3, received: 1, valid: 1, codesUnused: 2 });
    expect(line(v, CHIEF, 'staff')).toMatchObject({ expected: 4, received: 3, valid: 3, codesUnused: 1, rate: 0.75 });
    // 1 of 3 leaders and 1 of 3 peers: both below two thirds, named by group and kind.
    expect(participationWarnings(v.participation!, v.groupNames)).toEqual([
      '“正职·苏木镇（街道）”上级排名实到 1 人，不足应到 3 人的三分之二',
      '“正职·苏木镇（街道）”同级互评实到 1 人，不足应到 3 人的三分之二',
    ]);
  });

  test('paper double entry and a clerk’s paper count: forms entered + 无效 + 弃权 must make 收回; audited', async () => {
    const { h, r, id } = await collecting();
    await addUser(h, {
      username: 'clerk2',
      displayName: '考核录入员乙',
      role: 'assessmentClerk',
      password: 'Clerk2@2025',
    });
    const ballot = { kind: 'superior' as const, group: CHIEF, order: [r.b, r.a, r.c] };
    await loginAs(h, 'assessmentClerk');
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-001', ballot });
    await h.ok('session.login', { username: 'clerk2', password: 'Clerk2@2025' });
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-001', ballot });
    await loginAs(h, 'assessmentClerk');
    expect(line(await view(h, id), CHIEF, 'superior')).toMatchObject({ expected: null, received: 1, valid: 1 });

    // 发出 5, 收回 4 of which 1 无效 and 1 弃权: but only 1 typed in, so 1 + 1 + 1 ≠ 4.
    const sheet = { assessmentId: id, group: CHIEF, kind: 'superior' as const, expected: 5, received: 4 };
    expect(await h.ok('participation.saveSheet', { ...sheet, invalid: 1, abstained: 1 })).toEqual({ changed: 1 });
    expect(await lastAudit(h)).toMatchObject({
      action: 'participation.saveSheet',
      detail: { group: '正职·苏木镇（街道）', kind: '上级排名', expected: 5, received: 4, invalid: 1, abstained: 1 },
    });
    let v = await view(h, id);
    expect(line(v, CHIEF, 'superior')).toMatchObject({
      expected: 5,
      received: 4,
      valid: 1,
      invalid: 1,
      abstained: 1,
      rate: 0.8,
      paperMismatch: true,
      invalidByReason: { 'paper.counted': 1 },
    });
    expect(participationWarnings(v.participation!, v.groupNames)).toEqual([
      '“正职·苏木镇（街道）”上级排名纸质票数不平：收回 4 张，而已录入 1 张 + 无效 1 张 + 弃权 1 张 = 3 张',
    ]);
    // Typing the missing paper makes it add up; the warning goes.
    const second = { kind: 'superior' as const, group: CHIEF, order: [r.a, r.b, r.c] };
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-002', ballot: second });
    await h.ok('session.login', { username: 'clerk2', password: 'Clerk2@2025' });
    await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-002', ballot: second });
    v = await view(h, id);
    expect(line(v, CHIEF, 'superior')).toMatchObject({ received: 4, valid: 2, paperMismatch: false });
    expect(participationWarnings(v.participation!, v.groupNames)).toEqual([]);

    // The warning comes before 汇总 but does not block it.
    await h.ok('participation.saveSheet', { ...sheet, expected: 9, invalid: 1, abstained: 1 });
    await loginAdmin(h);
    v = await view(h, id);
    expect(participationWarnings(v.participation!, v.groupNames)).toEqual([
      '“正职·苏木镇（街道）”上级排名实到 4 人，不足应到 9 人的三分之二',
    ]);
    const a = await h.ok('assessments.get', { id });
    expect((await h.ok('assessments.setState', { id, version: a.version, state: 'summarized' })).state).toBe(
      'summarized',
    );
    // Printed under the group: the 排名表 reads the same view.
    expect(line(await view(h, id), CHIEF, 'superior')).toMatchObject({ expected: 9, received: 4 });
  });

  test.each([
    [{ expected: 5, received: 4, invalid: 3, abstained: 2 }, 'received', '无效票数与弃权票数之和不能多于收回票数'],
    [{ expected: 3, received: 4, invalid: 0, abstained: 0 }, 'received', '收回票数不能多于发出票数'],
    [{ expected: -1, received: 4, invalid: 0, abstained: 0 }, 'expected', '发出张数不能为负'],
    [{ expected: 1.5, received: 1, invalid: 0, abstained: 0 }, 'expected', '发出张数必须是整数'],
  ])(
    'a bad paper count is refused in Chinese naming the field, the store as it was: %j',
    async (counts, field, msg) => {
      const { h, id } = await collecting();
      const before = await assessmentTables(h);
      expect(
        await h.err('participation.saveSheet', { assessmentId: id, group: CHIEF, kind: 'staff', ...counts }),
      ).toEqual({ code: 'VALIDATION', field, message: msg });
      expect(await assessmentTables(h)).toEqual(before);
    },
  );

  test('a peer 应到 is the group itself; an unknown group is refused', async () => {
    const { h, id } = await collecting();
    const before = await assessmentTables(h);
    const base = { assessmentId: id, received: 1, invalid: null, abstained: null };
    expect(await h.err('participation.saveSheet', { ...base, group: CHIEF, kind: 'peer', expected: 3 })).toEqual({
      code: 'VALIDATION',
      field: 'expected',
      message: '同级互评的应到人数即本组人数，不能另行填写',
    });
    expect(
      await h.err('participation.saveSheet', { ...base, group: 'chief:C9', kind: 'staff', expected: 3 }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'group' });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('Excel ballots: staff forms are the most votes a cadre got, service forms likewise; in the 测评汇总 export', async () => {
    const { h, id } = await collecting();
    const wb = await loadWorkbook(await downloadTemplate(h, id));
    const ws = wb.getWorksheet(CHIEF_SHEET)!;
    setRow(ws, targetRow(ws, 'staff', '阿古拉'), 2, [3, 1, 0, 0]);
    setRow(ws, targetRow(ws, 'staff', '巴特尔'), 2, [0, 4, 0, 0]);
    setRow(ws, targetRow(ws, 'staff', '朝鲁'), 2, [0, 1, 2, 0]);
    setRow(ws, targetRow(ws, 'service', '阿古拉'), 2, [90, 80, 70]);
    const path = await saveWorkbook(wb, join(tempDir(), '已填测评票.xlsx'));
    const [file] = await h.pickOpen('ballotExcel', path);
    const p = await h.ok('ballots.previewExcel', { assessmentId: id, token: file!.token });
    await h.ok('ballots.commitExcel', commitInput(id, p));
    await h.ok('participation.saveSheet', {
      assessmentId: id,
      group: CHIEF,
      kind: 'staff',
      expected: 6,
      received: 5,
      invalid: 1,
      abstained: 0,
    });
    const v = await view(h, id);
    expect(line(v, CHIEF, 'staff')).toMatchObject({ expected: 6, received: 5, valid: 4, invalid: 1 });
    expect(line(v, CHIEF, 'service')).toMatchObject({ expected: null, received: 3, valid: 3, rate: null });

    const out = await exportTo(h, 'ballots.exportSummary', id);
    const sheet = out.getWorksheet('参评情况')!;
    expect(rowValues(sheet, 2)).toEqual([
      '分组',
      '测评类型',
      '应到',
      '实到',
      '弃权',
      '有效',
      '无效',
      '无效原因',
      '参评率',
      '未使用评议码',
    ]);
    expect(sheetRows(sheet).slice(0, 2)).toEqual([
      [CHIEF_SHEET, '职工测评', 6, 5, 0, 4, 1, '纸质票清点为无效 1', 5 / 6, 0],
      [CHIEF_SHEET, '服务对象', undefined, 3, 0, 3, 0], // empty trailing cells are not read back
    ]);
  });
});

describe('small-group anonymity', () => {
  test('2 staff raters: the score shows, no count or distribution in the view, the exports or the print data', async () => {
    const { h, r, id } = await collecting();
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [
        { targetId: r.a, excellent: 1, good: 1, fair: 0, poor: 0 },
        { targetId: r.b, excellent: 0, good: 2, fair: 0, poor: 0 },
        { targetId: r.c, excellent: 3, good: 0, fair: 0, poor: 0 },
      ],
    });
    await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L1', group: CHIEF, order: [r.a, r.b, r.c] });
    const v = await view(h, id);
    const row = (cadre: number) => v.result.groups.flatMap((g) => g.rows).find((x) => x.cadreId === String(cadre))!;
    // 阿古拉: 优秀 + 较好 → 92.5 from 2 ballots: the score, but not the 2.
    expect(row(r.a).components.staff).toEqual({ score: 92.5, ballots: 0, trimmed: false });
    expect(row(r.c).components.staff).toEqual({ score: 100, ballots: 3, trimmed: false });
    // A named leader's ballot (entered by a clerk) is not anonymous: its count stays.
    expect(row(r.a).components.superior).toMatchObject({ ballots: 1 });
    expect(v.concealed).toEqual({ [String(r.a)]: ['staff'], [String(r.b)]: ['staff'] });
    expect(JSON.stringify(v)).not.toMatch(/"excellent":1/);
    // The what-if panel's result follows the same rule.
    const whatIf = await h.ok('rankings.whatIf', { assessmentId: id, weights: defaultAssessmentConfig().weights });
    const wa = whatIf.groups.flatMap((g) => g.rows).find((x) => x.cadreId === String(r.a))!;
    expect(wa.components.staff).toEqual({ score: 92.5, ballots: 0, trimmed: false });
    expect(wa.components.superior).toMatchObject({ ballots: 1 });

    const summary = await exportTo(h, 'ballots.exportSummary', id);
    const chief = summary.getWorksheet(CHIEF_SHEET)!;
    const header = rowValues(chief, 2);
    const rows = sheetRows(chief);
    const cell = (name: string, col: string) => rows.find((x) => x[0] === name)![header.indexOf(col)];
    expect(cell('阿古拉', '职工测评优秀')).toBe('不公开');
    expect(cell('阿古拉', '职工测评较好')).toBe('不公开');
    expect(cell('阿古拉', '职工测评有效票')).toBe('不足3票，不公开票数');
    expect(cell('阿古拉', '职工测评得分')).toBe(92.5);
    expect(cell('朝鲁', '职工测评优秀')).toBe(3);

    const rankings = await exportTo(h, 'rankings.exportExcel', id);
    const rs = rankings.getWorksheet(CHIEF_SHEET)!;
    const rHeader = rowValues(rs, 2);
    const rRows = sheetRows(rs);
    const staffCol = rHeader.findIndex((x) => typeof x === 'string' && x.includes('职工测评') && x.includes('票'));
    expect(rRows.find((x) => x[1] === '阿古拉')![staffCol]).toBe('不足3票，不公开票数');
    expect(rRows.find((x) => x[1] === '朝鲁')![staffCol]).toBe(3);
  });
});
