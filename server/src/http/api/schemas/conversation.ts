// Customers, conversations, messages and the agent's actions on a conversation.
import { z } from 'zod';
import { epochMs, id, queryInt } from './common';

const states = ['bot', 'queued', 'assigned', 'left_message', 'ended'] as const;
export const conversationState = z.enum(states);

export const customer = z.object({
  id,
  channelId: id,
  openid: z.string(),
  unionId: z.string().optional().describe('the decrypted UnionID: shown to admins, and to agents when the channel’s agentsSeeUnionId is on; absent otherwise'),
  nickname: z.string().optional().describe('from the session-from'),
  avatarUrl: z.string().optional().describe('from the session-from'),
  params: z.record(z.string(), z.string()).describe('the session-from’s params'),
  customFields: z.record(z.string(), z.string()).describe('the session-from’s customer_fields'),
  partnerId: z.string().optional(),
  entryPage: z
    .object({ pagePath: z.string(), title: z.string(), at: epochMs, conversationId: id })
    .optional()
    .describe('the mini program card the customer sent in their latest conversation you may see (the page they came from)'),
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
  content: z
    .looseObject({
      type: z.string(),
      url: z.string().optional().describe('image, voice, video we sent: where the browser loads it (/api/v1/media/<id>, or the entry’s web address)'),
      thumbUrl: z.string().optional().describe('mini program card, video: where the browser loads the thumbnail'),
    })
    .describe(
      'Outbound media are kept as references until sent: mediaId / thumbMediaId "kbref:media:<id>" (our media store) or "kbref:https://…". ' +
        'The API adds `url` / `thumbUrl` next to them; /api/v1/media/<id> answers only callers who may see that media (the session cookie works for <img src>). Inbound pictures carry WeChat’s picUrl.',
    ),
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

const mediaSource = z.string().regex(/^media:[A-Za-z0-9_-]{1,64}$/, '"media:<id>" as POST /channels/:channelId/media answers');

export const REPLY_KINDS = ['text', 'image', 'card', 'knowledge'] as const;

export const replyBody = z
  .strictObject({
    text: z.string().trim().min(1).max(2000).optional(),
    image: z.strictObject({ media: mediaSource }).optional().describe('a picture uploaded with POST /channels/:channelId/media'),
    card: z
      .strictObject({
        title: z.string().trim().min(1).max(64),
        pagePath: z.string().trim().min(1).max(500).describe('the mini program page the card opens, e.g. pages/order/index?id=1'),
        thumbMedia: mediaSource.describe('the card’s picture, uploaded with POST /channels/:channelId/media'),
        appId: z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/, 'an AppID (wx…)').optional().describe('official accounts only (required there): the mini program’s AppID; a mini program sends its own pages'),
      })
      .optional()
      .describe('a mini program card (WeChat’s miniprogrampage)'),
    knowledge: z
      .strictObject({ number: z.int().min(1).max(999_999_999) })
      .optional()
      .describe('a live entry of the conversation’s merchant’s knowledge base, rendered as the robot would send it'),
    agentId: actingAgent,
  })
  .refine((b) => REPLY_KINDS.filter((k) => b[k] !== undefined).length === 1, { message: `give exactly one of ${REPLY_KINDS.join(', ')}` });
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
