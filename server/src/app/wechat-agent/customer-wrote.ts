// The customer's side of the WeChat-agent feature, one step of the customer's story
// (handle-customer-message.ts), around recording the message (support/record-customer-message.ts), in
// the push's unit of work: calling an agent by name hands the conversation to that agent before
// the message is recorded; 再见 ends the conversation after it (a customer starting a new conversation
// hears who served them last when the settings say so: support/notices.ts); `openid` is answered with their openid (for an admin binding an agent).
// Whatever the outcome, the conversation's WeChat agent (if any) gets the message forwarded.
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import { openConversation } from '../../core/conversation/transitions';
import { customerIntent, nameCandidates, type CustomerIntent } from '../../core/wechat-agent/customer-intents';
import { canTakeByName } from '../../core/routing/target-state';
import { closeConversation } from '../support/close-conversation';
import { customerActing } from '../support/customers';
import { takeRating } from '../support/csat';
import { drainQueue } from '../support/drain-queue';
import type { EngineDeps, Work } from '../support/engine-deps';
import { recordCustomerMessage, type HandleMessageResult, type IncomingCustomerMessage } from '../support/record-customer-message';
import { openingNotices } from '../support/notices';
import { assignConversation } from '../support/place-conversation';
import { loadRouting } from '../support/routing-context';
import { loadSettings } from '../support/routing-context';
import { sendSystemText } from '../support/send-to-customer';
import { systemConversation } from './agent-conversation';
import { syncConversation } from './forward-to-agent';

export async function customerWroteOnWeChat(deps: EngineDeps, w: Work, input: IncomingCustomerMessage): Promise<HandleMessageResult> {
  const known = await w.tx.customers.findByOpenid(input.channelId, input.push.fromUserName);
  // A reply to the satisfaction request rates the ended conversation and is not routed (support/csat.ts).
  const rated = known?.csatAwaited && (await takeRating(w, known, input));
  if (rated) return rated;
  const merchantId = known?.session?.merchantId;
  const text = input.push.type === 'text' ? input.push.content : undefined;
  // Of the merchant's team, only the agents the text could call by name are loaded (none for most texts).
  const team = text === undefined ? [] : await w.tx.agents.listByNames(input.channelId, merchantId, nameCandidates(text));
  const intent: CustomerIntent =
    text === undefined
      ? { kind: 'none' }
      : customerIntent(
          text,
          team.map((a) => a.name),
        );
  if (intent.kind === 'openid') return answerOpenid(w, input);
  const open = known && (await w.tx.conversations.findOpen(known.id, merchantId));
  if (intent.kind === 'call_agent')
    await handToNamed(
      w,
      input,
      open,
      team.find((a) => a.name === intent.name),
      merchantId,
    );
  const result = await recordCustomerMessage(deps.robot, w, input);
  await syncConversation(w, result.conversationId);
  const c = await w.tx.conversations.get(result.conversationId);
  if (intent.kind === 'leave' && open && c && c.state !== 'ended') {
    await closeConversation(w, c, 'customer_left', { closingText: true });
    await syncConversation(w, c.id, c.agentId);
  }
  return result;
}

/**
 * 喊名字直接接通客服: while the customer is with the robot or waiting in the queue (or opens a
 * conversation with the name), the named agent takes it when they can right now (canTakeByName);
 * otherwise the message is handled as any other. Off with the callAgentByName setting; never in robot-only mode, where a name is ordinary
 * text for the robot, and never a conversation a person already holds.
 */
async function handToNamed(
  w: Work,
  input: IncomingCustomerMessage,
  open: Conversation | undefined,
  named: Agent | undefined,
  merchantId: string | undefined,
): Promise<void> {
  if (!named || (open !== undefined && open.state !== 'bot' && open.state !== 'queued')) return;
  const ctx = await loadRouting(w, input.channelId, merchantId);
  if (ctx.settings.receptionMode === 'robot_only' || !ctx.settings.callAgentByName) return;
  if (!canTakeByName(ctx.view, named.id, new Set(open?.excludedAgentIds ?? []))) return;
  const customer = await customerActing(w, input.channelId, input.channelKind, input.push.fromUserName, 'message');
  // Opened as queued so that the message that follows is recorded without routing it elsewhere.
  const c =
    open ??
    openConversation({
      id: w.ids.next('conversation'),
      channelId: input.channelId,
      ...(merchantId !== undefined && { merchantId }),
      customerId: customer.id,
      state: 'queued',
      now: w.now,
    });
  // A conversation opened for the occasion is a new one: it hears the opening notices too.
  const before = open ? [] : await openingNotices(w, c, ctx.settings);
  await assignConversation(w, c, named.id, c.groupId, [], ctx, { before });
  if (open?.state === 'queued') await drainQueue(w, input.channelId, merchantId);
}

/** Recorded on a system conversation of its own, so it neither opens nor routes a real one. */
async function answerOpenid(w: Work, input: IncomingCustomerMessage): Promise<HandleMessageResult> {
  const customer = await customerActing(w, input.channelId, input.channelKind, input.push.fromUserName, 'message');
  const c = await systemConversation(w, customer, customer.session?.merchantId);
  const message = {
    id: w.ids.next('message'),
    channelId: c.channelId,
    conversationId: c.id,
    customerId: customer.id,
    direction: 'in' as const,
    sender: { kind: 'customer' as const },
    content: { type: 'text' as const, text: 'openid' },
    createdAt: w.now,
    wechatMsgId: input.push.msgId,
    wechatCreateTime: input.push.createTime,
  };
  await w.tx.messages.add(message);
  const settings = await loadSettings(w, c.channelId, c.merchantId);
  await sendSystemText(w, c, `您的 openid：${customer.openid}`, 'notice', settings);
  return { kind: 'handled', conversationId: c.id, messageId: message.id, state: 'ended' };
}
