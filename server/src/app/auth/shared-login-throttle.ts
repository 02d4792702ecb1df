// The login throttle over a LoginAttemptStore (the database, when several nodes share it): the same
// rules as LoginThrottle, each reservation one atomic change of the username's and the address's
// counts, so concurrent guesses spread over the nodes still get at most the free attempts checked.
import type { AttemptEntry, LoginAttemptStore } from '../../core/ports/login-attempts';
import { afterFailure, afterSuccess, DEFAULT_THROTTLE, isForgotten, throttleKeys, type ThrottleOptions } from './login-throttle';

export class SharedLoginThrottle {
  private readonly options: ThrottleOptions;

  constructor(
    private readonly store: LoginAttemptStore,
    options: Partial<ThrottleOptions> = {},
  ) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  /** As LoginThrottle.reserve: 0 when the attempt may be checked now (it is then counted), else the wait. */
  reserve(username: string, ip: string, now: number): Promise<number> {
    const keys = throttleKeys(username, ip);
    return this.store.update(keys, (stored) => {
      const live = stored.map((e) => (e && !isForgotten(e, this.options, now) ? e : undefined));
      const wait = Math.max(0, ...live.map((e) => (e?.blockedUntil ?? 0) - now));
      if (wait > 0) return { entries: live, result: wait };
      return { entries: keys.map((key, i) => afterFailure(key, live[i], this.options, now)), result: 0 };
    });
  }

  /** As LoginThrottle.recordSuccess: the username starts afresh, the address gets its attempt back. */
  async recordSuccess(username: string, ip?: string): Promise<void> {
    const keys = ip === undefined ? throttleKeys(username).slice(0, 1) : throttleKeys(username, ip);
    await this.store.update(keys, (stored) => ({
      entries: [undefined, ...stored.slice(1).map((e: AttemptEntry | undefined) => e && afterSuccess(e, this.options))],
      result: undefined,
    }));
  }
}
