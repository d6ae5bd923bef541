// The app's session lifecycle in plain Node: setup, login, recovery, the idle and manual lock.
import { existsSync } from 'node:fs';
import { fail } from '../../shared/ipc/errors';
import type { AppStatus, CreatedStore, SessionUser } from '../../shared/ipc/types';
import { dbPath } from '../store/files';
import { readKeySlots } from '../store/keyslots';
import { saveAnchor } from '../audit/session-signing';
import { createStore } from '../index';
import { openStore, recoverStore, storeExists, DEFAULT_IDLE_LOCK_MINUTES, type StoreOptions } from '../store/lifecycle';
import type { Store } from '../store/store';
import { readSettings } from '../settings/service';
import { APP_VERSION } from '../version';
import { ConfigFile } from './config';
import { LoginFailures, type Account, type FailedVia } from './login-failures';
import { recordFailedLogins } from './login-audit';
import { HostIO, type FileDialogs, type PdfPrinter } from './io';
import { Jobs } from './jobs';
import { KioskMode } from './kiosk';
import { TerminalMode } from './terminal-mode';
import { autoBackupIfDue, removeScratchFiles } from '../backup/auto';
import { applyRestore, auditRestored, type StagedRestore } from '../backup/restore';
import { RESTORE_JOB } from '../backup/service';
import { catchUpInBatches } from '../dossier/search-index';

export interface HostOptions {
  /** The app's data folder (config.json lives here). */
  readonly configDir: string;
  /** Suggested on first start. */
  readonly defaultStoreDir: string;
  readonly storeOptions?: StoreOptions;
  /** A native folder picker, where the platform has one (Electron); absent in the test bridge. */
  readonly pickDirectory?: () => Promise<string | null>;
  /** Native open/save dialogs for imports and exports. */
  readonly fileDialogs?: FileDialogs;
  /** Renders the app's print views to PDF (a hidden window's printToPDF in Electron, page.pdf in tests). */
  readonly printPdf?: PdfPrinter;
  /** Daily automatic backups after login (default on); tests that count audit entries turn them off. */
  readonly autoBackup?: boolean;
  /** Why no session is open at start: 'crashed' after the engine stopped unexpectedly and was started again. */
  readonly lockedReason?: 'crashed';
  readonly now?: () => number;
}

export type LockReason = 'manual' | 'idle';
type EndReason = LockReason | 'restored' | 'crashed';

/** How often the search indexes look for saves to catch up with: a search is right either way, only faster after. */
const SEARCH_CATCH_UP_MS = 5_000;

export class AppHost {
  private store: Store | null = null;
  private readonly config: ConfigFile;
  /** Wrong passwords per account, persisted beside the key slots (login, recovery code, me.changePassword). */
  readonly logins: LoginFailures;
  private readonly now: () => number;
  private lastActivity: number;
  private idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  private lockedReason: EndReason | null = null;
  private autoBackupRunning: Promise<unknown> | null = null;
  private searchCatchUp: Promise<unknown> | null = null;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  /** Session-scoped: picked files and import jobs are forgotten when the session ends. */
  readonly io: HostIO;
  readonly jobs = new Jobs();
  /** 评议终端 mode of this session; it ends with the session (lock, login, restore). */
  readonly kiosk: KioskMode;
  /** The app as a 评议终端 laptop: a 测评包's terminal store of its own, no main store open beside it. */
  readonly terminal: TerminalMode;

  constructor(private readonly opts: HostOptions) {
    this.config = new ConfigFile(opts.configDir);
    this.now = opts.now ?? Date.now;
    this.logins = new LoginFailures(opts.configDir, this.now);
    this.lastActivity = this.now();
    this.io = new HostIO(opts.fileDialogs, opts.printPdf);
    this.kiosk = new KioskMode(this.now);
    this.terminal = new TerminalMode(TerminalMode.folderIn(opts.configDir), this.io);
    this.lockedReason = opts.lockedReason ?? null;
  }

  status(): AppStatus {
    const cfg = this.config.read();
    const hasStore = cfg.storeDir !== null && existsSync(dbPath(cfg.storeDir));
    const terminal = this.store ? null : this.terminal.status();
    return {
      phase: this.store ? 'ready' : terminal ? 'terminal' : hasStore ? 'login' : 'setup',
      storeDir: cfg.storeDir,
      defaultStoreDir: this.opts.defaultStoreDir,
      user: this.store?.user ?? null,
      lastUsername: cfg.lastUsername,
      lockedReason: this.store ? null : this.lockedReason,
      idleLockMinutes: this.idleLockMinutes,
      appVersion: APP_VERSION,
      kiosk: this.store ? this.kiosk.status : null,
      terminal,
    };
  }

  async pickDirectory(): Promise<string | null> {
    if (!this.opts.pickDirectory) fail('UNSUPPORTED', '此环境不能打开文件夹选择窗口，请直接输入路径');
    return this.opts.pickDirectory!();
  }

  async createStore(input: {
    dir: string;
    username: string;
    displayName: string;
    password: string;
  }): Promise<CreatedStore> {
    if (this.store) fail('VALIDATION', '已有打开的档案库，请先锁定或退出');
    const { store, recoveryCode } = await createStore(input.dir, input, this.opts.storeOptions);
    this.config.write({ storeDir: input.dir, lastUsername: store.user.username });
    await this.begin(store);
    return { recoveryCode, user: store.user };
  }

  useExistingStore(input: { dir: string }): AppStatus {
    if (this.store) fail('VALIDATION', '已有打开的档案库，请先锁定或退出');
    if (!storeExists(input.dir)) fail('NO_STORE', '该文件夹中没有档案库，请重新选择', 'dir');
    readKeySlots(input.dir); // refuses a foreign or damaged folder before we remember it
    const cfg = this.config.read();
    this.config.write({ ...cfg, storeDir: input.dir });
    return this.status();
  }

  login(input: { username: string; password: string }): Promise<SessionUser> {
    const dir = this.requireStoreDir();
    return this.unlock(this.logins.account(dir, input.username), 'login', () =>
      openStore(dir, input, this.opts.storeOptions),
    );
  }

  recover(input: { recoveryCode: string; username: string; newPassword: string }): Promise<SessionUser> {
    const dir = this.requireStoreDir();
    return this.unlock(this.logins.recoveryAccount(dir), 'recover', () =>
      recoverStore(dir, input, this.opts.storeOptions),
    );
  }

  /**
   * Login and recovery alike: throttled per account after wrong secrets (persisted, so a restart does not reset it),
   * every wrong one recorded for the audit log, and the new store replaces any open session.
   */
  private async unlock(account: Account, via: FailedVia, open: () => Promise<Store>): Promise<SessionUser> {
    this.logins.check(account);
    let store: Store;
    try {
      store = await open();
    } catch (e) {
      if ((e as { code?: string }).code === 'WRONG_PASSWORD') {
        this.logins.failed(account, via);
        await this.recordFailedLogins();
      }
      throw e;
    }
    this.logins.succeeded(account);
    await this.replaceSession(store);
    await this.recordFailedLogins();
    return store.user;
  }

  /** Writes the failed tries not yet audited into the open store's log (none open: they wait for the next unlock). */
  async recordFailedLogins(): Promise<void> {
    const store = this.store;
    if (store) await recordFailedLogins(store, this.logins);
  }

  /** Whether a main-store session is open (a 评议终端 may be started only when none is). */
  get hasSession(): boolean {
    return this.store !== null;
  }

  /** The open store, or NOT_LOGGED_IN: a locked app answers nothing from the store. */
  session(): Store {
    return this.store ?? fail('NOT_LOGGED_IN', this.lockedReason ? '系统已锁定，请重新输入密码' : '请先登录');
  }

  /** Records the lock, then closes the store and wipes its keys. */
  async lock(reason: LockReason): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.store = null;
    this.lockedReason = reason;
    this.forgetSessionState();
    await this.autoBackupRunning;
    await this.searchCatchUp;
    try {
      await store.audit({
        action: reason === 'idle' ? 'session.autoLock' : 'session.lock',
        target: store.user.username,
      });
      // The user has seen the log up to their own lock entry: a later cut of it shows at their next login.
      await saveAnchor(store);
    } finally {
      await store.close();
    }
    for (const l of this.lockListeners) l(reason);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** User activity: pushes the idle lock back. */
  touch(): void {
    this.lastActivity = this.now();
  }

  /** Locks when the user has been idle longer than the configured time; returns whether it locked. */
  async checkIdle(): Promise<boolean> {
    if (!this.store) return false;
    if (this.now() - this.lastActivity < this.idleLockMinutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  /** Re-reads settings that affect the host (after settings.update). */
  async refreshSettings(): Promise<void> {
    if (this.store) this.idleLockMinutes = (await readSettings(this.store.db)).idleLockMinutes;
  }

  startIdleTimer(intervalMs = 15_000, searchMs = SEARCH_CATCH_UP_MS): () => void {
    const timer = setInterval(() => void this.checkIdle().catch(() => undefined), intervalMs);
    timer.unref?.();
    const search = setInterval(() => void this.catchUpSearch(), searchMs);
    search.unref?.();
    return () => {
      clearInterval(timer);
      clearInterval(search);
    };
  }

  /** The dossier search indexes catch up with recent saves (db/dossier/search-index.ts), a batch at a time. */
  catchUpSearch(): Promise<unknown> {
    const store = this.store;
    if (!store || this.searchCatchUp) return this.searchCatchUp ?? Promise.resolve();
    this.searchCatchUp = catchUpInBatches(store.db, () => this.store === store)
      .catch(() => undefined)
      .finally(() => {
        this.searchCatchUp = null;
      });
    return this.searchCatchUp;
  }

  async dispose(): Promise<void> {
    this.terminal.dispose();
    const store = this.store;
    this.store = null;
    this.forgetSessionState();
    await this.autoBackupRunning;
    await this.searchCatchUp;
    await store?.close();
  }

  private forgetSessionState(): void {
    this.kiosk.stop();
    this.io.clear();
    // A restore staged but not applied owns a decrypted key and a scratch file: release both.
    this.jobs.clear((kind, payload) => {
      if (kind === RESTORE_JOB) (payload as { staged: StagedRestore }).staged.discard();
    });
  }

  /**
   * Replaces the store with a staged backup: records it in the current log, closes the session, swaps the files
   * (the current store is kept in a dated folder), records it in the restored log. The user logs in again.
   */
  async restoreBackup(jobId: string, confirmOtherStore = false): Promise<null> {
    const store = this.session();
    const { staged, fileName } = this.jobs.payload<{ staged: StagedRestore; fileName: string }>(jobId, RESTORE_JOB);
    if (staged.otherStore && !confirmOtherStore) {
      fail(
        'VALIDATION',
        `该备份属于另一个档案库${staged.otherStore.backup}，不是当前档案库${staged.otherStore.current}。如确需用它替换当前档案库，请勾选确认后再恢复`,
        'confirmOtherStore',
      );
    }
    this.jobs.forget(jobId);
    const who = store.user.username;
    try {
      await this.autoBackupRunning;
      await store.audit({
        action: 'backup.restore',
        target: fileName,
        detail: {
          backupCreatedAt: staged.manifest.createdAt,
          ...(staged.otherStore ? { otherStore: staged.otherStore.backup } : {}),
        },
      });
      this.store = null;
      this.forgetSessionState();
      await this.searchCatchUp;
      await store.close();
      const kept = applyRestore(store.dir, staged);
      await auditRestored(store.dir, staged, {
        username: who,
        action: 'backup.restore',
        target: fileName,
        detail: { backupCreatedAt: staged.manifest.createdAt, previousStoreKeptIn: kept },
      });
      this.lockedReason = 'restored';
    } finally {
      staged.discard();
    }
    for (const l of this.lockListeners) l('manual');
    return null;
  }

  /** Today's automatic backup, if due; runs after login without holding the user up. */
  private scheduleAutoBackup(store: Store): void {
    if (this.autoBackupRunning || this.opts.autoBackup === false) return;
    this.autoBackupRunning = (async () => {
      const { autoBackupKeep } = await readSettings(store.db);
      const made = await autoBackupIfDue(store, autoBackupKeep, new Date(this.now()));
      if (made && this.store === store) await store.audit({ action: 'backup.auto', target: made });
    })()
      .catch(() => undefined) // a failed automatic backup must never break the session; the next login retries
      .finally(() => {
        this.autoBackupRunning = null;
      });
  }

  private requireStoreDir(): string {
    const dir = this.config.read().storeDir;
    if (!dir || !existsSync(dbPath(dir))) fail('NO_STORE', '尚未设置档案库，请先创建或选择档案库');
    return dir!;
  }

  private async replaceSession(store: Store): Promise<void> {
    const previous = this.store;
    this.store = null;
    this.forgetSessionState();
    await this.autoBackupRunning;
    await this.searchCatchUp;
    await previous?.close();
    await this.begin(store);
    this.config.write({ ...this.config.read(), lastUsername: store.user.username });
  }

  private async begin(store: Store): Promise<void> {
    removeScratchFiles(store.dir);
    this.store = store;
    this.lockedReason = null;
    this.lastActivity = this.now();
    await this.refreshSettings();
    this.scheduleAutoBackup(store);
  }
}
