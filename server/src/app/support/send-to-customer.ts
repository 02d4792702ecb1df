// Every message to a customer goes this way: WeChat's window is checked and consumed here, the message
// is recorded as pending and put in the outbox in the same unit of work, so it is sent once or shown
// as failed, never lost. Notices leave the sends reserved for agents untouched, and record their kinds.
import type { Conversation } from '../../core/model/conversation';
import type { Message, MessageContent, MessageSender, NoticeKind, SendPurpose } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import { withHistory } from '../../core/conversation/history';
import { EngineError } from '../../core/errors';
import { consumeSend, sendsKeptFromNotices, type SendRefusal } from '../../core/send-window/send-window';
import type { Work } from './engine-deps';
import { withShopAnnouncement } from './shop-announcement';

export type SendResult = { sent: Message } | { refusal: SendRefusal };

export async function sendToCustomer(
  w: Work,
  conversation: Conversation,
  requested: MessageContent,
  sender: MessageSender,
  purpose: SendPurpose,
  settings: RoutingSettings,
  noticeKinds?: NoticeKind[],
): Promise<SendResult> {
  const customer = await w.tx.customers.get(conversation.customerId);
  if (!customer) throw new EngineError('not_found', `customer ${conversation.customerId} not found`);
  const notice = purpose === 'courtesy' || purpose === 'notice';
  const keep = notice ? sendsKeptFromNotices(customer.sendWindow, w.now, settings.quotaReservedForAgents) : 0;
  const taken = consumeSend(customer.sendWindow, w.now, keep);
  if ('refusal' in taken) return taken;
  const { content, speakingFor } = await withShopAnnouncement(w, customer, conversation, requested, settings);
  await w.tx.customers.save({ ...customer, sendWindow: taken.window, ...(speakingFor !== undefined && { speakingFor }) });
  const message: Message = {
    id: w.ids.next('message'),
    channelId: conversation.channelId,
    conversationId: conversation.id,
    customerId: customer.id,
    direction: 'out',
    sender,
    content,
    createdAt: w.now,
    delivery: { status: 'pending' },
    ...(noticeKinds !== undefined && noticeKinds.length > 0 && { noticeKinds }),
  };
  await w.tx.messages.add(message);
  await w.tx.outbox.enqueue({
    id: w.ids.next('outbox'),
    channelId: conversation.channelId,
    messageId: message.id,
    conversationId: conversation.id,
    toOpenid: customer.openid,
    content,
    createdAt: w.now,
  });
  w.notices.push({
    type: 'message_added',
    ...scopeOf(conversation),
    conversationId: conversation.id,
    messageId: message.id,
    agentId: conversation.agentId,
    message,
  });
  return { sent: message };
}

/** A settings text from the system (queue position, closing, …), recorded with its kind. */
export function sendSystemText(
  w: Work,
  conversation: Conversation,
  text: string,
  purpose: SendPurpose,
  settings: RoutingSettings,
  kind: NoticeKind = 'other',
): Promise<SendResult> {
  return sendToCustomer(w, conversation, { type: 'text', text }, { kind: 'system' }, purpose, settings, [kind]);
}

export function scopeOf(c: { channelId: string; merchantId?: string }): { channelId: string; merchantId?: string } {
  return c.merchantId === undefined ? { channelId: c.channelId } : { channelId: c.channelId, merchantId: c.merchantId };
}

/**
 * Saves the conversation and, when what a workbench shows of it changed (new, state, agent, group), tells
 * the workbenches. Most saves only move timestamps (every customer message does): telling 50 open pages
 * about those made each of them reload its lists once per message.
 */
export async function saveConversation(w: Work, saved: Conversation, previousAgentId?: string): Promise<void> {
  const before = await w.tx.conversations.get(saved.id);
  const c = withHistory(before, saved, w.now, previousAgentId);
  await w.tx.conversations.save(c);
  if (
    before &&
    before.state === c.state &&
    before.agentId === c.agentId &&
    before.groupId === c.groupId &&
    before.merchantId === c.merchantId
  )
    return;
  w.notices.push({
    type: 'conversation_changed',
    ...scopeOf(c),
    conversationId: c.id,
    state: c.state,
    ...(c.agentId !== undefined && { agentId: c.agentId }),
    ...(previousAgentId !== undefined && previousAgentId !== c.agentId && { previousAgentId }),
    ...(before === undefined && { created: true as const }),
  });
}
