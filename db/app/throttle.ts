// Slows password guessing: after five wrong passwords in a row each further try must wait longer.
import { ApiError } from '../../shared/ipc/errors';

export const FREE_TRIES = 5;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;

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
    const wait = this.notBefore - this.now();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError({
        code: 'THROTTLED',
        message: `${this.what}连续输错 ${this.failures} 次，请在 ${seconds} 秒后再试`,
        retryAfterSeconds: seconds,
      });
    }
  }

  failed(): void {
    this.failures += 1;
    if (this.failures >= FREE_TRIES) {
      const delay = Math.min(BASE_DELAY_MS * 2 ** (this.failures - FREE_TRIES), MAX_DELAY_MS);
      this.notBefore = this.now() + delay;
    }
  }

  succeeded(): void {
    this.failures = 0;
    this.notBefore = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
