// End to end: a dossier entry whose text runs to about three pages prints all of it, continued over several pages
// (table rows never split, so a long entry is printed as continuation rows), not clipped at the foot of a page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import { startBridge, type Bridge } from './harness/bridge-server';
import { launchBrowser } from './harness/browser';
import { chromiumPrinter } from './harness/print';
import { cadreInput } from '../helpers/roster';

const ADMIN = { username: 'admin', displayName: '王管理员', password: 'Zzb@2025!' };
const LAST = '最后一句话表明该同志始终坚持原则。';

let work: string;
let bridge: Bridge;
let browser: Browser;
let dispatch: Dispatch;
let cadreId: number;

async function must<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ganbu-e2e-tall-'));
  browser = await launchBrowser();
  bridge = await startBridge(join(process.cwd(), 'out', 'renderer'), {
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    printPdf: chromiumPrinter(() => browser, () => bridge.url),
  });
  await bridge.host.createStore({ dir: join(work, 'store'), ...ADMIN });
  dispatch = createDispatcher(bridge.host, () => undefined);
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  cadreId = (await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔', idNumber: '' }) })).id;
  // ~1700 characters in a 17-character column: about three page bodies of text, in paragraphs and one very long one.
  const para = '围绕学习贯彻党的创新理论开展专题学习，撰写心得体会，在支部会议上作交流发言，联系分管工作提出改进措施。';
  const content = [para.repeat(6), para.repeat(12), para.repeat(12) + LAST].join('\n');
  await must('entries.create', {
    input: {
      cadreId,
      date: '2025-03-01',
      subItemCode: 'S1.1',
      channelCode: 'CH09',
      title: '长篇材料：理论学习情况',
      content,
      polarity: 'positive',
      standardCodes: ['D2.1'],
      listItemCode: null,
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
});

test('an entry of about three pages of text prints all of it over several pages', async () => {
  const r = await must<{ jobId: string; pages: number }>('print.renderDossier', { cadreId, copies: 1, recipients: [] });
  const job = bridge.host.jobs.payload<{ pdf: Buffer }>(r.jobId, 'print');
  const file = join(work, 'tall.pdf');
  writeFileSync(file, job.pdf);
  const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const compact = pages.map((p) => p.replace(/\s+/g, ''));
  const titlePage = compact.findIndex((p) => p.includes('长篇材料'));
  const lastPage = compact.findIndex((p) => p.includes(LAST.replace(/\s+/g, '')));
  expect(titlePage, 'the entry is printed').toBeGreaterThan(0);
  expect(lastPage, 'its last sentence is printed').toBeGreaterThan(0);
  expect(lastPage - titlePage, 'the entry runs over several pages').toBeGreaterThanOrEqual(2);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(titlePage + 1), '-l', String(titlePage + 2), file, join(process.cwd(), 'test-results', 'tall-entry')]);
}, 120_000);
