// The engine worker as the app ships it (out/main/engine.js): calls are answered while a long import runs and the
// main thread keeps running meanwhile; a crash of the worker is reported, the waiting call gets a Chinese message,
// nothing of the interrupted import is written, and the restarted engine says why at login; lock ends the session
// in the worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import { EngineClient, ENGINE_STOPPED } from '../../electron/engine/client';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { ScriptedDialogs } from '../helpers/dialogs';
import { generatedRosterRows, rosterWorkbook } from '../helpers/roster';
import { startTestApp } from './harness/app';
import { screenshot } from './harness/browser';
import { ENGINE_WORKER } from './harness/bridge-server';

const ADMIN = { username: 'admin', displayName: '王管理员', password: 'Zzb@2025!' };
const UNITS = ['乌兰镇', '阿尔巴斯苏木', '木凯淖尔镇'];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function started() {
  const work = mkdtempSync(join(tmpdir(), 'ganbu-engine-'));
  const dialogs = new ScriptedDialogs();
  const engine = new EngineClient({
    workerPath: ENGINE_WORKER,
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    fileDialogs: dialogs,
    autoBackup: false,
  });
  await engine.start();
  cleanups.push(async () => {
    await engine.dispose();
    rmSync(work, { recursive: true, force: true });
  });
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const r = await engine.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<N>;
  };
  await call('setup.createStore', { dir: join(work, 'store'), ...ADMIN });
  for (const [i, name] of UNITS.entries()) await call('units.save', { name, categoryCode: 'C1', sort: i });
  return { work, dialogs, engine, call };
}

/** A previewed Excel import of `rows` cadres, ready to commit. */
async function previewed(s: Awaited<ReturnType<typeof started>>, rows: number) {
  const file = join(s.work, `名册${rows}.xlsx`);
  writeFileSync(file, await rosterWorkbook(generatedRosterRows(rows, UNITS)));
  s.dialogs.answerOpen(file);
  const [picked] = await s.call('files.pickOpen', { purpose: 'excel' });
  return s.call('roster.previewExcel', { token: picked!.token });
}

test('a call made during a long import is answered, and the main thread keeps running meanwhile', async () => {
  const s = await started();
  const preview = await previewed(s, 3000);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    const commit = s.call('roster.commitExcel', { jobId: preview.jobId, excludedRows: [], confirmedRows: [] });
    const status = await s.call('app.status', {});
    expect(status.phase).toBe('ready');
    expect((await commit).created).toBe(3000);
  } finally {
    clearInterval(timer);
  }
  // Timers of this (the main) thread fired while the worker wrote 3,000 cadres: the window would not have frozen.
  expect(ticks).toBeGreaterThan(2);
  expect((await s.call('roster.query', {})).length).toBe(3000);
}, 120_000);

test('a crash of the worker: the waiting call gets a Chinese message, nothing half-written, the login says why', async () => {
  const s = await started();
  const first = await previewed(s, 10);
  await s.call('roster.commitExcel', { jobId: first.jobId, excludedRows: [], confirmedRows: [] });
  const before = (await s.call('roster.query', {})).length;
  expect(before).toBe(10);
  const crashes: unknown[] = [];
  s.engine.onCrash((e) => crashes.push(e));
  const preview = await previewed(s, 3000);
  const commit = s.engine.dispatch('roster.commitExcel', { jobId: preview.jobId, excludedRows: [], confirmedRows: [] });
  // The worker dies in the middle of the write (as an out-of-memory or a native fault would end it).
  await new Promise((r) => setTimeout(r, 50));
  await (s.engine as unknown as { worker: Worker }).worker.terminate();
  expect(await commit).toEqual(ENGINE_STOPPED);
  expect(ENGINE_STOPPED.ok === false && ENGINE_STOPPED.error.message).toContain('数据服务意外停止');
  expect(crashes).toHaveLength(1);

  await s.engine.start({ afterCrash: true });
  const status = await s.call('app.status', {});
  expect(status).toMatchObject({ phase: 'login', lockedReason: 'crashed' });
  await s.call('session.login', { username: ADMIN.username, password: ADMIN.password });
  // The import's one transaction never committed: the roster is as it was before it.
  expect((await s.call('roster.query', {})).length).toBe(before);
  expect((await s.call('audit.verify', {})).intact).toBe(true);
}, 120_000);

test('lock in the worker ends the session there: the lock is reported and store calls are refused', async () => {
  const s = await started();
  const locks: string[] = [];
  s.engine.onLock((r) => locks.push(r));
  s.engine.lock();
  await expect.poll(() => locks).toEqual(['manual']);
  const r = await s.engine.dispatch('roster.query', {});
  expect(r).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  expect((await s.call('app.status', {})).phase).toBe('login');
}, 60_000);

test('after a crash the window’s login page says what happened (looked at)', async () => {
  const app = await startTestApp('ganbu-e2e-engine-crash-');
  cleanups.push(() => app.close());
  const page = await app.openPage();
  await (app.bridge.engine as unknown as { worker: Worker }).worker.terminate();
  await app.bridge.engine.start({ afterCrash: true });
  await page.reload();
  await page.getByText('数据服务意外停止，已重新启动').waitFor();
  await page.getByText('停止时正在进行的操作未完成，已保存的数据不受影响。请重新登录。').waitFor();
  await screenshot(page, 'engine-crashed-login');
}, 120_000);
