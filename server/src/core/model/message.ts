// A message of a conversation, in (from the customer) or out (to the customer), with its delivery state.

/** What a message says, independent of WeChat's wire format (the sender maps it). */
export type MessageContent =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaId?: string; picUrl?: string }
  | { type: 'miniprogrampage'; title: string; pagePath: string; appId?: string; thumbMediaId?: string; thumbUrl?: string }
  | { type: 'link'; title: string; description: string; url: string; thumbUrl?: string }
  | { type: 'voice'; mediaId: string; recognition?: string }
  | { type: 'video'; mediaId: string; thumbMediaId?: string; title?: string; description?: string }
  /** Location_X / Location_Y / Scale as the text WeChat sent (`23.130000` stays so). */
  | { type: 'location'; latitude: string; longitude: string; scale?: string; label: string }
  | { type: 'file'; title: string; fileKey: string /** FileTotalLen, in bytes, when WeChat said it. */; size?: number }
  /** Anything else WeChat sent; kept so nothing is lost. */
  | { type: 'other'; msgType: string };

export type MessageDirection = 'in' | 'out';

export type MessageSender =
  | { kind: 'customer' }
  | { kind: 'agent'; agentId: string }
  | { kind: 'robot'; robotId?: string }
  | { kind: 'system' };

/**
 * Why a message is sent; notices (courtesy ones included) give way so agents keep some of WeChat's quota.
 * `relay`: to an agent working in WeChat (a customer's message, a command's answer), who has no agent to
 * keep sends for. `closing`: the conversation ends with it, so no agent needs a send after it.
 */
export type SendPurpose = 'agent' | 'robot' | 'notice' | 'courtesy' | 'relay' | 'closing';

/** What an automatic message told the customer; one message may carry several (notices of one event are merged). */
export type NoticeKind =
  | 'welcome'
  | 'previous_agent'
  | 'assigned'
  | 'queue_position'
  | 'off_hours'
  | 'nobody_available'
  | 'queue_full'
  | 'leave_message_offer'
  | 'leave_message_received'
  | 'transfer'
  | 'silence_warning'
  | 'closing'
  | 'robot_no_answer'
  | 'merchant_announcement'
  | 'csat_request'
  | 'csat_thanks'
  | 'other';

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'welcome',
  'previous_agent',
  'assigned',
  'queue_position',
  'off_hours',
  'nobody_available',
  'queue_full',
  'leave_message_offer',
  'leave_message_received',
  'transfer',
  'silence_warning',
  'closing',
  'robot_no_answer',
  'merchant_announcement',
  'csat_request',
  'csat_thanks',
  'other',
];

/**
 * Why a reply failed when the product (not WeChat) decided it, for the workbench to explain in its own
 * language: WeChat stayed unreachable until the customer's window closed, or the customer unsubscribed.
 */
export const DELIVERY_FAILURE_CODES = ['window_closed_while_unreachable', 'customer_unsubscribed'] as const;
export type DeliveryFailureCode = (typeof DELIVERY_FAILURE_CODES)[number];

export type Delivery =
  | { status: 'pending' }
  /** `inDoubt`: a send WeChat may have carried out without answering was sent again: it may arrive twice. */
  | { status: 'sent'; at: number; inDoubt?: boolean }
  | { status: 'failed'; at: number; reason: string; wechatCode?: number; reasonCode?: DeliveryFailureCode };

export interface Message {
  id: string;
  channelId: string;
  conversationId: string;
  customerId: string;
  direction: MessageDirection;
  sender: MessageSender;
  content: MessageContent;
  createdAt: number;
  /** Inbound only: WeChat's MsgId (a string, it exceeds 2^53); unique per channel. */
  wechatMsgId?: string;
  /** Inbound only: WeChat's CreateTime (seconds since the epoch), the digits as sent. */
  wechatCreateTime?: string;
  /** Outbound only. */
  delivery?: Delivery;
  /** Inbound while the conversation was in `left_message`: a message left for later. */
  leftMessage?: boolean;
  /** Outbound automatic messages (system or robot): the notices it carries, in the order they were written. */
  noticeKinds?: NoticeKind[];
}
