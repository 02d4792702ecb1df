// Port: the sender's side of the outbox (ports/outbox.ts is the engine's side). The sender claims items
// that are due, sends them to WeChat, and reports each outcome here (and to the record-delivery use case,
// which is what the agent sees). Items survive restarts: a claim is a short lease owned by one sending
// process, renewed while its send is in flight, so the items of a sender that crashed are claimed again
// within seconds, and two live senders never hold the same item.
import type { OutboxItem } from './outbox';
import type { RetentionPage, RetentionStep } from './retention';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** An item handed to a sender by claimDue. */
export interface ClaimedOutboxItem extends OutboxItem {
  /** Sends tried so far, this claim included: 1 on the first claim. A crashed attempt counts too. */
  attempts: number;
  /** What the previous attempt reported, when it asked for a retry. */
  lastError?: string;
  /**
   * An earlier attempt may have reached WeChat without an answer (it timed out, its connection dropped,
   * or its sender crashed mid-send, which this claim found as a lease that ran out): sending it again
   * may deliver it twice.
   */
  inDoubt: boolean;
}

/** The stored state of an item, for operators and tests. */
export interface OutboxEntry extends OutboxItem {
  status: OutboxStatus;
  attempts: number;
  /** When a pending item is due (again). */
  nextAttemptAt: number;
  /** A sender's claim holds until this instant. */
  leaseUntil?: number;
  lastError?: string;
  /** When it was sent or given up. */
  finishedAt?: number;
  wechatCode?: number;
  inDoubt: boolean;
}

/** A final outcome, as markSent or markFailed records it; markFinished records several at once. */
export type OutboxFinish = { id: string; at: number } & ({ kind: 'sent' } | { kind: 'failed'; reason: string; wechatCode?: number });

export interface OutboxStore {
  /**
   * Claims at most `limit` pending items due at `now` (next attempt reached, no live lease), earliest due
   * first (then by id), and leases them to this store's owner; each claim counts one attempt. Items to
   * one customer go out in order: an item is not claimed while an older pending item to the same openid
   * of the same channel exists (claimed or not), so a retry never lets a later message overtake it.
   * A claim of an item whose previous lease ran out marks it in doubt (its sender died mid-send).
   */
  claimDue(now: number, limit: number): Promise<ClaimedOutboxItem[]>;
  /** Extends this owner's leases on these pending items (a send still in flight); returns the ids still held. */
  renewLeases(ids: readonly string[], now: number): Promise<string[]>;
  /**
   * Ends at once the live claims of owners `isDead` says are gone (a process that crashed mid-send), so
   * their items are claimed again now — in doubt — rather than when their leases run out. Returns how many.
   */
  releaseClaimsOf(isDead: (owner: string) => boolean, now: number): Promise<number>;
  /** Done: never claimed again. Ignored unless the item is pending. */
  markSent(id: string, at: number): Promise<void>;
  /**
   * Releases the claim; the item is due again at `nextAttemptAt`. `inDoubt`: this attempt may have reached
   * WeChat (kept once set). Ignored unless the item is pending.
   */
  markRetry(id: string, nextAttemptAt: number, error: string, inDoubt?: boolean): Promise<void>;
  /** Given up for good (the agent is told through record-delivery). Ignored unless the item is pending. */
  markFailed(id: string, at: number, reason: string, wechatCode?: number): Promise<void>;
  /** Records these outcomes together (one transaction where the store has them), each as markSent / markFailed would. */
  markFinished(outcomes: readonly OutboxFinish[]): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /**
   * Retention, one page: removes the page's items sent or given up before `before` (the message keeps its
   * delivery); pending items stay. The walk is over at the first page whose last item was created at
   * `before` or later.
   */
  removeFinished(before: number, page: RetentionPage): Promise<RetentionStep>;
}
