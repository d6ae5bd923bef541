// The session's 评议终端 (kiosk) mode: which assessment it serves, who started it, and the throttles on guessing.
// The main process follows it (onChange) to turn the window into a kiosk and back.
import type { KioskStatus } from '../../shared/ipc/types';
import { LoginThrottle } from './throttle';

/** Why kiosk mode ended: the clerk left it, the clerk closed the app from it, or the session ended (lock, restore). */
export type KioskEnd = 'exit' | 'close' | 'session';
export type KioskListener = (status: KioskStatus | null, end: KioskEnd | null) => void;

export class KioskMode {
  private current: KioskStatus | null = null;
  private readonly listeners = new Set<KioskListener>();
  /** Wrong codes in a row slow the kiosk down (a panel member guessing other seats' codes). The exit password is the
   * clerk's login password, throttled per account by the host's LoginFailures. */
  codeThrottle: LoginThrottle;

  constructor(private readonly now: () => number = Date.now) {
    this.codeThrottle = new LoginThrottle(now, '评议码');
  }

  get status(): KioskStatus | null {
    return this.current;
  }

  start(status: KioskStatus): void {
    this.current = status;
    this.codeThrottle = new LoginThrottle(this.now, '评议码');
    this.emit(status, null);
  }

  /** Ends kiosk mode (the staff member's password, or the session ending). */
  stop(end: KioskEnd = 'session'): void {
    if (!this.current) return;
    this.current = null;
    this.emit(null, end);
  }

  /** Called with the new status on every start and stop; returns an unsubscribe function. */
  onChange(listener: KioskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(status: KioskStatus | null, end: KioskEnd | null): void {
    for (const l of this.listeners) l(status, end);
  }
}
