// Password-guessing protection: login attempts are counted per username and per client address. After a
// few free attempts each further attempt doubles the wait before the next one is even checked, up to a
// cap; a quiet period forgets the count. An attempt is counted (reserved) BEFORE its password is checked
// and given back when the password was right: checking takes tens of milliseconds, so counting only after
// the check let a burst of concurrent guesses all pass the gate before the first failure was counted.
// Kept in memory for one server process (a restart only gives back what the cap would allow anyway);
// several nodes on one PostgreSQL database count in it instead (SharedLoginThrottle, same rules).
import type { AttemptEntry } from '../../core/ports/login-attempts';

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

type Entry = AttemptEntry;

/** What AuthService needs of a throttle: this in-memory one, or the shared one. */
export interface LoginGate {
  reserve(username: string, ip: string, now: number): number | Promise<number>;
  recordSuccess(username: string, ip?: string): void | Promise<void>;
}

export function throttleKeys(username: string, ip?: string): string[] {
  return ip === undefined ? [`user:${username}`] : [`user:${username}`, `ip:${ip}`];
}

/** A key without failures for a while starts afresh (unless it still waits). */
export function isForgotten(entry: Entry, options: ThrottleOptions, now: number): boolean {
  return now - entry.lastFailureAt > options.forgetAfterMs && now >= entry.blockedUntil;
}

/** One more counted attempt: past the free ones, the next attempt waits, doubling each time up to the cap. */
export function afterFailure(key: string, stored: Entry | undefined, options: ThrottleOptions, now: number): Entry {
  const entry = { ...(stored ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 }) };
  entry.failures += 1;
  entry.lastFailureAt = now;
  // The attempt after the free ones waits: with `free` counted, the next one is refused until then.
  const over = entry.failures - (key.startsWith('ip:') ? options.freeAttemptsPerIp : options.freeAttempts) + 1;
  if (over > 0) entry.blockedUntil = now + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(over - 1, 30));
  return entry;
}

/** A correct password gives the address its reserved attempt back (it keeps its other failures). */
export function afterSuccess(entry: Entry, options: ThrottleOptions): Entry {
  const failures = Math.max(0, entry.failures - 1);
  return { ...entry, failures, blockedUntil: failures < options.freeAttemptsPerIp ? 0 : entry.blockedUntil };
}

export class LoginThrottle implements LoginGate {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  /** Milliseconds to wait before `username` may be tried from `ip`; 0: go ahead. */
  retryAfter(username: string, ip: string, now: number): number {
    const waits = throttleKeys(username, ip).map((k) => this.live(k, now)?.blockedUntil ?? 0);
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
    for (const key of throttleKeys(username, ip)) {
      const entry = afterFailure(key, this.live(key, now), this.options, now);
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
    if (entry && ip !== undefined) this.entries.set(`ip:${ip}`, afterSuccess(entry, this.options));
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && isForgotten(entry, this.options, now)) {
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
