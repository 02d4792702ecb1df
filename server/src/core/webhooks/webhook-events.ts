// Webhooks: the events an integrator's endpoint can subscribe to, and how the engine's notices become
// them. Pure: ids and time come in. A delivery's body is the event as JSON (id, type, time, channel,
// payload); payloads carry what the workbench sees (messages, states, agent ids), never a secret.
import type { ConversationState } from '../model/conversation';
import type { EngineNotice } from '../ports/notifier';

export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'conversation.created',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.ended',
  'delivery.failed',
  'csat.received',
] as const;

/** What an endpoint subscribes to; `webhook.test` is sent only by "send a test event", to one endpoint. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | 'webhook.test';

export interface WebhookEvent {
  /** Unique per event; a receiver that sees an id twice has seen the same event twice. */
  id: string;
  type: WebhookEventType;
  /** When it happened, ms since the epoch (the body carries it as ISO 8601). */
  occurredAt: number;
  channelId: string;
  /** Undefined: the platform's own team. Merchant admins' endpoints hear their merchant's events only. */
  merchantId?: string | undefined;
  /** Events of one conversation reach an endpoint in order; events without one are not ordered. */
  conversationId?: string | undefined;
  payload: Record<string, unknown>;
}

/** The JSON a receiver gets: the exact bytes the signature covers. */
export function webhookBody(e: WebhookEvent): string {
  return JSON.stringify({
    id: e.id,
    type: e.type,
    createdAt: new Date(e.occurredAt).toISOString(),
    channelId: e.channelId,
    ...(e.merchantId !== undefined && { merchantId: e.merchantId }),
    data: { ...(e.conversationId !== undefined && { conversationId: e.conversationId }), ...e.payload },
  });
}

type Draft = Omit<WebhookEvent, 'id' | 'occurredAt'>;

/** The webhook events a batch of engine notices means, in the notices' order. */
export function eventsOfNotices(notices: readonly EngineNotice[], newId: () => string, now: number): WebhookEvent[] {
  return notices.flatMap(draftsOf).map((d) => ({ ...d, id: newId(), occurredAt: now }));
}

function draftsOf(n: EngineNotice): Draft[] {
  const base = { channelId: n.channelId, merchantId: n.merchantId };
  switch (n.type) {
    case 'message_added': {
      const inbound = n.message?.direction === 'in';
      const type = inbound ? 'message.received' : 'message.sent';
      if (!n.message) return [];
      return [{ ...base, type, conversationId: n.conversationId, payload: { messageId: n.messageId, message: n.message } }];
    }
    case 'conversation_changed':
      if (n.csat) return [{ ...base, type: 'csat.received', conversationId: n.conversationId, payload: { ...n.csat } }];
      return conversationDrafts(n).map((type) => ({
        ...base,
        type,
        conversationId: n.conversationId,
        payload: conversationPayload(n.state, n.agentId, n.previousAgentId),
      }));
    case 'delivery_failed':
      return [
        {
          ...base,
          type: 'delivery.failed',
          conversationId: n.conversationId,
          payload: { messageId: n.messageId, reason: n.reason, ...(n.reasonCode !== undefined && { reasonCode: n.reasonCode }) },
        },
      ];
    default:
      return [];
  }
}

type Change = Extract<EngineNotice, { type: 'conversation_changed' }>;

/** A new conversation, then what happened to it: ended, taken from one agent (transferred), or given to one. */
function conversationDrafts(n: Change): WebhookEventType[] {
  const types: WebhookEventType[] = n.created ? ['conversation.created'] : [];
  if (n.state === 'ended') types.push('conversation.ended');
  else if (n.previousAgentId !== undefined) types.push('conversation.transferred');
  else if (n.state === 'assigned' && n.agentId !== undefined) types.push('conversation.assigned');
  return types;
}

function conversationPayload(state: ConversationState, agentId?: string, previousAgentId?: string): Record<string, unknown> {
  return { state, ...(agentId !== undefined && { agentId }), ...(previousAgentId !== undefined && { previousAgentId }) };
}
