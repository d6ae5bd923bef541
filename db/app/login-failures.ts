// Wrong passwords per account, kept across restarts in login-failures.json beside the key slots, and the failed
// tries not yet written to the audit log.
//
// Why a file of its own beside keyslots.json: logins are throttled while the store is locked, so the count cannot
// live in the (encrypted) database, and the key-slot file is the store's most precious file, written only when a key
// changes. Like the key slots it names nobody: accounts appear as the key-slot hash of store id and user name, and
// the names are looked up only when the tries are audited, at the next unlock.
// The file carries an HMAC whose key lives in the app's own data folder (login-failures.key, owner-only), not in the
// store folder: someone who can only edit the store folder (a shared drive, a copy) cannot lower the counts unseen.
// A file that fails the check counts as four wrong tries for every account (one more and the delays begin) and is
// recorded in the audit log at the next unlock. Deleting the file resets the counts: someone able to do that can as
// well copy keyslots.json and guess offline at the scrypt cost, so the throttle guards the login window, not the files.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { passwordSlotId, readKeySlots, RECOVERY_SLOT_ID } from '../store/keyslots';
import { checkNotBefore, delayAfter, FREE_TRIES } from './throttle';

export const LOGIN_FAILURES_FILE = 'login-failures.json';
export const LOGIN_FAILURES_KEY_FILE = 'login-failures.key';
const FORMAT = 'ganbu-login-failures';
/** Tries waiting for the audit log; beyond this only their number is kept (a guessing run is throttled anyway). */
export const PENDING_CAP = 200;
/** Accounts remembered; the ones idle longest are forgotten first (made-up user names would otherwise pile up). */
const ACCOUNT_CAP = 500;

export type FailedVia = 'login' | 'recover' | 'changePassword' | 'kioskExit';

const accountSchema = z.object({ failures: z.number().int().min(0), notBefore: z.number(), last: z.number() });
const attemptSchema = z.object({
  account: z.string().min(1),
  via: z.enum(['login', 'recover', 'changePassword', 'kioskExit']),
  at: z.string(),
});
const bodySchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  storeId: z.string().min(1),
  accounts: z.record(z.string(), accountSchema),
  pending: z.array(attemptSchema).max(PENDING_CAP),
  dropped: z.number().int().min(0),
  /** The file on disk failed its check; cleared once that is in the audit log. */
  unverified: z.boolean(),
});
const fileSchema = z.object({ body: bodySchema, mac: z.string() });

type Body = z.infer<typeof bodySchema>;
export type FailedAttempt = z.infer<typeof attemptSchema>;
export interface PendingFailures {
  readonly attempts: readonly FailedAttempt[];
  readonly dropped: number;
  readonly unverified: boolean;
}

/** An account of one store: the key-slot id of a user name, or the recovery slot. */
export interface Account {
  readonly dir: string;
  readonly storeId: string;
  readonly id: string;
}

export class LoginFailures {
  /** A try failed in this process and is not audited yet (the dispatcher then writes it after a refused call). */
  unaudited = false;

  constructor(
    /** The app's data folder, where the HMAC key lives (never the store folder). */
    private readonly keyDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account a user name logs in to (made-up names get an account of their own, so they throttle alike). */
  account(dir: string, username: string): Account {
    const storeId = readKeySlots(dir).storeId;
    return { dir, storeId, id: passwordSlotId(storeId, username.trim().toLowerCase()) };
  }

  recoveryAccount(dir: string): Account {
    return { dir, storeId: readKeySlots(dir).storeId, id: RECOVERY_SLOT_ID };
  }

  /** THROTTLED while this account must still wait. */
  check(a: Account): void {
    const body = this.read(a);
    const s = this.stateOf(body, a.id);
    checkNotBefore(s.notBefore, this.now(), s.failures, '密码');
  }

  failed(a: Account, via: FailedVia): void {
    const body = this.read(a);
    const now = this.now();
    const failures = this.stateOf(body, a.id).failures + 1;
    const delay = delayAfter(failures);
    body.accounts[a.id] = { failures, notBefore: delay > 0 ? now + delay : 0, last: now };
    if (body.pending.length < PENDING_CAP) body.pending.push({ account: a.id, via, at: new Date(now).toISOString() });
    else body.dropped += 1;
    this.write(a.dir, prune(body));
    this.unaudited = true;
  }

  succeeded(a: Account): void {
    const body = this.read(a);
    if (!(a.id in body.accounts)) return;
    delete body.accounts[a.id];
    this.write(a.dir, body);
  }

  /** The tries not yet audited (and whether the file failed its check); the caller writes them to the audit log. */
  pending(dir: string): PendingFailures {
    const body = this.read({ dir, storeId: readKeySlots(dir).storeId });
    return { attempts: body.pending, dropped: body.dropped, unverified: body.unverified };
  }

  /** Forgets the audited tries (call after they are committed to the audit log). */
  audited(dir: string, done: PendingFailures): void {
    const body = this.read({ dir, storeId: readKeySlots(dir).storeId });
    body.pending = body.pending.slice(done.attempts.length);
    body.dropped = Math.max(0, body.dropped - done.dropped);
    // Once the failed check is in the audit log, accounts without a count start from zero again.
    if (done.unverified) body.unverified = false;
    this.write(dir, body);
    this.unaudited = false;
  }

  private stateOf(body: Body, id: string): { failures: number; notBefore: number } {
    const s = body.accounts[id];
    if (s) return s;
    // A file that failed its check may have had its counts lowered: every account starts one try short of the delays.
    return { failures: body.unverified ? FREE_TRIES - 1 : 0, notBefore: 0 };
  }

  private read(a: Pick<Account, 'dir' | 'storeId'>): Body {
    const path = join(a.dir, LOGIN_FAILURES_FILE);
    const fresh = (unverified: boolean): Body => ({
      format: FORMAT,
      version: 1,
      storeId: a.storeId,
      accounts: {},
      pending: [],
      dropped: 0,
      unverified,
    });
    if (!existsSync(path)) return fresh(false);
    try {
      const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      const expected = Buffer.from(this.mac(file.body), 'hex');
      const given = Buffer.from(file.mac, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fresh(true);
      // A file copied from another store says nothing about this one's accounts.
      if (file.body.storeId !== a.storeId) return fresh(true);
      return file.body;
    } catch {
      return fresh(true);
    }
  }

  private write(dir: string, body: Body): void {
    writeFileAtomic(join(dir, LOGIN_FAILURES_FILE), `${JSON.stringify({ body, mac: this.mac(body) })}\n`);
  }

  private mac(body: Body): string {
    return createHmac('sha256', this.key()).update(JSON.stringify(body)).digest('hex');
  }

  private key(): Buffer {
    const path = join(this.keyDir, LOGIN_FAILURES_KEY_FILE);
    if (existsSync(path)) {
      const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
      if (key.length === 32) return key;
    }
    mkdirSync(this.keyDir, { recursive: true });
    const key = randomBytes(32);
    writeFileAtomic(path, key.toString('hex'));
    return key;
  }
}

/** Keeps the file small: counts that no longer delay anything and are old go first, then the longest idle. */
function prune(body: Body): Body {
  const ids = Object.keys(body.accounts);
  if (ids.length <= ACCOUNT_CAP) return body;
  ids.sort((x, y) => body.accounts[x]!.last - body.accounts[y]!.last);
  for (const id of ids.slice(0, ids.length - ACCOUNT_CAP)) delete body.accounts[id];
  return body;
}
