// Crash safety of re-keying: a child re-keys the store in a loop and is SIGKILLed, at each named step and at random
// moments; after every kill the store must open with a password (the old or the new key, never neither), its
// key-slot file settle to one key, the data and the audit chain stay whole, and the other accounts still log in.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore } from '../../db/store/lifecycle';
import { verifyAudit } from '../../db/audit/verify';
import { readKeySlots } from '../../db/store/keyslots';
import { removeScratchFiles } from '../../db/backup/auto';
import type { RekeyPoint } from '../../db/store/rekey';
import { bundleWriter, type WriterBundle } from './bundle-writer';
import { prng } from './protocol';
import { ADMIN, fast, newStore, track } from '../helpers/tmp-store';

const KILLS = Number(process.env.REKEY_KILLS ?? 24);
const POINTS: readonly RekeyPoint[] = ['pendingWritten', 'copied', 'rekeyed', 'closed', 'swapped', 'settled'];
const READER = { username: 'reader', password: 'Reader@2025' };

let bundle: WriterBundle | undefined;
beforeAll(async () => {
  bundle = await bundleWriter('rekey-writer.ts');
}, 120_000);
afterAll(() => bundle?.remove());

/** Runs the child until it dies (on its own at `stopAt`, or by our SIGKILL after `killAfterMs` from `ready`). */
function runChild(
  dir: string,
  opts: { stopAt?: RekeyPoint; killAfterMs?: number },
): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle!.entry, dir, ADMIN.password, opts.stopAt ?? ''], {
      env: bundle!.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (opts.killAfterMs !== undefined && out.startsWith('ready\n') && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs).unref();
        opts = { ...opts, killAfterMs: undefined };
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', () => {
      clearTimeout(guard);
      resolve({ lines: out.split('\n').filter(Boolean), stderr: err });
    });
  });
}

/** After a kill: the password opens the store, the file is settled, nothing is lost, everyone still logs in. */
async function checkAfterKill(dir: string, units: number): Promise<string> {
  const store = track(await openStore(dir, ADMIN, fast));
  const file = readKeySlots(dir);
  expect(file.pendingKeyId).toBeUndefined();
  for (const s of file.slots) for (const g of s.grants ?? []) expect(g.keyId).toBe(file.keyId);
  expect(store.keyId).toBe(file.keyId);
  const n = await store.db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(units);
  expect(await verifyAudit(store.db, store.auditChainKey)).toMatchObject({ intact: true });
  await store.close();
  const reader = await openStore(dir, READER, fast);
  await reader.close();
  removeScratchFiles(dir); // what the host does at login
  // A kill inside an atomic write may leave its temp file (removed at the file's next write, see db/fs/atomic.ts);
  // never a second database or a re-keyed copy once the login has swept the scratch files.
  expect(readdirSync(dir).filter((f) => f.endsWith('.db') && f !== 'store.db')).toEqual([]);
  return file.keyId!;
}

async function storeForCrashes() {
  const { dir, store } = await newStore();
  await store.change('units.save', async (db, rec) => {
    const t = new Date().toISOString();
    await db
      .insertInto('units')
      .values({ name: '乌兰镇', category_code: 'C1', sort: 1, created_at: t, updated_at: t })
      .execute();
    rec.record('乌兰镇');
  });
  const slot = await store.newPasswordSlot(READER.username, READER.password);
  await store.change('users.create', async (db, rec) => {
    const t = new Date().toISOString();
    await db
      .insertInto('users')
      .values({
        username: READER.username,
        display_name: '查阅员',
        role: 'reviewer',
        disabled: 0,
        must_change_password: 0,
        created_at: t,
        updated_at: t,
      })
      .execute();
    rec.record(READER.username);
    rec.afterCommit(() => store.putSlot(slot));
  });
  await store.close();
  return dir;
}

test(
  'a kill at each step of a re-keying leaves the old or the new key working, never neither',
  { timeout: 300_000 },
  async () => {
    const dir = await storeForCrashes();
    let keyId = readKeySlots(dir).keyId!;
    for (const point of POINTS) {
      const { lines, stderr } = await runChild(dir, { stopAt: point });
      expect(stderr).toBe('');
      expect(lines.at(-1)).toBe(`1 ${point}`);
      const after = await checkAfterKill(dir, 1);
      // Killed before the rename: the old key still opens; from the rename on: the new one.
      const swappedYet = POINTS.indexOf(point) >= POINTS.indexOf('swapped');
      expect(after === keyId).toBe(!swappedYet);
      keyId = after;
    }
  },
);

test(
  `${KILLS} SIGKILLs at random moments during repeated re-keying: the store always opens`,
  { timeout: 600_000 },
  async () => {
    const dir = await storeForCrashes();
    const rand = prng(20_261_207);
    const reached: Record<string, number> = {};
    for (let k = 0; k < KILLS; k += 1) {
      const { lines, stderr } = await runChild(dir, { killAfterMs: Math.floor(rand() * 400) });
      expect(stderr).toBe('');
      const last = lines.at(-1) ?? 'none';
      const step = last.split(' ').at(-1)!;
      reached[step] = (reached[step] ?? 0) + 1;
      await checkAfterKill(dir, 1);
    }
    console.log(`re-keying crash: last step reached before each kill: ${JSON.stringify(reached)}`);
  },
);
