// The crash harness's child: logs in through the app's own host and dispatcher, then writes changes until killed.
// Bundled by the parent (bundle-writer.ts) and run with plain Node; every line it prints is in protocol.ts.
import { AppHost } from '../../db/app/host';
import type { Store } from '../../db/store/store';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import {
  CRASH_ADMIN,
  KINDS,
  cadreForm,
  formatLine,
  prng,
  settingValue,
  unitName,
  type Committed,
  type Intent,
  type Kind,
  type WriterBoot,
  type WriterGo,
  type WriterLine,
} from './protocol';

const boot = JSON.parse(process.argv[2] ?? '') as WriterBoot;
// Synchronous for pipes on Linux: once write returns, the line is in the pipe and survives a SIGKILL.
const send = (line: WriterLine) => process.stdout.write(formatLine(line));

// Never outlive the parent: a closed stdin means it is gone; a long life means it forgot us.
process.stdin.on('end', () => process.exit(70));
setTimeout(() => process.exit(71), 120_000).unref();

/** Waits for the parent's `go` line; nothing touches the store before it. */
const go = new Promise<WriterGo>((resolve) => {
  let pending = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    pending += chunk;
    const nl = pending.indexOf('\n');
    if (nl !== -1) resolve(JSON.parse(pending.slice(0, nl)) as WriterGo);
  });
});

let args: WriterGo;
let rand: () => number;

const host = new AppHost({
  configDir: boot.configDir,
  defaultStoreDir: boot.storeDir,
  storeOptions: { kdfCost: boot.kdfCost },
});
const dispatch = createDispatcher(host, (e) =>
  process.stderr.write(`internal error: ${String((e as Error)?.stack ?? e)}\n`),
);

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as CallOutput<N>;
}

/** Spins the CPU: a kill during it lands inside the open transaction. */
function busy(): void {
  const until = performance.now() + rand() * args.busyMaxMs;
  while (performance.now() < until) {
    // spin
  }
}

let current = 0;

/**
 * Wraps the session's Store.change (the one path every change takes) to announce that BEGIN has run and to add
 * busy work before and after the change's statements, while its audit entry is not yet written.
 */
function instrument(store: Store): void {
  const change = store.change.bind(store);
  store.change = ((action, fn) =>
    change(action, async (db, rec) => {
      send({ t: 'inside', n: current });
      if (rand() < 0.5) busy();
      const value = await fn(db, rec);
      if (rand() < 0.5) busy();
      return value;
    })) as Store['change'];
}

function pickKind(hasUnits: boolean, hasCadres: boolean): Kind {
  if (!hasUnits) return 'unit';
  const r = rand();
  if (r < 0.15) return 'unit';
  if (r < 0.55 || !hasCadres) return 'create';
  if (r < 0.85) return 'update';
  return 'setting';
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function main(): Promise<void> {
  args = await go;
  rand = prng(args.seed);
  await call('session.login', { username: CRASH_ADMIN.username, password: CRASH_ADMIN.password });
  const store = host.session();
  instrument(store);
  if (args.walAutocheckpoint !== null) store.raw.pragma(`wal_autocheckpoint = ${Math.trunc(args.walAutocheckpoint)}`);
  const units = (await call('units.list', {})).map((u) => u.id);
  const cadres = store.raw.prepare('SELECT id FROM cadres ORDER BY id').pluck().all() as number[];
  const category = store.raw
    .prepare('SELECT code FROM catalog_categories WHERE retired = 0 ORDER BY sort LIMIT 1')
    .pluck()
    .get() as string;
  let minutes = (await call('settings.get', {})).idleLockMinutes;
  // The newest entry of the change's action is its own: this writer is the only one making such changes (the
  // automatic backup may add an entry of its own at any moment).
  const lastAuditId = store.raw.prepare('SELECT max(id) FROM audit_log WHERE action = ?').pluck();
  send({ t: 'ready' });

  for (let n = args.firstN; ; n += 1) {
    current = n;
    const kind = pickKind(units.length > 0, cadres.length > 0);
    let intent: Intent = { n, kind };
    let entityId: number | undefined;
    if (kind === 'unit') {
      send({ t: 'begin', intent });
      entityId = (await call('units.save', { name: unitName(n), categoryCode: category, sort: n % 100_000 })).id;
      units.push(entityId);
    } else if (kind === 'create') {
      send({ t: 'begin', intent });
      entityId = (await call('cadres.create', { input: cadreForm(n, pick(units)) })).id;
      cadres.push(entityId);
    } else if (kind === 'update') {
      // As the window does: read the profile, edit it, save it with the version read.
      const id = pick(cadres);
      const before = await call('cadres.get', { id });
      intent = { ...intent, cadreId: id };
      send({ t: 'begin', intent });
      const input = cadreForm(n, before.unitId, {
        gender: before.gender,
        birthMonth: before.birthMonth,
        idNumber: before.idNumber,
      });
      entityId = (await call('cadres.update', { id, version: before.version, input })).id;
    } else {
      const value = settingValue(n, minutes);
      intent = { ...intent, value };
      send({ t: 'begin', intent });
      minutes = (await call('settings.update', { idleLockMinutes: value })).idleLockMinutes;
    }
    const committed: Committed = {
      ...intent,
      auditId: lastAuditId.get(KINDS[kind]) as number,
      ...(entityId === undefined ? {} : { entityId }),
    };
    send({ t: 'committed', committed });
    // Let I/O (a closed stdin) and timers run: the calls above may resolve on microtasks alone.
    await new Promise((r) => setImmediate(r));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`writer failed: ${String((e as Error)?.stack ?? e)}\n`);
  process.exit(3);
});
