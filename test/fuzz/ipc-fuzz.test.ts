// Property-based fuzzing of every call in the IPC contract: whatever the window sends, the dispatcher answers (never
// throws, never hangs) with ok or a typed error in Chinese; invalid input gets VALIDATION (or the session/role
// refusal, which the dispatcher checks first) and changes nothing: not a row, not a file, not the session.
//
// How calls that legitimately change state are kept apart (per input, by the same rule the dispatcher applies):
// - Invalid inputs (not an object, or the call's zod schema refuses them) go to the main host; the store must not
//   change: total_changes() of its connection per call, and a digest of every table, the store folder's files,
//   config.json and the session per batch (one batch = one call × one kind of input).
// - Inputs the dispatcher refuses before parsing (no session, or a role the call does not allow) go to the main host
//   too, valid or not: the refusal must be exactly NOT_LOGGED_IN / FORBIDDEN and nothing changes.
// - Valid inputs of read-only calls (`mutates: false`, opening no dialog) also go to the main host: nothing may change.
// - Valid inputs of calls that change state (session.lock, session.login/recover, users.*, units.save, settings.update,
//   …) or open a dialog (files.pickOpen/pickSave) are sent to a separate scratch host (admin session, dialogs that
//   cancel, a clock that jumps an hour per call so the login throttle never blocks): there only "typed answer, never
//   INTERNAL" is asserted, plus "a refused call changed nothing".
// - Valid inputs of setup.createStore / setup.useExistingStore are never sent: their `dir` is an arbitrary path that
//   would be created or remembered relative to the working directory (their own tests cover them).
// The main host's dialogs throw if shown and any INTERNAL error fails the test.
//
// The seed varies per run and is printed; FUZZ_SEED=<n> replays a run. FUZZ_SCALE=<x> multiplies the number of runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contract, type CallName } from '../../shared/ipc/contract';
import type { Role } from '../../shared/roles';
import { ADMIN } from '../helpers/tmp-store';
import {
  assertNoPollution,
  assertSameState,
  assertWellFormed,
  changesSoFar,
  createFuzzHost,
  FuzzStats,
  hostState,
  isValidInput,
  must,
  REVIEWER,
  refusalFor,
  seed,
  withinTime,
  type FuzzHost,
  type Spec,
} from './harness';
import { cloneableInput, cloneForIpc, jsonInput, nearValid } from './inputs';
import { CADRE_SAMPLE, handSamples, sampleFromSchema } from './samples';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const SCALE = process.env.FUZZ_SCALE ? Number(process.env.FUZZ_SCALE) : 1;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Runs per call and kind of input, per session. */
const RUNS = {
  admin: { json: runs(70), cloneable: runs(50), nearValid: runs(130) },
  reviewer: { json: runs(15), cloneable: runs(10), nearValid: runs(25) },
  none: { json: runs(15), cloneable: runs(10), nearValid: runs(25) },
  names: { admin: runs(600), none: runs(200) },
};
const CALL_TIMEOUT_MS = 15_000;

/** Iterated from the contract itself, so a call added later is fuzzed without touching this file. */
const CALLS = Object.keys(contract) as CallName[];
/** Valid inputs of these calls name arbitrary folders: never sent (see the header). */
const NEVER_SEND_VALID = new Set<string>(['setup.createStore', 'setup.useExistingStore']);
/** Calls that open a native dialog when their input is valid. */
const OPENS_DIALOG = new Set<string>(['files.pickOpen', 'files.pickSave', 'terminal.pickPackage']);

const stats = new FuzzStats();
const contractNames = new Set<string>();
let unknownNameCalls = 0;
let seedCounter = 0;
const nextSeed = () => (SEED + seedCounter++) % 2 ** 31;

let root: string;
let main: FuzzHost;
let scratch: FuzzHost;
let scratchClock = Date.now();
let samples: Record<string, unknown>;
const startedAt = Date.now();

/** The role of the main host's session in the current phase (null: locked). */
let role: Role | null = 'admin';

const fuzzedSample = (name: string) =>
  Object.hasOwn(samples, name) ? samples[name] : sampleFromSchema(contract[name as CallName].input);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ganbu-fuzz-'));
  samples = { ...handSamples(join(root, 'never-created')) };
  main = await createFuzzHost(join(root, 'main'), { dialogs: 'loud' });
  scratch = await createFuzzHost(join(root, 'scratch'), {
    dialogs: 'cancel',
    now: () => (scratchClock += 60 * 60_000),
  });
  await seed(main, CADRE_SAMPLE);
  await seed(scratch, CADRE_SAMPLE);
  console.log(`ipc fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${CALLS.length} calls in the contract`);
});

afterAll(async () => {
  await main?.host.dispose();
  await scratch?.host.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
  const codes = [...stats.codes.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `ipc fuzz: ${stats.calls} calls, ${contractNames.size} distinct calls, ${stats.ok} ok, ${stats.calls - stats.ok} refused (${codes}); ` +
      `${unknownNameCalls} with unknown names; ${stats.invalid} invalid inputs; ${stats.diverted} valid ` +
      `state-changing inputs sent to the scratch host, ` +
      `${stats.neverSent} never sent; seed ${SEED}; ${seconds} s`,
  );
});

/** The scratch host has an admin session again (a fuzzed session.lock or login may have ended it). */
async function scratchSession(): Promise<boolean> {
  if (scratch.host.status().phase === 'ready') return true;
  // A fuzzed users.resetPassword may have given the admin one of the samples' passwords.
  for (const password of [ADMIN.password, 'Fuzz@2025x', 'NewPass@2025']) {
    const r = await scratch.dispatch('session.login', { username: ADMIN.username, password });
    if (r.ok) return true;
  }
  return false;
}

/** A valid input to a call that changes state: the scratch host takes it. */
async function divert(name: CallName, input: unknown, where: string): Promise<void> {
  if (NEVER_SEND_VALID.has(name)) {
    stats.neverSent += 1;
    return;
  }
  stats.diverted += 1;
  const open = await scratchSession();
  const before = open ? await hostState(scratch) : null;
  const r = await withinTime(scratch.dispatch(name, input), CALL_TIMEOUT_MS, where);
  assertWellFormed(r, `${where} (scratch)`);
  stats.record(name, r);
  contractNames.add(name);
  if (!r.ok && r.error.code === 'INTERNAL')
    throw new Error(`${where} (scratch): INTERNAL: ${String(scratch.internal.at(-1))}`);
  // A valid call the service refused (unknown id, expired token …) changed nothing either. A wrong password is the
  // exception by design (等保 2.0 安全审计): it is counted in login-failures.json and written to the audit log.
  const audited =
    !r.ok && (r.error.code === 'WRONG_PASSWORD' || (name === 'kiosk.exit' && r.error.field === 'password'));
  if (!r.ok && !audited && before && scratch.host.status().phase === 'ready')
    assertSameState(before, await hostState(scratch), `${where} (scratch, refused)`);
  scratch.internal.length = 0;
}

/** One fuzzed call against the main host, with every per-call check. */
async function fuzzOne(name: CallName, raw: unknown, kind: string): Promise<void> {
  const cloned = cloneForIpc(raw);
  if (!cloned.ok) return; // cannot cross IPC (the arbitraries filter these already)
  const input = cloned.value;
  const spec: Spec = contract[name];
  const where = `${name} [${kind}, ${role ?? 'no session'}]`;
  const refusal = refusalFor(spec, role);
  const valid = isValidInput(spec, input);
  if (!valid) stats.invalid += 1;
  if (refusal === null && valid && (spec.mutates || OPENS_DIALOG.has(name) || NEVER_SEND_VALID.has(name))) {
    return divert(name, input, where);
  }
  const changesBefore = changesSoFar(main);
  const r = await withinTime(main.dispatch(name, input), CALL_TIMEOUT_MS, where);
  assertWellFormed(r, where);
  stats.record(name, r);
  contractNames.add(name);
  if (main.internal.length > 0) throw new Error(`${where}: INTERNAL: ${String(main.internal[0])}`);
  if (main.shown.length > 0) throw new Error(`${where}: a dialog was shown: ${main.shown.join('; ')}`);
  if (refusal !== null) {
    if (r.ok || r.error.code !== refusal)
      throw new Error(`${where}: expected ${refusal}, got ${r.ok ? 'ok' : r.error.code}`);
  } else if (!valid) {
    if (r.ok || r.error.code !== 'VALIDATION') {
      throw new Error(`${where}: invalid input answered ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`);
    }
  }
  const changesAfter = changesSoFar(main);
  if (changesBefore !== changesAfter)
    throw new Error(`${where}: ${String(changesAfter)} rows changed (was ${String(changesBefore)})`);
  assertNoPollution(where);
}

/** fast-check's own report prints the whole counterexample (megabytes with the huge strings): a short one instead. */
function shortReport<Ts>(details: fc.RunDetails<Ts>): void {
  if (!details.failed) return;
  let example: string;
  try {
    example = fc.stringify(details.counterexample);
  } catch {
    example = String(details.counterexample);
  }
  if (example.length > 600) example = `${example.slice(0, 600)} … (${example.length} characters)`;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath ?? ''}")\n` +
      `counterexample: ${example}\ncause: ${cause.length > 2000 ? `${cause.slice(0, 2000)} …` : cause}`,
  );
}

/** One batch: fc runs of one kind of input for one call, with the whole store compared before and after. */
async function batch(name: CallName, kind: string, arb: fc.Arbitrary<unknown>, numRuns: number): Promise<void> {
  const before = await hostState(main);
  await fc.assert(
    fc.asyncProperty(arb, (input) => fuzzOne(name, input, kind)),
    { numRuns, seed: nextSeed(), endOnFailure: true, reporter: shortReport },
  );
  assertSameState(before, await hostState(main), `${name} [${kind}, ${role ?? 'no session'}] after ${numRuns} runs`);
}

async function fuzzCall(name: CallName, r: { json: number; cloneable: number; nearValid: number }): Promise<void> {
  await batch(name, 'json', jsonInput, r.json);
  await batch(name, 'cloneable', cloneableInput, r.cloneable);
  await batch(name, 'near-valid', nearValid(fuzzedSample(name)), r.nearValid);
}

/** Names that are not calls: random text, near misses of real names, prototype names, and non-strings. */
const badName: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .constantFrom(...CALLS)
      .chain((n) =>
        fc.constantFrom(
          n.toUpperCase(),
          ` ${n}`,
          `${n} `,
          `${n}\u0000`,
          n.replace('.', '/'),
          n.replace('.', ''),
          `${n}.x`,
          n.split('.')[0]!,
          `__proto__.${n}`,
        ),
      ),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      '',
      '.',
      'app',
      'session',
    ),
    cloneableInput,
  )
  .filter((n) => !(typeof n === 'string' && Object.hasOwn(contract, n)));

async function fuzzNames(numRuns: number): Promise<void> {
  const before = await hostState(main);
  const input = fc.oneof(
    jsonInput,
    fc.constantFrom(...CALLS).map((n) => fuzzedSample(n)),
  );
  await fc.assert(
    fc.asyncProperty(badName, input, async (name, raw) => {
      const cloned = cloneForIpc(raw);
      const inputValue = cloned.ok ? cloned.value : null;
      const where = `name ${typeof name === 'string' ? JSON.stringify(name) : typeof name} [${role ?? 'no session'}]`;
      const changesBefore = changesSoFar(main);
      const r = await withinTime(main.dispatch(structuredClone(name), inputValue), CALL_TIMEOUT_MS, where);
      assertWellFormed(r, where);
      stats.record(name, r);
      unknownNameCalls += 1;
      if (r.ok || r.error.code !== 'UNKNOWN_CALL')
        throw new Error(`${where}: expected UNKNOWN_CALL, got ${r.ok ? 'ok' : r.error.code}`);
      if (changesSoFar(main) !== changesBefore) throw new Error(`${where}: rows changed`);
      assertNoPollution(where);
    }),
    { numRuns, seed: nextSeed(), endOnFailure: true, reporter: shortReport },
  );
  assertSameState(before, await hostState(main), `unknown names [${role ?? 'no session'}]`);
}

describe('IPC fuzz', () => {
  test('every hand-written sample is a valid input of its call (so mutations start next to the valid shape)', () => {
    const stale = Object.entries(samples).filter(
      ([name, input]) => !Object.hasOwn(contract, name) || !isValidInput(contract[name as CallName], input),
    );
    expect(stale.map(([n]) => n)).toEqual([]);
    const derived = CALLS.filter((n) => !Object.hasOwn(samples, n));
    if (derived.length > 0) {
      const invalid = derived.filter((n) => !isValidInput(contract[n], sampleFromSchema(contract[n].input)));
      console.log(
        `ipc fuzz: samples derived from the schema for ${derived.join(', ')}${invalid.length ? ` (not valid: ${invalid.join(', ')})` : ''}`,
      );
    }
  });

  describe('as the administrator', () => {
    test.each(CALLS)('%s', async (name) => {
      await fuzzCall(name, RUNS.admin);
    });

    test('unknown call names', async () => {
      await fuzzNames(RUNS.names.admin);
    });

    // Inputs the fuzzer found (answered in English, or INTERNAL), kept as fixed cases.
    test.each<[CallName, unknown]>([
      ['cadres.create', {}],
      ['cadres.update', { id: 1, version: 1 }],
      ['cadres.create', { input: { ...CADRE_SAMPLE, annualResults: [5] } }],
      ['cadres.create', { input: { ...CADRE_SAMPLE, family: ['王丽'] } }],
      ['cadres.create', { input: { ...CADRE_SAMPLE, annualResults: new Uint8Array([1, 2]) } }],
      ['cadres.update', { id: 1, version: 1, input: { ...CADRE_SAMPLE, family: new Float64Array([1]) } }],
      ['roster.exportExcel', { token: '6c2c03b7-6c87-4058-91d3-7694ef47849e', filter: false }],
      ['roster.commitExcel', { jobId: '6c2c03b7-6c87-4058-91d3-7694ef47849e', excludedRows: ['7'], confirmedRows: [] }],
      [
        'roster.commitExcel',
        { jobId: '6c2c03b7-6c87-4058-91d3-7694ef47849e', excludedRows: [], confirmedRows: new Array(100_001).fill(1) },
      ],
      [
        'roster.commitLrmx',
        {
          jobId: '6c2c03b7-6c87-4058-91d3-7694ef47849e',
          files: [{ index: [0], unitId: 1, position: 'chief', confirmMatch: false }],
        },
      ],
      [
        'roster.commitLrmx',
        {
          jobId: '6c2c03b7-6c87-4058-91d3-7694ef47849e',
          files: [{ index: 0, unitId: 1, position: 'chief', confirmMatch: 1 }],
        },
      ],
      ['roster.commitLrmx', { jobId: '6c2c03b7-6c87-4058-91d3-7694ef47849e', files: [7] }],
    ])('found by the fuzzer: %s %#', async (name, input) => {
      const before = await hostState(main);
      const r = await main.dispatch(name, structuredClone(input));
      assertWellFormed(r, name);
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
      expect(main.internal).toEqual([]);
      assertSameState(before, await hostState(main), name);
    });
  });

  describe('as a reviewer (role refusals come first)', () => {
    beforeAll(async () => {
      await must(main, 'session.login', { username: REVIEWER.username, password: REVIEWER.password });
      role = 'reviewer';
    });

    test.each(CALLS)('%s', async (name) => {
      await fuzzCall(name, RUNS.reviewer);
    });
  });

  describe('with no session (locked)', () => {
    beforeAll(async () => {
      await must(main, 'session.lock', {});
      role = null;
      expect(main.host.status().phase).toBe('login');
    });

    test.each(CALLS)('%s', async (name) => {
      await fuzzCall(name, RUNS.none);
    });

    test('unknown call names', async () => {
      await fuzzNames(RUNS.names.none);
    });
  });

  test('at least 10,000 calls were made, covering every call of the contract', () => {
    if (SCALE >= 1) expect(stats.calls).toBeGreaterThanOrEqual(10_000);
    expect([...contractNames].sort()).toEqual([...CALLS].sort());
  });
});
