// Backoff for WeChat's transient answers: -1 (system busy) and 45011 (minute quota). Both codes are
// documented as "retry later" (commErrCode.html); every other code is final and is not retried here.
import { backoffDelay as delay } from '../../core/retry/backoff';
import { WeChatApiError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5000 };

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); spreads retries of many callers so they do not hit WeChat in lockstep. */
  random: () => number;
}

function isTransient(err: unknown): boolean {
  return err instanceof WeChatApiError && (err.kind === 'busy' || err.kind === 'rate_limited');
}

/** Exponential delay with jitter: between half and all of base * 2^attempt, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  return delay(attempt, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs }, random());
}

export async function withBackoff<T>(call: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isTransient(err) || attempt >= policy.maxRetries) throw err;
      await deps.sleep(backoffDelay(attempt, policy, deps.random));
    }
  }
}
