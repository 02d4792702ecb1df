// Customers, conversations, messages and the agent's actions on a conversation.
import { z } from 'zod';
import { epochMs, id, queryInt } from './common';
import { NOTE_MAX_CHARS } from '../core/model/desk';
import { DELIVERY_FAILURE_CODES, NOTICE_KINDS, type NoticeKind } from '../core/model/message';

const states = ['bot', 'queued', 'assigned', 'left_message', 'ended'] as const;
export const conversationState = z.enum(states);

export const customer = z.object({
  id,
  channelId: id,
  openid: z.string(),
  unionId: z
    .string()
    .optional()
    .describe('the decrypted UnionID: shown to admins, and to agents when the channel’s agentsSeeUnionId is on; absent otherwise'),
  unionIdSource: z
    .enum(['verified', 'claimed'])
    .optional()
    .describe(
      'with unionId: `verified` when the server learned it from WeChat itself (the kit’s wx.login exchange), `claimed` when it only arrived in a session-from (anyone holding the channel’s UnionID key can write one). Link customers or orders across channels by verified UnionIDs only',
    ),
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

export const customerEvent = z.object({
  id: z.string().describe('increasing in arrival order; pass the last one as `before` for older events'),
  receivedAt: epochMs,
  type: z
    .string()
    .describe(
      'user_enter_tempsession, subscribe, unsubscribe, scan, location_report, click, view, kf_create_session, kf_close_session, kf_switch_session, or unknown',
    ),
  createTime: z.string().optional().describe('WeChat’s CreateTime (seconds since the epoch), the digits as sent'),
  wechatCreatedAt: z.iso.datetime().optional().describe('WeChat’s CreateTime as an ISO 8601 time (UTC)'),
  sessionFrom: z
    .string()
    .optional()
    .describe(
      'user_enter_tempsession: the SessionFrom exactly as WeChat sent it; for callers who may not see the customer’s UnionID its `unionid=` value reads `(hidden)`',
    ),
  fields: z
    .record(z.string(), z.unknown())
    .describe(
      'the push as WeChat sent it, under WeChat’s field names (ToUserName, CreateTime, Event, EventKey, Latitude…), every value as text',
    ),
});

export const customerEventList = z.object({
  items: z.array(customerEvent),
  nextBefore: z.string().optional().describe('pass as `before` for the next (older) page; absent on the last page'),
});

export const customerEventQuery = z.strictObject({
  limit: queryInt(1, 200).default(50),
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional().describe('only events older than this one: the previous page’s nextBefore'),
});

export const sendWindow = z.object({
  open: z.boolean(),
  remaining: z.int(),
  expiresAt: epochMs.optional(),
  reason: z.enum(['window_closed', 'quota_used_up']).optional(),
});

const queueTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: id }),
  z.object({ kind: z.literal('group'), groupId: id }),
  z.object({ kind: z.literal('pool') }),
]);

export const END_REASONS = ['agent_ended', 'customer_left', 'customer_silent', 'robot_idle', 'admin_ended'] as const;

export const conversation = z.looseObject({
  id,
  channelId: id,
  merchantId: id.optional(),
  customerId: id,
  state: conversationState,
  groupId: id.optional(),
  agentId: id.optional(),
  createdAt: epochMs,
  queuedAt: epochMs.optional(),
  assignedAt: epochMs.optional(),
  endedAt: epochMs.optional(),
  endReason: z
    .string()
    .optional()
    .describe(`why it ended: ${END_REASONS.join(', ')}`),
  queuedFor: queueTarget
    .optional()
    .describe('while queued: the line it waits in (a named agent, a skill group, or anyone of its merchant)'),
  queuePosition: z.int().min(1).optional().describe('while queued: its place in that line, computed from the queue now (1 = next)'),
  leftMessageAt: epochMs.optional().describe('when it became a left message (留言)'),
  lastCustomerMessageAt: epochMs.optional(),
  lastAgentMessageAt: epochMs.optional(),
  customerWaitingSince: epochMs.optional().describe('the first customer message the agent has not answered yet'),
  csat: z
    .object({
      requestedAt: epochMs,
      rating: z.int().min(1).max(5).optional(),
      comment: z.string().optional(),
      ratedAt: epochMs.optional(),
    })
    .optional()
    .describe('satisfaction: when the customer was asked to rate it (on its end), and their rating 1-5 and comment'),
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
  tagId: id.optional().describe('only conversations tagged so (on the conversation or its customer)'),
  merchantId: id.optional().describe('"platform" for the platform’s own team'),
  limit: queryInt(1, 200).default(50),
  before: queryInt(0, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('only conversations created before this instant (ms): the previous page’s nextBefore'),
});

const url = z.string().optional().describe('where the browser loads it: /api/v1/media/<id> (our media store) or an entry’s web address');
const thumbUrl = z.string().optional().describe('where the browser loads the thumbnail');

/** The content variants of core/model/message.ts as views/message-view.ts shows them. */
export const messageContent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({
      type: z.literal('image'),
      mediaId: z.string().optional(),
      picUrl: z.string().optional().describe('inbound: WeChat’s address of the picture'),
      url,
    }),
    z.object({
      type: z.literal('miniprogrampage'),
      title: z.string(),
      pagePath: z.string(),
      appId: z.string().optional(),
      thumbMediaId: z.string().optional(),
      thumbUrl,
    }),
    z.object({ type: z.literal('link'), title: z.string(), description: z.string(), url: z.string(), thumbUrl }),
    z.object({ type: z.literal('voice'), mediaId: z.string(), recognition: z.string().optional(), url }),
    z.object({
      type: z.literal('video'),
      mediaId: z.string(),
      thumbMediaId: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      url,
      thumbUrl,
    }),
    z.object({
      type: z.literal('location'),
      latitude: z.string().describe('Location_X as WeChat sent it (e.g. "23.130000")'),
      longitude: z.string().describe('Location_Y as WeChat sent it'),
      scale: z.string().optional().describe('Scale as WeChat sent it'),
      label: z.string(),
    }),
    z.object({
      type: z.literal('file'),
      title: z.string(),
      fileKey: z.string(),
      size: z.int().min(0).optional().describe('bytes, when WeChat said'),
    }),
    z.object({ type: z.literal('other'), msgType: z.string().describe('what WeChat called it') }),
  ])
  .describe(
    'Outbound media are kept as references until sent: mediaId / thumbMediaId "kbref:media:<id>" (our media store) or "kbref:https://…". ' +
      'The API adds `url` / `thumbUrl` next to them; /api/v1/media/<id> answers only callers who may see that media (the session cookie works for <img src>). Inbound pictures carry WeChat’s picUrl.',
  );

export const messageSender = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer') }),
  z.object({ kind: z.literal('agent'), agentId: id }),
  z.object({ kind: z.literal('robot'), robotId: z.string().optional() }),
  z.object({ kind: z.literal('system') }),
]);

export const delivery = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({
    status: z.literal('sent'),
    at: epochMs,
    inDoubt: z.boolean().optional().describe('WeChat did not answer one send and it was sent again: the customer may see it twice'),
  }),
  z.object({
    status: z.literal('failed'),
    at: epochMs,
    reason: z.string(),
    wechatCode: z.int().optional(),
    reasonCode: z.enum(DELIVERY_FAILURE_CODES).optional().describe('set when the server, not WeChat, gave up'),
  }),
]);

export const message = z.object({
  id,
  channelId: id,
  conversationId: id,
  customerId: id,
  direction: z.enum(['in', 'out']),
  sender: messageSender,
  content: messageContent,
  createdAt: epochMs,
  wechatMsgId: z.string().optional().describe('inbound: WeChat’s MsgId'),
  wechatCreateTime: z.string().optional().describe('inbound: WeChat’s CreateTime (seconds since the epoch), the digits as sent'),
  wechatCreatedAt: z.iso.datetime().optional().describe('inbound: WeChat’s CreateTime as an ISO 8601 time (UTC)'),
  delivery: delivery.optional().describe('outbound: whether WeChat took it'),
  leftMessage: z.boolean().optional().describe('inbound while the conversation was in left_message'),
  noticeKinds: z
    .array(z.enum(NOTICE_KINDS as [NoticeKind, ...NoticeKind[]]))
    .optional()
    .describe('outbound automatic messages: the notices it carries, in order (welcome, assigned, queue_position, …)'),
});

/** A conversation in a list, with its newest message, so a list shows its previews without a fetch each. */
export const conversationListItem = conversation.extend({
  lastMessage: message
    .optional()
    .describe('the conversation’s newest message, as GET /conversations/:id/messages shows it; absent when it has none'),
  window: sendWindow.optional().describe('left messages only: what WeChat’s window still lets an agent who takes it send'),
  lastCustomerMessage: message.optional().describe('left messages only: what the customer last wrote'),
  tagIds: z.array(id).optional().describe('the conversation’s tags'),
});

export const conversationEvent = z.object({
  at: epochMs,
  kind: z
    .enum(['assigned', 'taken', 'transferred', 'queued', 'left_message', 'ended'])
    .describe('taken: an agent took a left message; transferred: from fromAgentId to agentId, or back to a queue (queuedFor)'),
  agentId: id.optional().describe('who holds it after this step'),
  fromAgentId: id.optional().describe('who held it before'),
  groupId: id.optional(),
  queuedFor: queueTarget.optional(),
  endReason: z.string().optional(),
});

export const conversationList = z.object({
  items: z.array(conversationListItem),
  /** Pass as `before` for the next page; absent on the last page. */
  nextBefore: epochMs.optional(),
});

export const messageQuery = z.strictObject({
  limit: queryInt(1, 500).default(100),
  before: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('the messages just before this instant (ms), oldest first'),
});

const actingAgent = id.optional().describe('admins: the agent to act as; agents act as themselves');

const mediaSource = z.string().regex(/^media:[A-Za-z0-9_-]{1,64}$/, '"media:<id>" as POST /channels/:channelId/media answers');

export const REPLY_KINDS = ['text', 'image', 'card', 'knowledge', 'quickReply'] as const;

export const replyBody = z
  .strictObject({
    text: z.string().trim().min(1).max(2000).optional(),
    image: z.strictObject({ media: mediaSource }).optional().describe('a picture uploaded with POST /channels/:channelId/media'),
    card: z
      .strictObject({
        title: z.string().trim().min(1).max(64),
        pagePath: z.string().trim().min(1).max(500).describe('the mini program page the card opens, e.g. pages/order/index?id=1'),
        thumbMedia: mediaSource.describe('the card’s picture, uploaded with POST /channels/:channelId/media'),
        appId: z
          .string()
          .regex(/^wx[0-9a-zA-Z]{4,30}$/, 'an AppID (wx…)')
          .optional()
          .describe('official accounts only (required there): the mini program’s AppID; a mini program sends its own pages'),
      })
      .optional()
      .describe('a mini program card (WeChat’s miniprogrampage)'),
    knowledge: z
      .strictObject({ number: z.int().min(1).max(999_999_999) })
      .optional()
      .describe('a live entry of the conversation’s merchant’s knowledge base, rendered as the robot would send it'),
    quickReply: z
      .strictObject({ id })
      .optional()
      .describe(
        'a quick reply of the agent’s own or their team’s, placeholders filled for the customer: its text, then its picture or card',
      ),
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
  note: z.string().min(1).max(NOTE_MAX_CHARS).optional().describe('an internal note for the receiving agent; never sent to the customer'),
});
export const transferAnswer = z.object({ state: conversationState, agentId: id.optional() });

export const endBody = z.strictObject({ agentId: actingAgent });

export const takeBody = z.strictObject({ agentId: actingAgent });
export const takeAnswer = z.object({ state: z.literal('assigned'), agentId: id, window: sendWindow });
