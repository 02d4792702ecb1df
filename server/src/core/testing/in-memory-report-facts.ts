// A conversation's facts for the range reports, worked out from the record and its messages: the
// reference the SQL adapters' aggregation is tested against (storage/contract/reports-contract.ts).
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import type { ConversationFacts } from '../ports/reports';

/** Refused by WeChat's window (45015), its send limit (45047), or failed once the window closed while WeChat was unreachable. */
export function refusedByWindow(m: Message): boolean {
  const d = m.delivery;
  if (d?.status !== 'failed') return false;
  return d.wechatCode === 45015 || d.wechatCode === 45047 || d.reasonCode === 'window_closed_while_unreachable';
}

const earliest = (values: number[]) => (values.length === 0 ? undefined : Math.min(...values));

export function factsOf(c: Conversation, messages: readonly Message[]): ConversationFacts {
  const history = c.history ?? [];
  const byTime = [...messages].sort((a, b) => a.createdAt - b.createdAt);
  const agentMessages = byTime.filter((m) => m.sender.kind === 'agent');
  const firstReply = agentMessages[0];
  const firstCustomer = byTime.find((m) => m.sender.kind === 'customer');
  const leftAnswer = c.leftMessageAt === undefined ? undefined : agentMessages.find((m) => m.createdAt >= (c.leftMessageAt as number));
  const queuedAt = earliest(history.filter((e) => e.kind === 'queued').map((e) => e.at)) ?? c.queuedAt;
  const firstAssignedAt =
    earliest(history.filter((e) => e.kind !== 'queued' && e.kind !== 'left_message' && e.kind !== 'ended' && e.agentId).map((e) => e.at)) ??
    c.assignedAt;
  return {
    id: c.id,
    state: c.state,
    createdAt: c.createdAt,
    ...(c.agentId !== undefined && { agentId: c.agentId }),
    ...(c.groupId !== undefined && { groupId: c.groupId }),
    ...(queuedAt !== undefined && { queuedAt }),
    ...(firstAssignedAt !== undefined && { firstAssignedAt }),
    ...(c.endedAt !== undefined && { endedAt: c.endedAt }),
    ...(c.endReason !== undefined && { endReason: c.endReason }),
    ...(c.leftMessageAt !== undefined && { leftMessageAt: c.leftMessageAt }),
    ...(leftAnswer && { leftAnsweredAt: leftAnswer.createdAt }),
    ...(firstCustomer && { firstCustomerMessageAt: firstCustomer.createdAt }),
    ...(firstReply && { firstHumanReplyAt: firstReply.createdAt }),
    ...(firstReply?.sender.kind === 'agent' && { firstHumanReplyAgentId: firstReply.sender.agentId }),
    transfers: history.filter((e) => e.kind === 'transferred').length,
    ...(c.csat?.rating !== undefined && { csatRating: c.csat.rating }),
    windowRefusals: messages.filter(refusedByWindow).length,
  };
}
