// A message row as both SQL adapters store it (SQLite and PostgreSQL): the columns the queries use, the
// rest of the message as JSON in `data`.
import type { Delivery, Message } from '../core/model/message';
import { optional, parseJson, restAsJson } from './record-codec';

export interface MessageRow {
  id: string;
  channel_id: string;
  conversation_id: string;
  created_at: number;
  wechat_msg_id: string | null;
  delivery: string | null;
  data: string;
}

/** The message's fields kept in their own columns; `restAsJson(m, MESSAGE_COLUMNS)` is the `data` column. */
export const MESSAGE_COLUMNS = ['id', 'channelId', 'conversationId', 'createdAt', 'wechatMsgId', 'delivery'] as const;

export function messageFromRow(r: MessageRow): Message {
  return {
    id: r.id,
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    createdAt: r.created_at,
    ...optional('wechatMsgId', r.wechat_msg_id),
    ...optional('delivery', r.delivery === null ? null : parseJson<Delivery>(r.delivery)),
    ...parseJson<Omit<Message, (typeof MESSAGE_COLUMNS)[number]>>(r.data),
  };
}

/** The row a message is stored as. */
export function messageToRow(m: Message): MessageRow {
  return {
    id: m.id,
    channel_id: m.channelId,
    conversation_id: m.conversationId,
    created_at: m.createdAt,
    wechat_msg_id: m.wechatMsgId ?? null,
    delivery: m.delivery === undefined ? null : JSON.stringify(m.delivery),
    data: restAsJson(m, MESSAGE_COLUMNS),
  };
}
