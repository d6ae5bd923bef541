// The fuzz test's hosts and checks: an AppHost + dispatcher over a temp store (fast KDF), dialogs that fail loudly or
// cancel, the "nothing changed" snapshot of a store (all tables, key slots, config, files), and the result checks.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppHost } from '../../db/app/host';
import type { FileDialogs } from '../../db/app/io';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import { contract, type CallName } from '../../shared/ipc/contract';
import { ERROR_CODES, type CallResult, type ErrorCode } from '../../shared/ipc/errors';
import type { Role } from '../../shared/roles';
import { keyFromPassword, withRaw } from '../helpers/raw-store';
import { ADMIN, fast } from '../helpers/tmp-store';
import { changedTables, storeDigest, totalChanges, type StoreDigest } from './store-digest';

export type Spec = (typeof contract)[CallName];

/** Dialogs that must never open: an invalid input (or an invalid token) never reaches them. */
export function loudDialogs(shown: string[]): FileDialogs {
  return {
    async pickOpen(opts) {
      shown.push(`open: ${opts.title}`);
      throw new Error(`fuzz: the open dialog “${opts.title}” was shown`);
    },
    async pickSave(opts) {
      shown.push(`save: ${opts.title}`);
      throw new Error(`fuzz: the save dialog “${opts.title}” was shown`);
    },
  };
}

/** Dialogs of a user who always presses Cancel (for valid pick calls in the scratch host). */
export function cancellingDialogs(shown: string[]): FileDialogs {
  return {
    async pickOpen(opts) {
      shown.push(`open: ${opts.title}`);
      return [];
    },
    async pickSave(opts) {
      shown.push(`save: ${opts.title}`);
      return null;
    },
  };
}

export interface FuzzHost {
  readonly host: AppHost;
  readonly dispatch: Dispatch;
  readonly storeDir: string;
  readonly configDir: string;
  /** Errors the dispatcher mapped to INTERNAL (a crash behind the boundary). */
  readonly internal: unknown[];
  /** Dialogs that were shown. */
  readonly shown: string[];
}

export async function createFuzzHost(
  root: string,
  opts: { dialogs: 'loud' | 'cancel'; now?: () => number },
): Promise<FuzzHost> {
  const shown: string[] = [];
  const internal: unknown[] = [];
  const storeDir = join(root, 'store');
  const configDir = join(root, 'config');
  const host = new AppHost({
    configDir,
    defaultStoreDir: storeDir,
    storeOptions: fast,
    // Daily backups run in the background on login and would land in the store folder mid-batch (the scratch host's
    // clock jumps a day every 24 calls); they are not part of the boundary fuzzed here.
    autoBackup: false,
    fileDialogs: opts.dialogs === 'loud' ? loudDialogs(shown) : cancellingDialogs(shown),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const dispatch = createDispatcher(host, (e) => internal.push(e));
  const created = await dispatch('setup.createStore', { dir: storeDir, ...ADMIN });
  if (!created.ok) throw new Error(`store not created: ${created.error.message}`);
  return { host, dispatch, storeDir, configDir, internal, shown };
}

/** A call that must succeed (seeding). */
export async function must<T = unknown>(h: FuzzHost, name: CallName, input: unknown): Promise<T> {
  const r = await h.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export const REVIEWER = {
  username: 'reviewer1',
  displayName: '审阅人甲',
  role: 'reviewer',
  password: 'Review@2025',
} as const;
export const CLERK = {
  username: 'clerk1',
  displayName: '档案员甲',
  role: 'dossierClerk',
  password: 'Dossier@2025',
} as const;

/** Some of everything, so a change anywhere shows in the digest: users, units, a category, cadres, settings. */
export async function seed(h: FuzzHost, cadre: Record<string, unknown>): Promise<void> {
  // Each account is activated by its owner (the administrator's password is temporary: the forced change).
  for (const user of [REVIEWER, CLERK]) {
    const temporary = `${user.password}#T`;
    await must(h, 'users.create', { ...user, password: temporary });
    await must(h, 'session.login', { username: user.username, password: temporary });
    await must(h, 'me.changePassword', { currentPassword: temporary, newPassword: user.password });
    await must(h, 'session.login', { username: ADMIN.username, password: ADMIN.password });
  }
  const u1 = await must<{ id: number }>(h, 'units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 });
  await must(h, 'units.save', { name: '旗委组织部', categoryCode: 'C2', sort: 2 });
  await must(h, 'categories.save', { name: '驻旗单位' });
  await must(h, 'cadres.create', { input: { ...cadre, unitId: u1.id } });
  await must(h, 'cadres.create', {
    input: {
      ...cadre,
      name: '李秀梅',
      gender: '女',
      idNumber: '',
      unitId: u1.id,
      position: 'deputy',
      family: [],
      annualResults: [],
    },
  });
  await must(h, 'settings.update', { idleLockMinutes: 30 });
}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, by relative path, with its hash (`-shm` left out: readers write their marks there). */
function filesUnder(dir: string, skipShm: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!(skipShm && name.endsWith('-shm'))) out[relative(dir, p)] = sha(readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export interface HostState {
  readonly store: StoreDigest;
  readonly files: Readonly<Record<string, string>>;
  readonly config: Readonly<Record<string, string>>;
  readonly phase: string;
  readonly user: string | null;
}

/**
 * Everything a call could change: all tables (through the open store's connection, or a fresh keyed connection when
 * the app is locked), every file in the store folder (key slots, the database and its WAL), config.json, and who is
 * logged in.
 */
export async function hostState(h: FuzzHost): Promise<HostState> {
  const status = h.host.status();
  let store: StoreDigest;
  if (status.phase === 'ready') store = storeDigest(h.host.session().raw);
  else {
    const key = await keyFromPassword(h.storeDir, ADMIN.username, ADMIN.password);
    store = withRaw(h.storeDir, key, (raw) => storeDigest(raw));
  }
  return {
    store,
    files: filesUnder(h.storeDir, true),
    config: filesUnder(h.configDir, false),
    phase: status.phase,
    user: status.user?.username ?? null,
  };
}

/** Throws with the differences when two snapshots differ. */
export function assertSameState(before: HostState, after: HostState, where: string): void {
  const problems: string[] = [];
  if (before.store.digest !== after.store.digest)
    problems.push(`tables changed: ${changedTables(before.store, after.store).join(', ')}`);
  for (const [label, a, b] of [
    ['store folder', before.files, after.files],
    ['config folder', before.config, after.config],
  ] as const) {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    const diff = [...names].filter((n) => a[n] !== b[n]);
    if (diff.length > 0) problems.push(`${label} changed: ${diff.join(', ')}`);
  }
  if (before.phase !== after.phase || before.user !== after.user) {
    problems.push(`session changed: ${before.phase}/${before.user} → ${after.phase}/${after.user}`);
  }
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
}

/** Rows changed on the open store's connection so far (null when locked). */
export const changesSoFar = (h: FuzzHost): number | null =>
  h.host.status().phase === 'ready' ? totalChanges(h.host.session().raw) : null;

/** The refusal the dispatcher gives before it looks at the input: no session, or a role the call does not allow. */
export function refusalFor(spec: Spec, role: Role | null): 'NOT_LOGGED_IN' | 'FORBIDDEN' | null {
  if (spec.access === 'public') return null;
  if (role === null) return 'NOT_LOGGED_IN';
  if (spec.access !== 'session' && !(spec.access as readonly Role[]).includes(role)) return 'FORBIDDEN';
  // The main host is never in 评议终端 mode: its kiosk-only calls are refused before their input is read.
  if (spec.kiosk === 'only') return 'FORBIDDEN';
  return null;
}

/** Whether the dispatcher would accept the input (same rule: an object or nothing, then the call's schema). */
export function isValidInput(spec: Spec, input: unknown): boolean {
  const isObject = input === undefined || input === null || (typeof input === 'object' && !Array.isArray(input));
  try {
    return isObject && spec.input.safeParse(input ?? {}).success;
  } catch {
    return false; // zod's readonly() throws on a typed array instead of reporting it
  }
}

const CHINESE = /[\u3400-\u9fff]/u;

/** The result is a CallResult the window can show: ok, or a known code with a Chinese message (and it can cross IPC). */
export function assertWellFormed(r: unknown, where: string): asserts r is CallResult<unknown> {
  const fail = (why: string) => {
    let shown: string;
    try {
      shown = JSON.stringify(r)?.slice(0, 300) ?? String(r);
    } catch {
      shown = String(r);
    }
    throw new Error(`${where}: ${why}: ${shown}`);
  };
  if (!r || typeof r !== 'object') return fail('not an object');
  const res = r as Record<string, unknown>;
  if (res.ok === true) {
    if (Object.keys(res).sort().join() !== 'ok,value') fail('ok result with extra keys');
  } else if (res.ok === false) {
    if (Object.keys(res).sort().join() !== 'error,ok') fail('error result with extra keys');
    const e = res.error as Record<string, unknown> | undefined;
    if (!e || typeof e !== 'object') return fail('no error object');
    if (!ERROR_CODES.includes(e.code as ErrorCode)) fail(`unknown code ${String(e.code)}`);
    if (typeof e.message !== 'string' || e.message.trim() === '') fail('empty message');
    if (!CHINESE.test(e.message as string)) fail('message has no Chinese');
    if (e.field !== undefined && typeof e.field !== 'string') fail('field is not a string');
    if (e.retryAfterSeconds !== undefined && typeof e.retryAfterSeconds !== 'number')
      fail('retryAfterSeconds is not a number');
    const extra = Object.keys(e).filter((k) => !['code', 'message', 'field', 'retryAfterSeconds'].includes(k));
    if (extra.length > 0) fail(`error has extra keys ${extra.join()}`);
  } else fail('ok is neither true nor false');
  try {
    structuredClone(r);
  } catch {
    fail('the result cannot cross IPC');
  }
}

/** Rejects when the call takes longer than `ms`: the dispatcher must never hang. */
export async function withinTime<T>(p: Promise<T>, ms: number, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${where}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const PROTO_BASELINE = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Nothing was added to Object.prototype (or Array.prototype) by a `__proto__`/`constructor` key. */
export function assertNoPollution(where: string): void {
  const probe: Record<string, unknown> = {};
  if (
    probe.polluted !== undefined ||
    probe.isAdmin !== undefined ||
    probe.role !== undefined ||
    ([] as unknown as Record<string, unknown>).polluted !== undefined
  ) {
    throw new Error(`${where}: Object.prototype was polluted`);
  }
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO_BASELINE)
    throw new Error(`${where}: Object.prototype changed`);
}

/** Counts for the summary line. */
export class FuzzStats {
  calls = 0;
  ok = 0;
  readonly names = new Set<string>();
  readonly codes = new Map<string, number>();
  /** Valid inputs to calls that change state, sent to the scratch host instead. */
  diverted = 0;
  /** Valid inputs to setup.createStore/useExistingStore: never sent (they would touch arbitrary paths). */
  neverSent = 0;
  invalid = 0;

  record(name: unknown, r: CallResult<unknown>): void {
    this.calls += 1;
    this.names.add(typeof name === 'string' ? name : `<${typeof name}>`);
    if (r.ok) this.ok += 1;
    else this.codes.set(r.error.code, (this.codes.get(r.error.code) ?? 0) + 1);
  }
}
