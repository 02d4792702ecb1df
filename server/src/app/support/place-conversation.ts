// Carries out a routing decision: assign (and say who answers), queue (and say where the customer
// stands), or offer to leave a message (saying why in the same message, to spend one send, not two).
import { assignTo, enqueue, toLeftMessage } from '../../core/conversation/transitions';
import { renderText } from '../../core/conversation/render-text';
import type { Conversation } from '../../core/model/conversation';
import type { RouteDecision, LeaveMessageWhy } from '../../core/routing/route';
import { queueKey } from '../../core/routing/routing-view';
import type { Work } from './engine-deps';
import type { RoutingContext } from './routing-context';
import { saveConversation, scopeOf, sendSystemText } from './send-to-customer';

export async function placeConversation(w: Work, c: Conversation, decision: RouteDecision, ctx: RoutingContext): Promise<Conversation> {
  if (decision.kind === 'assign') {
    const groupId = decision.target.kind === 'group' ? decision.target.groupId : c.groupId;
    return assignConversation(w, c, decision.agentId, groupId, decision.remainingChain, ctx);
  }
  if (decision.kind === 'queue') {
    const queued = enqueue(c, decision.target, decision.remainingChain, w.now);
    const position = (ctx.view.queueLengths.get(queueKey(decision.target)) ?? 0) + 1;
    await saveConversation(w, { ...queued, toldPosition: position }, c.agentId);
    w.notices.push({ type: 'queue_changed', ...scopeOf(c), length: ctx.queued.length + 1 });
    const settings = ctx.settingsFor(queued.groupId);
    await sendSystemText(w, queued, renderText(settings.messages.queuePosition, { position }), 'notice', settings);
    return queued;
  }
  return offerLeaveMessage(w, c, decision.why, ctx);
}

export async function assignConversation(
  w: Work,
  c: Conversation,
  agentId: string,
  groupId: string | undefined,
  remainingChain: Conversation['remainingChain'],
  ctx: RoutingContext,
): Promise<Conversation> {
  const agent = await w.tx.agents.get(agentId);
  if (agent) await w.tx.agents.save({ ...agent, lastAssignedAt: w.now });
  const assigned = assignTo(c, agentId, groupId, remainingChain, w.now);
  await saveConversation(w, assigned, c.agentId);
  const settings = ctx.settingsFor(assigned.groupId);
  if (settings.announceAssignment) {
    await sendSystemText(w, assigned, renderText(settings.messages.assigned, { agent: agent?.name ?? '' }), 'notice', settings);
  }
  return assigned;
}

const REASON_TEXT: Record<LeaveMessageWhy, 'offHours' | 'nobodyAvailable' | 'queueFull' | undefined> = {
  off_hours: 'offHours',
  nobody_available: 'nobodyAvailable',
  queue_full: 'queueFull',
};

/** `why` undefined: the customer or an agent chose it, or the queue timed out; only the prompt is sent. */
export async function offerLeaveMessage(
  w: Work,
  c: Conversation,
  why: LeaveMessageWhy | undefined,
  ctx: RoutingContext,
): Promise<Conversation> {
  const left = toLeftMessage(c, w.now);
  await saveConversation(w, left, c.agentId);
  const settings = ctx.settingsFor(c.groupId);
  const reason = why === undefined ? undefined : REASON_TEXT[why];
  const text = [reason && settings.messages[reason], settings.messages.leaveMessagePrompt].filter(Boolean).join('');
  await sendSystemText(w, left, text, 'notice', settings);
  return left;
}
