// Port: the sender's side of the outbox (ports/outbox.ts is the engine's side). The sender claims items
// that are due, sends them to WeChat, and reports each outcome here (and to the record-delivery use case,
// which is what the agent sees). Items survive restarts: a claim is a lease, so the items of a sender that
// crashed are claimed again once its lease has run out.
import type { OutboxItem } from './outbox';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** An item handed to a sender by claimDue. */
export interface ClaimedOutboxItem extends OutboxItem {
  /** Sends tried so far, this claim included: 1 on the first claim. A crashed attempt counts too. */
  attempts: number;
  /** What the previous attempt reported, when it asked for a retry. */
  lastError?: string;
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
}

export interface OutboxStore {
  /**
   * Claims at most `limit` pending items due at `now` (next attempt reached, no live lease), earliest due
   * first (then by id), and leases them to the caller; each claim counts one attempt. Items to one
   * customer go out in order: an item is not claimed while an older pending item to the same openid of
   * the same channel exists (claimed or not), so a retry never lets a later message overtake it.
   * The lease must outlast the sender's longest send, or a slow send may be claimed twice.
   */
  claimDue(now: number, limit: number): Promise<ClaimedOutboxItem[]>;
  /** Done: never claimed again. Ignored unless the item is pending. */
  markSent(id: string, at: number): Promise<void>;
  /** Releases the claim; the item is due again at `nextAttemptAt`. Ignored unless the item is pending. */
  markRetry(id: string, nextAttemptAt: number, error: string): Promise<void>;
  /** Given up for good (the agent is told through record-delivery). Ignored unless the item is pending. */
  markFailed(id: string, at: number, reason: string, wechatCode?: number): Promise<void>;
  get(id: string): Promise<OutboxEntry | undefined>;
}
