// Webhooks: what an attempt's answer means and when to try again. Any 2xx is delivered; anything else
// (another status, a redirect, which is never followed, a timeout, a refused connection) is tried again
// with the server's one backoff formula, until the delivery is older than the give-up age; then it is
// failed, and the conversation's later events go on.
import type { WebhookAnswer } from '../ports/webhook-transport';
import type { WebhookOutcome } from '../ports/webhook-store';
import { backoffDelay, type Backoff } from '../retry/backoff';

export interface WebhookRetryPolicy {
  backoff: Backoff;
  /** A delivery still failing this long after it was stored is given up. */
  giveUpAfterMs: number;
}

/** 10 s, 20 s, 40 s … at most an hour apart, for a day: a receiver down for hours still gets everything. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  backoff: { baseMs: 10_000, maxMs: 60 * 60_000 },
  giveUpAfterMs: 24 * 60 * 60_000,
};

export interface Decision {
  outcome: WebhookOutcome;
  error?: string;
  /** When `retry`: due again then. */
  nextAttemptAt?: number;
}

/** `attempts`: this one included; `random` in [0, 1) spreads retries. */
export function decide(
  answer: WebhookAnswer,
  delivery: { attempts: number; createdAt: number },
  now: number,
  policy: WebhookRetryPolicy,
  random: number,
): Decision {
  const status = answer.statusCode;
  if (status !== undefined && status >= 200 && status < 300) return { outcome: 'delivered' };
  const error =
    answer.error ??
    (status !== undefined && status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`);
  const next = now + backoffDelay(delivery.attempts - 1, policy.backoff, random);
  if (next - delivery.createdAt > policy.giveUpAfterMs)
    return { outcome: 'failed', error: `${error}; given up after ${delivery.attempts} attempts` };
  return { outcome: 'retry', error, nextAttemptAt: next };
}
