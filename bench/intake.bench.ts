// 填报表 at the scale of issue 17: packages for 400 units; one returned package of 2,000 rows with 500 attachments
// (about 100 MB) previewed and imported as 待审核, with progress reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppHost } from '../db/app/host';
import { createDispatcher } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import { ScriptedDialogs } from '../test/helpers/dialogs';
import { generatedRosterRows, rosterWorkbook } from '../test/helpers/roster';
import { benchUnits } from './roster-data';
import { record, timed } from './figures';

const work = mkdtempSync(join(tmpdir(), 'bench-intake-'));
const dialogs = new ScriptedDialogs();
const host = new AppHost({
  configDir: join(work, 'config'),
  defaultStoreDir: join(work, 'store'),
  fileDialogs: dialogs,
  storeOptions: { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
});
const dispatch = createDispatcher(host);

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<N>;
}

const units = benchUnits(400);
const ROWS = 2000;
const FILES = 500;
const FILE_BYTES = 200 * 1024;

beforeAll(async () => {
  await call('setup.createStore', {
    dir: join(work, 'store'),
    username: 'admin',
    displayName: '管理员',
    password: 'Bench@2025',
  });
  for (const [i, u] of units.entries())
    await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
  // 4,000 cadres, ten per unit, through the roster import.
  const roster = join(work, 'roster.xlsx');
  writeFileSync(
    roster,
    await rosterWorkbook(
      generatedRosterRows(
        4000,
        units.map((u) => u.name),
      ),
    ),
  );
  dialogs.answerOpen(roster);
  const [picked] = await call('files.pickOpen', { purpose: 'excel' });
  const preview = await call('roster.previewExcel', { token: picked!.token });
  await call('roster.commitExcel', { jobId: preview.jobId, excludedRows: [], confirmedRows: [] });
}, 600_000);

afterAll(async () => {
  await host.dispose();
  rmSync(work, { recursive: true, force: true });
});

let firstPackage = '';

test('generate 填报表 for 400 units', async () => {
  const folder = mkdtempSync(join(work, 'packages-'));
  dialogs.answerOpen(folder);
  const [picked] = await call('files.pickOpen', { purpose: 'intakeFolder' });
  const all = (await call('units.list', {})).map((u) => u.id);
  const out = await timed(() =>
    call('intake.generate', {
      quarter: '2025Q3',
      unitIds: all,
      deadline: '2025-10-10',
      returnTo: '组织部干部一科',
      token: picked!.token,
    }),
  );
  expect(out.value.files).toHaveLength(400);
  firstPackage = join(folder, out.value.files[0]!);
  record('填报表 for 400 units (4,000 cadres): generate and write', out.ms / 1000, 's', 30);
}, 600_000);

/** A PNG by its magic bytes, then incompressible bytes: a photo-sized evidence file. */
function photo(i: number): Buffer {
  const b = Buffer.alloc(FILE_BYTES);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  let x = i + 1;
  for (let j = 8; j < b.length; j++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[j] = x >>> 24;
  }
  return b;
}

test('a returned package: 2,000 rows and 500 attachments (100 MB) previewed, then imported as 待审核', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(firstPackage);
  const lists = wb.getWorksheet('选项')!;
  const cadres: string[] = [];
  for (let r = 2; lists.getCell(r, 1).value; r++) cadres.push(String(lists.getCell(r, 1).value));
  const ws = wb.getWorksheet('材料')!;
  for (let i = 0; i < ROWS; i++) {
    ws.getRow(3 + i).values = [
      cadres[i % cadres.length]!,
      new Date(Date.UTC(2025, 6 + (i % 3), 1 + (i % 28))),
      'S1.1 理论学习',
      '正面',
      'D2.1',
      '',
      `第${i + 1}条材料`,
      '参加理论学习中心组学习并作交流发言。'.repeat(4),
      'CH01 重点工作跟进',
      i < FILES ? `证明${i + 1}.png` : '',
    ];
  }
  const zip = new JSZip();
  zip.file('填报表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  for (let i = 0; i < FILES; i++) zip.file(`附件/证明${i + 1}.png`, photo(i));
  const path = join(work, '交回.zip');
  // Photos do not compress: stored, as most zip tools leave them.
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  const size = readFileSync(path).length;

  dialogs.answerOpen(path);
  const [picked] = await call('files.pickOpen', { purpose: 'intakePackage' });
  const preview = await timed(() => call('intake.preview', { quarter: '2025Q3', token: picked!.token }));
  expect(preview.value.rows).toHaveLength(ROWS);
  expect(preview.value.rows.filter((r) => r.problems.length > 0)).toEqual([]);
  let polls = 0;
  const poller = setInterval(() => {
    void call('jobs.status', { jobId: preview.value.jobId }).then(() => (polls += 1));
  }, 200);
  const commit = await timed(() => call('intake.commit', { jobId: preview.value.jobId, leaveOut: [] }));
  clearInterval(poller);
  expect(commit.value).toMatchObject({ added: ROWS });
  record(
    `returned package: ${(size / 1024 / 1024).toFixed(0)} MB zip, ${ROWS} rows, ${FILES} files: preview`,
    preview.ms / 1000,
    's',
    10,
  );
  record('returned package: import as 待审核 (one transaction)', commit.ms / 1000, 's', 20);
  record('returned package: progress polls answered during the import', polls, 'polls');
}, 600_000);
