// 作废终端包 (issue 18): a package that never comes back is cancelled with a reason, audited; the ballots another
// terminal's return held for it are merged at once; a return of it later is refused by name and changes nothing;
// bad input (no reason, a terminal never exported, one already back or already cancelled) is refused by name.
import { describe, expect, test } from 'vitest';
import { ballotFor, exportTo, finish, importError, importFile, laptop, mainPc, type MainPc } from './fixture';

const SMALL = { superiorChief: 4, staffChief: 0, superiorDeputy: 0, staffDeputy: 0 };

/** Both terminals carry the 正职 group: a return of one holds its ballots until the other is back (or cancelled). */
async function twoOut(m: MainPc) {
  const p1 = await exportTo(m, 1, [m.chief]);
  const p2 = await exportTo(m, 2, [m.chief]);
  const [l1, l2] = [await laptop(p1), await laptop(p2)];
  const superiors = m.slips.filter((s) => s.kind === 'superior');
  for (const [i, s] of superiors.slice(0, 2).entries()) await l1.t.submit(s.code, ballotFor(m, s, i));
  await l2.t.submit(superiors[3]!.code, ballotFor(m, superiors[3]!, 3));
  return { r1: await finish(l1, p1.password), r2: await finish(l2, p2.password) };
}

const packages = async (m: MainPc) => (await m.h.ok('terminals.list', { assessmentId: m.id })).packages;

describe('作废终端包', () => {
  test('held ballots stop waiting for a cancelled package; its return is refused by name, nothing written', async () => {
    const m = await mainPc(SMALL);
    const { r1, r2 } = await twoOut(m);
    expect(await importFile(m, r1)).toMatchObject({ merged: 0, released: 0 });
    expect((await packages(m)).map((p) => [p.terminalNo, p.held])).toEqual([
      [1, 2],
      [2, 0],
    ]);

    const out = await m.h.ok('terminals.cancel', {
      assessmentId: m.id,
      terminalNo: 2,
      reason: '终端笔记本损坏，票未能导出',
      shown: [{ terminalNo: 1, ballots: 2 }],
    });
    expect(out).toEqual({ terminalNo: 2, released: 2 });
    const [p1, p2] = await packages(m);
    expect(p1).toMatchObject({ held: 0, merged: 2 });
    expect(p2?.cancelled).toMatchObject({ by: '王管理员', reason: '终端笔记本损坏，票未能导出' });
    const log = await m.h.ok('audit.list', { action: 'terminals.cancel', page: 1, pageSize: 10 });
    expect(JSON.stringify(log.rows[0])).toContain('终端笔记本损坏');

    // The laptop turns up after all: its return is refused by name, the store as it was.
    const before = JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }));
    const e = await importError(m, r2);
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(e.message).toMatch(
      /终端 2 的评议终端包已于 \d{4}-\d{2}-\d{2} 由王管理员作废（原因：终端笔记本损坏，票未能导出）/,
    );
    const [picked] = await m.h.pickOpen('terminalReturn', r2);
    expect((await m.h.err('terminals.previewReturn', { assessmentId: m.id, token: picked!.token })).message).toContain(
      '已于',
    );
    expect(JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }))).toBe(before);
  }, 120_000);

  test('the preview says which other terminals’ held ballots merge now, and writes nothing', async () => {
    const m = await mainPc(SMALL);
    const packs = [await exportTo(m, 1, [m.chief]), await exportTo(m, 2, [m.chief]), await exportTo(m, 3, [m.chief])];
    const [l1, , l3] = [await laptop(packs[0]!), null, await laptop(packs[2]!)];
    const superiors = m.slips.filter((s) => s.kind === 'superior');
    for (const i of [0, 1]) await l1.t.submit(superiors[i]!.code, ballotFor(m, superiors[i]!, i));
    await l3!.t.submit(superiors[2]!.code, ballotFor(m, superiors[2]!, 2));
    await importFile(m, await finish(l1, packs[0]!.password));
    await importFile(m, await finish(l3!, packs[2]!.password));
    // Terminal 1's two ballots and terminal 3's one wait for terminal 2, the only package still out.
    expect((await packages(m)).map((p) => [p.terminalNo, p.held])).toEqual([
      [1, 2],
      [2, 0],
      [3, 1],
    ]);
    const before = JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }));
    const audits = (await m.h.ok('audit.list', { page: 1, pageSize: 1 })).total;
    const preview = await m.h.ok('terminals.previewCancel', { assessmentId: m.id, terminalNo: 2 });
    expect(preview).toMatchObject({
      terminalNo: 2,
      released: [
        { terminalNo: 1, ballots: 2 },
        { terminalNo: 3, ballots: 1 },
      ],
    });
    expect(preview.groups.length).toBe(1);
    expect(preview.seats).toBeGreaterThan(0);
    expect(JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }))).toBe(before);
    expect((await m.h.ok('audit.list', { page: 1, pageSize: 1 })).total).toBe(audits);
    // What it said is what the cancel does.
    const shown = preview.released;
    expect(await m.h.ok('terminals.cancel', { assessmentId: m.id, terminalNo: 2, reason: '终端丢失', shown })).toEqual({
      terminalNo: 2,
      released: 3,
    });
    // A package that is back, or already cancelled, has nothing to preview: refused by name.
    expect((await m.h.err('terminals.previewCancel', { assessmentId: m.id, terminalNo: 2 })).message).toMatch(
      /终端 2 的评议终端包已于 .+ 作废/u,
    );
    expect(await m.h.err('terminals.previewCancel', { assessmentId: m.id, terminalNo: 1 })).toMatchObject({
      field: 'terminalNo',
    });
  }, 120_000);

  test('no reason, a terminal never exported, one already back or already cancelled: refused by name', async () => {
    const m = await mainPc(SMALL);
    const { r1 } = await twoOut(m);
    await importFile(m, r1);
    const noReason = await m.h.err('terminals.cancel', { assessmentId: m.id, terminalNo: 2, reason: ' ', shown: [] });
    expect(noReason).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(noReason.message).toContain('请填写作废原因');
    expect(
      await m.h.err('terminals.cancel', { assessmentId: m.id, terminalNo: 7, reason: '丢失', shown: [] }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'terminalNo',
      message: '终端 7 没有导出过评议终端包',
    });
    expect(
      (await m.h.err('terminals.cancel', { assessmentId: m.id, terminalNo: 1, reason: '丢失', shown: [] })).message,
    ).toContain('已于');
    expect((await packages(m)).map((p) => p.cancelled)).toEqual([null, null]);
    await m.h.ok('terminals.cancel', {
      assessmentId: m.id,
      terminalNo: 2,
      reason: '丢失了',
      shown: [{ terminalNo: 1, ballots: 2 }],
    });
    expect(
      (await m.h.err('terminals.cancel', { assessmentId: m.id, terminalNo: 2, reason: '丢失了', shown: [] })).message,
    ).toContain('已于');
  }, 120_000);

  test('a return imported after the confirmation was shown: the cancel is refused with both numbers, nothing written', async () => {
    const m = await mainPc(SMALL);
    const packs = [await exportTo(m, 1, [m.chief]), await exportTo(m, 2, [m.chief]), await exportTo(m, 3, [m.chief])];
    const [l1, l3] = [await laptop(packs[0]!), await laptop(packs[2]!)];
    const superiors = m.slips.filter((s) => s.kind === 'superior');
    for (const i of [0, 1]) await l1.t.submit(superiors[i]!.code, ballotFor(m, superiors[i]!, i));
    await l3.t.submit(superiors[2]!.code, ballotFor(m, superiors[2]!, 2));
    await importFile(m, await finish(l1, packs[0]!.password));
    const preview = await m.h.ok('terminals.previewCancel', { assessmentId: m.id, terminalNo: 2 });
    // Terminal 1's ballots wait for terminals 2 and 3: cancelling 2 alone would merge nothing yet.
    expect(preview.released).toEqual([]);
    // Meanwhile terminal 3 comes back: now all three ballots wait only for terminal 2, which the dialog does not say.
    await importFile(m, await finish(l3, packs[2]!.password));
    const before = JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }));
    const audits = (await m.h.ok('audit.list', { page: 1, pageSize: 1 })).total;
    const input = { assessmentId: m.id, terminalNo: 2, reason: '终端丢失', shown: preview.released };
    const e = await m.h.err('terminals.cancel', input);
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'shown' });
    expect(e.message).toBe(
      '作废对话框打开后情况已有变化：现在作废终端 2 将合并终端 1 暂存的 2 张票、终端 3 暂存的 1 张票（共 3 张），' +
        '而对话框显示的是不合并任何票。未作任何修改，请看清新的情况后再确认作废',
    );
    expect(JSON.stringify(await m.h.ok('terminals.list', { assessmentId: m.id }))).toBe(before);
    expect((await m.h.ok('audit.list', { page: 1, pageSize: 1 })).total).toBe(audits);
    // Confirmed again with what is true now, it goes through.
    const again = await m.h.ok('terminals.previewCancel', { assessmentId: m.id, terminalNo: 2 });
    expect(await m.h.ok('terminals.cancel', { ...input, shown: again.released })).toEqual({
      terminalNo: 2,
      released: 3,
    });
  }, 120_000);
});
