// The one backoff formula of the server: how long to wait before trying again. Each caller keeps its own
// numbers (the inbox worker, the outbox sender, the WeChat client's busy retries), not its own formula.

export interface Backoff {
  /** The delay of step 0; each step doubles it. */
  baseMs: number;
  /** No delay is longer. */
  maxMs: number;
}

/**
 * `base * 2^step`, capped at `max`. With `random` (a number in [0, 1)) the delay is spread between half
 * and all of that, rounded to a millisecond, so that many callers retrying together do not do so in
 * lockstep. Pure: the caller supplies the randomness.
 */
export function backoffDelay(step: number, backoff: Backoff, random?: number): number {
  // The exponent is bounded so that 2^step never overflows; the cap is reached long before.
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(step, 30));
  return random === undefined ? full : Math.round(full * (0.5 + random / 2));
}
