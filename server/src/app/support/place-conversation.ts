// Carries out a routing decision: assign (and say who answers), queue (and say where the customer
// stands), or offer to leave a message (saying why). What it says joins the notices its event has
// gathered (a new conversation's welcome, a transfer) in one message, to spend one send, not several.
import { assignTo, enqueue, toLeftMessage } from '../../core/conversation/transitions';
import type { Conversation } from '../../core/model/conversation';
import type { NoticeKind } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import type { RouteDecision, LeaveMessageWhy } from '../../core/routing/route';
import { queueKey } from '../../core/routing/routing-view';
import type { Work } from './engine-deps';
import {
  assignedNotice,
  beforeAssigning,
  queuePositionNotice,
  sendNotices,
  transferNotice,
  type Notice,
  type NoticeEvent,
} from './notices';
import type { RoutingContext } from './routing-context';
import { saveConversation, scopeOf } from './send-to-customer';

export async function placeConversation(
  w: Work,
  c: Conversation,
  decision: RouteDecision,
  ctx: RoutingContext,
  event: NoticeEvent = {},
): Promise<Conversation> {
  if (decision.kind === 'assign') {
    const groupId = decision.target.kind === 'group' ? decision.target.groupId : c.groupId;
    return assignConversation(w, c, decision.agentId, groupId, decision.remainingChain, ctx, event);
  }
  if (decision.kind === 'queue') {
    const queued = enqueue(c, decision.target, decision.remainingChain, w.now);
    const position = (ctx.view.queueLengths.get(queueKey(decision.target)) ?? 0) + 1;
    await saveConversation(w, { ...queued, toldPosition: position }, c.agentId);
    w.notices.push({ type: 'queue_changed', ...scopeOf(c), length: ctx.queued.length + 1 });
    const settings = ctx.settingsFor(queued.groupId);
    await sendNotices(w, queued, [...gathered(event, settings), queuePositionNotice(settings, position)], settings);
    return queued;
  }
  return offerLeaveMessage(w, c, decision.why, ctx, event);
}

export async function assignConversation(
  w: Work,
  c: Conversation,
  agentId: string,
  groupId: string | undefined,
  remainingChain: Conversation['remainingChain'],
  ctx: RoutingContext,
  event: NoticeEvent = {},
): Promise<Conversation> {
  const agent = await w.tx.agents.get(agentId);
  if (agent) await w.tx.agents.save({ ...agent, lastAssignedAt: w.now });
  const assigned = assignTo(c, agentId, groupId, remainingChain, w.now);
  await saveConversation(w, assigned, c.agentId);
  const settings = ctx.settingsFor(assigned.groupId);
  const told = assignedNotice(settings, agent?.name ?? '', event);
  await sendNotices(w, assigned, [...beforeAssigning(event, agentId), ...(told ? [told] : [])], settings);
  return assigned;
}

const REASON_TEXT: Record<LeaveMessageWhy, 'offHours' | 'nobodyAvailable' | 'queueFull' | undefined> = {
  off_hours: 'offHours',
  nobody_available: 'nobodyAvailable',
  queue_full: 'queueFull',
};

const REASON_KIND: Record<LeaveMessageWhy, NoticeKind> = {
  off_hours: 'off_hours',
  nobody_available: 'nobody_available',
  queue_full: 'queue_full',
};

/** `why` undefined: the customer or an agent chose it, or the queue timed out; only the offer is sent. */
export async function offerLeaveMessage(
  w: Work,
  c: Conversation,
  why: LeaveMessageWhy | undefined,
  ctx: RoutingContext,
  event: NoticeEvent = {},
): Promise<Conversation> {
  const left = toLeftMessage(c, w.now);
  await saveConversation(w, left, c.agentId);
  const settings = ctx.settingsFor(c.groupId);
  const reason = why === undefined ? undefined : REASON_TEXT[why];
  const notices: Notice[] = gathered(event, settings);
  const because = why === undefined || reason === undefined ? '' : settings.messages[reason];
  if (why !== undefined && because !== '') notices.push({ kind: REASON_KIND[why], text: because });
  // The offer continues the reason's line, as one sentence pair.
  notices.push({ kind: 'leave_message_offer', text: settings.messages.leaveMessagePrompt, sameLine: because !== '' });
  await sendNotices(w, left, notices, settings);
  return left;
}

/** The event's earlier notices, and for a transfer that found no agent, the transfer notice itself. */
function gathered(event: NoticeEvent, settings: RoutingSettings): Notice[] {
  return [...(event.before ?? []), ...(event.transfer ? [transferNotice(settings)] : [])];
}
