// 评议码 slips behind print.renderSlips / print.saveSlips on a real encrypted store: only codes of unused seats of the
// named group are printed, the PDF goes only to the chosen file, the job is dropped once saved, nothing reaches the
// print register, and no table of the store (the audit log included) holds a plain code. The PDF's text is checked
// in e2e (test/e2e/print-slips.test.ts); here the printer is a stand-in recording the route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { PanelCodeSheet } from '../../../shared/assessment/panel';
import { createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { newHostWithStore, STAND_IN_PDF, type TestHost } from '../../helpers/host';
import { printRegisterState, recordingPrinter } from '../../helpers/print';
import { keyFromRecoveryCode, withRaw } from '../../helpers/raw-store';
import { lastAudit, loginAs } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

async function slipsHost() {
  const { routes, printPdf } = recordingPrinter();
  const h = await newHostWithStore({ printPdf });
  await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  const sheet = await h.ok('codes.generate', { assessmentId: a.id, kind: 'superior', group: 'chief:C1', count: 12 });
  return { h, routes, sheet };
}

const slipsInput = (sheet: PanelCodeSheet) => ({
  assessmentId: sheet.assessmentId,
  kind: sheet.kind,
  group: sheet.group,
  groupName: sheet.groupName,
  slips: sheet.slips.map((s) => ({ seatLabel: s.seatLabel, code: s.code })),
});

/** Every row of every table of the store, read raw, as one string. */
async function wholeStore(h: TestHost): Promise<string> {
  const key = await keyFromRecoveryCode(h.dir, (h as TestHost & { recoveryCode: string }).recoveryCode);
  return withRaw(h.dir, key, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t.name}"`).all()));
  });
}

const state = async (h: TestHost) => ({
  ...(await printRegisterState(h)),
  seats: await h.host.session().db.selectFrom('assessment_panel_codes').selectAll().orderBy('id').execute(),
});

test('render then save: the slips job prints the sheet, the file is written, the job dropped, one audit entry without codes', async () => {
  const { h, routes, sheet } = await slipsHost();
  const before = await state(h);
  const r = await h.ok('print.renderSlips', slipsInput(sheet));
  expect(r).toMatchObject({
    title: '2025年度科级干部“双比双评”考核评议码（上级领导综合排名·正职·苏木镇（街道））',
    serials: [],
    pages: 1,
    bytes: STAND_IN_PDF.length,
  });
  expect(routes).toEqual([`print/${r.jobId}`]);
  const job = await h.ok('print.job', { jobId: r.jobId });
  expect(job).toMatchObject({ kind: 'slips', groupName: '正职·苏木镇（街道）' });
  expect(job.kind === 'slips' && job.slips.map((s) => s.code)).toEqual(sheet.slips.map((s) => s.code));
  expect(job.kind === 'slips' && job.slips[0]).toEqual({
    code: sheet.slips[0]!.code,
    seatLabel: '上级领导 第 1 号',
    groupName: '正职·苏木镇（街道）',
    assessmentName: '2025年度科级干部“双比双评”考核',
  });
  // A slips job is not a registered document: print.save refuses it.
  const out = join(tempDir(), '评议码.pdf');
  expect(
    await h.err('print.save', { jobId: r.jobId, token: await h.pickSave('printPdf', join(tempDir(), 'x.pdf')) }),
  ).toMatchObject({ code: 'VALIDATION', field: 'jobId' });
  expect(await state(h)).toEqual(before);

  expect(await h.ok('print.saveSlips', { jobId: r.jobId, token: await h.pickSave('codeSlips', out) })).toEqual({
    fileName: '评议码.pdf',
    slips: 12,
  });
  expect(readFileSync(out)).toEqual(STAND_IN_PDF);
  const after = await state(h);
  expect(after.rows).toEqual([]);
  expect(after.seats).toEqual(before.seats);
  expect(after.audit).toBe(before.audit + 1);
  expect(await lastAudit(h)).toMatchObject({
    action: 'print.saveSlips',
    detail: { kind: '上级领导综合排名', group: '正职·苏木镇（街道）', slips: 12, fileName: '评议码.pdf' },
  });
  // The job and its plain codes are gone once saved.
  expect(await h.err('print.job', { jobId: r.jobId })).toMatchObject({ code: 'NOT_FOUND' });
  expect(
    await h.err('print.saveSlips', {
      jobId: r.jobId,
      token: await h.pickSave('codeSlips', join(tempDir(), 'again.pdf')),
    }),
  ).toMatchObject({ code: 'NOT_FOUND' });
  // No table of the store, the audit log and the print register included, holds a plain code.
  const raw = await wholeStore(h);
  expect(raw).toContain('print.saveSlips');
  for (const { code } of sheet.slips) {
    expect(raw).not.toContain(code);
    expect(raw).not.toContain(code.replace('-', ''));
  }
});

test('refused slips: codes not of an unused seat of that group, bad shapes, other roles; nothing changes', async () => {
  const { h, routes, sheet } = await slipsHost();
  const input = slipsInput(sheet);
  await h.ok('codes.revoke', {
    assessmentId: sheet.assessmentId,
    id: (await h.ok('codes.list', { assessmentId: sheet.assessmentId }))[2]!.id,
  });
  const before = await state(h);
  const e = (i: unknown) => h.err('print.renderSlips', i as never);
  // The revoked third seat.
  expect(await e(input)).toEqual({
    code: 'VALIDATION',
    field: 'slips',
    message: '第 3 张评议码不是本组未使用的评议码（可能已作废、已使用或已补发），请重新生成后再打印',
  });
  const fresh = { ...input, slips: input.slips.filter((_, i) => i !== 2) };
  // The same codes named as another kind or group are not that group's seats.
  expect(await e({ ...fresh, kind: 'staff' })).toMatchObject({ code: 'VALIDATION', field: 'slips' });
  expect(await e({ ...fresh, group: 'deputy:1' })).toMatchObject({ code: 'VALIDATION', field: 'slips' });
  expect(await e({ ...fresh, slips: [...fresh.slips, { seatLabel: '伪造', code: 'ABCD-EFGH' }] })).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('第 12 张评议码'),
  });
  expect(await e({ ...fresh, assessmentId: 999 })).toMatchObject({ code: 'NOT_FOUND', field: 'assessmentId' });
  expect(await e({ ...fresh, slips: [{ seatLabel: '上级领导 第 1 号', code: '这不是码' }] })).toMatchObject({
    code: 'VALIDATION',
    message: '评议码格式不正确',
  });
  expect(await e({ ...fresh, slips: [fresh.slips[0], fresh.slips[0]] })).toMatchObject({
    code: 'VALIDATION',
    message: '评议码不能重复',
  });
  expect(await e({ ...fresh, slips: [] })).toMatchObject({ code: 'VALIDATION', message: '没有可打印的评议码' });
  expect(await e({ ...fresh, groupName: '' })).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('分组名称'),
  });
  expect(routes).toEqual([]);
  expect(await state(h)).toEqual(before);
  // Only those who generate codes print them (logging in as the clerk adds that user's entries, so compare after).
  await loginAs(h, 'assessmentClerk');
  const asClerk = await state(h);
  expect(await e(fresh)).toMatchObject({ code: 'FORBIDDEN' });
  expect(await state(h)).toEqual(asClerk);
});
