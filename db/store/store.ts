// An open store: the encrypted connection, the logged-in user, and the keys, which close() wipes.
import { Kysely, SqliteDialect } from 'kysely';
import { ApiError } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { appendAudit, auditKeyFrom, type AuditEntry } from '../audit/chain';
import { signHash, wipeSigner, type Signer } from '../audit/signing-keys';
import type { Database } from '../schema';
import { enableWrites, forgetHistory, openEncrypted, type RawDb } from './connection';
import { dbPath } from './files';
import type { StoreKeys } from './grants';
import { DEFAULT_KDF } from './kdf';
import { makeSlot, passwordSlotId, readKeySlots, unlockSlot, withSlot, writeKeySlots, type KeySlot } from './keyslots';

export type KdfCost = { N: number; r: number; p: number };

/** Given to a change: records its one audit entry and the steps to run after its commit. */
export interface ChangeRecorder {
  record(target: string, detail?: Readonly<Record<string, unknown>>): void;
  /** The entry carries the day only, no time (a 评议终端 ballot: a time would line it up with who stood at the kiosk). */
  dayOnly(): void;
  /** A step outside the database (a key-slot write, a re-keying) to run once the change has committed. */
  afterCommit(step: () => void | Promise<void>): void;
}

export class Store {
  private rawDb: RawDb;
  private kysely: Kysely<Database>;
  private storeKeys: StoreKeys | null;
  private auditKey: Buffer | null;
  /** The logged-in user's audit-signing key (unwrapped with their password at login); wiped at close. */
  private signer: Signer | null = null;
  private closed = false;

  constructor(
    readonly dir: string,
    raw: RawDb,
    keys: StoreKeys,
    public user: SessionUser,
    readonly storeId: string,
    readonly kdfCost: KdfCost = DEFAULT_KDF,
  ) {
    this.rawDb = raw;
    this.storeKeys = keys;
    // Keyed from the root key, which a re-keying keeps: entries written before it still verify.
    this.auditKey = auditKeyFrom(keys.rootKey);
    this.kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  }

  /** The connection; replaced when the store is re-keyed. */
  get raw(): RawDb {
    return this.rawDb;
  }

  get db(): Kysely<Database> {
    return this.kysely;
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

  private keys(): { dbKey: Buffer; auditKey: Buffer; storeKeys: StoreKeys } {
    if (!this.storeKeys || !this.auditKey) throw new Error('store is closed');
    return { dbKey: this.storeKeys.dbKey, auditKey: this.auditKey, storeKeys: this.storeKeys };
  }

  /** The id of the key the database is encrypted with. */
  get keyId(): string {
    return this.keys().storeKeys.keyId;
  }

  /** Lends the store's keys (page key and root key) to a re-keying or a slot being made. */
  withStoreKeys<T>(fn: (keys: StoreKeys) => T): T {
    return fn(this.keys().storeKeys);
  }

  /** Lends the root key (never changed by re-keying) to derive a long-lived key from it, e.g. the code hashes'. */
  withRootKey<T>(fn: (key: Buffer) => T): T {
    return fn(this.keys().storeKeys.rootKey);
  }

  /**
   * Runs `swap` while holding the connection (no other call's query can run in between). `swap` may close the
   * connection and replace the file; the store then reopens it with whichever of `keys` and `fallback` fits (the
   * new key once the file was replaced, the old one if `swap` failed before that), and rethrows a failure of `swap`.
   */
  async replaceDatabase(
    keys: StoreKeys,
    fallback: StoreKeys,
    swap: (raw: RawDb) => void | Promise<void>,
  ): Promise<void> {
    let failure: unknown = null;
    let reopened = false;
    await this.kysely.connection().execute(async () => {
      try {
        await swap(this.rawDb);
      } catch (e) {
        failure = e;
      }
      if (this.rawDb.open) {
        if (failure === null) this.rawDb.close();
        else return;
      }
      for (const k of [keys, fallback]) {
        try {
          const raw = openEncrypted(dbPath(this.dir), k.dbKey, { create: false });
          enableWrites(raw);
          this.rawDb = raw;
          this.setKeys(k);
          reopened = true;
          return;
        } catch {
          // try the other key
        }
      }
    });
    if (reopened) {
      const previous = this.kysely;
      this.kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: this.rawDb }) });
      // Its connection is closed already: destroying it only releases the pool.
      await previous.destroy().catch(() => undefined);
    }
    if (failure !== null) throw failure;
    if (!reopened) throw new Error('the store could not be reopened after re-keying');
  }

  private setKeys(k: StoreKeys): void {
    const old = this.storeKeys;
    if (old?.keyId === k.keyId) return;
    this.storeKeys = { keyId: k.keyId, dbKey: Buffer.from(k.dbKey), rootKey: Buffer.from(k.rootKey) };
    old?.dbKey.fill(0);
    old?.rootKey.fill(0);
  }

  /**
   * Runs one change and its single audit entry in one transaction. Steps outside the database (key-slot writes)
   * run after the commit: a crash in between then leaves a logged change whose file step is missing (redo it),
   * never a new password or key slot that the audit log does not show.
   */
  async change<T>(action: string, fn: (db: Kysely<Database>, rec: ChangeRecorder) => Promise<T>): Promise<T> {
    const { auditKey } = this.keys();
    const steps: (() => void | Promise<void>)[] = [];
    const value = await this.db.transaction().execute(async (trx) => {
      const entries: { target: string; detail?: Readonly<Record<string, unknown>> }[] = [];
      let dayOnly = false;
      const result = await fn(trx, {
        record: (target, detail) => entries.push(detail === undefined ? { target } : { target, detail }),
        dayOnly: () => (dayOnly = true),
        afterCommit: (step) => steps.push(step),
      });
      if (entries.length !== 1)
        throw new Error(`change ${action} recorded ${entries.length} audit entries, expected 1`);
      const now = new Date();
      await appendAudit(
        trx,
        auditKey,
        { userId: this.user.id, username: this.user.username, action, ...entries[0]! },
        dayOnly ? now.toISOString().slice(0, 10) : now,
        this.signFn(this.user.id),
      );
      return result;
    });
    try {
      for (const step of steps) await step();
    } catch (e) {
      if (e instanceof ApiError && e.code !== 'INTERNAL') throw e;
      throw new ApiError({
        code: 'INTERNAL',
        message: '修改已记入审计日志，但写入密钥文件失败（磁盘已满或无写入权限？），请检查后重做此操作',
      });
    }
    return value;
  }

  /** An audit entry that is a change of its own (login, lock). */
  async audit(entry: Omit<AuditEntry, 'userId' | 'username'>): Promise<void> {
    const { auditKey } = this.keys();
    await this.db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          auditKey,
          { userId: this.user.id, username: this.user.username, ...entry },
          new Date(),
          this.signFn(this.user.id),
        ),
      );
  }

  /** See forgetHistory (connection.ts): no -wal or -shm keeps what the last transactions wrote. */
  forgetHistory(): void {
    forgetHistory(this.raw);
  }

  /** Lends the database (page) key to a check of a file encrypted with it (the key never leaves this call). */
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
    return makeSlot(
      file,
      passwordSlotId(file.storeId, username),
      'password',
      password,
      this.keys().storeKeys,
      this.kdfCost,
    );
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
    if (old) writeKeySlots(this.dir, withSlot(file, { ...old, wrapped: null, grants: [] }));
  }

  /** Closes the connection and overwrites the keys in memory; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.storeKeys?.dbKey.fill(0);
    this.storeKeys?.rootKey.fill(0);
    this.auditKey?.fill(0);
    wipeSigner(this.signer);
    this.signer = null;
    this.storeKeys = null;
    this.auditKey = null;
    await this.kysely.destroy();
    if (this.rawDb.open) this.rawDb.close();
  }
}
