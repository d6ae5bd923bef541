// An open store: the encrypted connection, the logged-in user, and the keys, which close() wipes.
import { Kysely, SqliteDialect } from 'kysely';
import { ApiError } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { appendAudit, auditKeyFrom, type AuditEntry } from '../audit/chain';
import { signHash, wipeSigner, type Signer } from '../audit/signing-keys';
import type { Database } from '../schema';
import { forgetHistory, openEncrypted, type RawDb } from './connection';
import { DEFAULT_KDF } from './kdf';
import { makeSlot, passwordSlotId, readKeySlots, unlockSlot, withSlot, writeKeySlots, type KeySlot } from './keyslots';

export type KdfCost = { N: number; r: number; p: number };

/** Given to a change: records its one audit entry and the steps to run after its commit. */
export interface ChangeRecorder {
  record(target: string, detail?: Readonly<Record<string, unknown>>): void;
  /** The entry carries the day only, no time (a 评议终端 ballot: a time would line it up with who stood at the kiosk). */
  dayOnly(): void;
  /** A step outside the database (a key-slot write) to run once the change has committed. */
  afterCommit(step: () => void): void;
}

export class Store {
  readonly db: Kysely<Database>;
  private dbKey: Buffer | null;
  private auditKey: Buffer | null;
  /** The logged-in user's audit-signing key (unwrapped with their password at login); wiped at close. */
  private signer: Signer | null = null;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly raw: RawDb,
    dbKey: Buffer,
    public user: SessionUser,
    readonly storeId: string,
    readonly kdfCost: KdfCost = DEFAULT_KDF,
  ) {
    this.dbKey = dbKey;
    this.auditKey = auditKeyFrom(dbKey);
    this.db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  }

  /** Takes the user's unlocked signing key; every later entry of this session is signed with it. */
  setSigner(signer: Signer | null): void {
    if (this.signer !== signer) wipeSigner(this.signer);
    this.signer = signer;
  }

  get signingKey(): Signer | null {
    return this.signer;
  }

  private signFn(userId: number | null): ((hash: string) => string) | undefined {
    const signer = this.signer;
    return signer && userId === this.user.id ? (hash) => signHash(signer, hash) : undefined;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private keys(): { dbKey: Buffer; auditKey: Buffer } {
    if (!this.dbKey || !this.auditKey) throw new Error('store is closed');
    return { dbKey: this.dbKey, auditKey: this.auditKey };
  }

  /**
   * Runs one change and its single audit entry in one transaction. Steps outside the database (key-slot writes)
   * run after the commit: a crash in between then leaves a logged change whose file step is missing (redo it),
   * never a new password or key slot that the audit log does not show.
   */
  async change<T>(action: string, fn: (db: Kysely<Database>, rec: ChangeRecorder) => Promise<T>): Promise<T> {
    const { auditKey } = this.keys();
    const steps: (() => void)[] = [];
    const value = await this.db.transaction().execute(async (trx) => {
      const entries: { target: string; detail?: Readonly<Record<string, unknown>> }[] = [];
      let dayOnly = false;
      const result = await fn(trx, {
        record: (target, detail) => entries.push(detail === undefined ? { target } : { target, detail }),
        dayOnly: () => (dayOnly = true),
        afterCommit: (step) => steps.push(step),
      });
      if (entries.length !== 1) throw new Error(`change ${action} recorded ${entries.length} audit entries, expected 1`);
      const now = new Date();
      await appendAudit(trx, auditKey, { userId: this.user.id, username: this.user.username, action, ...entries[0]! }, dayOnly ? now.toISOString().slice(0, 10) : now, this.signFn(this.user.id));
      return result;
    });
    try {
      for (const step of steps) step();
    } catch {
      throw new ApiError({ code: 'INTERNAL', message: '修改已记入审计日志，但写入密钥文件失败（磁盘已满或无写入权限？），请检查后重做此操作' });
    }
    return value;
  }

  /** An audit entry that is a change of its own (login, lock). */
  async audit(entry: Omit<AuditEntry, 'userId' | 'username'>): Promise<void> {
    const { auditKey } = this.keys();
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, auditKey, { userId: this.user.id, username: this.user.username, ...entry }, new Date(), this.signFn(this.user.id)),
    );
  }

  /** See forgetHistory (connection.ts): no -wal or -shm keeps what the last transactions wrote. */
  forgetHistory(): void {
    forgetHistory(this.raw);
  }

  /** Lends the database key to a check of a file encrypted with it (the key never leaves this call). */
  withKey<T>(fn: (key: Buffer) => T): T {
    return fn(this.keys().dbKey);
  }

  /** Opens another file encrypted with this store's key (a backup being written or checked). */
  openWithStoreKey(file: string): RawDb {
    return openEncrypted(file, this.keys().dbKey, { create: false });
  }

  get auditChainKey(): Buffer {
    return this.keys().auditKey;
  }

  /** A new password slot for a user, derived outside any transaction (scrypt takes a while). */
  newPasswordSlot(username: string, password: string): Promise<KeySlot> {
    const file = readKeySlots(this.dir);
    return makeSlot(file, passwordSlotId(file.storeId, username), 'password', password, this.keys().dbKey, this.kdfCost);
  }

  /** Whether a password opens the user's own slot (for changing it). */
  async checkPassword(username: string, password: string): Promise<boolean> {
    const file = readKeySlots(this.dir);
    const r = await unlockSlot(file, passwordSlotId(file.storeId, username), password);
    if (r.ok) r.dbKey.fill(0);
    return r.ok;
  }

  /** Writes one slot into the key-slot file (read fresh, so concurrent slot changes are kept). */
  putSlot(slot: KeySlot): void {
    writeKeySlots(this.dir, withSlot(readKeySlots(this.dir), slot));
  }

  /** Destroys a user's wrapped key: a disabled account can no longer decrypt the store at all. */
  disableSlot(username: string): void {
    const file = readKeySlots(this.dir);
    const id = passwordSlotId(file.storeId, username);
    const old = file.slots.find((s) => s.id === id);
    if (old) writeKeySlots(this.dir, withSlot(file, { ...old, wrapped: null }));
  }

  /** Closes the connection and overwrites the keys in memory; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dbKey?.fill(0);
    this.auditKey?.fill(0);
    wipeSigner(this.signer);
    this.signer = null;
    this.dbKey = null;
    this.auditKey = null;
    await this.db.destroy();
    if (this.raw.open) this.raw.close();
  }
}
