// Port: where verified pushes wait, durably, between WeChat's acknowledgement and their processing.
// The push endpoint acknowledges only after `accept` resolved (so nothing acknowledged is lost), and a
// retry of the same push is recognised by its key and stored once (so nothing is doubled). A worker
// then hands each entry to the use cases; slow work never delays the acknowledgement.
import type { InboundMessage } from '../inbound-message';
import type { RetentionPage, RetentionStep } from './retention';

export interface InboxEntry {
  id: string;
  channelId: string;
  message: InboundMessage;
  receivedAt: number;
  /** Processing attempts so far (a failed attempt is retried later). */
  attempts: number;
}

export type AcceptOutcome = 'stored' | 'duplicate';

export interface Inbox {
  /** Resolves once the push is committed (or known already): only then may WeChat be told `success`. */
  accept(channelId: string, message: InboundMessage, receivedAt: number): Promise<AcceptOutcome>;
  /**
   * Entries not processed yet and due, oldest first. An adapter shared by several processes claims what
   * it returns for this process, for a short lease: no other process gets them meanwhile, and only a
   * customer's oldest unprocessed entry is handed out, so their entries are processed in order.
   */
  pending(now: number, limit: number): Promise<InboxEntry[]>;
  /** Extends this process's claims while it works on them (adapters that claim; a dead process's run out). */
  renewClaims?(now: number): Promise<void>;
  /**
   * Marks an entry processed. Always called inside a unit of work (the one that processed the entry):
   * an adapter sharing the unit's store makes it part of that unit, so an entry is processed exactly once.
   */
  markDone(id: string, at: number): Promise<void>;
  /** A failed attempt: keep the entry and try again at `retryAt` (or give up when undefined). */
  markFailed(id: string, error: string, retryAt: number | undefined): Promise<void>;
  /**
   * Retention, one page: removes the page's processed entries of messages (with a MsgId) received before
   * `before`. Events and unknown pushes stay (the customer's push log), and so does every entry pending or
   * given up. The walk is over at the first page whose last entry was received at `before` or later.
   */
  removeProcessed(before: number, page: RetentionPage): Promise<RetentionStep>;
}

/**
 * WeChat's own de-duplication key (message-push docs): MsgId for messages; FromUserName + CreateTime
 * for events, with the event name since two events can share a second.
 */
export function dedupeKey(message: InboundMessage): string {
  if ('msgId' in message && typeof message.msgId === 'string' && message.msgId !== '') return `m:${message.msgId}`;
  if (message.type === 'unknown') {
    const raw = message.raw;
    const field = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
    if (field('MsgId') !== '') return `m:${field('MsgId')}`;
    return `u:${field('FromUserName')}|${field('CreateTime')}|${field('MsgType')}|${field('Event')}`;
  }
  // Events are their own variants, so the type names the event.
  return `e:${message.fromUserName}|${message.createTime}|${message.type}`;
}
