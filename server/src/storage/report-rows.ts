// The rows the Reports queries return, read the same way by both SQL adapters (SQLite and PostgreSQL).
import type { ConversationExportRow, ConversationTimes, MessageExportRow } from '../core/ports/reports';
import { messageFromRow, type MessageRow } from './message-row';
import type { ConversationRow } from './conversation-row';
import { merchantOf, optional } from './record-codec';
import { conversationFromRow } from './sqlite-conversations';

export interface TimesRow {
  state: ConversationTimes['state'];
  created_at: number;
  queued_at: number | null;
  assigned_at: number | null;
  first_response_at: number | null;
  left_at: number | null;
  ended_at: number | null;
  csat_requested_at: number | null;
  csat_rating: number | null;
}

/** A conversation row with its customer's openid and nickname beside it. */
export type PageRow = ConversationRow & { customer_openid: string | null; customer_nickname: string | null };

/** Messages in and out per conversation id. */
export type MessageCounts = Map<string, { n_in: number; n_out: number }>;

export const timesFromRow = (r: TimesRow): ConversationTimes => ({
  state: r.state,
  createdAt: r.created_at,
  ...optional('queuedAt', r.queued_at),
  ...optional('assignedAt', r.assigned_at),
  ...optional('firstAgentResponseAt', r.first_response_at),
  ...optional('leftMessageAt', r.left_at),
  ...optional('endedAt', r.ended_at),
  ...optional('csatRequestedAt', r.csat_requested_at),
  ...optional('csatRating', r.csat_rating),
});

export function exportRowOf(r: PageRow, counts: MessageCounts): ConversationExportRow {
  const { customer_openid, customer_nickname, ...conversation } = r;
  const n = counts.get(r.id);
  return {
    conversation: conversationFromRow(conversation),
    ...(customer_openid !== null && { customer: { openid: customer_openid, ...optional('nickname', customer_nickname) } }),
    messagesIn: n?.n_in ?? 0,
    messagesOut: n?.n_out ?? 0,
  };
}

/** A message row with its conversation's merchant key and its customer's openid and nickname. */
export type MessageExportDbRow = MessageRow & { merchant_key: string; customer_openid: string | null; customer_nickname: string | null };

export function messageExportRowOf(r: MessageExportDbRow): MessageExportRow {
  const { merchant_key, customer_openid, customer_nickname, ...message } = r;
  return {
    message: messageFromRow(message),
    ...merchantOf(merchant_key),
    ...(customer_openid !== null && { customer: { openid: customer_openid, ...optional('nickname', customer_nickname) } }),
  };
}

/** The columns of the message export's query over messages m, conversations c and customers cu. */
export const MESSAGE_EXPORT_SELECT = `m.id, m.channel_id, m.conversation_id, m.created_at, m.wechat_msg_id, m.delivery, m.data,
  c.merchant_id AS merchant_key, cu.openid AS customer_openid`;
