// An outbox row as both SQL adapters store it (SQLite and PostgreSQL): the columns the claims query, the rest
// of the item as JSON in `data`. `in_doubt` is 0/1 in SQLite and a boolean in PostgreSQL.
import type { OutboxItem } from '../core/ports/outbox';
import type { ClaimedOutboxItem, OutboxEntry, OutboxStatus } from '../core/ports/outbox-store';
import { optional, parseJson } from './record-codec';

export interface OutboxRow {
  id: string;
  channel_id: string;
  to_openid: string;
  message_id: string;
  created_at: number;
  data: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  finished_at: number | null;
  wechat_code: number | null;
  lease_owner: string | null;
  in_doubt: number | boolean;
}

/** The item's fields kept in their own columns; `restAsJson(item, OUTBOX_COLUMNS)` is the `data` column. */
export const OUTBOX_COLUMNS = ['id', 'channelId', 'toOpenid', 'messageId', 'createdAt'] as const;

const inDoubt = (r: OutboxRow): boolean => r.in_doubt === true || r.in_doubt === 1;

export function outboxItemOf(r: OutboxRow): OutboxItem {
  const rest = parseJson<Omit<OutboxItem, (typeof OUTBOX_COLUMNS)[number]>>(r.data);
  return {
    id: r.id,
    channelId: r.channel_id,
    messageId: r.message_id,
    conversationId: rest.conversationId,
    toOpenid: r.to_openid,
    content: rest.content,
    createdAt: r.created_at,
  };
}

export function claimedOutboxItemOf(r: OutboxRow): ClaimedOutboxItem {
  return { ...outboxItemOf(r), attempts: r.attempts, ...optional('lastError', r.last_error), inDoubt: inDoubt(r) };
}

export function outboxEntryOf(r: OutboxRow): OutboxEntry {
  return {
    ...outboxItemOf(r),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    ...optional('leaseUntil', r.lease_until),
    ...optional('lastError', r.last_error),
    ...optional('finishedAt', r.finished_at),
    ...optional('wechatCode', r.wechat_code),
    inDoubt: inDoubt(r),
  };
}
