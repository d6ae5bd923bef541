// Excel ballot import beside the kiosk, paper and hand entry, on a real encrypted store: the preview shows each group's
// ballots by source and what the file will do; 累加/替换 per group; kiosk ballots are never replaced or removed; a peer
// rater who already voted is a conflict that blocks the import until left out; a stale preview writes nothing.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { groupEffect } from '../../../shared/assessment/ballot-import';
import type { BallotImportPreview } from '../../../shared/assessment/types';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import {
  commitInput,
  downloadTemplate,
  fillWorkedExample,
  loadWorkbook,
  peerRow,
  saveWorkbook,
  setRow,
  targetRow,
} from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { ADMIN, tempDir } from '../../helpers/tmp-store';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

const CHIEF = '正职·苏木镇（街道）';
const DEPUTY = '副职·乌兰镇';
const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number; deputy: string }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id, deputy: `deputy:${r.units.wulan}` };
}

/** Kiosk ballots through the real kiosk calls: staff votes (德力格尔 excellent, 额尔敦 good) and peer ballots. */
async function atKiosk(
  h: TestHost,
  id: number,
  staffGroup: string,
  staffBallots: number,
  peerRaters: readonly string[] = [],
): Promise<void> {
  const staff =
    staffBallots > 0
      ? await h.ok('codes.generate', { assessmentId: id, kind: 'staff', group: staffGroup, count: staffBallots })
      : null;
  const peer =
    peerRaters.length > 0 ? await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' }) : null;
  const members = (await h.ok('assessments.get', { id })).members;
  await h.ok('kiosk.start', { assessmentId: id });
  for (const slip of staff?.slips ?? []) {
    const form = await h.ok('kiosk.open', { code: slip.code });
    await h.ok('kiosk.submit', {
      code: slip.code,
      ballot: {
        kind: 'staff',
        votes: form.targets.map((t, i) => ({ targetId: t.cadreId, grade: i === 0 ? 'excellent' : 'good' })),
      },
    });
  }
  for (const name of peerRaters) {
    const slip = peer!.slips.find((s) => s.seatLabel === `互评人：${name}`)!;
    const rater = members.find((m) => m.name === name)!.cadreId;
    const targets = members.filter((m) => m.position === 'chief' && m.cadreId !== rater);
    await h.ok('kiosk.submit', {
      code: slip.code,
      ballot: { kind: 'peer', ballots: targets.map((t) => ({ targetId: t.cadreId, scores: same(88) })) },
    });
  }
  await h.ok('kiosk.exit', { password: ADMIN.password });
}

async function preview(
  h: TestHost,
  id: number,
  edit: (wb: ExcelJS.Workbook) => void,
  name = '测评票.xlsx',
): Promise<BallotImportPreview> {
  const wb = await loadWorkbook(await downloadTemplate(h, id));
  edit(wb);
  const [file] = await h.pickOpen('ballotExcel', await saveWorkbook(wb, join(tempDir(), name)));
  return h.ok('ballots.previewExcel', { assessmentId: id, token: file!.token });
}

/** The 副职·乌兰镇 staff totals, as a clerk would type them from the paper 计票单. */
const deputyStaff =
  (d: [number, number, number, number], e: [number, number, number, number]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(DEPUTY)!;
    setRow(ws, targetRow(ws, 'staff', '德力格尔'), 2, d);
    setRow(ws, targetRow(ws, 'staff', '额尔敦'), 2, e);
  };

const staffOf = async (h: TestHost, id: number, cadreId: number) =>
  wholeBallots(await h.ok('ballots.list', { assessmentId: id })).staff.find((s) => s.targetId === cadreId);
const staffBallotsOf = async (h: TestHost, id: number, cadreId: number) =>
  (await h.ok('rankings.get', { assessmentId: id })).result.groups
    .flatMap((g) => g.rows)
    .find((row) => row.cadreId === String(cadreId))?.components.staff?.ballots;

describe('kiosk staff votes and an Excel import', () => {
  test.each(['add', 'replace'] as const)(
    '28 kiosk votes stay 28 after an import in mode %s; the file comes on top',
    async (mode) => {
      const { h, r, id, deputy } = await collecting();
      await atKiosk(h, id, deputy, 28);
      expect((await staffOf(h, id, r.d))!.counts).toEqual({ excellent: 28, good: 0, fair: 0, poor: 0 });
      const p = await preview(h, id, deputyStaff([2, 1, 0, 0], [0, 3, 0, 0]));
      const g = p.plan.groups.find((x) => x.groupName === DEPUTY)!;
      expect(p.plan.groups.map((x) => x.groupName)).toEqual([DEPUTY]);
      expect(g.cadres.map((c) => [c.name, c.existing.staff, c.file.staff])).toEqual([
        ['德力格尔', { kiosk: 28 }, 3],
        ['额尔敦', { kiosk: 28 }, 3],
      ]);
      expect(groupEffect(g, mode, []).cadres[0]!.effect.staff).toEqual({
        adds: 3,
        replaces: 0,
        replacesPaper: 0,
        leftOut: 0,
      });
      await h.ok('ballots.commitExcel', commitInput(id, p, mode));
      const d = (await staffOf(h, id, r.d))!;
      expect(d.bySource).toEqual({
        kiosk: { excellent: 28, good: 0, fair: 0, poor: 0 },
        excel: { excellent: 2, good: 1, fair: 0, poor: 0 },
      });
      expect(d.counts).toEqual({ excellent: 30, good: 1, fair: 0, poor: 0 });
      expect(await staffBallotsOf(h, id, r.d)).toBe(31);
    },
  );

  test('替换 replaces only the earlier Excel rows: kiosk, 逐票录入 (paper) and hand-entered totals stay', async () => {
    const { h, r, id, deputy } = await collecting();
    await atKiosk(h, id, deputy, 3);
    await h.ok('ballots.addStaffBallot', {
      assessmentId: id,
      group: deputy,
      votes: [
        { targetId: r.d, grade: 'fair' },
        { targetId: r.e, grade: 'fair' },
      ],
    });
    await h.ok('ballots.saveService', { assessmentId: id, targetId: r.d, scores: [77] });
    const first = await preview(h, id, (wb) => {
      deputyStaff([5, 0, 0, 0], [0, 5, 0, 0])(wb);
      const ws = wb.getWorksheet(DEPUTY)!;
      setRow(ws, targetRow(ws, 'service', '德力格尔'), 2, [90, 91]);
    });
    await h.ok('ballots.commitExcel', commitInput(id, first, 'add'));
    // The hand-entered total for 额尔敦 is typed as the whole: the kiosk, paper and Excel parts are not lowered.
    expect(
      await h.err('ballots.saveStaff', {
        assessmentId: id,
        counts: [{ targetId: r.e, excellent: 0, good: 1, fair: 1, poor: 0 }],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('“额尔敦”的“较好”总票数不能少于已有的 8 票（评议终端 3 票、Excel 导入 5 票）'),
    });
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.e, excellent: 0, good: 9, fair: 1, poor: 0 }],
    });

    const second = await preview(h, id, (wb) => {
      deputyStaff([1, 0, 0, 0], [0, 0, 0, 0])(wb);
      const ws = wb.getWorksheet(DEPUTY)!;
      setRow(ws, targetRow(ws, 'service', '德力格尔'), 2, [60]);
    });
    const g = second.plan.groups[0]!;
    expect(g.cadres.map((c) => [c.name, c.existing.staff, c.existing.service])).toEqual([
      ['德力格尔', { kiosk: 3, paper: 1, excel: 5 }, { manual: 1, excel: 2 }],
      ['额尔敦', { kiosk: 3, paper: 1, excel: 5, manual: 1 }, {}],
    ]);
    const effect = groupEffect(g, 'replace', []);
    expect(effect.cadres.map((c) => [c.effect.staff, c.effect.service])).toEqual([
      [
        { adds: 1, replaces: 5, replacesPaper: 0, leftOut: 0 },
        { adds: 1, replaces: 2, replacesPaper: 0, leftOut: 0 },
      ],
      [
        { adds: 0, replaces: 5, replacesPaper: 0, leftOut: 0 },
        { adds: 0, replaces: 0, replacesPaper: 0, leftOut: 0 },
      ],
    ]);
    await h.ok('ballots.commitExcel', commitInput(id, second, 'replace'));
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(list.staff.find((s) => s.targetId === r.d)!.bySource).toEqual({
      kiosk: { excellent: 3, good: 0, fair: 0, poor: 0 },
      paper: { excellent: 0, good: 0, fair: 1, poor: 0 },
      excel: { excellent: 1, good: 0, fair: 0, poor: 0 },
    });
    expect(list.staff.find((s) => s.targetId === r.e)!.bySource).toEqual({
      kiosk: { excellent: 0, good: 3, fair: 0, poor: 0 },
      paper: { excellent: 0, good: 0, fair: 1, poor: 0 },
      manual: { excellent: 0, good: 1, fair: 0, poor: 0 },
    });
    expect(list.service.filter((s) => s.targetId === r.d).map((s) => [s.score, s.source])).toEqual([
      [77, 'manual'],
      [60, 'excel'],
    ]);
    // One audit entry per import, naming per group the mode, what was added and what earlier Excel rows it replaced.
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.commitExcel',
      detail: {
        source: 'Excel 导入',
        groups: [
          {
            group: DEPUTY,
            mode: '替换',
            added: { staff: 1, service: 1 },
            replaced: { source: 'Excel 导入', staff: 10, service: 2 },
            leftOut: [],
          },
        ],
      },
    });
  });

  test('a file that is the paper count (替换含纸质) replaces the 逐票录入 tallies too, never the kiosk’s or the hand-entered ones', async () => {
    const { h, r, id, deputy } = await collecting();
    await atKiosk(h, id, deputy, 2);
    for (let i = 0; i < 3; i++)
      await h.ok('ballots.addStaffBallot', {
        assessmentId: id,
        group: deputy,
        votes: [
          { targetId: r.d, grade: 'fair' },
          { targetId: r.e, grade: 'fair' },
        ],
      });
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.d, excellent: 2, good: 0, fair: 3, poor: 1 }],
    });
    const p = await preview(h, id, deputyStaff([0, 0, 4, 0], [0, 0, 4, 0]));
    expect(groupEffect(p.plan.groups[0]!, 'replacePaper', []).cadres[0]!.effect.staff).toEqual({
      adds: 4,
      replaces: 0,
      replacesPaper: 3,
      leftOut: 0,
    });
    await h.ok('ballots.commitExcel', commitInput(id, p, 'replacePaper'));
    expect((await staffOf(h, id, r.d))!.bySource).toEqual({
      kiosk: { excellent: 2, good: 0, fair: 0, poor: 0 },
      excel: { excellent: 0, good: 0, fair: 4, poor: 0 },
      manual: { excellent: 0, good: 0, fair: 0, poor: 1 },
    });
    expect(await lastAudit(h)).toMatchObject({
      detail: {
        groups: [
          {
            group: DEPUTY,
            mode: '替换（含纸质录入的职工测评票数）',
            added: { staff: 8 },
            replaced: { source: 'Excel 导入' },
            replacedPaper: { source: '纸质录入', staff: 6 },
          },
        ],
      },
    });
  });

  test('no clerk path removes kiosk votes: deleting a cadre’s staff counts keeps the kiosk tally', async () => {
    const { h, r, id, deputy } = await collecting();
    await atKiosk(h, id, deputy, 2);
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.d, excellent: 4, good: 0, fair: 0, poor: 0 }],
      kioskExcluded: true, // the 2 kiosk votes are concealed: the 4 typed are hand-entered ones
    });
    await h.ok('ballots.delete', { assessmentId: id, kind: 'staff', id: r.d });
    // The 2 kiosk votes left are fewer than 3: the tab no longer shows them (issue 21 §5), the scoring still counts them.
    expect(await staffOf(h, id, r.d)).toMatchObject({ bySource: {}, kioskConcealed: true });
    expect(await h.err('ballots.delete', { assessmentId: id, kind: 'staff', id: r.d })).toMatchObject({
      code: 'VALIDATION',
      message: '评议终端的票不能被替换或删除',
    });
    const view = await h.ok('rankings.get', { assessmentId: id });
    const row = view.result.groups.flatMap((g) => g.rows).find((x) => x.cadreId === String(r.d));
    expect(row?.components.staff?.score).toBe(100);
  });

  test('fewer than 3 staff votes with kiosk ones: ballots.list carries no kiosk count; a save of hand counts keeps them', async () => {
    const { h, r, id, deputy } = await collecting();
    await atKiosk(h, id, deputy, 2);
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    const zero = { excellent: 0, good: 0, fair: 0, poor: 0 };
    expect(list.staff.find((s) => s.targetId === r.d)).toMatchObject({
      counts: zero,
      bySource: {},
      kioskConcealed: true,
    });
    expect(list.staff.filter((s) => s.bySource.kiosk !== undefined)).toEqual([]);
    // Typed totals leave the concealed kiosk part out: refused until the clerk confirms that reading; nothing saved.
    const before = await assessmentTables(h);
    const typed = { assessmentId: id, counts: [{ targetId: r.d, ...zero, fair: 1 }] };
    expect(await h.err('ballots.saveStaff', typed)).toEqual({
      code: 'VALIDATION',
      field: 'counts',
      message:
        '“德力格尔”的评议终端票不足 3 张、不公开，所填总数将视为不含评议终端的票（评议终端的票原样保留，另行计入）；' +
        '请确认后再保存，本次未保存任何票数',
    });
    expect(await h.err('ballots.saveStaff', { ...typed, kioskExcluded: false })).toMatchObject({
      field: 'kioskExcluded',
    });
    expect(await assessmentTables(h)).toEqual(before);
    // Confirmed, the editor saves what was typed by hand: 1 一般 (the kiosk's 2 优秀 are neither shown nor lowered).
    await h.ok('ballots.saveStaff', { ...typed, kioskExcluded: true });
    expect(await lastAudit(h)).toMatchObject({ action: 'ballots.saveStaff', detail: { kioskExcluded: ['德力格尔'] } });
    // 3 votes now: the rule no longer hides them, and the kiosk's are all still there.
    expect(await staffOf(h, id, r.d)).toEqual(
      expect.objectContaining({
        counts: { excellent: 2, good: 0, fair: 1, poor: 0 },
        bySource: { kiosk: { ...zero, excellent: 2 }, manual: { ...zero, fair: 1 } },
      }),
    );
    expect(await staffOf(h, id, r.d)).not.toHaveProperty('kioskConcealed');
  });
});

describe('the import preview conceals kiosk parts below 3 ballots as the entry tabs do (issue 21 §5)', () => {
  test('2 kiosk staff votes: the cadre’s existing staff votes carry no kiosk count, only the mark', async () => {
    const { h, id, deputy } = await collecting();
    await atKiosk(h, id, deputy, 2);
    const p = await preview(h, id, deputyStaff([1, 0, 0, 0], [0, 1, 0, 0]));
    const g = p.plan.groups[0]!;
    expect(g.cadres.map((c) => [c.name, c.existing.staff, c.staffKioskConcealed])).toEqual([
      ['德力格尔', {}, true],
      ['额尔敦', {}, true],
    ]);
    expect(JSON.stringify(p.plan)).not.toContain('"kiosk"');
    // The key still covers the kiosk part: another kiosk vote (still fewer than 3) makes the preview stale.
    await atKiosk(h, id, deputy, 1);
    const before = await assessmentTables(h);
    expect(await h.err('ballots.commitExcel', commitInput(id, p))).toMatchObject({ field: 'planKey' });
    expect(await assessmentTables(h)).toEqual(before);
    // With 3 votes the rule no longer hides them, in the preview as on the tab.
    const again = await preview(h, id, deputyStaff([1, 0, 0, 0], [0, 1, 0, 0]));
    expect(again.plan.groups[0]!.cadres.map((c) => [c.existing.staff, c.staffKioskConcealed])).toEqual([
      [{ kiosk: 3 }, undefined],
      [{ kiosk: 3 }, undefined],
    ]);
  });

  test('a kiosk 上级排名 ballot among 2: the group’s existing line names the hand-entered one only', async () => {
    const { h, r, id } = await collecting();
    const leaders = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
    await h.ok('kiosk.start', { assessmentId: id });
    await h.ok('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
    await h.ok('kiosk.exit', { password: ADMIN.password });
    await h.ok('ballots.saveSuperior', {
      assessmentId: id,
      raterLabel: 'L9',
      group: 'chief:C1',
      order: [r.b, r.a, r.c],
    });
    const p = await preview(h, id, fillWorkedExample);
    const g = p.plan.groups.find((x) => x.groupName === CHIEF)!;
    expect(g.superior).toEqual({ existing: { manual: 1 }, file: 2, kioskConcealed: true });
    expect(JSON.stringify(p.plan)).not.toContain('"kiosk"');
    await h.ok('ballots.commitExcel', commitInput(id, p));
    // 4 ballots now: the kiosk's is shown again, in the preview as on the tab.
    const chief = await preview(h, id, fillWorkedExample);
    expect(chief.plan.groups.find((x) => x.groupName === CHIEF)!.superior).toEqual({
      existing: { kiosk: 1, manual: 1, excel: 2 },
      file: 2,
    });
  });
});

describe('no clerk path replaces or removes a kiosk ballot', () => {
  test('paper entry, the form and delete are refused for kiosk ballots with a message; the ballots stay', async () => {
    const { h, r, id } = await collecting();
    await atKiosk(h, id, 'chief:C1', 0, ['巴特尔']);
    const leaders = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
    await h.ok('kiosk.start', { assessmentId: id });
    await h.ok('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
    await h.ok('kiosk.exit', { password: ADMIN.password });
    // Two leaders on paper: with 3 上级排名 ballots the kiosk's is listed (fewer would conceal it, issue 21 §5).
    for (const raterLabel of ['L1', 'L2'])
      await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel, group: 'chief:C1', order: [r.a, r.b, r.c] });
    const before = await assessmentTables(h);
    const kioskLeader = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior.find(
      (b) => b.anonymous,
    )!;
    expect(
      await h.err('paper.enter', {
        assessmentId: id,
        paperNo: 'P-9',
        ballot: {
          kind: 'peer',
          raterId: r.b,
          ballots: [
            { targetId: r.a, scores: same(60) },
            { targetId: r.c, scores: same(60) },
          ],
        },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '评价人“巴特尔”已在评议终端完成同级互评，不能再录入其互评票（评议终端的票不能被替换或删除）',
    });
    expect(
      await h.err('ballots.saveSuperior', {
        assessmentId: id,
        raterLabel: kioskLeader.raterLabel,
        group: 'chief:C1',
        order: [r.c, r.b, r.a],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('是评议终端的匿名评议票，评议终端的票不能被替换或删除'),
    });
    expect(await h.err('ballots.delete', { assessmentId: id, kind: 'superior', id: kioskLeader.id })).toMatchObject({
      code: 'VALIDATION',
      message: '评议终端的票不能被替换或删除',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });
});

test('上级排名 tab: a kiosk ballot on cadres with fewer than 3 上级排名 ballots is left out of ballots.list', async () => {
  const { h, r, id } = await collecting();
  const leaders = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
  await h.ok('kiosk.start', { assessmentId: id });
  await h.ok('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
  await h.ok('kiosk.exit', { password: ADMIN.password });
  await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L1', group: 'chief:C1', order: [r.b, r.a, r.c] });
  const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
  expect(list.superior.map((b) => [b.raterLabel, b.anonymous])).toEqual([['L1', false]]);
  expect(list.concealedSuperior).toEqual(['chief:C1']);
  // The score still counts it: 2 ballots behind each component.
  const rows = (await h.ok('rankings.get', { assessmentId: id })).result.groups.flatMap((g) => g.rows);
  expect(rows.find((x) => x.cadreId === String(r.a))?.components.superior).toBeDefined();
  await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L2', group: 'chief:C1', order: [r.c, r.a, r.b] });
  const three = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
  expect(three.superior.filter((b) => b.anonymous)).toHaveLength(1);
  expect(three).not.toHaveProperty('concealedSuperior');
});

describe('a peer rater who already voted', () => {
  /** The worked example plus the clerk's edits: an extra staff row for 朝鲁, and 巴特尔's rows though 巴特尔 voted at the kiosk. */
  const clerkFile = (wb: ExcelJS.Workbook) => {
    fillWorkedExample(wb);
    const ws = wb.getWorksheet(CHIEF)!;
    setRow(ws, peerRow(ws, '巴特尔', '阿古拉'), 3, [91, 91, 91]);
  };

  test('is a conflict naming rater and group; the import is refused in either mode and nothing changes', async () => {
    const { h, id } = await collecting();
    await atKiosk(h, id, 'chief:C1', 0, ['巴特尔']);
    const p = await preview(h, id, clerkFile);
    const g = p.plan.groups.find((x) => x.groupName === CHIEF)!;
    expect(g.conflicts).toEqual([
      expect.objectContaining({ kind: 'peer', raterName: '巴特尔', existing: { kiosk: 2 }, fileRows: 2 }),
    ]);
    expect(g.replaceConflicts).toEqual(g.conflicts);
    expect(g.cadres.find((c) => c.name === '阿古拉')!.existing.peer).toEqual({ kiosk: 1 });
    const before = await assessmentTables(h);
    for (const mode of ['add', 'replace'] as const) {
      expect(await h.err('ballots.commitExcel', commitInput(id, p, mode))).toEqual({
        code: 'VALIDATION',
        field: 'leftOut',
        message:
          '“正职·苏木镇（街道）”的评价人“巴特尔”已有同级互评票（评议终端 2 张）：同一人不能评议两次，请选择不导入其票后再导入；本次未导入任何测评票',
      });
    }
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('leaving the rater out imports the rest; the kiosk ballots stay as they were and the audit says so', async () => {
    const { h, id } = await collecting();
    await atKiosk(h, id, 'chief:C1', 0, ['巴特尔']);
    const kioskBefore = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer;
    const p = await preview(h, id, clerkFile);
    const rater = p.plan.groups[0]!.conflicts[0]!.rater;
    const summary = await h.ok(
      'ballots.commitExcel',
      commitInput(id, p, 'add', [{ group: 'chief:C1', kind: 'peer', rater }]),
    );
    expect(summary).toEqual({ superior: 2, peer: 4, staff: 3, service: 2 });
    const peer = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer;
    expect(peer.filter((b) => b.source === 'kiosk')).toEqual(kioskBefore);
    expect(peer.filter((b) => b.source === 'excel')).toHaveLength(4);
    expect(peer.some((b) => b.source === 'excel' && b.raterId === Number(rater))).toBe(false);
    expect(await lastAudit(h)).toMatchObject({
      detail: {
        groups: [
          {
            group: CHIEF,
            mode: '累加',
            added: { superior: 2, peer: 4, staff: 5, service: 2 },
            replaced: { source: 'Excel 导入' },
            leftOut: ['评价人“巴特尔”的同级互评票'],
          },
        ],
      },
    });
    // Nor can the form replace them: the rater's kiosk ballots are refused as a duplicate.
    expect(
      await h.err('ballots.savePeer', {
        assessmentId: id,
        raterId: Number(rater),
        ballots: [
          { targetId: peer[0]!.targetId === Number(rater) ? peer[1]!.targetId : peer[0]!.targetId, scores: same(50) },
        ],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('评价人“巴特尔”已在评议终端完成同级互评'),
    });
  });

  test('an earlier Excel import of the same rater conflicts under 累加 and is replaced under 替换', async () => {
    const { h, id } = await collecting();
    const first = await preview(h, id, fillWorkedExample);
    await h.ok('ballots.commitExcel', commitInput(id, first));
    const again = await preview(h, id, fillWorkedExample);
    const g = again.plan.groups[0]!;
    expect(g.conflicts.map((c) => [c.kind, c.raterName, c.existing])).toEqual([
      ['superior', 'L1', { excel: 1 }],
      ['superior', 'L2', { excel: 1 }],
      ['peer', '阿古拉', { excel: 2 }],
      ['peer', '巴特尔', { excel: 2 }],
      ['peer', '朝鲁', { excel: 2 }],
    ]);
    expect(g.replaceConflicts).toEqual([]);
    expect(await h.err('ballots.commitExcel', commitInput(id, again, 'add'))).toMatchObject({
      message: expect.stringContaining('等 5 处'),
    });
    await h.ok('ballots.commitExcel', commitInput(id, again, 'replace'));
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect([list.superior.length, list.peer.length, list.service.length]).toEqual([2, 6, 2]);
    expect(list.staff.find((s) => s.targetId === list.staff[0]!.targetId)!.bySource).toEqual({
      excel: list.staff[0]!.counts,
    });
  });
});

describe('a stale preview', () => {
  test('a kiosk vote after the preview: a clear message, nothing written, no audit entry', async () => {
    const { h, id, deputy } = await collecting();
    const p = await preview(h, id, deputyStaff([1, 0, 0, 0], [1, 0, 0, 0]));
    await atKiosk(h, id, deputy, 1);
    const before = await assessmentTables(h);
    expect(await h.err('ballots.commitExcel', commitInput(id, p))).toEqual({
      code: 'VALIDATION',
      field: 'planKey',
      message:
        '预览之后本考核的测评票已有变化（例如评议终端又提交了测评票，或他人录入、导入了测评票），请重新选择文件预览后再导入；本次未导入任何测评票',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('a group without a mode is refused by name', async () => {
    const { h, id } = await collecting();
    const p = await preview(h, id, deputyStaff([1, 0, 0, 0], [1, 0, 0, 0]));
    expect(await h.err('ballots.commitExcel', { ...commitInput(id, p), modes: [] })).toMatchObject({
      code: 'VALIDATION',
      message: '请为“副职·乌兰镇”选择“累加”或“替换”后再导入',
    });
  });
});
