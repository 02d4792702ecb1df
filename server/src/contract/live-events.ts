// The live channel's payloads (GET /api/v1/events, http/workbench/event-stream.ts): one schema per
// Server-Sent Event, keyed by its `event:` name. The stream types what it writes with these, the web app
// imports their types (type-only) instead of keeping a copy, and a test parses what a running server sends.
import { z } from 'zod';
import { principal } from './auth';
import { epochMs, id } from './common';
import { DELIVERY_FAILURE_CODES } from '../core/model/message';
import { conversationState, message } from './conversation';
import { agentStatus } from './team';

/** Where the notice happened; no merchantId: the platform's own team. */
const scope = { channelId: id, merchantId: id.optional() };

export const messageAdded = z.object({
  type: z.literal('message_added'),
  ...scope,
  conversationId: id,
  messageId: id,
  agentId: id.optional(),
  message: message.optional().describe('the message as GET /conversations/:id/messages shows it'),
});

export const conversationChanged = z.object({
  type: z.literal('conversation_changed'),
  ...scope,
  conversationId: id,
  state: conversationState,
  agentId: id.optional(),
  previousAgentId: id.optional(),
  created: z.literal(true).optional().describe('the conversation is new'),
  csat: z
    .object({ rating: z.number().int().min(1).max(5).optional(), comment: z.string().optional() })
    .optional()
    .describe('the customer rated the ended conversation (1-5) or commented on it'),
});

export const deliveryFailed = z.object({
  type: z.literal('delivery_failed'),
  ...scope,
  conversationId: id,
  messageId: id,
  agentId: id.optional(),
  reason: z.string(),
  reasonCode: z.enum(DELIVERY_FAILURE_CODES).optional().describe('set when the server, not WeChat, gave up'),
});

export const messageDelivered = z.object({
  type: z.literal('message_delivered'),
  ...scope,
  conversationId: id,
  messageId: id,
  agentId: id.optional(),
  at: epochMs.describe('when the sender heard WeChat accepted it'),
  inDoubt: z.boolean().optional().describe('sent again after WeChat did not answer: the customer may see it twice'),
});

export const agentChanged = z.object({ type: z.literal('agent_changed'), ...scope, agentId: id, status: agentStatus });
export const agentNoReply = z.object({ type: z.literal('agent_no_reply'), ...scope, conversationId: id, agentId: id });
export const queueChanged = z.object({ type: z.literal('queue_changed'), ...scope, length: z.int().min(0) });
export const noteAdded = z.object({ type: z.literal('note_added'), ...scope, conversationId: id, noteId: id, agentId: id.optional() });

/** An engine notice as the stream sends it: `event: <type>`, the notice itself as data. */
export const liveNotice = z.discriminatedUnion('type', [
  messageAdded,
  conversationChanged,
  deliveryFailed,
  messageDelivered,
  agentChanged,
  agentNoReply,
  queueChanged,
  noteAdded,
]);

/** Every event of the stream and its data: `ready` names the caller (first connect and each reconnect). */
export const liveEvents = {
  ready: principal,
  session_ended: z.strictObject({}),
  message_added: messageAdded,
  conversation_changed: conversationChanged,
  delivery_failed: deliveryFailed,
  message_delivered: messageDelivered,
  agent_changed: agentChanged,
  agent_no_reply: agentNoReply,
  queue_changed: queueChanged,
  note_added: noteAdded,
} as const;

export type LiveNotice = z.output<typeof liveNotice>;
export type LiveNoticeType = LiveNotice['type'];
export type LiveEventName = keyof typeof liveEvents;
export type LiveEventData<E extends LiveEventName> = z.output<(typeof liveEvents)[E]>;
