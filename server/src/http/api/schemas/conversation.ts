// Customers, conversations, messages and the agent's actions on a conversation.
import { z } from 'zod';
import { epochMs, id, queryInt } from './common';

const states = ['bot', 'queued', 'assigned', 'left_message', 'ended'] as const;
export const conversationState = z.enum(states);

export const customer = z.looseObject({
  id,
  channelId: id,
  openid: z.string(),
  unionId: z.string().optional(),
  nickname: z.string().optional(),
  avatarUrl: z.string().optional(),
  params: z.record(z.string(), z.string()),
  customFields: z.record(z.string(), z.string()),
  partnerId: z.string().optional(),
  firstSeenAt: epochMs,
  lastSeenAt: epochMs,
});

export const conversation = z.looseObject({
  id,
  channelId: id,
  merchantId: id.optional(),
  customerId: id,
  state: conversationState,
  groupId: id.optional(),
  agentId: id.optional(),
  createdAt: epochMs,
  assignedAt: epochMs.optional(),
  endedAt: epochMs.optional(),
  endReason: z.string().optional(),
});

export const conversationList = z.object({
  items: z.array(conversation),
  /** Pass as `before` for the next page; absent on the last page. */
  nextBefore: epochMs.optional(),
});

export const conversationQuery = z.strictObject({
  state: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(conversationState).min(1))
    .optional()
    .describe(`comma-separated: ${states.join(', ')}`),
  agentId: id.optional(),
  customerId: id.optional(),
  merchantId: id.optional().describe('"platform" for the platform’s own team'),
  limit: queryInt(1, 200).default(50),
  before: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('only conversations created before this instant (ms): the previous page’s nextBefore'),
});

export const message = z.looseObject({
  id,
  conversationId: id,
  direction: z.enum(['in', 'out']),
  sender: z.looseObject({ kind: z.enum(['customer', 'agent', 'robot', 'system']) }),
  content: z.looseObject({ type: z.string() }),
  createdAt: epochMs,
  delivery: z.looseObject({ status: z.enum(['pending', 'sent', 'failed']) }).optional(),
});

export const messageQuery = z.strictObject({
  limit: queryInt(1, 500).default(100),
  before: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('the messages just before this instant (ms), oldest first'),
});

export const sendWindow = z.object({
  open: z.boolean(),
  remaining: z.int(),
  expiresAt: epochMs.optional(),
  reason: z.enum(['window_closed', 'quota_used_up']).optional(),
});

const actingAgent = id.optional().describe('admins: the agent to act as; agents act as themselves');

export const replyBody = z.strictObject({ text: z.string().trim().min(1).max(2000), agentId: actingAgent });
export const replyAnswer = z.object({ messageId: id, delivery: z.object({ status: z.literal('pending') }), window: sendWindow });

export const transferBody = z.strictObject({
  to: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agent'), agentId: id }),
    z.strictObject({ kind: z.literal('group'), groupId: id }),
    z.strictObject({ kind: z.literal('queue') }),
  ]),
  agentId: actingAgent,
});
export const transferAnswer = z.object({ state: conversationState, agentId: id.optional() });

export const endBody = z.strictObject({ agentId: actingAgent });
