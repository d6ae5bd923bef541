// 测评用表 behind print.renderPanel / print.save on a real encrypted store: blank ballots of one group, 份号 numbered
// per assessment, ballot kind and group; only an administrator prints them, only before or while ballots are taken;
// bad input names its field and changes nothing. The PDF's text is checked in e2e (test/e2e/print-panel.test.ts).
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MAX_PANEL_COPIES } from '../../../shared/print/types';
import type { AssessmentDetail } from '../../../shared/assessment/types';
import { createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { newHostWithStore } from '../../helpers/host';
import { printRegisterState, recordingPrinter } from '../../helpers/print';
import { loginAs } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

async function panelHost() {
  const { routes, printPdf } = recordingPrinter();
  const h = await newHostWithStore({ printPdf });
  const roster = await seedRoster(h);
  const a = await createC1(h);
  return { h, routes, a, roster };
}

const state = printRegisterState;

test('blank forms of a group: the job names ballot kind and group; saved copies are registered as 测评用表', async () => {
  const { h, routes, a, roster } = await panelHost();
  // Forms can be printed while the assessment is being prepared, before any ballot is taken.
  const r = await h.ok('print.renderPanel', {
    assessmentId: a.id,
    ballot: 'peer',
    group: `deputy:${roster.units.wulan}`,
    copies: 60,
    recipients: [],
  });
  expect(r).toMatchObject({ title: `${a.name}同级互评表（副职·乌兰镇）`, pages: 1 });
  expect(r.serials).toHaveLength(60);
  expect(r.serials[59]).toBe('060');
  expect(routes).toEqual([`print/${r.jobId}`]);
  expect(await h.ok('print.job', { jobId: r.jobId })).toMatchObject({
    kind: 'panel',
    assessmentId: a.id,
    ballot: 'peer',
    group: `deputy:${roster.units.wulan}`,
  });
  await h.ok('print.save', {
    jobId: r.jobId,
    token: await h.pickSave('printPdf', join(tempDir('ganbu-print-'), '互评表.pdf')),
  });
  const list = await h.ok('prints.list', {});
  expect(list).toHaveLength(60);
  expect(list[0]).toMatchObject({ kind: 'panel', serial: '001', recipient: '', title: r.title });
  // Numbered per kind and group: another kind starts again at 001, the same one goes on.
  expect(
    (
      await h.ok('print.renderPanel', {
        assessmentId: a.id,
        ballot: 'staff',
        group: `deputy:${roster.units.wulan}`,
        copies: 1,
        recipients: [],
      })
    ).serials,
  ).toEqual(['001']);
  expect(
    (
      await h.ok('print.renderPanel', {
        assessmentId: a.id,
        ballot: 'peer',
        group: `deputy:${roster.units.wulan}`,
        copies: 1,
        recipients: [],
      })
    ).serials,
  ).toEqual(['061']);
});

test('refused: unknown group, too many copies, after ballots are summed up, or by a clerk; nothing changes', async () => {
  const { h, a } = await panelHost();
  const before = await state(h);
  expect(
    await h.err('print.renderPanel', {
      assessmentId: a.id,
      ballot: 'peer',
      group: 'chief:C9',
      copies: 1,
      recipients: [],
    }),
  ).toMatchObject({
    code: 'NOT_FOUND',
    field: 'group',
    message: '该考核没有这个测评分组，请刷新后重新选择',
  });
  expect(
    await h.err('print.renderPanel', {
      assessmentId: a.id,
      ballot: 'peer',
      group: 'chief:C1',
      copies: MAX_PANEL_COPIES + 1,
      recipients: [],
    }),
  ).toMatchObject({
    field: 'copies',
    message: `份数不能超过 ${MAX_PANEL_COPIES} 份`,
  });
  expect(
    await h.err('print.renderPanel', {
      assessmentId: a.id,
      ballot: 'vote',
      group: 'chief:C1',
      copies: 1,
      recipients: [],
    }),
  ).toMatchObject({ field: 'ballot', message: '评议类型不正确' });
  expect(
    await h.err('print.renderPanel', {
      assessmentId: a.id,
      ballot: 'peer',
      group: 'chief:C1',
      copies: 1,
      recipients: ['甲', '乙'],
    }),
  ).toMatchObject({ field: 'recipients' });
  const collecting = await startCollecting(h, a);
  const summed = (await h.ok('assessments.setState', {
    id: a.id,
    version: collecting.version,
    state: 'summarized',
  })) as AssessmentDetail;
  expect(summed.state).toBe('summarized');
  const afterState = await state(h);
  expect(
    await h.err('print.renderPanel', {
      assessmentId: a.id,
      ballot: 'peer',
      group: 'chief:C1',
      copies: 1,
      recipients: [],
    }),
  ).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('才能打印测评用表'),
  });
  expect(await state(h)).toEqual(afterState);
  for (const role of ['dossierClerk', 'assessmentClerk', 'reviewer'] as const) {
    await loginAs(h, role);
    expect(
      await h.err('print.renderPanel', {
        assessmentId: a.id,
        ballot: 'peer',
        group: 'chief:C1',
        copies: 1,
        recipients: [],
      }),
      role,
    ).toMatchObject({ code: 'FORBIDDEN' });
  }
  expect((await state(h)).rows).toEqual(before.rows);
});
