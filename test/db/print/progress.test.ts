// A long print followed and stopped from the window, on a real encrypted store: the window names the print's job
// beforehand (progressId), reads its steps from jobs.status while the call runs, and jobs.cancel stops it. A stopped
// print leaves no job, no register row and no audit entry; the next print gets the same 份号. The printer here is a
// stand-in that reports steps like the print view does (the real one is driven in test/e2e/print-packet-screen).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { PrintControl } from '../../../db/app/io';
import {
  formatPrintProgress,
  printStepLabel,
  printSteps,
  readPrintState,
  STEP_UNITS,
} from '../../../shared/print/progress';
import { dossierCadre } from '../../helpers/dossier';
import { newHostWithStore, STAND_IN_PDF } from '../../helpers/host';
import { printRegisterState } from '../../helpers/print';
import { tempDir } from '../../helpers/tmp-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reports step 1 of 3 (one dossier read: 100 of 300 units) until released, then finishes; a cancel surfaces through onProgress. */
function slowPrinter() {
  let release = false;
  return {
    release: () => {
      release = true;
    },
    printPdf: async (_route: string, control?: PrintControl) => {
      while (!release) {
        control?.onProgress(100, 300);
        await sleep(10);
      }
      control?.onProgress(200, 300);
      return [STAND_IN_PDF];
    },
  };
}

const state = printRegisterState;

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await sleep(10);
}

test('progress is readable while the print runs; a cancelled print leaves nothing and its 份号 are given again', async () => {
  const printer = slowPrinter();
  const h = await newHostWithStore({ printPdf: printer.printPdf });
  const cadreId = await dossierCadre(h, '巴特尔');
  const before = await state(h);
  const progressId = randomUUID();
  const running = h.err('print.renderDossier', { cadreId, copies: 2, recipients: [], progressId });
  await until(() =>
    h.ok('jobs.status', { jobId: progressId }).then(
      () => true,
      () => false,
    ),
  );
  expect(await h.ok('jobs.status', { jobId: progressId })).toEqual({ state: 'running', done: 100, total: 300 });
  expect(printStepLabel({ done: 100, total: 300 })).toBe('正在排版…');
  await h.ok('jobs.cancel', { jobId: progressId });
  expect(await running).toMatchObject({ code: 'CANCELLED', message: '已取消，档案库未作任何修改' });
  expect(await h.err('jobs.status', { jobId: progressId })).toMatchObject({ code: 'NOT_FOUND' });
  expect(await h.err('print.job', { jobId: progressId })).toMatchObject({ code: 'NOT_FOUND' });
  expect(await state(h)).toEqual(before);

  // The next print runs to its end, takes the same 份号, and its job reads as done.
  const next = randomUUID();
  const done = h.ok('print.renderDossier', { cadreId, copies: 2, recipients: [], progressId: next });
  await until(() =>
    h.ok('jobs.status', { jobId: next }).then(
      () => true,
      () => false,
    ),
  );
  printer.release();
  expect(await done).toMatchObject({ jobId: next, serials: ['001', '002'] });
  expect(await h.ok('jobs.status', { jobId: next })).toMatchObject({ state: 'done' });
  await h.ok('print.save', {
    jobId: next,
    token: await h.pickSave('printPdf', join(tempDir('ganbu-print-'), 'd.pdf')),
  });
  expect((await state(h)).rows).toHaveLength(2);
  // A job name already in use is refused before anything is printed.
  expect(await h.err('print.renderDossier', { cadreId, copies: 1, recipients: [], progressId: next })).toMatchObject({
    code: 'VALIDATION',
    field: 'jobId',
  });
  expect(await h.err('print.renderDossier', { cadreId, copies: 1, recipients: [], progressId: 'x' })).toMatchObject({
    code: 'VALIDATION',
    field: 'progressId',
  });
});

test('the page state a printer reads: malformed progress or sheet counts are ignored, the steps are named', () => {
  expect(readPrintState(['', '3/7'])).toEqual({ ready: '', progress: { done: 3, total: 7 }, sheets: 0, shown: -1 });
  expect(readPrintState(['true', '', '436', '60'])).toEqual({ ready: 'true', progress: null, sheets: 436, shown: 60 });
  for (const bad of ['8/7', '1/0', 'abc', '-1/3', 5])
    expect(readPrintState(['', bad]).progress, String(bad)).toBeNull();
  for (const bad of ['-1', '1.5', 'x', 7, ''])
    expect(readPrintState(['true', '', bad, bad]), String(bad)).toMatchObject({ sheets: 0, shown: -1 });
  expect(readPrintState(null)).toEqual({ ready: '', progress: null, sheets: 0, shown: -1 });
  // Whole steps of STEP_UNITS; the PDF step may stand part-way (the printer moves it part by part).
  expect(printSteps(5)).toBe(7 * STEP_UNITS);
  expect(formatPrintProgress(2, 5)).toBe(`${2 * STEP_UNITS}/${7 * STEP_UNITS}`);
  expect(printStepLabel({ done: 250, total: 700 })).toBe('正在读取材料：2 / 5');
  expect(printStepLabel({ done: 500, total: 700 })).toBe('正在排版…');
  expect(printStepLabel({ done: 600, total: 700 })).toBe('正在生成 PDF…');
  expect(printStepLabel({ done: 666, total: 700 })).toBe('正在生成 PDF…');
  expect(printStepLabel({ done: 700, total: 700 })).toBe('已生成');
  expect(printStepLabel({ done: 0, total: 0 })).toBe('正在准备…');
});
