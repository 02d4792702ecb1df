// What the engine does with a customer message, by conversation state and reception mode.
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message, MessageContent, SendPurpose } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import type { Robot, RobotContext } from '../../core/ports/robot';
import { asksForPerson } from '../../core/routing/keywords';
import type { Work } from './engine-deps';
import { openingNotices } from './notices';
import { placeConversation } from './place-conversation';
import { decideForNewRequest, routeToPerson } from './route-to-person';
import { loadConversationSettings, type RoutingContext } from './routing-context';
import { saveConversation, sendSystemText, sendToCustomer } from './send-to-customer';

export interface Turn {
  conversation: Conversation;
  isNew: boolean;
  customer: Customer;
  message: Message;
  /** The merchant's settings (routing's `ctx.settings`). */
  settings: RoutingSettings;
  /** What routing reads (the agents, their loads, the queue): loaded only by a turn that may reach a person. */
  routing(): Promise<RoutingContext>;
}

export async function respondToCustomer(robot: Robot, w: Work, turn: Turn): Promise<Conversation> {
  const c = turn.conversation;
  if (c.state === 'bot') return robotTurn(robot, w, turn);
  if (c.state === 'left_message') return leftMessageTurn(w, turn);
  if (turn.isNew) return routeToPerson(w, c, turn.customer, await turn.routing(), { before: await openingNotices(w, c, turn.settings) });
  return c; // queued or assigned: the message waits for the agent (see robotWhileQueued)
}

/**
 * Robot first: a transfer keyword (the whole text) or the robot's own hand-off reaches a person, by the
 * entry's transfer_action and the last-agent rule; off hours the customer hears so and the robot keeps
 * the chat. Robot only: never a person; keywords are ordinary text for the robot.
 */
async function robotTurn(robot: Robot, w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, settings, message } = turn;
  const mode = settings.receptionMode;
  const keyword = message.content.type === 'text' && asksForPerson(message.content.text, settings.transferKeywords);
  if (mode === 'agents_only' || (mode === 'robot_first' && keyword)) return handOver(w, turn);
  const answer = await robot.answer(message.content, robotContext(c, turn.customer));
  if (answer.kind === 'no_answer') {
    const text = mode === 'robot_only' ? settings.messages.robotOnlyNoAnswer : settings.messages.robotNoAnswer;
    await sendSystemText(w, c, text, 'robot', settings, 'robot_no_answer');
    return c;
  }
  await sendRobotReplies(w, c, answer.replies, 'robot', settings);
  return answer.handoff && mode === 'robot_first' ? handOver(w, turn) : c;
}

/** From the robot to a person; off hours the robot keeps the chat, and the customer is told why. */
async function handOver(w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, customer } = turn;
  const ctx = await turn.routing();
  const decision = await decideForNewRequest(w, c, customer, ctx);
  if (ctx.settings.receptionMode === 'robot_first' && decision.kind === 'leave_message' && decision.why === 'off_hours') {
    const settings = ctx.settingsFor(decision.target.kind === 'group' ? decision.target.groupId : c.groupId);
    await sendSystemText(w, c, settings.messages.offHours, 'notice', settings, 'off_hours');
    return c;
  }
  return placeConversation(w, c, decision, ctx);
}

/**
 * Robot first (微擎 人工+机器人): while the customer waits in the queue the robot keeps answering what it
 * knows (the robotWhileQueued setting, on by default). The message stays on the conversation for the agent who takes it; a question the robot cannot
 * answer, a keyword or a hand-off changes nothing (the customer is already waiting for a person). The
 * robot's answers never take the sends reserved for that agent.
 */
export async function robotWhileQueued(robot: Robot, w: Work, c: Conversation, customer: Customer, message: Message): Promise<void> {
  if (c.state !== 'queued') return;
  const settings = await loadConversationSettings(w, c);
  if (settings.receptionMode !== 'robot_first' || !settings.robotWhileQueued) return;
  if (message.content.type === 'text' && asksForPerson(message.content.text, settings.transferKeywords)) return;
  const answer = await robot.answer(message.content, robotContext(c, customer));
  if (answer.kind === 'answer') await sendRobotReplies(w, c, answer.replies, 'courtesy', settings);
}

function robotContext(c: Conversation, customer: Customer): RobotContext {
  return {
    channelId: c.channelId,
    ...(c.merchantId !== undefined && { merchantId: c.merchantId }),
    ...(c.robotId !== undefined && { robotId: c.robotId }),
    conversationId: c.id,
    customer: { id: customer.id, ...(customer.nickname !== undefined && { nickname: customer.nickname }) },
  };
}

async function sendRobotReplies(
  w: Work,
  c: Conversation,
  replies: readonly MessageContent[],
  purpose: SendPurpose,
  settings: RoutingSettings,
): Promise<void> {
  const sender = { kind: 'robot' as const, ...(c.robotId !== undefined && { robotId: c.robotId }) };
  for (const reply of replies) await sendToCustomer(w, c, reply, sender, purpose, settings);
}

/**
 * A customer who left a message writes again: when an agent can take it right now, assign it (the agent
 * sees the messages left); otherwise keep the message, acknowledging the first one after the prompt.
 * Never back into the queue: a queue timeout would only send them here again.
 */
async function leftMessageTurn(w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, customer } = turn;
  const ctx = await turn.routing();
  const decision = await decideForNewRequest(w, c, customer, ctx);
  if (decision.kind === 'assign') return placeConversation(w, c, decision, ctx);
  // The record says whether this stay's first left message was acknowledged: no need to read the history.
  if (c.leftMessageAcknowledgedAt !== undefined) return c;
  await sendSystemText(w, c, ctx.settings.messages.leaveMessageReceived, 'notice', ctx.settings, 'leave_message_received');
  const acknowledged: Conversation = { ...c, leftMessageAcknowledgedAt: w.now };
  await saveConversation(w, acknowledged);
  return acknowledged;
}
