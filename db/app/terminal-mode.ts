// The app started as a 评议终端 (issue 18): a 测评包 opened before any login into a terminal-only store in its own
// folder (db/terminal/terminal-store.ts), voted on with codes, and closed by 结束评议. While that store exists the
// host answers nothing else (the dispatcher refuses every call not marked `terminal`).
import { basename, join } from 'node:path';
import type { KioskBallot, KioskBallotForm } from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import type { TerminalFinished, TerminalModeStatus, TerminalModeView } from '../../shared/ipc/types';
import type { PickedFile } from '../../shared/roster/views';
import { readUserFile } from '../fs/user-file';
import { TerminalStore } from '../terminal/terminal-store';
import type { HostIO } from './io';

/** A package holds at most 100,000 seats and 20,000 members of a few hundred bytes each. */
const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

/** on: the window becomes a kiosk; off with 'close': the clerk closed the app from it; 'finish': 结束评议 done. */
export type TerminalListener = (on: boolean, end: 'close' | 'finish' | null) => void;

export class TerminalMode {
  private store: TerminalStore | null = null;
  private readonly listeners = new Set<TerminalListener>();

  constructor(
    /** The terminal store's own folder (beside the app's config, never inside a main store's folder). */
    readonly dir: string,
    private readonly io: HostIO,
  ) {}

  static folderIn(configDir: string): string {
    return join(configDir, 'terminal');
  }

  /** Whether this machine is a terminal now: its store exists on disk (open or waiting for the password). */
  get active(): boolean {
    return this.store !== null || TerminalStore.exists(this.dir);
  }

  status(): TerminalModeStatus | null {
    if (!this.active) return null;
    return { open: this.store ? this.view(this.store) : null };
  }

  pickPackage(canStart: boolean): Promise<PickedFile[]> {
    this.mayStart(canStart);
    return this.io.pickOpen('terminalPackage');
  }

  /** Opens the picked package; `canStart` is false while a main-store session is open on this app. */
  async open(token: string, password: string, canStart: boolean): Promise<TerminalModeView> {
    this.mayStart(canStart);
    const path = this.io.openedPath(token);
    const bytes = readUserFile(path, {
      maxBytes: MAX_PACKAGE_BYTES,
      tooLarge: (n) => `所选文件过大（${Math.round(n / 1048576)} MB），不是评议终端包`,
      field: 'token',
    });
    const store = await TerminalStore.create(this.dir, bytes, password);
    this.begin(store);
    return this.view(store);
  }

  async resume(password: string): Promise<TerminalModeView> {
    if (this.store) return this.view(this.store);
    if (!TerminalStore.exists(this.dir)) fail('VALIDATION', '本机没有未结束的评议终端');
    const store = await TerminalStore.resume(this.dir, password);
    this.begin(store);
    return this.view(store);
  }

  form(code: string): Promise<KioskBallotForm> {
    return this.opened().form(code);
  }

  submit(code: string, ballot: KioskBallot): Promise<{ groupName: string }> {
    return this.opened().submit(code, ballot);
  }

  /**
   * 结束评议: the package password first, then where to save the return (cancelled: null, nothing changed); the return
   * is written and the terminal store wiped, after which the app is an ordinary one again.
   */
  async finish(password: string): Promise<TerminalFinished | null> {
    const store = this.opened();
    await store.checkPassword(password);
    const { terminalNo, assessmentName } = store.status();
    const picked = await this.io.pickSave('terminalReturn', `${assessmentName}-终端${terminalNo}-回收`);
    if (!picked) return null;
    const path = this.io.savePath(picked.token);
    const ballots = await store.finish(password, path);
    this.store = null;
    this.io.clear();
    this.emit(false, 'finish');
    return { path, fileName: basename(path), ballots };
  }

  /** The app closes with the clerk's package password; the store stays for `resume`. */
  async close(password: string): Promise<null> {
    const store = this.opened();
    await store.checkPassword(password);
    this.dispose();
    this.emit(false, 'close');
    return null;
  }

  dispose(): void {
    this.store?.close();
    this.store = null;
  }

  onChange(listener: TerminalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private mayStart(canStart: boolean): void {
    if (this.active) fail('VALIDATION', '本机已有一个未结束的评议终端，请先结束评议（或用其密码继续）');
    if (!canStart) fail('VALIDATION', '已登录档案库，不能作为评议终端打开测评包；请先锁定后在登录界面打开');
  }

  private opened(): TerminalStore {
    return this.store ?? fail('NOT_LOGGED_IN', '评议终端尚未打开，请先输入评议终端包密码');
  }

  private begin(store: TerminalStore): void {
    this.store = store;
    this.emit(true, null);
  }

  private view(store: TerminalStore): TerminalModeView {
    const s = store.status();
    return {
      assessmentName: s.assessmentName,
      year: s.year,
      terminalNo: s.terminalNo,
      groups: s.groups.map((g) => g.name),
      cast: s.cast,
    };
  }

  private emit(on: boolean, end: 'close' | 'finish' | null): void {
    for (const l of this.listeners) l(on, end);
  }
}
