// Slows password guessing: after five wrong secrets in a row each further try must wait longer.
// LoginThrottle keeps its count in memory (the kiosk's 评议码 and exit password, which end with the session);
// account passwords use the same delays through LoginFailures (login-failures.ts), which persists them per account.
import { ApiError } from '../../shared/ipc/errors';

export const FREE_TRIES = 5;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;

/** How long the next try must wait after `failures` wrong ones in a row (0 while tries are free). */
export const delayAfter = (failures: number): number =>
  failures < FREE_TRIES ? 0 : Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);

/** THROTTLED while `notBefore` lies ahead; `what` names the secret in the message (密码, 评议码). */
export function checkNotBefore(notBefore: number, now: number, failures: number, what: string): void {
  const wait = notBefore - now;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new ApiError({
      code: 'THROTTLED',
      message: `${what}连续输错 ${failures} 次，请在 ${seconds} 秒后再试`,
      retryAfterSeconds: seconds,
    });
  }
}

export class LoginThrottle {
  private failures = 0;
  private notBefore = 0;

  /** `what` names the secret in the message (密码, 评议码). */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly what = '密码',
  ) {}

  /** Throws THROTTLED while the user must still wait. */
  check(): void {
    checkNotBefore(this.notBefore, this.now(), this.failures, this.what);
  }

  failed(): void {
    this.failures += 1;
    const delay = delayAfter(this.failures);
    if (delay > 0) this.notBefore = this.now() + delay;
  }

  succeeded(): void {
    this.failures = 0;
    this.notBefore = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
