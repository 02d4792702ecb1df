// What one attempt to send an outbox item came to, and how long to wait before the next one. Transient
// failures (the network, timeouts, HTTP 5xx, WeChat busy / rate-limited / a replaced token) are retried
// for as long as the customer's window is open; a send that may have reached WeChat without an answer
// (a timeout or a connection lost while waiting) is "in doubt"; anything WeChat refuses for good fails.
import type { DeliveryFailureCode } from '../core/model/message';
import { MediaUnavailable } from '../core/ports/media';
import { type Backoff, backoffDelay } from '../core/retry/backoff';
import { CUSTOM_SEND_PATH, WeChatApiError, WeChatTransportError } from '../wechat/outbound/index';

export type Outcome =
  | { kind: 'sent' }
  /** `inDoubt`: this attempt may have reached WeChat (it was written, no answer came). */
  | { kind: 'retry'; error: string; inDoubt: boolean }
  | { kind: 'failed'; reason: string; wechatCode?: number; reasonCode?: DeliveryFailureCode };

/** WeChat's temporary refusals: busy, rate-limited, a token that was just replaced. */
const TEMPORARY = new Set(['busy', 'rate_limited', 'token_invalid']);

/**
 * After a transient failure 2 s, then 4 s, 8 s … capped at one minute, spread by jitter: during an outage
 * every customer's first reply retries about once a minute, and all of them go out within about a minute
 * of WeChat's return, without hitting it in lockstep.
 */
export const SEND_BACKOFF: Backoff = { baseMs: 2000, maxMs: 60_000 };

/** An in-doubt send is tried again soon (once): the customer is waiting for it. */
export const IN_DOUBT_RETRY_MS = 2000;

export const FAILURE_TEXT: Record<DeliveryFailureCode, string> = {
  window_closed_while_unreachable: 'window closed while WeChat was unreachable',
  customer_unsubscribed: 'the customer unsubscribed; WeChat refuses every message until they subscribe again',
};

export function serverFailure(reasonCode: DeliveryFailureCode): Extract<Outcome, { kind: 'failed' }> {
  return { kind: 'failed', reason: FAILURE_TEXT[reasonCode], reasonCode };
}

/** What a failed send means. Only the send call itself can be in doubt (a token or upload call never is). */
export function outcomeOfError(err: unknown): Outcome {
  if (err instanceof MediaUnavailable) return { kind: 'failed', reason: err.message };
  if (err instanceof WeChatApiError) {
    if (TEMPORARY.has(err.kind)) return { kind: 'retry', error: `${err.errcode} ${err.errmsg}`, inDoubt: false };
    return { kind: 'failed', reason: `WeChat ${err.errcode}: ${err.errmsg}`, wechatCode: err.errcode };
  }
  const error = err instanceof Error ? err.message : String(err);
  const inDoubt = err instanceof WeChatTransportError && err.inDoubt && err.path === CUSTOM_SEND_PATH;
  return { kind: 'retry', error, inDoubt };
}

/** When the next attempt is due after a transient failure: soon after an in-doubt one, else backoff with jitter. */
export function retryDelay(attempts: number, inDoubt: boolean, random: number): number {
  if (inDoubt) return IN_DOUBT_RETRY_MS;
  return backoffDelay(Math.max(0, attempts - 1), SEND_BACKOFF, random);
}
