// The automatic notices a customer receives: each is a settings template (channel, merchant or group level,
// Chinese or English), recorded with its kind. The notices of one event (a new conversation: welcome,
// previous agent, routing outcome; a transfer: transfer, queue position) go out as ONE WeChat message, so
// they spend one of the customer's sends, never the ones kept for agents (send-to-customer.ts).
import { renderText } from '../../core/conversation/render-text';
import type { Conversation } from '../../core/model/conversation';
import type { MessageSender, NoticeKind } from '../../core/model/message';
import type { MessageContent } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import type { Customer } from '../../core/model/customer';
import type { Robot } from '../../core/ports/robot';
import type { Work } from './engine-deps';
import { saveConversation, sendToCustomer, type SendResult } from './send-to-customer';

export interface Notice {
  kind: NoticeKind;
  text: string;
  /** Continues the previous notice's line instead of starting a new one (a reason and its offer). */
  sameLine?: boolean;
  /** The agent a notice names (the previous agent: not repeated when that agent is assigned again). */
  agentId?: string;
}

/** What a notice-sending step adds to the notices already gathered for its event. */
export interface NoticeEvent {
  /** Notices of the same event written before this step (a new conversation's welcome, …). */
  before?: readonly Notice[];
  /** The event is a transfer: the outcome is told as a transfer. */
  transfer?: boolean;
}

/** Sends the notices of one event as one message; nothing when there is nothing to say. */
export async function sendNotices(
  w: Work,
  c: Conversation,
  notices: readonly Notice[],
  settings: RoutingSettings,
  sender: MessageSender = { kind: 'system' },
): Promise<SendResult | undefined> {
  const said = notices.filter((n) => n.text.trim() !== '');
  if (said.length === 0) return undefined;
  const text = said.map((n, i) => (i === 0 ? n.text : `${n.sameLine ? '' : '\n'}${n.text}`)).join('');
  const kinds = [...new Set(said.map((n) => n.kind))];
  return sendToCustomer(w, c, { type: 'text', text }, sender, 'notice', settings, kinds);
}

/**
 * What a new conversation says before its routing outcome: the welcome (agents mode: the robot modes
 * greet with the robot's welcome entry instead), then, when enabled, who served the customer last.
 */
export async function openingNotices(w: Work, c: Conversation, settings: RoutingSettings): Promise<Notice[]> {
  const notices: Notice[] = [];
  if (settings.sendWelcome && settings.receptionMode === 'agents_only') notices.push({ kind: 'welcome', text: settings.messages.welcome });
  const previous = await previousAgentNotice(w, c, settings);
  if (previous) notices.push(previous);
  return notices;
}

/** 客户上线时提示上一个服务客服: the human agent of the customer's latest conversation with this merchant. */
export async function previousAgentNotice(w: Work, c: Conversation, settings: RoutingSettings): Promise<Notice | undefined> {
  if (!settings.announcePreviousAgent) return undefined;
  const latest = await w.tx.conversations.findLatestWithAgent(c.customerId, c.merchantId);
  if (!latest || latest.id === c.id || latest.agentId === undefined) return undefined;
  const agent = await w.tx.agents.get(latest.agentId);
  if (!agent) return undefined;
  return { kind: 'previous_agent', text: renderText(settings.messages.previousAgent, { agent: agent.name }), agentId: agent.id };
}

/** The event's notices before an assignment to `agentId`: the previous agent goes when it is the same one. */
export function beforeAssigning(event: NoticeEvent, agentId: string): Notice[] {
  return (event.before ?? []).filter((n) => !(n.kind === 'previous_agent' && n.agentId === agentId));
}

/** Told when an agent takes a conversation: the assignment, or the transfer naming the new agent. */
export function assignedNotice(settings: RoutingSettings, agentName: string, event: NoticeEvent): Notice | undefined {
  if (event.transfer) return transferNotice(settings, agentName);
  if (!settings.announceAssignment) return undefined;
  return { kind: 'assigned', text: renderText(settings.messages.assigned, { agent: agentName }) };
}

/** A transfer: to a named agent, or on to a group or the queue (where the outcome follows). */
export function transferNotice(settings: RoutingSettings, agentName?: string): Notice {
  if (agentName === undefined) return { kind: 'transfer', text: settings.messages.transferred };
  return { kind: 'transfer', text: renderText(settings.messages.transferredToAgent, { agent: agentName }) };
}

export function queuePositionNotice(settings: RoutingSettings, position: number): Notice {
  return { kind: 'queue_position', text: renderText(settings.messages.queuePosition, { position }) };
}

/** Robot modes: the robot's welcome entry (引导语) for a new conversation, when the settings greet. */
export function robotWelcome(robot: Robot, c: Conversation, customer: Customer, settings: RoutingSettings): MessageContent | undefined {
  if (!settings.sendWelcome || !robot.greeting) return undefined;
  return robot.greeting({
    channelId: c.channelId,
    ...(c.merchantId !== undefined && { merchantId: c.merchantId }),
    ...(c.robotId !== undefined && { robotId: c.robotId }),
    conversationId: c.id,
    customer: { id: customer.id, ...(customer.nickname !== undefined && { nickname: customer.nickname }) },
  });
}

/**
 * Greets a robot conversation once: the robot's welcome and, when enabled, the previous agent, in one
 * message when the welcome is a text (a picture or card cannot carry a second line).
 */
export async function greetRobotConversation(
  w: Work,
  c: Conversation,
  welcome: MessageContent | undefined,
  settings: RoutingSettings,
): Promise<Conversation> {
  const previous = await previousAgentNotice(w, c, settings);
  if (welcome === undefined && !previous) return c;
  const greeted: Conversation = { ...c, greetedAt: w.now };
  await saveConversation(w, greeted);
  const robot: MessageSender = { kind: 'robot', ...(c.robotId !== undefined && { robotId: c.robotId }) };
  const rest = previous ? [previous] : [];
  if (welcome?.type === 'text') {
    await sendNotices(w, greeted, [{ kind: 'welcome', text: welcome.text }, ...rest], settings, robot);
    return greeted;
  }
  if (welcome !== undefined) await sendToCustomer(w, greeted, welcome, robot, 'notice', settings, ['welcome']);
  await sendNotices(w, greeted, rest, settings);
  return greeted;
}
