// Anonymous panels on a real store: 评议码 generation, revocation and regeneration; the kiosk's calls, only in kiosk
// mode; a code used once; self-rating impossible; anonymous ballots ranked but never linked to a rater or a code.
import { describe, expect, test } from 'vitest';
import { CODE_ALPHABET, normalizeCode, type PanelCodeSheet } from '../../../shared/assessment/panel';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { auditEntries, lastAudit, loginAs, newRosterHost, PASSWORDS } from '../../helpers/roster';
import { ADMIN } from '../../helpers/tmp-store';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id };
}

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });
const codeOf = (sheet: PanelCodeSheet, label: string) => sheet.slips.find((s) => s.seatLabel === label)!.code;

describe('评议码', () => {
  test('peer codes: one per cadre of the group, 8 unambiguous characters 4-4, stored only as keyed hashes', async () => {
    const { h, id } = await collecting();
    const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
    expect(sheet).toMatchObject({
      assessmentId: id,
      assessmentName: '2025年度科级干部“双比双评”考核',
      year: 2025,
      kind: 'peer',
      kindLabel: '同级互评',
      group: 'chief:C1',
      groupName: '正职·苏木镇（街道）',
    });
    expect(sheet.slips.map((s) => s.seatLabel)).toEqual(['互评人：阿古拉', '互评人：巴特尔', '互评人：朝鲁']);
    for (const { code } of sheet.slips) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect([...code.replace('-', '')].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
    // Nothing in the store or the audit log holds a plain code.
    const rows = await h.host.session().db.selectFrom('assessment_panel_codes').selectAll().execute();
    const stored = JSON.stringify({ rows, audit: await auditEntries(h) });
    for (const { code } of sheet.slips) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);
    expect(await lastAudit(h)).toMatchObject({
      action: 'codes.generate',
      detail: { kind: '同级互评', group: '正职·苏木镇（街道）', codes: 3 },
    });
    expect(normalizeCode(sheet.slips[0]!.code.toLowerCase().replace('-', ' '))).toBe(sheet.slips[0]!.code);
  });

  test('leader and staff seats come as counts, numbered on; the list shows seats and states, never codes', async () => {
    const { h, id } = await collecting();
    await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 2 });
    const more = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
    expect(more.slips.map((s) => s.seatLabel)).toEqual(['上级领导 第 3 号']);
    const seats = await h.ok('codes.list', { assessmentId: id });
    expect(seats.map((s) => [s.seatLabel, s.state])).toEqual([
      ['上级领导 第 1 号', 'unused'],
      ['上级领导 第 2 号', 'unused'],
      ['上级领导 第 3 号', 'unused'],
    ]);
    expect(JSON.stringify(seats)).not.toContain(more.slips[0]!.code);
    expect(JSON.stringify(seats)).not.toMatch(/hash/i);
  });

  test.each([
    [
      'a peer count',
      { kind: 'peer', group: 'chief:C1', count: 2 },
      'count',
      '同级互评的评议码按本组干部每人一个生成，不能指定数量',
    ],
    ['no count for leaders', { kind: 'superior', group: 'chief:C1' }, 'count', '请填写要生成的评议码数量'],
    ['an unknown group', { kind: 'staff', group: 'chief:C9', count: 3 }, 'group', '评议分组不是本次考核的分组'],
    [
      'a one-cadre peer group',
      { kind: 'peer', group: 'chief:C2', count: undefined },
      'group',
      '评议分组不是本次考核的分组',
    ],
  ] as const)('generation refuses %s; nothing is stored', async (_n, input, field, message) => {
    const { h, id } = await collecting();
    const before = await assessmentTables(h);
    expect(await h.err('codes.generate', { assessmentId: id, ...input })).toEqual({
      code: 'VALIDATION',
      field,
      message,
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('codes are generated only while 测评中 and only by administrators', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    expect(
      await h.err('codes.generate', { assessmentId: a.id, kind: 'superior', group: 'chief:C1', count: 1 }),
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只有“测评中”状态才能生成评议码') });
    await startCollecting(h, a);
    await loginAs(h, 'assessmentClerk');
    expect(
      await h.err('codes.generate', { assessmentId: a.id, kind: 'superior', group: 'chief:C1', count: 1 }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('评议终端', () => {
  async function kiosk() {
    const c = await collecting();
    const peer = await c.h.ok('codes.generate', { assessmentId: c.id, kind: 'peer', group: 'chief:C1' });
    const leaders = await c.h.ok('codes.generate', {
      assessmentId: c.id,
      kind: 'superior',
      group: 'chief:C1',
      count: 2,
    });
    const staff = await c.h.ok('codes.generate', { assessmentId: c.id, kind: 'staff', group: 'chief:C1', count: 2 });
    await loginAs(c.h, 'assessmentClerk');
    const started = await c.h.ok('kiosk.start', { assessmentId: c.id });
    expect(started).toEqual({
      assessmentId: c.id,
      assessmentName: '2025年度科级干部“双比双评”考核',
      year: 2025,
      startedBy: '考核录入员甲',
    });
    expect(c.h.host.status().kiosk).toEqual(started);
    return { ...c, peer, leaders, staff };
  }

  test('kiosk calls are refused outside kiosk mode; every other call is refused inside it', async () => {
    const { h, id, r } = await collecting();
    const before = await assessmentTables(h);
    expect(await h.err('kiosk.open', { code: 'ABCD-EFGH' })).toEqual({
      code: 'FORBIDDEN',
      message: '只有在评议终端模式下才能进行此操作',
    });
    expect(
      await h.err('kiosk.submit', { code: 'ABCD-EFGH', ballot: { kind: 'superior', order: [r.a, r.b, r.c] } }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.err('kiosk.exit', { password: ADMIN.password })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await assessmentTables(h)).toEqual(before);

    await h.ok('kiosk.start', { assessmentId: id });
    const inKiosk = await assessmentTables(h);
    for (const [name, input] of [
      ['ballots.list', { assessmentId: id }],
      ['ballots.saveSuperior', { assessmentId: id, raterLabel: 'L1', group: 'chief:C1', order: [r.a, r.b, r.c] }],
      ['rankings.get', { assessmentId: id }],
      ['codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 }],
      ['roster.query', {}],
      ['catalog.get', {}],
      ['kiosk.start', { assessmentId: id }],
      ['session.lock', {}],
    ] as const) {
      expect(await h.err(name, input), name).toEqual({
        code: 'FORBIDDEN',
        message: '评议终端模式下不能进行此操作，请先由工作人员退出评议终端',
      });
    }
    expect(await assessmentTables(h)).toEqual(inKiosk);
    expect(await h.ok('session.touch', {})).toBeNull();
  });

  test('a code opens only its own form; a submitted ballot counts; the code cannot be used again', async () => {
    const { h, r, peer } = await kiosk();
    const code = codeOf(peer, '互评人：阿古拉');
    const audited = (await auditEntries(h)).length;
    const form = await h.ok('kiosk.open', { code: code.toLowerCase() });
    expect((await auditEntries(h)).length).toBe(audited); // opening a form is a read: no audit entry
    expect(form).toMatchObject({
      kind: 'peer',
      kindLabel: '同级互评',
      groupName: '正职·苏木镇（街道）',
      seatLabel: '互评人：阿古拉',
      position: 'chief',
    });
    expect(form.targets.map((t) => t.name)).toEqual(['巴特尔', '朝鲁']);
    expect(form.indicators.map((i) => i.id)).toEqual(['zz1', 'zz2', 'zz3']);

    expect(
      await h.ok('kiosk.submit', {
        code,
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.b, scores: same(85) },
            { targetId: r.c, scores: same(70) },
          ],
        },
      }),
    ).toEqual({ changed: 2 });
    expect(await lastAudit(h)).toMatchObject({
      action: 'kiosk.submit',
      detail: { kind: '同级互评', group: '正职·苏木镇（街道）' },
    });
    const before = await assessmentTables(h);
    expect(await h.err('kiosk.open', { code })).toEqual({
      code: 'VALIDATION',
      field: 'code',
      message: '该评议码已使用，每个评议码只能评议一次',
    });
    expect(
      await h.err('kiosk.submit', {
        code,
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.b, scores: same(10) },
            { targetId: r.c, scores: same(10) },
          ],
        },
      }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'code',
      message: '该评议码已使用，每个评议码只能评议一次',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('self-rating is impossible: the rater is not in the form and a ballot naming them is refused, nothing stored', async () => {
    const { h, r, peer } = await kiosk();
    const code = codeOf(peer, '互评人：阿古拉');
    const before = await assessmentTables(h);
    expect(
      await h.err('kiosk.submit', {
        code,
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.a, scores: same(100) },
            { targetId: r.b, scores: same(80) },
            { targetId: r.c, scores: same(80) },
          ],
        },
      }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'ballot',
      message: '不能给本人打分',
    });
    expect(
      await h.err('kiosk.submit', { code, ballot: { kind: 'peer', ballots: [{ targetId: r.b, scores: same(80) }] } }),
    ).toEqual({ code: 'VALIDATION', field: 'ballot', message: '请为“朝鲁”打分后再提交' });
    expect(await h.err('kiosk.submit', { code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } })).toEqual({
      code: 'VALIDATION',
      field: 'ballot',
      message: '该评议码用于“同级互评”，不能提交其他类型的评议票',
    });
    expect(
      await h.err('kiosk.submit', {
        code,
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.b, scores: same(101) },
            { targetId: r.c, scores: same(80) },
          ],
        },
      }),
    ).toMatchObject({ code: 'VALIDATION', message: '分数必须在 0–100 之间' });
    expect(await assessmentTables(h)).toEqual(before);
    // The code is still good after refused ballots.
    expect((await h.ok('kiosk.open', { code })).seatLabel).toBe('互评人：阿古拉');
  });

  test('wrong and revoked codes are refused with their reason; repeated wrong codes are slowed down', async () => {
    const c = await collecting();
    const leaders = await c.h.ok('codes.generate', {
      assessmentId: c.id,
      kind: 'superior',
      group: 'chief:C1',
      count: 2,
    });
    const seats = await c.h.ok('codes.list', { assessmentId: c.id });
    await c.h.ok('codes.revoke', { assessmentId: c.id, id: seats[0]!.id });
    expect(await lastAudit(c.h)).toMatchObject({ action: 'codes.revoke', detail: { seatNo: 1, to: '已作废' } });
    const replacement = await c.h.ok('codes.regenerate', { assessmentId: c.id, id: seats[1]!.id });
    expect(replacement.slips).toEqual([{ seatNo: 2, seatLabel: '上级领导 第 2 号', code: expect.any(String) }]);
    await c.h.ok('kiosk.start', { assessmentId: c.id });
    const h = c.h;
    expect(await h.err('kiosk.open', { code: leaders.slips[0]!.code })).toEqual({
      code: 'VALIDATION',
      field: 'code',
      message: '该评议码已作废，请向工作人员领取新的评议码',
    });
    expect(await h.err('kiosk.open', { code: leaders.slips[1]!.code })).toMatchObject({
      message: '该评议码已作废，请向工作人员领取新的评议码',
    });
    expect((await h.ok('kiosk.open', { code: replacement.slips[0]!.code })).kind).toBe('superior');
    expect(await h.err('kiosk.open', { code: 'O0I1-ABCD' })).toMatchObject({
      field: 'code',
      message: expect.stringContaining('不含 0、O、1、I'),
    });
    for (let i = 0; i < 4; i++)
      expect(await h.err('kiosk.open', { code: 'ZZZZ-ZZZZ' })).toEqual({
        code: 'VALIDATION',
        field: 'code',
        message: '评议码不正确，请核对后重新输入',
      });
    const throttled = await h.err('kiosk.open', { code: replacement.slips[0]!.code });
    expect(throttled).toMatchObject({
      code: 'THROTTLED',
      message: expect.stringMatching(/^评议码连续输错 5 次，请在 \d+ 秒后再试$/),
    });
  });

  test('anonymous ballots of every kind count in the rankings; lists, rankings and audit never link them to a rater or code', async () => {
    const { h, r, id, peer, leaders, staff } = await kiosk();
    await h.ok('kiosk.submit', {
      code: codeOf(peer, '互评人：巴特尔'),
      ballot: {
        kind: 'peer',
        ballots: [
          { targetId: r.a, scores: same(90) },
          { targetId: r.c, scores: same(70) },
        ],
      },
    });
    await h.ok('kiosk.submit', { code: leaders.slips[0]!.code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } });
    await h.ok('kiosk.submit', { code: leaders.slips[1]!.code, ballot: { kind: 'superior', order: [r.b, r.a, r.c] } });
    await h.ok('kiosk.submit', {
      code: staff.slips[0]!.code,
      ballot: {
        kind: 'staff',
        votes: [
          { targetId: r.a, grade: 'excellent' },
          { targetId: r.b, grade: 'good' },
          { targetId: r.c, grade: 'fair' },
        ],
      },
    });
    await h.ok('kiosk.submit', {
      code: staff.slips[1]!.code,
      ballot: {
        kind: 'staff',
        votes: [
          { targetId: r.a, grade: 'good' },
          { targetId: r.b, grade: 'good' },
          { targetId: r.c, grade: 'fair' },
        ],
      },
    });
    expect(await h.err('kiosk.exit', { password: 'wrong-password' })).toMatchObject({
      code: 'VALIDATION',
      field: 'password',
      message: expect.stringContaining('密码不正确'),
    });
    expect(h.host.status().kiosk).not.toBeNull();
    expect(await h.ok('kiosk.exit', { password: PASSWORDS.assessmentClerk })).toBeNull();
    expect(h.host.status().kiosk).toBeNull();

    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(list.peer).toEqual([
      expect.objectContaining({ raterId: null, anonymous: true, targetId: r.a, enteredBy: '评议终端' }),
      expect.objectContaining({ raterId: null, anonymous: true, targetId: r.c, enteredBy: '评议终端' }),
    ]);
    // 2 kiosk ballots per kind, fewer than 3: the entry tabs' list shows neither them nor their counts (issue 21 §5).
    expect(list.superior).toEqual([]);
    expect(list.concealedSuperior).toEqual(['chief:C1']);
    const zero = { excellent: 0, good: 0, fair: 0, poor: 0 };
    expect(list.staff.map((s) => [s.counts, s.bySource, s.kioskConcealed])).toEqual([
      [zero, {}, true],
      [zero, {}, true],
      [zero, {}, true],
    ]);
    // The superior labels are random: nothing in them names a seat or a code.
    const everything = JSON.stringify({
      list,
      seats: await h.ok('codes.list', { assessmentId: id }),
      audit: await auditEntries(h),
    });
    for (const slip of [...peer.slips, ...leaders.slips, ...staff.slips]) expect(everything).not.toContain(slip.code);
    expect(list.peer.map((b) => b.id)).toEqual([0, 0]);
    expect([...list.peer, ...list.superior].every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.enteredAt))).toBe(true);
    for (const b of list.superior) expect(b.raterLabel).toMatch(/^匿名评议-[0-9a-f]{8}$/);
    const submits = (await auditEntries(h))
      .filter((e) => e.action === 'kiosk.submit')
      .map((e) => JSON.parse(e.detail) as Record<string, unknown>);
    expect(submits.every((d) => Object.keys(d).sort().join() === 'assessmentId,group,kind')).toBe(true);

    const rankings = await h.ok('rankings.get', { assessmentId: id });
    const c1 = rankings.result.groups.find((g) => g.groupKey === 'C1')!;
    const row = (cid: number) => c1.rows.find((x) => x.cadreId === String(cid))!;
    // Two kiosk leaders and two staff votes: fewer than 3 anonymous ballots, so scores without counts (issue 21 §5).
    expect(row(r.a).components.superior).toEqual({ score: 90, ballots: 0, trimmed: false });
    expect(row(r.a).components.peer).toEqual({ score: 90, ballots: 1, trimmed: false });
    expect(row(r.a).components.staff).toEqual({ score: 92.5, ballots: 0, trimmed: false });
    expect(row(r.b).components.staff).toEqual({ score: 85, ballots: 0, trimmed: false });
    expect(rankings.concealed?.[String(r.a)]).toEqual(['superior', 'staff']);
    expect(rankings.invalidBallots).toEqual([]);
    const seats = await h.ok('codes.list', { assessmentId: id });
    expect(seats.filter((s) => s.state === 'used').map((s) => s.seatLabel)).toEqual([
      '上级领导 第 1 号',
      '上级领导 第 2 号',
      '互评人：巴特尔',
      '干部职工 第 1 号',
      '干部职工 第 2 号',
    ]);
  });

  test('kiosk mode ends with the session, and a kiosk cannot be started outside 测评中', async () => {
    const { h, id } = await kiosk();
    await h.host.lock('manual');
    await loginAs(h, 'assessmentClerk');
    expect(h.host.status().kiosk).toBeNull();
    await loginAs(h, 'admin');
    const d = await h.ok('assessments.get', { id });
    await h.ok('assessments.setState', { id, version: d.version, state: 'summarized' });
    expect(await h.err('kiosk.start', { assessmentId: id })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('只有“测评中”状态才能进入评议终端'),
    });
    expect(h.host.status().kiosk).toBeNull();
  });
});
