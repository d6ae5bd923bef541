// The session's 评议终端 (kiosk) mode: which assessment it serves, who started it, and the throttles on guessing.
import type { KioskStatus } from '../../shared/ipc/types';
import { LoginThrottle } from './throttle';

export class KioskMode {
  private current: KioskStatus | null = null;
  /** Wrong codes in a row slow the kiosk down (a panel member guessing other seats' codes). */
  codeThrottle: LoginThrottle;
  exitThrottle: LoginThrottle;

  constructor(private readonly now: () => number = Date.now) {
    this.codeThrottle = new LoginThrottle(now, '评议码');
    this.exitThrottle = new LoginThrottle(now, '密码');
  }

  get status(): KioskStatus | null {
    return this.current;
  }

  start(status: KioskStatus): void {
    this.current = status;
    this.codeThrottle = new LoginThrottle(this.now, '评议码');
    this.exitThrottle = new LoginThrottle(this.now, '密码');
  }

  /** Ends kiosk mode (the staff member's password, or the session ending). */
  stop(): void {
    this.current = null;
  }
}
