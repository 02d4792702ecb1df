// What the engine does with a customer message, by conversation state and reception mode.
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import type { Robot } from '../../core/ports/robot';
import { asksForPerson } from '../../core/routing/keywords';
import type { Work } from './engine-deps';
import { openingNotices } from './notices';
import { placeConversation } from './place-conversation';
import { decideForNewRequest, routeToPerson } from './route-to-person';
import type { RoutingContext } from './routing-context';
import { saveConversation, sendSystemText, sendToCustomer } from './send-to-customer';

export interface Turn {
  conversation: Conversation;
  isNew: boolean;
  customer: Customer;
  message: Message;
  ctx: RoutingContext;
}

export async function respondToCustomer(robot: Robot, w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, ctx } = turn;
  if (c.state === 'bot') return robotTurn(robot, w, turn);
  if (c.state === 'left_message') return leftMessageTurn(w, turn);
  if (turn.isNew) return routeToPerson(w, c, turn.customer, ctx, { before: await openingNotices(w, c, ctx.settings) });
  return c; // queued or assigned: the message waits for the agent
}

/** Robot first: a transfer keyword or the robot's own hand-off reaches a person. Robot only: never. */
async function robotTurn(robot: Robot, w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, ctx, customer, message } = turn;
  const mode = ctx.settings.receptionMode;
  const keyword = message.content.type === 'text' && asksForPerson(message.content.text, ctx.settings.transferKeywords);
  if (mode === 'agents_only' || (mode === 'robot_first' && keyword)) return routeToPerson(w, c, customer, ctx);
  const context = {
    channelId: c.channelId,
    ...(c.merchantId !== undefined && { merchantId: c.merchantId }),
    ...(c.robotId !== undefined && { robotId: c.robotId }),
    conversationId: c.id,
    customer: { id: customer.id, ...(customer.nickname !== undefined && { nickname: customer.nickname }) },
  };
  const answer = await robot.answer(message.content, context);
  if (answer.kind === 'no_answer') {
    const text = mode === 'robot_only' ? ctx.settings.messages.robotOnlyNoAnswer : ctx.settings.messages.robotNoAnswer;
    await sendSystemText(w, c, text, 'robot', ctx.settings, 'robot_no_answer');
    return c;
  }
  for (const reply of answer.replies)
    await sendToCustomer(w, c, reply, { kind: 'robot', ...(c.robotId !== undefined && { robotId: c.robotId }) }, 'robot', ctx.settings);
  return answer.handoff && mode === 'robot_first' ? routeToPerson(w, c, customer, ctx) : c;
}

/**
 * A customer who left a message writes again: when an agent can take it right now, assign it (the agent
 * sees the messages left); otherwise keep the message, acknowledging the first one after the prompt.
 * Never back into the queue: a queue timeout would only send them here again.
 */
async function leftMessageTurn(w: Work, turn: Turn): Promise<Conversation> {
  const { conversation: c, ctx, customer } = turn;
  const decision = await decideForNewRequest(w, c, customer, ctx);
  if (decision.kind === 'assign') return placeConversation(w, c, decision, ctx);
  // The record says whether this stay's first left message was acknowledged: no need to read the history.
  if (c.leftMessageAcknowledgedAt !== undefined) return c;
  await sendSystemText(w, c, ctx.settings.messages.leaveMessageReceived, 'notice', ctx.settings, 'leave_message_received');
  const acknowledged: Conversation = { ...c, leftMessageAcknowledgedAt: w.now };
  await saveConversation(w, acknowledged);
  return acknowledged;
}
