// Issue 18: three 评议终端 laptops (three temp stores) with sealed packages out and sealed returns back in; merged
// rankings equal those of the same ballots cast at the main PC's kiosk; a double-used code, a replay, a tampered
// byte, another assessment's return and a revoked code.
import { sql } from 'kysely';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { assessmentTables } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { ADMIN } from '../../helpers/tmp-store';
import {
  ballotFor,
  exportTo,
  finish,
  importError,
  importFile,
  laptop,
  mainPc,
  rankingsDigest,
  type MainPc,
  type Slip,
} from './fixture';

/** 上级排名 ballots stored, whatever ballots.list may show of them. */
const superiorRows = async (h: TestHost): Promise<number> =>
  (await sql<{ n: number }>`SELECT count(*) AS n FROM assessment_superior_ballots`.execute(h.host.session().db))
    .rows[0]!.n;

/** The same ballots through the main PC's own kiosk, on a second main PC with the same roster and seats. */
async function onePc(cast: readonly { slipIndex: number; ballotIndex: number }[]): Promise<string> {
  const m = await mainPc();
  await m.h.ok('kiosk.start', { assessmentId: m.id });
  for (const c of cast)
    await m.h.ok('kiosk.submit', {
      code: m.slips[c.slipIndex]!.code,
      ballot: ballotFor(m, m.slips[c.slipIndex]!, c.ballotIndex),
    });
  await m.h.ok('kiosk.exit', { password: ADMIN.password });
  return rankingsDigest(m);
}

describe('three terminals, 300 ballots over all kinds', () => {
  test("merged in any order, with a code used on two terminals adopted from one of them, the rankings equal one PC's", async () => {
    const m = await mainPc();
    expect(m.slips.length).toBe(300);
    // T1 covers every group, T2 the 正职 group, T3 the 副职 group: the 正职 seats are on two packages.
    const p1 = await exportTo(m, 1);
    const p2 = await exportTo(m, 2, [m.chief]);
    const p3 = await exportTo(m, 3, [m.deputy]);
    expect(p1.password).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    expect(p1.seats).toBe(300);
    expect(p2.groups.map((g) => g.name)).toEqual(['正职·苏木镇（街道）']);
    const [t1, t2, t3] = [await laptop(p1), await laptop(p2), await laptop(p3)];
    // Each seat votes once: 正职 seats alternate between T1 and T2, 副职 ones between T1 and T3.
    const cast: { slipIndex: number; ballotIndex: number; on: typeof t1 }[] = [];
    m.slips.forEach((s: Slip, i) => {
      const other = s.group === m.chief ? t2 : t3;
      cast.push({ slipIndex: i, ballotIndex: i, on: i % 2 === 0 ? t1 : other });
    });
    // One 职工 code of the 正职 group is used on T1 and again on T2 (the slip was copied).
    const twice = m.slips.findIndex((s) => s.kind === 'staff' && s.group === m.chief);
    const again = cast.find((c) => c.slipIndex === twice)!;
    const otherSide = again.on === t1 ? t2 : t1;
    for (const c of cast)
      await c.on.t.submit(m.slips[c.slipIndex]!.code, ballotFor(m, m.slips[c.slipIndex]!, c.ballotIndex));
    await otherSide.t.submit(m.slips[twice]!.code, ballotFor(m, m.slips[twice]!, 1000));
    // Used once per terminal: a second use there is refused.
    await expect(otherSide.t.submit(m.slips[twice]!.code, ballotFor(m, m.slips[twice]!, 1000))).rejects.toThrow(
      '该评议码已使用',
    );

    const r3 = await finish(t3, p3.password);
    const r1 = await finish(t1, p1.password);
    const r2 = await finish(t2, p2.password);
    // Returns in any order: T3 first (副职 seats also on T1: held), then T2, then T1.
    const i3 = await importFile(m, r3);
    expect(i3.merged).toBe(0);
    expect(i3.groups.reduce((n, g) => n + g.held, 0)).toBe(i3.ballots);
    const i2 = await importFile(m, r2);
    expect(i2.merged).toBe(0);
    const i1 = await importFile(m, r1);
    expect(i1.groups.reduce((n, g) => n + g.conflict, 0)).toBe(1);
    const list = await m.h.ok('terminals.list', { assessmentId: m.id });
    expect(list.conflicts).toHaveLength(1);
    const conflict = list.conflicts[0]!;
    expect(conflict).toMatchObject({
      kindLabel: '干部职工测评',
      groupName: '正职·苏木镇（街道）',
      terminals: [1, 2],
      state: 'open',
    });
    expect(list.packages.map((p) => [p.terminalNo, p.returnedOn !== null, p.openConflicts])).toEqual([
      [1, true, 1],
      [2, true, 1],
      [3, true, 0],
    ]);
    // Everything but the two conflicting ballots is in: 300 seats, one counted twice for now.
    expect(list.packages.reduce((n, p) => n + p.merged, 0)).toBe(299);

    // The panel chair adopts T1's ballot (by terminal only).
    const resolved = await m.h.ok('terminals.resolveConflict', { assessmentId: m.id, id: conflict.id, choice: 1 });
    expect(resolved).toMatchObject({ state: 'adopted', outcome: '采用终端 1 的票' });
    const after = await m.h.ok('terminals.list', { assessmentId: m.id });
    expect(after.packages.reduce((n, p) => n + p.merged, 0)).toBe(300);
    expect(after.packages.every((p) => p.held === 0 && p.openConflicts === 0)).toBe(true);
    const adoptedIndex = again.on === t1 ? twice : 1000;
    const reference = await onePc(
      cast.map((c) => (c.slipIndex === twice ? { slipIndex: twice, ballotIndex: adoptedIndex } : c)),
    );
    expect(await rankingsDigest(m)).toBe(reference);
    // Resolved once: a second choice is refused.
    expect(
      (await m.h.err('terminals.resolveConflict', { assessmentId: m.id, id: conflict.id, choice: 2 })).message,
    ).toContain('已处理');
  }, 240_000);
});

/** A small main PC (a few seats) with one package out, voted on and returned. */
async function small(): Promise<{ m: MainPc; pkg: Awaited<ReturnType<typeof exportTo>>; ret: string }> {
  const m = await mainPc({ superiorChief: 3, staffChief: 3, superiorDeputy: 2, staffDeputy: 2 });
  const pkg = await exportTo(m, 1);
  const l = await laptop(pkg);
  for (const [i, s] of m.slips.entries()) if (i % 2 === 0) await l.t.submit(s.code, ballotFor(m, s, i));
  return { m, pkg, ret: await finish(l, pkg.password) };
}

describe('意见建议 written on a laptop', () => {
  test('count after the return as they would at the main PC’s kiosk (by text, once per form)', async () => {
    const m = await mainPc({ superiorChief: 0, staffChief: 3, superiorDeputy: 0, staffDeputy: 0 });
    const pkg = await exportTo(m, 1);
    const l = await laptop(pkg);
    const staff = m.slips.filter((s) => s.kind === 'staff');
    for (const [i, s] of staff.entries()) {
      const ballot = ballotFor(m, s, i);
      if (ballot.kind !== 'staff') throw new Error('a staff seat');
      const votes = ballot.votes.map((v) =>
        v.targetId === m.r.a ? { ...v, comment: i < 2 ? '加强调查研究' : '多下基层' } : v,
      );
      await l.t.submit(s.code, { kind: 'staff', votes });
    }
    await importFile(m, await finish(l, pkg.password));
    const { comments } = await m.h.ok('ballots.list', { assessmentId: m.id, parts: ['comments'] });
    expect(comments?.find((c) => c.cadreId === m.r.a)).toEqual({
      cadreId: m.r.a,
      forms: 3,
      comments: expect.arrayContaining([
        { text: '加强调查研究', count: 2 },
        { text: '多下基层', count: 1 },
      ]),
    });
  });
});

describe('returns refused or changing nothing', () => {
  test('a replayed return changes nothing; a second, different return of the same package is refused', async () => {
    const { m, ret } = await small();
    const first = await importFile(m, ret);
    expect(first.merged).toBe(first.ballots);
    const before = await assessmentTables(m.h);
    const again = await importFile(m, ret);
    expect(again).toMatchObject({ alreadyImported: true, merged: 0 });
    const after = await assessmentTables(m.h);
    expect(after.digest).toBe(before.digest);
  }, 60_000);

  test('a tampered byte, a truncated file and a package offered as a return are refused by name, nothing written', async () => {
    const { m, pkg, ret } = await small();
    const before = await assessmentTables(m.h);
    const bytes = readFileSync(ret);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 40]! ^= 0x01;
    writeFileSync(ret + '.t', tampered);
    expect((await importError(m, ret + '.t')).message).toContain('已被篡改或损坏');
    writeFileSync(ret + '.c', bytes.subarray(0, bytes.length - 100));
    expect((await importError(m, ret + '.c')).message).toContain('截断');
    expect((await importError(m, pkg.file)).message).toContain('这是评议终端包，请选择评议终端回收文件');
    const header = Buffer.from(bytes);
    const at = header.indexOf('"terminalNo":1');
    header.write('"terminalNo":2', at);
    writeFileSync(ret + '.h', header);
    expect((await importError(m, ret + '.h')).message).toMatch(/篡改/);
    const after = await assessmentTables(m.h);
    expect(after.digest).toBe(before.digest);
  }, 60_000);

  test('a return of another assessment, or of another store, is refused by name', async () => {
    const { m, ret } = await small();
    const other = await m.h.ok('assessments.create', {
      name: '另一次考核',
      year: 2025,
      scope: { categoryCodes: ['C2'], unitIds: [] },
    });
    await m.h.ok('assessments.setState', { id: other.id, version: other.version, state: 'collecting' });
    const [picked] = await m.h.pickOpen('terminalReturn', ret);
    const e = await m.h.err('terminals.importReturn', { assessmentId: other.id, token: picked!.token });
    expect(e.message).toContain('属于另一次考核');
    const elsewhere = await small();
    expect((await importError(elsewhere.m, ret)).message).toContain('不是本档案库导出的');
  }, 60_000);

  test('a code revoked after the package was made: its ballot is refused and listed, the rest merged', async () => {
    const m = await mainPc({ superiorChief: 3, staffChief: 0, superiorDeputy: 0, staffDeputy: 0 });
    const pkg = await exportTo(m, 1, [m.chief]);
    const l = await laptop(pkg);
    const superior = m.slips.filter((s) => s.kind === 'superior');
    for (const [i, s] of superior.entries()) await l.t.submit(s.code, ballotFor(m, s, i));
    const seats = await m.h.ok('codes.list', { assessmentId: m.id });
    const first = seats.find((s) => s.kind === 'superior' && s.seatNo === 1)!;
    await m.h.ok('codes.revoke', { assessmentId: m.id, id: first.id });
    const out = await importFile(m, await finish(l, pkg.password));
    expect(out.refused).toEqual([
      {
        kindLabel: '上级领导综合排名',
        groupName: '正职·苏木镇（街道）',
        seatLabel: first.seatLabel,
        why: '评议码在导出评议终端包后已作废',
      },
    ]);
    expect(out.merged).toBe(2);
    // Fewer than 3 上级排名 ballots from the kiosk: ballots.list leaves them out (issue 21 §5); the table holds both.
    expect((await m.h.ok('ballots.list', { assessmentId: m.id })).concealedSuperior).toEqual(['chief:C1']);
    expect(await superiorRows(m.h)).toBe(2);
    const list = await m.h.ok('terminals.list', { assessmentId: m.id });
    expect(list.packages[0]!.refused).toHaveLength(1);
  }, 60_000);

  test("a code used on a terminal and at the main PC's kiosk: the terminal's ballot is set aside; only the kiosk's can stay", async () => {
    const m = await mainPc({ superiorChief: 2, staffChief: 0, superiorDeputy: 0, staffDeputy: 0 });
    const pkg = await exportTo(m, 1, [m.chief]);
    const l = await laptop(pkg);
    const s = m.slips.find((x) => x.kind === 'superior')!;
    await l.t.submit(s.code, ballotFor(m, s, 1));
    await m.h.ok('kiosk.start', { assessmentId: m.id });
    await m.h.ok('kiosk.submit', { code: s.code, ballot: ballotFor(m, s, 2) });
    await m.h.ok('kiosk.exit', { password: ADMIN.password });
    const out = await importFile(m, await finish(l, pkg.password));
    expect(out.groups).toMatchObject([{ kindLabel: '上级领导综合排名', conflict: 1, merge: 0 }]);
    const [c] = (await m.h.ok('terminals.list', { assessmentId: m.id })).conflicts;
    expect(c).toMatchObject({ mainKiosk: true, terminals: [1] });
    expect(
      (await m.h.err('terminals.resolveConflict', { assessmentId: m.id, id: c!.id, choice: 1 })).message,
    ).toContain('只能采用主机的票');
    await m.h.ok('terminals.resolveConflict', { assessmentId: m.id, id: c!.id, choice: 'main' });
    expect(await superiorRows(m.h)).toBe(1);
  }, 60_000);
});
