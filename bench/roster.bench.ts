// The roster at the scale of issue 3: 10,000 cadres in 400 units; Excel and .lrmx imports; the roster query.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppHost } from '../db/app/host';
import { createDispatcher } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import type { RosterFilter } from '../shared/roster/views';
import { writeLrmx } from '../db/roster/lrmx/write';
import { generatePersons } from '../test/db/roster/lrmx/generate';
import { ScriptedDialogs } from '../test/helpers/dialogs';
import { generatedRosterRows, rosterWorkbook } from '../test/helpers/roster';
import { benchUnits } from './roster-data';
import { prng } from '../test/db/roster/lrmx/generate';
import { percentile, record, timed } from './figures';

const work = mkdtempSync(join(tmpdir(), 'bench-roster-'));
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

beforeAll(async () => {
  await call('setup.createStore', {
    dir: join(work, 'store'),
    username: 'admin',
    displayName: '管理员',
    password: 'Bench@2025',
  });
  for (const [i, u] of units.entries())
    await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
});

afterAll(async () => {
  await host.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('import a 10,000-row Excel roster (parse + validate + write)', async () => {
  const file = join(work, 'roster-10000.xlsx');
  writeFileSync(
    file,
    await rosterWorkbook(
      generatedRosterRows(
        10_000,
        units.map((u) => u.name),
      ),
    ),
  );
  dialogs.answerOpen(file);
  const [picked] = await call('files.pickOpen', { purpose: 'excel' });
  const preview = await timed(() => call('roster.previewExcel', { token: picked!.token }));
  expect(preview.value.rows.filter((r) => r.status === 'error')).toEqual([]);
  const commit = await timed(() =>
    call('roster.commitExcel', { jobId: preview.value.jobId, excludedRows: [], confirmedRows: [] }),
  );
  expect(commit.value.created).toBe(10_000);
  record('Excel 10,000 rows: parse + validate (preview)', preview.ms / 1000, 's');
  record('Excel 10,000 rows: write in one transaction (commit)', commit.ms / 1000, 's');
  record('Excel 10,000 rows: total', (preview.ms + commit.ms) / 1000, 's', 10);
});

test('re-import the 10,000-row roster with two changed columns (field-level difference preview)', async () => {
  const file = join(work, 'roster-10000-changed.xlsx');
  const rows = generatedRosterRows(
    10_000,
    units.map((u) => u.name),
  ).map((r) => ({ ...r, postSince: '2022.06', health: '良好' }));
  writeFileSync(file, await rosterWorkbook(rows));
  dialogs.answerOpen(file);
  const [picked] = await call('files.pickOpen', { purpose: 'excel' });
  const preview = await timed(() => call('roster.previewExcel', { token: picked!.token }));
  expect(preview.value.rows.filter((r) => r.status !== 'update')).toEqual([]);
  expect(new Set(preview.value.rows.map((r) => r.changes.map((c) => c.field).join(',')))).toEqual(
    new Set(['health,postSince']),
  );
  // 健康状况 kept for every row: only 任职时间 is written.
  const commit = await timed(() =>
    call('roster.commitExcel', {
      jobId: preview.value.jobId,
      excludedRows: [],
      confirmedRows: [],
      keepColumns: ['health'],
      keepFields: [],
    }),
  );
  expect(commit.value).toMatchObject({ updated: 10_000, unchanged: 0 });
  record('Excel 10,000 updated rows: difference preview', preview.ms / 1000, 's', 10);
  record('Excel 10,000 updated rows: write the shown changes (commit)', commit.ms / 1000, 's', 10);
});

test('roster query with filters and text search over 10,000 cadres', async () => {
  const rnd = prng(11);
  const terms = ['王', '李秀', 'zh', 'wq', '第012', '大学', '110102', '书记', '科长'];
  const filters: RosterFilter[] = Array.from({ length: 200 }, (_, i) => {
    const f: Record<string, unknown> = { status: '在职' };
    if (i % 2 === 0) f['text'] = terms[i % terms.length];
    if (i % 3 === 0) f['categoryCode'] = `C${1 + Math.floor(rnd() * 8)}`;
    if (i % 5 === 0) f['position'] = rnd() < 0.5 ? 'chief' : 'deputy';
    if (i % 7 === 0) Object.assign(f, { ageMin: 40, ageMax: 55 });
    return f as RosterFilter;
  });
  // The first query after a write reads every row into the in-memory index; later ones filter that index.
  const cold = await timed(() => call('roster.query', {}));
  record('roster query right after an import (rebuilds the index)', cold.ms, 'ms');
  const times: number[] = [];
  for (const f of filters) times.push((await timed(() => call('roster.query', f))).ms);
  const all = await timed(() => call('roster.query', { status: '在职' }));
  expect(all.value.length).toBe(10_000);
  record('roster query, all 10,000 rows (the screen’s first load)', all.ms, 'ms');
  record('roster query with filters/search, 95th percentile of 200', percentile(times, 95), 'ms', 50);
  record('roster query with filters/search, median', percentile(times, 50), 'ms');
});

test('import 1,000 .lrmx files (read + preview + write)', async () => {
  const dir = join(work, 'lrmx');
  const paths = generatePersons(1000, 5).map((p, i) => {
    const path = join(dir, `${String(i).padStart(4, '0')}.lrmx`);
    return path;
  });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  generatePersons(1000, 5).forEach((p, i) => writeFileSync(paths[i]!, writeLrmx(p)));
  dialogs.answerOpen(dir);
  const picked = await call('files.pickOpen', { purpose: 'lrmxFolder' });
  expect(picked.length).toBe(1000);
  const preview = await timed(() => call('roster.previewLrmx', { tokens: picked.map((p) => p.token) }));
  const unitId = (await call('units.list', {}))[0]!.id;
  const files = preview.value.files
    .filter((f) => f.ok && f.status !== 'nameMatch')
    .map((f) => ({
      index: f.index,
      unitId: f.suggestedUnitId ?? unitId,
      position: f.suggestedPosition,
      confirmMatch: false,
    }));
  const commit = await timed(() => call('roster.commitLrmx', { jobId: preview.value.jobId, files }));
  expect(commit.value.created + commit.value.updated).toBe(files.length);
  record('.lrmx 1,000 files: read + map + match (preview)', preview.ms / 1000, 's');
  record('.lrmx 1,000 files: write with photos (commit)', commit.ms / 1000, 's');
  record('.lrmx 1,000 files: total', (preview.ms + commit.ms) / 1000, 's', 20);
});

test('export the whole 10,000-cadre roster to Excel', async () => {
  dialogs.answerSave(join(work, 'export.xlsx'));
  const target = await call('files.pickSave', { purpose: 'rosterExcel', suggestedName: '干部名册' });
  const exported = await timed(() => call('roster.exportExcel', { token: target!.token, filter: {} }));
  expect(exported.value.rows).toBeGreaterThanOrEqual(10_000);
  record('Excel export of the whole roster', exported.ms / 1000, 's');
});
