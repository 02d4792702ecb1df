// Password-guessing protection: login attempts are counted per username and per client address. After a
// few free attempts each further attempt doubles the wait before the next one is even checked, up to a
// cap; a quiet period forgets the count. An attempt is counted (reserved) BEFORE its password is checked
// and given back when the password was right: checking takes tens of milliseconds, so counting only after
// the check let a burst of concurrent guesses all pass the gate before the first failure was counted.
// Kept in memory: one server process, and a restart only gives back what the cap would allow anyway.

export interface ThrottleOptions {
  /** Attempts on one username checked before any wait (so at most this many in any burst). */
  freeAttempts: number;
  /** Attempts from one address checked before any wait; higher, as an office shares one address. */
  freeAttemptsPerIp: number;
  /** The first wait; doubles with every further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key without failures for this long starts afresh. */
  forgetAfterMs: number;
  /** Bound on remembered keys, so a flood of usernames cannot exhaust memory. */
  maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeAttempts: 5,
  freeAttemptsPerIp: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 10_000,
};

interface Entry {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  /** Milliseconds to wait before `username` may be tried from `ip`; 0: go ahead. */
  retryAfter(username: string, ip: string, now: number): number {
    const waits = this.keys(username, ip).map((k) => this.live(k, now)?.blockedUntil ?? 0);
    return Math.max(0, ...waits.map((until) => until - now));
  }

  /**
   * Counts an attempt before its password is checked: 0 when it may be checked now (it is then counted),
   * else the milliseconds to wait (nothing counted). A correct password then calls recordSuccess.
   */
  reserve(username: string, ip: string, now: number): number {
    const wait = this.retryAfter(username, ip, now);
    if (wait === 0) this.recordFailure(username, ip, now);
    return wait;
  }

  recordFailure(username: string, ip: string, now: number): void {
    for (const key of this.keys(username, ip)) {
      const entry = this.live(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
      entry.failures += 1;
      entry.lastFailureAt = now;
      // The attempt after the free ones waits: with `free` counted, the next one is refused until then.
      const over = entry.failures - (key.startsWith('ip:') ? this.options.freeAttemptsPerIp : this.options.freeAttempts) + 1;
      if (over > 0) entry.blockedUntil = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(over - 1, 30));
      this.entries.delete(key); // re-insert: Map order is then least-recently-failed first
      this.entries.set(key, entry);
    }
    this.evict();
  }

  /**
   * A correct password clears the username's count and gives the address its reserved attempt back (the
   * address keeps its failures: it may be guessing many names).
   */
  recordSuccess(username: string, ip?: string): void {
    this.entries.delete(`user:${username}`);
    const entry = ip === undefined ? undefined : this.entries.get(`ip:${ip}`);
    if (!entry) return;
    entry.failures = Math.max(0, entry.failures - 1);
    if (entry.failures < this.options.freeAttemptsPerIp) entry.blockedUntil = 0;
  }

  private keys(username: string, ip: string): string[] {
    return [`user:${username}`, `ip:${ip}`];
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.options.forgetAfterMs && now >= entry.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxKeys) return;
      this.entries.delete(key);
    }
  }
}
