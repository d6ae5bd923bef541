// 排名表 behind print.renderRankings / print.save on a real encrypted store: the job names the assessment, 份号 are
// numbered per assessment, saved copies go into the register as kind 'rankings', and who may print is whoever may
// both read rankings and save prints. Bad input changes nothing. The PDF's text is checked in e2e
// (test/e2e/print-rankings.test.ts); here the printer is a stand-in recording the route.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { newHostWithStore } from '../../helpers/host';
import { printRegisterState, recordingPrinter } from '../../helpers/print';
import { loginAs } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

async function rankingsHost() {
  const { routes, printPdf } = recordingPrinter();
  const h = await newHostWithStore({ printPdf });
  const roster = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await enterWorkedExample(h, a.id, roster);
  return { h, routes, a, roster };
}

const state = printRegisterState;

test('render then save: the job names the assessment, copies go into the register as 考核排名表, numbered per assessment', async () => {
  const { h, routes, a } = await rankingsHost();
  await loginAs(h, 'dossierClerk');
  const r = await h.ok('print.renderRankings', { assessmentId: a.id, copies: 2, recipients: ['县委常委会'] });
  expect(r).toMatchObject({ title: `${a.name}排名表`, serials: ['001', '002'], pages: 1 });
  expect(routes).toEqual([`print/${r.jobId}`]);
  expect(await h.ok('print.job', { jobId: r.jobId })).toMatchObject({
    kind: 'rankings',
    assessmentId: a.id,
    printedBy: '档案管理员甲',
    copies: [
      { serial: '001', recipient: '县委常委会' },
      { serial: '002', recipient: '' },
    ],
  });
  const token = await h.pickSave('printPdf', join(tempDir('ganbu-print-'), '排名表.pdf'));
  expect(await h.ok('print.save', { jobId: r.jobId, token })).toEqual({
    fileName: '排名表.pdf',
    serials: ['001', '002'],
  });
  const list = await h.ok('prints.list', {});
  expect(list.map((x) => [x.kind, x.serial, x.recipient, x.title])).toEqual([
    ['rankings', '001', '县委常委会', `${a.name}排名表`],
    ['rankings', '002', '', `${a.name}排名表`],
  ]);
  expect((await h.ok('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [] })).serials).toEqual([
    '003',
  ]);
});

test('打印意见建议: the job carries comments only when asked, and none for a cadre with fewer than 3 forms', async () => {
  const { h, a, roster } = await rankingsHost();
  // 甲 has 2 staff forms and now 1 service form (3); 丙 has 1 staff and 1 service form (2).
  await h.ok('ballots.saveService', { assessmentId: a.id, targetId: roster.a, scores: [92], comments: ['作风扎实'] });
  await h.ok('ballots.saveService', {
    assessmentId: a.id,
    targetId: roster.c,
    scores: [80],
    comments: ['希望多下基层'],
  });
  await loginAs(h, 'dossierClerk');
  const plain = await h.ok('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [] });
  expect(await h.ok('print.job', { jobId: plain.jobId })).not.toHaveProperty('comments');
  const off = await h.ok('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [], comments: false });
  expect(await h.ok('print.job', { jobId: off.jobId })).not.toHaveProperty('comments');
  const on = await h.ok('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [], comments: true });
  expect(await h.ok('print.job', { jobId: on.jobId })).toMatchObject({
    kind: 'rankings',
    comments: [{ cadreId: roster.a, comments: [{ text: '作风扎实', count: 1 }] }],
  });
  expect(
    await h.err('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [], comments: '是' }),
  ).toMatchObject({ code: 'VALIDATION', message: '打印意见建议必须是开或关', field: 'comments' });
});

test('bad input names its field and leaves the store as it was; an assessment clerk may not print', async () => {
  const { h, a } = await rankingsHost();
  const before = await state(h);
  expect(
    await h.err('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: ['甲', '乙'] }),
  ).toMatchObject({
    code: 'VALIDATION',
    message: '领取人有 2 个，多于份数 1',
    field: 'recipients',
  });
  expect(await h.err('print.renderRankings', { assessmentId: a.id, copies: 0, recipients: [] })).toMatchObject({
    message: '份数至少 1 份',
    field: 'copies',
  });
  expect(await h.err('print.renderRankings', { assessmentId: 999, copies: 1, recipients: [] })).toMatchObject({
    code: 'NOT_FOUND',
  });
  expect(await h.err('print.renderRankings', { assessmentId: 'x', copies: 1, recipients: [] })).toMatchObject({
    code: 'VALIDATION',
    field: 'assessmentId',
  });
  expect(await state(h)).toEqual(before);
  await loginAs(h, 'assessmentClerk');
  const clerk = await state(h);
  expect(await h.err('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [] })).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(await state(h)).toEqual(clerk);
});

test(
  'a packet may open with ranking tables: the job lists them; an unknown or repeated assessment is refused, ' +
    'nothing changes',
  async () => {
    const { h, routes, a } = await rankingsHost();
    const cadreId = (await h.ok('roster.query', {}))[0]!.id;
    const r = await h.ok('print.renderPacket', {
      title: '审议材料',
      cadreIds: [cadreId],
      assessmentIds: [a.id],
      copies: 1,
      recipients: [],
    });
    expect(routes.at(-1)).toBe(`print/${r.jobId}`);
    expect(await h.ok('print.job', { jobId: r.jobId })).toMatchObject({
      kind: 'packet',
      cadreIds: [cadreId],
      assessmentIds: [a.id],
    });
    // Without the field the packet has no ranking tables (the call as it was before).
    const plain = await h.ok('print.renderPacket', {
      title: '审议材料',
      cadreIds: [cadreId],
      copies: 1,
      recipients: [],
    });
    expect(await h.ok('print.job', { jobId: plain.jobId })).toMatchObject({ assessmentIds: [] });
    const before = await state(h);
    expect(
      await h.err('print.renderPacket', {
        title: '审议材料',
        cadreIds: [cadreId],
        assessmentIds: [999],
        copies: 1,
        recipients: [],
      }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: '排名表：找不到该考核，可能已被删除',
      field: 'assessmentIds',
    });
    expect(
      await h.err('print.renderPacket', {
        title: '审议材料',
        cadreIds: [cadreId],
        assessmentIds: [a.id, a.id],
        copies: 1,
        recipients: [],
      }),
    ).toMatchObject({
      message: '同一次考核的排名表不能重复选择',
      field: 'assessmentIds',
    });
    expect(await state(h)).toEqual(before);
  },
);

test('审议材料 with 打印意见建议: the job carries each 排名表’s comments only when asked, none below 3 forms', async () => {
  const { h, a, roster } = await rankingsHost();
  // 甲 has 2 staff forms and now 1 service form (3); 丙 has 1 staff and 1 service form (2).
  await h.ok('ballots.saveService', { assessmentId: a.id, targetId: roster.a, scores: [92], comments: ['作风扎实'] });
  await h.ok('ballots.saveService', { assessmentId: a.id, targetId: roster.c, scores: [80], comments: ['少开会'] });
  await loginAs(h, 'dossierClerk');
  const packet = { title: '审议材料', cadreIds: [roster.a], assessmentIds: [a.id], copies: 1, recipients: [] };
  const plain = await h.ok('print.renderPacket', packet);
  expect(await h.ok('print.job', { jobId: plain.jobId })).not.toHaveProperty('comments');
  const off = await h.ok('print.renderPacket', { ...packet, comments: false });
  expect(await h.ok('print.job', { jobId: off.jobId })).not.toHaveProperty('comments');
  const on = await h.ok('print.renderPacket', { ...packet, comments: true });
  expect(await h.ok('print.job', { jobId: on.jobId })).toMatchObject({
    kind: 'packet',
    comments: [{ assessmentId: a.id, comments: [{ cadreId: roster.a, comments: [{ text: '作风扎实', count: 1 }] }] }],
  });
  const before = await state(h);
  expect(await h.err('print.renderPacket', { ...packet, comments: '是' })).toMatchObject({
    code: 'VALIDATION',
    message: '打印意见建议必须是开或关',
    field: 'comments',
  });
  expect(await state(h)).toEqual(before);
});

test('排名表 and 审议材料 carry the audit head (审计序号 and the newest hash’s first 12 hex digits) that verify reports', async () => {
  const { h, a } = await rankingsHost();
  const head = (await h.ok('audit.verify', {})).head;
  expect(head.digest).toMatch(/^[0-9a-f]{12}$/);
  const r = await h.ok('print.renderRankings', { assessmentId: a.id, copies: 1, recipients: [] });
  expect(await h.ok('print.job', { jobId: r.jobId })).toMatchObject({ auditHead: head });
  const cadreId = (await h.ok('roster.query', {}))[0]!.id;
  const p = await h.ok('print.renderPacket', {
    title: '审议材料',
    cadreIds: [cadreId],
    assessmentIds: [a.id],
    copies: 1,
    recipients: [],
  });
  expect(await h.ok('print.job', { jobId: p.jobId })).toMatchObject({ auditHead: head });
});
