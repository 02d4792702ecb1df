// The heart of the customer's story (handle-customer-message.ts, which has already looked the MsgId up):
// record the message, widen WeChat's window, continue the customer's open conversation with the merchant
// they came from or open one, then let the robot answer or route to a person, as the reception mode says.
import type { ChannelKind } from '../../core/channel';
import { contentOf, type CustomerMessagePush } from '../../core/conversation/inbound-content';
import { customerWrote, openConversation } from '../../core/conversation/transitions';
import type { Conversation, ConversationState } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import { customerActing } from './customers';
import type { Robot } from '../../core/ports/robot';
import type { Work } from './engine-deps';
import { loadRouting, loadSettings, type RoutingContext } from './routing-context';
import { saveConversation, scopeOf } from './send-to-customer';
import { greetRobotConversation, robotWelcome } from './notices';
import { respondToCustomer, robotWhileQueued } from './respond-to-customer';

export interface IncomingCustomerMessage {
  channelId: string;
  channelKind: ChannelKind;
  push: CustomerMessagePush;
}

export type HandledMessage = { kind: 'handled'; conversationId: string; messageId: string; state: ConversationState };

export type HandleMessageResult = { kind: 'duplicate'; messageId: string } | HandledMessage;

/** Runs in the push's unit of work; the caller has made sure the MsgId is new. */
export async function recordCustomerMessage(robot: Robot, w: Work, input: IncomingCustomerMessage): Promise<HandledMessage> {
  const customer = await customerActing(w, input.channelId, input.channelKind, input.push.fromUserName, 'message');
  // The merchant switching rule: the latest user_enter_tempsession decides the merchant (customerCode; an
  // unknown or missing one means the platform's own team), and the message goes to the customer's open
  // conversation with that merchant, or a new one. Entering from another merchant's button switches;
  // coming back through the first merchant's button switches back. Conversations left behind stay open
  // for their agents. The customer is told of each switch (support/shop-announcement.ts).
  const merchantId = customer.session?.merchantId;
  const open = await w.tx.conversations.findOpen(customer.id, merchantId);
  if (open && (open.state === 'queued' || open.state === 'assigned')) {
    // The message waits for the agent and routes nothing: skip loading the merchant's agents, their
    // loads and the queue, which cost most of a message's routing time with 50 agents on the channel.
    // In robot-first mode the robot keeps answering a queued customer meanwhile.
    const message = await recordInbound(w, open, input);
    await saveConversation(w, customerWrote(open, w.now));
    await robotWhileQueued(robot, w, open, customer, message);
    return { kind: 'handled', conversationId: open.id, messageId: message.id, state: open.state };
  }
  // A robot conversation's turn needs the settings only, unless it hands over (robot first): then routing is
  // read after the message is recorded, which leaves the queue and the loads as they were (the conversation
  // stays 'bot' until placed). Robot-only reception never reads the agents' loads or the queue.
  let loaded: Promise<RoutingContext> | undefined;
  const routing = () => (loaded ??= loadRouting(w, input.channelId, merchantId));
  const settings = open?.state === 'bot' ? await loadSettings(w, input.channelId, merchantId) : (await routing()).settings;
  const conversation = open ?? startConversation(w, customer, settings);
  const message = await recordInbound(w, conversation, input);
  let written = customerWrote(conversation, w.now);
  await saveConversation(w, written);
  // A robot conversation that starts with this message (no welcome on entering: an official account, or
  // a mini program entered before) is greeted before the robot answers.
  if (!open && written.state === 'bot')
    written = await greetRobotConversation(w, written, robotWelcome(robot, written, customer, settings), settings);
  const after = await respondToCustomer(robot, w, { conversation: written, isNew: !open, customer, message, settings, routing });
  return { kind: 'handled', conversationId: after.id, messageId: message.id, state: after.state };
}

/** Robot modes start with the robot; otherwise the conversation is routed right after this message. */
function startConversation(w: Work, customer: Customer, settings: RoutingSettings): Conversation {
  const robotId = customer.session?.robotId ?? settings.defaultRobotId;
  return openConversation({
    id: w.ids.next('conversation'),
    channelId: customer.channelId,
    ...(customer.session?.merchantId !== undefined && { merchantId: customer.session.merchantId }),
    customerId: customer.id,
    ...(robotId !== undefined && { robotId }),
    state: settings.receptionMode === 'agents_only' ? 'queued' : 'bot',
    now: w.now,
  });
}

/** The customer's message stored in conversation `c`, and told to whoever shows it. */
export async function recordInbound(w: Work, c: Conversation, input: IncomingCustomerMessage): Promise<Message> {
  const message: Message = {
    id: w.ids.next('message'),
    channelId: input.channelId,
    conversationId: c.id,
    customerId: c.customerId,
    direction: 'in',
    sender: { kind: 'customer' },
    content: contentOf(input.push),
    createdAt: w.now,
    wechatMsgId: input.push.msgId,
    wechatCreateTime: input.push.createTime,
    ...(c.state === 'left_message' && { leftMessage: true }),
  };
  await w.tx.messages.add(message);
  w.notices.push({ type: 'message_added', ...scopeOf(c), conversationId: c.id, messageId: message.id, agentId: c.agentId, message });
  return message;
}
