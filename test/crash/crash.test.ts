// Crash safety: a child process writes changes through the app's dispatcher and is SIGKILLed at random moments, at
// least 200 times on one growing store; after each kill the store must reopen with both integrity checks clean,
// every change the child reported committed present (and the one in flight whole or absent), and the audit chain intact.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore, verifyAudit } from '../../db';
import { AppHost } from '../../db/app/host';
import { AUTO_BACKUP_DIR, BACKUP_EXT } from '../../db/backup/auto';
import { writeFileAtomic } from '../../db/fs/atomic';
import { openEncrypted } from '../../db/store/connection';
import { dbPath } from '../../db/store/files';
import { passwordSlotId, readKeySlots, unlockSlot } from '../../db/store/keyslots';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ADMIN, FAST_KDF, newStore, tempDir } from '../helpers/tmp-store';
import { bundleWriter, type WriterBundle } from './bundle-writer';
import { Ledger, type Landing } from './ledger';
import { checkPageHmacs } from '../../db/store/page-hmac';
import { CRASH_ADMIN, prng, type Intent } from './protocol';
import { killAllWriters, liveWriters, startWriter, type StartedWriter } from './run-writer';

/** The schedule's seed; CRASH_SEED=<n> replays a run's kill delays and the writers' choices. */
const SEED = Number(process.env.CRASH_SEED ?? 20_250_607);
if (!Number.isSafeInteger(SEED)) throw new Error(`CRASH_SEED must be an integer, not ${process.env.CRASH_SEED}`);
const KILLS = Math.max(200, Number(process.env.CRASH_KILLS ?? 200));
/**
 * A tenth of the kills count from `go`, so some land in start-up (opening, WAL recovery, the login's write): within
 * 1.2 times the mean time to `ready` so far.
 */
const EARLY_SHARE = 0.1;
/** The rest count from `ready`: this bounds how long a writer writes, hence how many changes it makes. */
const RUN_MAX_MS = 300;
/** Busy work inside each transaction, before and after the change's statements (each with probability 1/2). */
const BUSY_MAX_MS = 6;
/** Half the writers checkpoint every few pages (the app's default is 1000), so kills also land in checkpoints. */
const SMALL_CHECKPOINT_SHARE = 0.5;
const SMALL_CHECKPOINT_PAGES = 16;
/**
 * Half the kills are checked on a copy of the store's files, leaving the crashed store as it is: the next writer
 * then recovers it itself (and may be killed while it does); the other half the parent opens in place.
 */
const IN_PLACE_SHARE = 0.5;
/** A writer that neither dies on schedule nor gets ready within this is a failure, not a hang. */
const GUARD_MS = 30_000;

/** The store's files exactly as a kill left them (database, WAL, shared memory, key slots), in a fresh folder. */
function copyStore(from: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to);
  // Files only: the folder of automatic backups is not part of the store.
  for (const f of readdirSync(from, { withFileTypes: true }))
    if (f.isFile()) copyFileSync(join(from, f.name), join(to, f.name));
  return to;
}

let bundle: WriterBundle | undefined;
let root: string | undefined;

beforeAll(async () => {
  bundle = await bundleWriter();
}, 120_000);

afterAll(() => {
  killAllWriters();
  bundle?.remove();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the page check finds a changed byte that cipher_integrity_check (a no-op here) does not', async () => {
  const { dir, store } = await newStore();
  await store.change('settings.update', async (db, rec) => {
    await db
      .insertInto('settings')
      .values({ key: 'crashProbe', value: 'x'.repeat(5000) })
      .execute();
    rec.record('probe');
  });
  await store.close();
  const slots = readKeySlots(dir);
  const unlocked = await unlockSlot(slots, passwordSlotId(slots.storeId, ADMIN.username), ADMIN.password);
  if (!unlocked.ok) throw new Error('cannot unwrap the store key');
  expect(checkPageHmacs(dbPath(dir), unlocked.dbKey)).toMatchObject({
    badPages: [],
    header: { pageSize: 4096, reserve: 80 },
  });

  const copy = join(tempDir(), 'store.db');
  copyFileSync(dbPath(dir), copy);
  const bytes = readFileSync(copy);
  bytes[4096 + 100]! ^= 0x01; // one bit of page 2's ciphertext
  writeFileSync(copy, bytes);
  expect(checkPageHmacs(copy, unlocked.dbKey).badPages).toEqual([2]);
  const raw = openEncrypted(copy, unlocked.dbKey, { create: false });
  try {
    expect(raw.pragma('cipher_integrity_check')).toEqual([]);
  } finally {
    raw.close();
  }
  unlocked.dbKey.fill(0);
});

test('an atomic write removes the temp files an earlier, killed write of the same file left', () => {
  const dir = tempDir();
  const target = join(dir, 'config.json');
  const stale = ['.config.json.0123456789ab.tmp', '.config.json.ba9876543210.tmp'];
  const others = ['.keyslots.json.0123456789ab.tmp', '.config.json.tmp', 'config.json.0123456789ab.tmp', 'other.txt'];
  for (const f of [...stale, ...others]) writeFileSync(join(dir, f), 'x');
  writeFileAtomic(target, '{}\n');
  expect(readFileSync(target, 'utf8')).toBe('{}\n');
  expect(readdirSync(dir).sort()).toEqual(['config.json', ...others].sort());
});

test(`the store survives ${KILLS} SIGKILLs of a writer at random moments`, { timeout: 300_000 }, async () => {
  const started = performance.now();
  console.log(`crash harness: seed ${SEED} (rerun with CRASH_SEED=${SEED}), ${KILLS} kills`);
  const rand = prng(SEED);
  root = mkdtempSync(join(tmpdir(), 'ganbu-crash-'));
  const configDir = join(root, 'config');
  const storeDir = join(root, 'store');

  // The store and the app's config file, as the setup screen makes them.
  const setupHost = new AppHost({ configDir, defaultStoreDir: storeDir, storeOptions: { kdfCost: FAST_KDF } });
  const created = await createDispatcher(setupHost)('setup.createStore', { dir: storeDir, ...CRASH_ADMIN });
  await setupHost.dispose();
  expect(created.ok).toBe(true);
  const slots = readKeySlots(storeDir);
  const unlocked = await unlockSlot(slots, passwordSlotId(slots.storeId, CRASH_ADMIN.username), CRASH_ADMIN.password);
  if (!unlocked.ok) throw new Error('cannot unwrap the new store key');
  const dbKey = unlocked.dbKey;

  const ledger = new Ledger(15);
  const landings: Record<Landing, number> = { startup: 0, between: 0, beforeBegin: 0, inside: 0 };
  let insideCommitted = 0;
  let walAtKill = 0;
  let auditVerified = 0;
  let chainLength: number;
  let nextN = 1;
  let readyMs = 0;
  let readyCount = 0;
  let checkMs = 0;
  let checkedInPlace = 0;

  // Each writer is spawned one kill ahead: it loads its modules while its predecessor runs and is checked.
  const boot = { configDir, storeDir, kdfCost: FAST_KDF };
  let next: StartedWriter = startWriter(bundle!, boot);
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const where = `kill ${kill} of ${KILLS} (seed ${SEED})`;
    const afterReady = rand() >= EARLY_SHARE;
    const meanReadyMs = readyCount > 0 ? readyMs / readyCount : 150;
    const delayMs = Math.floor(rand() * (afterReady ? RUN_MAX_MS : 1.2 * meanReadyMs));
    const writerSeed = Math.floor(rand() * 2 ** 32);
    const smallCheckpoints = rand() < SMALL_CHECKPOINT_SHARE;
    const writer = next;
    if (kill < KILLS) next = startWriter(bundle!, boot);
    const run = await writer.go(
      {
        seed: writerSeed,
        firstN: nextN,
        busyMaxMs: BUSY_MAX_MS,
        walAutocheckpoint: smallCheckpoints ? SMALL_CHECKPOINT_PAGES : null,
      },
      { afterReady, delayMs },
      GUARD_MS,
    );
    const runInfo = `${where}: writer seed ${writerSeed}, kill ${delayMs} ms after ${afterReady ? 'ready' : 'go'}; stderr: ${run.stderr}`;
    expect(run.harnessError, runInfo).toBeNull();
    expect({ killedOnSchedule: run.killedOnSchedule, signal: run.signal }, runInfo).toEqual({
      killedOnSchedule: true,
      signal: 'SIGKILL',
    });
    if (run.readyAfterMs !== null) {
      readyMs += run.readyAfterMs;
      readyCount += 1;
    }

    // What the writer said, in order: its login, then per change begin → inside (BEGIN ran) → committed.
    let landing: Landing = 'startup';
    let inFlight: Intent | null = null;
    for (const line of run.lines) {
      if (line.t === 'ready') {
        landing = 'between';
        ledger.login(true);
      } else if (line.t === 'begin') {
        expect(inFlight, runInfo).toBeNull();
        expect(line.intent.n, runInfo).toBe(nextN);
        inFlight = line.intent;
        nextN += 1;
        landing = 'beforeBegin';
      } else if (line.t === 'inside') {
        expect(line.n, runInfo).toBe(inFlight?.n);
        landing = 'inside';
      } else {
        expect(line.committed.n, runInfo).toBe(inFlight?.n);
        ledger.commit(line.committed);
        inFlight = null;
        landing = 'between';
      }
    }
    // Killed before `ready`: its login may have committed or not.
    if (landing === 'startup') ledger.login(false);
    landings[landing] += 1;

    const checkStarted = performance.now();
    if (existsSync(`${dbPath(storeDir)}-wal`) && statSync(`${dbPath(storeDir)}-wal`).size > 0) walAtKill += 1;
    // The database file as the kill left it (the WAL not yet replayed): every page whole and authentic.
    const pages = checkPageHmacs(dbPath(storeDir), dbKey);
    expect({ bad: pages.badPages, header: pages.header }, where).toEqual({
      bad: [],
      header: { pageSize: 4096, reserve: 80 },
    });

    const inPlace = rand() < IN_PLACE_SHARE;
    const checkDir = inPlace ? storeDir : copyStore(storeDir, join(root, 'copy'));
    let store;
    try {
      store = await openStore(checkDir, CRASH_ADMIN, { kdfCost: FAST_KDF });
    } catch (e) {
      throw new Error(
        `${runInfo}\nthe store did not reopen${inPlace ? '' : ' (a copy)'}: ${String((e as Error).stack ?? e)}`,
        { cause: e },
      );
    }
    if (inPlace) {
      ledger.login(true);
      checkedInPlace += 1;
    }
    try {
      expect(store.raw.pragma('integrity_check'), where).toEqual([{ integrity_check: 'ok' }]);
      // Unknown to SQLite3 Multiple Ciphers, so always no rows; page-hmac.ts does its work above.
      expect(store.raw.pragma('cipher_integrity_check'), where).toEqual([]);
      if (inFlight) {
        const applied = await ledger.resolveInFlight(store, inFlight);
        // Before BEGIN nothing of the change can have been written.
        if (landing === 'beforeBegin')
          expect(applied, `${runInfo}\ntransaction ${inFlight.n} committed before it began`).toBe(false);
        if (landing === 'inside' && applied) insideCommitted += 1;
      }
      expect(await ledger.check(store, inPlace ? 0 : 1), runInfo).toEqual([]);
      const chain = await verifyAudit(store.db, store.auditChainKey);
      expect(chain, where).toMatchObject({ intact: true, checked: chain.checked, firstBrokenId: null, reason: null });
      auditVerified += chain.checked;
      chainLength = chain.checked;
    } finally {
      await store.close();
      if (!inPlace) rmSync(checkDir, { recursive: true, force: true });
    }
    checkMs += performance.now() - checkStarted;
  }

  // Files a kill can leave behind: atomic writes' temp files, a killed backup's snapshot or partial file.
  const listing = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  const scratchFiles = () =>
    [...listing(storeDir), ...listing(configDir)].filter((f) => /\.(tmp|partial)$|(^|\/)\.backup-/.test(f));
  const scratchLeftByKills = scratchFiles();

  // The last writer's crash, recovered in place by a login through the app, which also writes config.json again
  // and so removes the temp files that kills left of its earlier writes.
  const finalHost = new AppHost({
    configDir,
    defaultStoreDir: storeDir,
    storeOptions: { kdfCost: FAST_KDF },
    autoBackup: false,
  });
  try {
    const login = await createDispatcher(finalHost)('session.login', {
      username: CRASH_ADMIN.username,
      password: CRASH_ADMIN.password,
    });
    expect(login.ok, JSON.stringify(login)).toBe(true);
    ledger.login(true);
    const last = finalHost.session();
    expect(last.raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await ledger.check(last)).toEqual([]);
    const chain = await verifyAudit(last.db, last.auditChainKey);
    expect(chain.intact).toBe(true);
    chainLength = chain.checked;
  } finally {
    await finalHost.dispose();
  }
  // Closed cleanly: the checkpointed file verifies page by page as well.
  const finalPages = checkPageHmacs(dbPath(storeDir), dbKey);
  expect(finalPages.badPages).toEqual([]);
  dbKey.fill(0);
  expect(liveWriters()).toBe(0);
  expect(scratchFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const autoBackups = listing(join(storeDir, AUTO_BACKUP_DIR)).filter((f) => f.endsWith(BACKUP_EXT));

  const reported = ledger.reported.size;
  const counts = {
    seed: SEED,
    kills: KILLS,
    'transactions reported committed': reported,
    'transactions found after reopen': reported + ledger.committedUnreported.length,
    '  of which committed but killed before the report': ledger.committedUnreported.length,
    'in-flight transactions rolled back': ledger.rolledBack,
    'kills checked in place (the others on a copy, the next writer recovering the crash)': checkedInPlace,
    'kills during start-up (open, WAL recovery when the last crash was left, login)': landings.startup,
    'kills between transactions': landings.between,
    'kills after begin, before BEGIN': landings.beforeBegin,
    'kills inside a transaction (after BEGIN, before the commit was reported)': landings.inside,
    '  of which the commit had landed': insideCommitted,
    'kills with a non-empty WAL left behind': walAtKill,
    'audit entries verified (sum over all reopenings)': auditVerified,
    'audit chain length at the end': chainLength,
    'cadres at the end': ledger.cadreCount,
    'database pages at the end': finalPages.pages,
    'automatic backups made': autoBackups.length,
    'scratch files left by kills (temp files removed by the next write)': scratchLeftByKills.length
      ? scratchLeftByKills.join(', ')
      : 0,
    'mean go to ready: open, recovery, login (ms)': Math.round(readyMs / Math.max(1, readyCount)),
    'mean check after a kill (ms)': Math.round(checkMs / KILLS),
    'total time (s)': Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  console.log(
    `crash harness counts:\n${Object.entries(counts)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}`,
  );
  // The harness itself worked: the writers got far enough to commit, and kills did land inside transactions.
  expect(reported).toBeGreaterThan(KILLS / 2);
  expect(landings.inside).toBeGreaterThan(KILLS / 10);
});
