// Staff forms on a real store: the 优秀 cap (refused at the kiosk, voided in 逐票录入 once confirmed, counted by the clerk
// beside tallies) and 意见建议 from kiosk, paper and service entry, stored without links and hidden below 3 forms.
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { StaffGrade } from '../../../shared/scoring/types';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import { FORM_MARKERS } from '../../../db/assessment/excel/layout';
import { commitInput, downloadTemplate, loadWorkbook, saveWorkbook, setRow } from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { tempDir } from '../../helpers/tmp-store';
import { lastAudit, loginAs, newRosterHost, PASSWORDS } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

/** C1's chiefs a, b, c (one group of 3) in 测评中, with a 30 % cap: 1 优秀 allowed per form. */
async function collecting(cap: number | null = 0.3): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await createC1(h);
  const config = cap === null ? a.config : { ...a.config, staffExcellentCap: cap };
  const saved = await h.ok('assessments.updateConfig', { id: a.id, version: a.version, config });
  await startCollecting(h, saved);
  return { h, r, id: a.id };
}

type Vote = [number, StaffGrade, string?];
const votes = (vs: Vote[]) =>
  vs.map(([targetId, grade, comment]) => ({ targetId, grade, ...(comment === undefined ? {} : { comment }) }));
const paper = (id: number, vs: Vote[], voidOverCap?: boolean) => ({
  assessmentId: id,
  group: 'chief:C1',
  votes: votes(vs),
  ...(voidOverCap === undefined ? {} : { voidOverCap }),
});
const rawComments = (h: TestHost) =>
  sql<Record<string, unknown>>`SELECT * FROM assessment_comments ORDER BY target_cadre_id, text`
    .execute(h.host.session().db)
    .then((r) => r.rows);

async function kioskWithStaffCodes(h: TestHost, id: number, count: number) {
  const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'staff', group: 'chief:C1', count });
  await loginAs(h, 'assessmentClerk');
  await h.ok('kiosk.start', { assessmentId: id });
  return sheet.slips.map((s) => s.code);
}

describe('the 优秀 cap per staff form', () => {
  test('the kiosk refuses a form over the cap, naming how many 优秀 are allowed; nothing stored, the code stays usable', async () => {
    const { h, r, id } = await collecting();
    const [code] = await kioskWithStaffCodes(h, id, 1);
    const form = await h.ok('kiosk.open', { code: code! });
    expect(form.staffExcellentCap).toBe(0.3);
    const before = await assessmentTables(h);
    const over = votes([
      [r.a, 'excellent', '敢于担当'],
      [r.b, 'excellent'],
      [r.c, 'good'],
    ]);
    expect(await h.err('kiosk.submit', { code: code!, ballot: { kind: 'staff', votes: over } })).toEqual({
      code: 'VALIDATION',
      field: 'ballot',
      message: '本票评了 2 个“优秀”，超过本票允许的 1 个（共 3 人）；超过的测评票为无效票，请修改后再提交',
    });
    expect(await assessmentTables(h)).toEqual(before);
    const ok = votes([
      [r.a, 'excellent'],
      [r.b, 'good'],
      [r.c, 'good'],
    ]);
    expect(await h.ok('kiosk.submit', { code: code!, ballot: { kind: 'staff', votes: ok } })).toMatchObject({
      changed: 3,
    });
  });

  test('without a cap configured every cadre may be 优秀', async () => {
    const { h, r, id } = await collecting(null);
    const all = paper(id, [
      [r.a, 'excellent'],
      [r.b, 'excellent'],
      [r.c, 'excellent'],
    ]);
    expect(await h.ok('ballots.addStaffBallot', all)).toEqual({ changed: 3 });
  });

  test('逐票录入 refuses an over-cap form until the clerk confirms it, then counts it as one 无效票 and none of its votes', async () => {
    const { h, r, id } = await collecting();
    const over: Vote[] = [
      [r.a, 'excellent', '工作扎实'],
      [r.b, 'excellent'],
      [r.c, 'fair'],
    ];
    const before = await assessmentTables(h);
    expect(await h.err('ballots.addStaffBallot', paper(id, over))).toEqual({
      code: 'VALIDATION',
      field: 'votes',
      message:
        '本票评了 2 个“优秀”，超过本票允许的 1 个（共 3 人）；超过的测评票为无效票。如纸质票确实如此，请确认按无效票登记',
    });
    expect(await assessmentTables(h)).toEqual(before);
    const within: Vote[] = [
      [r.a, 'excellent'],
      [r.b, 'good'],
      [r.c, 'fair'],
    ];
    expect(await h.err('ballots.addStaffBallot', paper(id, within, true))).toEqual({
      code: 'VALIDATION',
      field: 'voidOverCap',
      message: '本票未超过优秀比例上限，不能按无效票登记',
    });
    expect(await assessmentTables(h)).toEqual(before);

    expect(await h.ok('ballots.addStaffBallot', paper(id, over, true))).toEqual({
      changed: 0,
      voided: 'excellentCapExceeded',
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.addStaffBallot',
      detail: { group: '正职·苏木镇（街道）', ballots: 1, cadres: 0, voidedFor: '优秀票数超过规定比例' },
    });
    await h.ok('ballots.addStaffBallot', paper(id, over, true));
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(list.staff).toEqual([]);
    expect(list.comments).toEqual([]);
    expect(list.voidForms).toEqual([
      { group: 'chief:C1', kind: 'staff', reason: 'excellentCapExceeded', source: 'paper', count: 2 },
    ]);
  });

  test('the clerk counts forms voided on a tally sheet; 0 clears it, a bad count is refused in Chinese', async () => {
    const { h, id } = await collecting();
    const set = (count: number, group = 'chief:C1') =>
      ({ assessmentId: id, group, reason: 'excellentCapExceeded', count }) as const;
    await h.ok('ballots.setVoidForms', set(4));
    await h.ok('ballots.setVoidForms', set(5));
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).voidForms).toEqual([
      { group: 'chief:C1', kind: 'staff', reason: 'excellentCapExceeded', source: 'manual', count: 5 },
    ]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.setVoidForms',
      detail: { voidedFor: '优秀票数超过规定比例', voidForms: 5 },
    });
    const before = await assessmentTables(h);
    expect(await h.err('ballots.setVoidForms', set(-1))).toMatchObject({ message: '无效票张数不能小于 0' });
    expect(await h.err('ballots.setVoidForms', set(2, 'chief:C9'))).toMatchObject({
      message: '测评分组不是本次考核的分组',
    });
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok('ballots.setVoidForms', set(0));
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).voidForms).toEqual([]);
  });

  test('the configuration refuses a cap outside (0, 1] in Chinese', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    expect(
      await h.err('assessments.updateConfig', {
        id: a.id,
        version: a.version,
        config: { ...a.config, staffExcellentCap: 0 },
      }),
    ).toMatchObject({ code: 'VALIDATION', message: '职工测评票优秀比例上限必须大于 0、不超过 1' });
  });
});

describe('意见建议', () => {
  test('kiosk, paper and service comments are stored as text and count only: no id, code, form, source order or time', async () => {
    const { h, r, id } = await collecting();
    await h.ok(
      'ballots.addStaffBallot',
      paper(id, [
        [r.a, 'excellent', '  作风扎实  '],
        [r.b, 'good'],
        [r.c, 'good', ''],
      ]),
    );
    await h.ok('ballots.saveService', { assessmentId: id, targetId: r.b, scores: [90], comments: ['服务热情', ' '] });
    const codes = await kioskWithStaffCodes(h, id, 2);
    for (const code of codes)
      await h.ok('kiosk.submit', {
        code,
        ballot: {
          kind: 'staff',
          votes: votes([
            [r.a, 'good', '作风扎实'],
            [r.b, 'good'],
            [r.c, 'fair', '希望多下基层'],
          ]),
        },
      });
    await h.ok('kiosk.exit', { password: PASSWORDS.assessmentClerk });
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('assessment_comments')`
      .execute(h.host.session().db)
      .then((x) => x.rows.map((c) => c.name));
    expect(columns).toEqual(['assessment_id', 'target_cadre_id', 'text', 'source', 'count']);
    // WITHOUT ROWID: no hidden row number records which comment came first.
    await expect(sql`SELECT rowid FROM assessment_comments`.execute(h.host.session().db)).rejects.toThrow();
    expect(await rawComments(h)).toEqual([
      { assessment_id: id, target_cadre_id: r.a, text: '作风扎实', source: 'kiosk', count: 2 },
      { assessment_id: id, target_cadre_id: r.a, text: '作风扎实', source: 'paper', count: 1 },
      { assessment_id: id, target_cadre_id: r.b, text: '服务热情', source: 'paper', count: 1 },
      { assessment_id: id, target_cadre_id: r.c, text: '希望多下基层', source: 'kiosk', count: 2 },
    ]);
    const shown = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).comments;
    expect(shown).toEqual([
      { cadreId: r.a, forms: 3, comments: [{ text: '作风扎实', count: 3 }] },
      { cadreId: r.b, forms: 4, comments: [{ text: '服务热情', count: 1 }] },
      { cadreId: r.c, forms: 3, comments: [{ text: '希望多下基层', count: 2 }] },
    ]);
  });

  test('hidden while fewer than 3 forms came in for the cadre', async () => {
    const { h, r, id } = await collecting();
    const form = (t: string): Vote[] => [
      [r.a, 'good', t],
      [r.b, 'good'],
      [r.c, 'good'],
    ];
    await h.ok('ballots.addStaffBallot', paper(id, form('乙')));
    await h.ok('ballots.addStaffBallot', paper(id, form('甲')));
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).comments).toEqual([
      { cadreId: r.a, forms: 2, comments: null },
    ]);
    await h.ok('ballots.addStaffBallot', paper(id, form('')));
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).comments).toEqual([
      // Sorted by text, not by arrival.
      {
        cadreId: r.a,
        forms: 3,
        comments: [
          { text: '乙', count: 1 },
          { text: '甲', count: 1 },
        ].sort((x, y) => (x.text < y.text ? -1 : 1)),
      },
    ]);
  });

  test('a comment over 200 characters is refused in Chinese and nothing is stored', async () => {
    const { h, r, id } = await collecting();
    const before = await assessmentTables(h);
    expect(
      await h.err(
        'ballots.addStaffBallot',
        paper(id, [
          [r.a, 'good', '很'.repeat(201)],
          [r.b, 'good'],
          [r.c, 'good'],
        ]),
      ),
    ).toMatchObject({ code: 'VALIDATION', message: '意见建议不能超过 200 个字' });
    expect(await assessmentTables(h)).toEqual(before);
  });
});

describe('the Excel ballot template', () => {
  const CHIEF = '正职·苏木镇（街道）';
  const startOf = (ws: ExcelJS.Worksheet, marker: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === marker) return r + 2;
    throw new Error(`no ${marker}`);
  };
  async function previewFilled(h: TestHost, id: number, edit: (ws: ExcelJS.Worksheet) => void) {
    const wb = await loadWorkbook(await downloadTemplate(h, id));
    edit(wb.getWorksheet(CHIEF)!);
    const path = await saveWorkbook(wb, join(tempDir(), '已填测评票.xlsx'));
    const [file] = await h.pickOpen('ballotExcel', path);
    return h.ok('ballots.previewExcel', { assessmentId: id, token: file!.token });
  }

  test('forms one per row: over-cap forms are listed with their row and counted as 无效票; comments imported unlinked', async () => {
    const { h, r, id } = await collecting();
    const p = await previewFilled(h, id, (ws) => {
      const forms = startOf(ws, FORM_MARKERS.staffForms);
      expect(ws.getCell(forms - 1, 2).value).toBe('阿古拉');
      setRow(ws, forms, 2, ['优秀', '较好', '一般']);
      setRow(ws, forms + 1, 2, ['优秀', '优秀', '较好']);
      setRow(ws, forms + 2, 2, ['较好', '较好', '较差']);
      const comments = startOf(ws, FORM_MARKERS.comments);
      setRow(ws, comments, 1, ['巴特尔', '  多听群众意见 ']);
      setRow(ws, comments + 1, 1, ['朝鲁', '工作细致']);
    });
    expect(p.issues).toEqual([]);
    expect(p.voidedCount).toBe(1);
    expect(p.voided[0]).toMatchObject({ sheet: CHIEF, column: '测评票' });
    expect(p.voided[0]!.message).toBe(
      '本票评了 2 个“优秀”，超过本票允许的 1 个（共 3 人）；超过的测评票为无效票，不计入（第2张）',
    );
    expect(await h.ok('ballots.commitExcel', commitInput(id, p))).toMatchObject({ voidForms: 1, comments: 2 });
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(Object.fromEntries(list.staff.map((s) => [s.targetId, s.counts]))).toEqual({
      [r.a]: { excellent: 1, good: 1, fair: 0, poor: 0 },
      [r.b]: { excellent: 0, good: 2, fair: 0, poor: 0 },
      [r.c]: { excellent: 0, good: 0, fair: 1, poor: 1 },
    });
    expect(list.voidForms).toEqual([
      { group: 'chief:C1', kind: 'staff', reason: 'excellentCapExceeded', source: 'excel', count: 1 },
    ]);
    // Two forms per cadre so far: the comments are stored but not shown yet.
    expect(list.comments).toEqual([
      { cadreId: r.b, forms: 2, comments: null },
      { cadreId: r.c, forms: 2, comments: null },
    ]);
    expect(await rawComments(h)).toEqual([
      { assessment_id: id, target_cadre_id: r.b, text: '多听群众意见', source: 'excel', count: 1 },
      { assessment_id: id, target_cadre_id: r.c, text: '工作细致', source: 'excel', count: 1 },
    ]);
  });

  test('a bad grade, a missing grade and an over-long comment are listed with sheet, row and column; nothing imported', async () => {
    const { h, id } = await collecting();
    const before = await assessmentTables(h);
    const p = await previewFilled(h, id, (ws) => {
      const forms = startOf(ws, FORM_MARKERS.staffForms);
      setRow(ws, forms, 2, ['很好', '较好', null]);
      setRow(ws, startOf(ws, FORM_MARKERS.comments), 1, ['朝鲁', '长'.repeat(201)]);
    });
    const at = startOf(
      (await loadWorkbook(await downloadTemplate(h, id))).getWorksheet(CHIEF)!,
      FORM_MARKERS.staffForms,
    );
    expect(p.issues.map((i) => [i.row === at ? 'form' : 'comment', i.column, i.message])).toEqual([
      ['form', '阿古拉（B 列）', '“很好”不是优秀、较好、一般、较差之一'],
      ['form', '评价等次', '本票缺少“朝鲁”的评价等次'],
      ['comment', '意见建议（B 列）', '意见建议不能超过 200 个字'],
    ]);
    expect(await h.err('ballots.commitExcel', commitInput(id, p))).toMatchObject({ code: 'VALIDATION' });
    // The template downloads are audited; the assessment's tables are as they were.
    expect((await assessmentTables(h)).digest).toEqual(before.digest);
  });
});

describe('the 测评汇总 export', () => {
  test('lists voided forms among the invalid ones and the comments per cadre, hidden below 3 forms', async () => {
    const { h, r, id } = await collecting();
    const form = (t: string): Vote[] => [
      [r.a, 'good', t],
      [r.b, 'good'],
      [r.c, 'good'],
    ];
    for (const t of ['乙', '甲', '乙']) await h.ok('ballots.addStaffBallot', paper(id, form(t)));
    await h.ok('ballots.setVoidForms', {
      assessmentId: id,
      group: 'chief:C1',
      reason: 'excellentCapExceeded',
      count: 2,
    });
    await h.ok('ballots.saveService', { assessmentId: id, targetId: r.c, scores: [], comments: ['只写了意见'] });
    await h.ok('ballots.saveService', { assessmentId: id, targetId: r.d, scores: [80], comments: ['只有一张'] });
    const path = join(tempDir(), '测评汇总.xlsx');
    const token = await h.pickSave('ballotSummary', path);
    await h.ok('ballots.exportSummary', { assessmentId: id, token });
    const wb = await loadWorkbook(path);
    const values = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .slice(3)
        .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values('无效票')).toContainEqual(['正职·苏木镇（街道）', '职工测评', '优秀票数超过规定比例', 2]);
    const comments = values('意见建议');
    expect(comments.slice(0, 3)).toEqual([
      ['阿古拉', '乌兰镇', 3, '乙', 2],
      ['阿古拉', '乌兰镇', 3, '甲', 1],
      ['朝鲁', '阿尔巴斯苏木', 3, '只写了意见', 1],
    ]);
    expect(comments.find((c) => c[0] === '德力格尔')).toEqual([
      '德力格尔',
      '乌兰镇',
      1,
      '收到的测评票不足 3 张，意见建议暂不显示',
    ]);
    expect(JSON.stringify(comments)).not.toContain('只有一张');
  });
});
