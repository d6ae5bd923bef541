// Issue 19: nothing heavy on Electron's main thread. The same calls run twice, first with the store in this thread
// (as before the engine worker) and then in the engine worker (out/main/engine.js, built by `npm run bench`), and
// each time the main thread's longest event-loop stall is measured: a stall is how long a window would freeze.
// Also the cost of the extra hop: roster.query p95 in this thread against through the worker.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { AppHost } from '../db/app/host';
import { createStore } from '../db';
import { writeLrmx } from '../db/roster/lrmx/write';
import { EngineClient } from '../electron/engine/client';
import { createDispatcher, type Dispatch } from '../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../shared/ipc/contract';
import { generatePersons, prng } from '../test/db/roster/lrmx/generate';
import { ScriptedDialogs } from '../test/helpers/dialogs';
import { generatedRosterRows, rosterWorkbook } from '../test/helpers/roster';
import { seedBigAssessment } from './assessment-data';
import { longestStall, percentile, record, timed } from './figures';
import { benchUnits } from './roster-data';

const WORKER = join(process.cwd(), 'out', 'main', 'engine.js');
const KDF = { kdfCost: { N: 2 ** 10, r: 8, p: 1 } };
const ADMIN = { username: 'admin', displayName: '管理员', password: 'Bench@2025' };
const work = mkdtempSync(join(tmpdir(), 'bench-engine-'));
const units = benchUnits(400);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Side {
  readonly label: string;
  readonly dispatch: Dispatch;
  /** What the window's bridge receives: the worker's JSON text, passed on unparsed (in one thread: serialised here). */
  readonly dispatchJson: (name: unknown, input: unknown) => Promise<string>;
  readonly dialogs: ScriptedDialogs;
  close(): Promise<void>;
}

async function inThread(dir: string): Promise<Side> {
  const dialogs = new ScriptedDialogs();
  const host = new AppHost({
    configDir: join(dir, 'config'),
    defaultStoreDir: join(dir, 'store'),
    fileDialogs: dialogs,
    storeOptions: KDF,
    autoBackup: false,
  });
  const dispatch = createDispatcher(host);
  return {
    label: '本线程（迁移前）',
    dispatch,
    dispatchJson: async (n, i) => JSON.stringify(await dispatch(n, i)),
    dialogs,
    close: () => host.dispose(),
  };
}

async function inWorker(dir: string): Promise<Side> {
  const dialogs = new ScriptedDialogs();
  const engine = new EngineClient({
    workerPath: WORKER,
    configDir: join(dir, 'config'),
    defaultStoreDir: join(dir, 'store'),
    fileDialogs: dialogs,
    storeOptions: KDF,
    autoBackup: false,
  });
  await engine.start();
  return {
    label: '引擎线程（迁移后）',
    dispatch: engine.dispatch,
    dispatchJson: engine.dispatchJson,
    dialogs,
    close: () => engine.dispose(),
  };
}

const caller = (side: Side) =>
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const r = await side.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<N>;
  };

/** A call as the window makes it: the answer's JSON text reaches this (the main) thread, which does not parse it. */
const textCaller = (side: Side) =>
  async function text<N extends CallName>(name: N, input: CallInput<N>): Promise<string> {
    return side.dispatchJson(name, input);
  };
const parsed = <N extends CallName>(json: string): CallOutput<N> => {
  const r = JSON.parse(json) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as CallOutput<N>;
};

// The rankings workload reads a store seeded straight with SQL (10,000 members, 200,000 ballots), opened by each side.
const assessmentStore = join(work, 'assessment-store');
let assessmentId = 0;

test('seed the rankings store', async () => {
  const { store } = await createStore(assessmentStore, ADMIN, KDF);
  try {
    assessmentId = seedBigAssessment(store.raw, prng(7)).id;
  } finally {
    await store.close();
  }
}, 300_000);

for (const make of [inThread, inWorker]) {
  test(`main-thread stalls and call overhead: ${make.name}`, async () => {
    const dir = join(work, make.name);
    const side = await make(dir);
    const call = caller(side);
    const text = textCaller(side);
    try {
      await call('setup.createStore', { dir: join(dir, 'store'), ...ADMIN });
      for (const [i, u] of units.entries())
        await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });

      const file = join(dir, 'roster-10000.xlsx');
      writeFileSync(
        file,
        await rosterWorkbook(
          generatedRosterRows(
            10_000,
            units.map((u) => u.name),
          ),
        ),
      );
      side.dialogs.answerOpen(file);
      const [picked] = await call('files.pickOpen', { purpose: 'excel' });
      const excel = await longestStall(async () => {
        // The window would parse the preview; here only its job id is read, so the main thread does what the app's does.
        const jobId = /"jobId":"([^"]+)"/.exec(await text('roster.previewExcel', { token: picked!.token }))![1]!;
        return text('roster.commitExcel', { jobId, excludedRows: [], confirmedRows: [] });
      });
      expect(parsed<'roster.commitExcel'>(excel.value).created).toBe(10_000);
      record(`${side.label}：Excel 10,000 行导入时主线程最长停顿`, excel.stallMs, 'ms', 50);

      const lrmxDir = join(dir, 'lrmx');
      mkdirSync(lrmxDir, { recursive: true });
      generatePersons(1000, 5).forEach((p, i) =>
        writeFileSync(join(lrmxDir, `${String(i).padStart(4, '0')}.lrmx`), writeLrmx(p)),
      );
      side.dialogs.answerOpen(lrmxDir);
      const files = await call('files.pickOpen', { purpose: 'lrmxFolder' });
      const unitId = (await call('units.list', {}))[0]!.id;
      const lrmx = await longestStall(async () => {
        const preview = await call('roster.previewLrmx', { tokens: files.map((p) => p.token) });
        const chosen = preview.files
          .filter((f) => f.ok && f.status !== 'nameMatch')
          .map((f) => ({
            index: f.index,
            unitId: f.suggestedUnitId ?? unitId,
            position: f.suggestedPosition,
            confirmMatch: false,
          }));
        return call('roster.commitLrmx', { jobId: preview.jobId, files: chosen });
      });
      expect(lrmx.value.created + lrmx.value.updated).toBeGreaterThan(0);
      record(`${side.label}：任免审批表 1,000 个文件导入时主线程最长停顿`, lrmx.stallMs, 'ms', 50);

      const rnd = prng(11);
      const terms = ['王', '李秀', 'zh', 'wq', '第012', '书记'];
      await call('roster.query', {}); // builds the in-memory index once
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const filter =
          i % 2 === 0
            ? { text: terms[i % terms.length]!, status: '在职' as const }
            : { categoryCode: `C${1 + Math.floor(rnd() * 8)}` };
        times.push((await timed(() => text('roster.query', filter))).ms);
      }
      record(`${side.label}：roster.query（10,000 人，筛选/搜索）p95`, percentile(times, 95), 'ms');

      await call('session.lock', {});
      await call('setup.useExistingStore', { dir: assessmentStore });
      await call('session.login', { username: ADMIN.username, password: ADMIN.password });
      const rankings = await longestStall(() => text('rankings.get', { assessmentId }));
      expect(parsed<'rankings.get'>(rankings.value).result.groups.length).toBeGreaterThan(0);
      record(`${side.label}：排名（10,000 人、200,000 票）时主线程最长停顿`, rankings.stallMs, 'ms', 50);
    } finally {
      await side.close();
    }
  }, 900_000);
}
