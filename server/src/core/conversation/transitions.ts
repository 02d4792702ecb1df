// How a conversation record changes. Pure: each returns a new record; the use cases save it.
import type { TransferAction } from '../../../../shared/src/index';
import type { Conversation, ConversationState, EndReason, QueueTarget } from '../model/conversation';

export interface NewConversation {
  id: string;
  channelId: string;
  merchantId?: string;
  customerId: string;
  robotId?: string;
  state: Extract<ConversationState, 'bot' | 'queued' | 'assigned' | 'left_message'>;
  now: number;
}

export function openConversation(n: NewConversation): Conversation {
  return {
    id: n.id,
    channelId: n.channelId,
    ...(n.merchantId !== undefined && { merchantId: n.merchantId }),
    customerId: n.customerId,
    state: n.state,
    ...(n.robotId !== undefined && { robotId: n.robotId }),
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: n.now,
  };
}

/** The customer wrote: the agent now owes an answer (the no-reply timer starts at the first unanswered message). */
export function customerWrote(c: Conversation, now: number): Conversation {
  return { ...c, lastCustomerMessageAt: now, customerWaitingSince: c.customerWaitingSince ?? now };
}

export function agentWrote(c: Conversation, now: number): Conversation {
  const { customerWaitingSince: _answered, ...rest } = c;
  return { ...rest, lastAgentMessageAt: now, firstAgentResponseAt: c.firstAgentResponseAt ?? now };
}

/** The agent's clock starts at assignment: a customer who waited in the queue is not the agent's delay. */
export function assignTo(
  c: Conversation,
  agentId: string,
  groupId: string | undefined,
  remainingChain: TransferAction[],
  now: number,
): Conversation {
  const { queuedFor: _q, toldPosition: _t, ...rest } = c;
  return {
    ...rest,
    state: 'assigned',
    agentId,
    ...(groupId !== undefined ? { groupId } : {}),
    remainingChain,
    assignedAt: now,
    customerWaitingSince: now,
  };
}

/** A queued conversation has no agent; the one who held it (if any) stays excluded by the caller's choice. */
export function enqueue(c: Conversation, target: QueueTarget, remainingChain: TransferAction[], now: number): Conversation {
  const { toldPosition: _t, customerWaitingSince: _w, agentId: _a, ...rest } = c;
  return {
    ...rest,
    state: 'queued',
    queuedFor: target,
    ...(target.kind === 'group' ? { groupId: target.groupId } : {}),
    remainingChain,
    queuedAt: now,
  };
}

export function toLeftMessage(c: Conversation, now: number): Conversation {
  const { queuedFor: _q, toldPosition: _t, agentId: _a, customerWaitingSince: _w, leftMessageAcknowledgedAt: _k, ...rest } = c;
  return { ...rest, state: 'left_message', leftMessageAt: now };
}

export function endConversation(c: Conversation, reason: EndReason, now: number): Conversation {
  const { queuedFor: _q, toldPosition: _t, customerWaitingSince: _w, ...rest } = c;
  return { ...rest, state: 'ended', endedAt: now, endReason: reason };
}

/** An agent who did not answer, put it back, or left must not receive it again in this conversation. */
export function excludeAgent(c: Conversation, agentId: string | undefined): Conversation {
  if (agentId === undefined || c.excludedAgentIds.includes(agentId)) return c;
  return { ...c, excludedAgentIds: [...c.excludedAgentIds, agentId] };
}
