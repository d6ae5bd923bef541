// Issue 16 row 7: the four hostile-file attacks, each through the dispatcher as the window makes the call. Target:
// each ends within 2 s with a Chinese message and memory below 300 MB above idle (peak RSS sampled by a worker
// thread every 2 ms, so a synchronous burst on the main thread is still seen).
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newSuiteHostWithStore } from '../test/helpers/host';
import { docxBomb, xlsxRowFlood } from '../test/helpers/hostile-files';
import { addEntry, dossierCadre, pickAttachment } from '../test/helpers/dossier';
import { fixturePath, generatedRosterRows, rosterWorkbook } from '../test/helpers/roster';
import { checkWorkbookBounds } from '../db/excel/bounds';
import { XLSX_LIMITS } from '../db/excel/open';
import { tempDir } from '../test/helpers/tmp-store';
import { percentile, record } from './figures';

type Host = Awaited<ReturnType<typeof newSuiteHostWithStore>>;
let h: Host;
let sampler: Worker;
const peak = new Float64Array(new SharedArrayBuffer(8));

beforeAll(async () => {
  h = await newSuiteHostWithStore();
  sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 2);`,
    { eval: true, workerData: peak.buffer },
  );
});
afterAll(async () => {
  await sampler.terminate();
  await h.dispose();
});

const MB = 1024 * 1024;

/** Runs one attack: time to its answer, and peak RSS above the RSS just before it. */
async function attack(name: string, run: () => Promise<string>): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const idle = process.memoryUsage.rss();
  peak[0] = idle;
  const t0 = performance.now();
  const message = await run();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 10));
  expect(message).toMatch(/[\u4e00-\u9fff]/u);
  record(`${name}: time to the Chinese refusal`, ms, 'ms', 2000);
  record(`${name}: peak RSS above idle`, (Math.max(peak[0]!, process.memoryUsage.rss()) - idle) / MB, 'MB', 300);
  console.log(`${name}: “${message}”`);
}

test('the four attacks of issue 16 row 7', async () => {
  // 1. A .docx attachment that inflates to 2 GB, previewed.
  const entry = await addEntry(h, await dossierCadre(h));
  const bomb = docxBomb();
  const a = await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '炸弹.docx', bomb) });
  await attack(
    `.docx of ${(bomb.length / MB).toFixed(1)} MB inflating to 2 GB, preview`,
    async () => (await h.err('attachments.preview', { id: a.id })).message,
  );

  // 2. A 14 MB .xlsx of 20 million rows, roster import preview (the file is read from disk as the app does).
  const xlsx = join(tempDir('bench-hostile-'), '干部名册.xlsx');
  writeFileSync(xlsx, await xlsxRowFlood(20_000_000));
  const size = readFileSync(xlsx).length;
  const [x] = await h.pickOpen('excel', xlsx);
  await attack(
    `.xlsx of ${(size / MB).toFixed(1)} MB (20 million rows), import preview`,
    async () => (await h.err('roster.previewExcel', { token: x!.token })).message,
  );

  // 3. 3,200 copies of one person in one .lrmx batch, preview.
  const dir = tempDir('bench-copies-');
  const one = readFileSync(fixturePath('lrmx/巴特尔.lrmx'));
  for (let i = 0; i < 3200; i++) writeFileSync(join(dir, `巴特尔-${i}.lrmx`), one);
  const picked = await h.pickOpen('lrmxFolder', dir);
  await attack('3,200 copies of one person in an .lrmx batch, preview', async () => {
    const p = await h.ok('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
    return p.files[0]!.issues.find((i) => i.includes('同一人'))!;
  });

  // 4. A link to /dev/zero as the import path, and as the .pic of a .lrm.
  const links = tempDir('bench-links-');
  symlinkSync('/dev/zero', join(links, '名册.xlsx'));
  const [z] = await h.pickOpen('excel', join(links, '名册.xlsx'));
  await attack(
    'import path linked to /dev/zero, Excel import preview',
    async () => (await h.err('roster.previewExcel', { token: z!.token })).message,
  );
  writeFileSync(join(links, '王建国.lrm'), readFileSync(fixturePath('lrmx/王建国.lrm')));
  symlinkSync('/dev/zero', join(links, '王建国.pic'));
  const [lrm] = await h.pickOpen('lrmx', join(links, '王建国.lrm'));
  await attack('.pic linked to /dev/zero beside a .lrm, preview', async () => {
    const p = await h.ok('roster.previewLrmx', { tokens: [lrm!.token] });
    return p.files[0]!.error!;
  });
});

test('the cost of the check on an ordinary roster of 20,000 rows', async () => {
  const wb = await rosterWorkbook(generatedRosterRows(20_000, ['乌兰镇', '阿尔巴斯苏木']));
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    expect(await checkWorkbookBounds(wb, XLSX_LIMITS)).toBe('ok');
    ms.push(performance.now() - t0);
  }
  record(
    `row/cell/size check of a ${(wb.length / MB).toFixed(1)} MB roster of 20,000 rows, median of 5`,
    percentile(ms, 50),
    'ms',
  );
});
