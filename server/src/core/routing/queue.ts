// The queue: one line per target (named agent, group, pool) of one merchant, oldest first. Positions
// are 1-based and contiguous within a line; a customer is told their position when it changed since
// they were last told (only forwards: moving back never happens, a transfer back joins at the end).
import type { AgentLoad } from '../model/agent';
import type { Conversation, QueueTarget } from '../model/conversation';
import { pickAgent } from './pick-agent';
import { queueKey, type RoutingView } from './routing-view';

const byQueueOrder = (a: Conversation, b: Conversation) =>
  (a.queuedAt ?? 0) - (b.queuedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function targetOfQueued(c: Conversation): QueueTarget {
  return c.queuedFor ?? { kind: 'pool' };
}

/** Conversation id → position in its line. Non-queued conversations are ignored. */
export function queuePositions(conversations: readonly Conversation[]): Map<string, number> {
  const counters = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const c of conversations.filter((x) => x.state === 'queued').sort(byQueueOrder)) {
    const key = queueKey(targetOfQueued(c));
    const position = (counters.get(key) ?? 0) + 1;
    counters.set(key, position);
    positions.set(c.id, position);
  }
  return positions;
}

export function queueLengths(conversations: readonly Conversation[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const c of conversations) {
    if (c.state !== 'queued') continue;
    const key = queueKey(targetOfQueued(c));
    lengths.set(key, (lengths.get(key) ?? 0) + 1);
  }
  return lengths;
}

/** Who must be told a new position: never told yet, or moved forward since. */
export function positionUpdates(conversations: readonly Conversation[]): Array<{ conversation: Conversation; position: number }> {
  const positions = queuePositions(conversations);
  return conversations
    .filter((c) => positions.has(c.id))
    .map((c) => ({ conversation: c, position: positions.get(c.id) ?? 0 }))
    .filter(({ conversation, position }) => conversation.toldPosition === undefined || position < conversation.toldPosition);
}

/**
 * A freed seat serves its agent's personal queue (customers who asked for that agent) first, then the
 * longest-waiting customer among the agent's groups (and the merchant's pool).
 */
const byDrainOrder = (a: Conversation, b: Conversation) =>
  Number(targetOfQueued(a).kind !== 'agent') - Number(targetOfQueued(b).kind !== 'agent') || byQueueOrder(a, b);

/**
 * Which queued conversations the free seats take now, in drain order (above). A conversation
 * waiting for a named agent goes only to that agent (online or invisible); one waiting for a group to
 * its online members; the pool to any online agent. Agents a conversation excludes are passed over.
 * Loads are counted up as seats fill; round-robin turns advance with `now`.
 */
export function planDrain(
  queued: readonly Conversation[],
  view: RoutingView,
  now: number,
): Array<{ conversationId: string; agentId: string }> {
  const loads = new Map(view.agents.map((a) => [a.agent.id, { ...a, agent: { ...a.agent } }]));
  const plan: Array<{ conversationId: string; agentId: string }> = [];
  for (const c of [...queued].filter((x) => x.state === 'queued').sort(byDrainOrder)) {
    const chosen = seatFor(c, [...loads.values()], view);
    if (!chosen) continue;
    const entry = loads.get(chosen);
    if (entry) {
      entry.load += 1;
      entry.agent.lastAssignedAt = now;
    }
    plan.push({ conversationId: c.id, agentId: chosen });
  }
  return plan;
}

function seatFor(c: Conversation, agents: AgentLoad[], view: RoutingView): string | undefined {
  const target = targetOfQueued(c);
  const free = agents.filter((a) => a.load < a.agent.maxConcurrent && !c.excludedAgentIds.includes(a.agent.id));
  if (target.kind === 'agent') {
    const named = free.find((a) => a.agent.id === target.agentId);
    return named && (named.agent.status === 'online' || named.agent.status === 'invisible') ? named.agent.id : undefined;
  }
  const members = free.filter((a) => a.agent.status === 'online' && (target.kind === 'pool' || a.agent.groupIds.includes(target.groupId)));
  const strategy = target.kind === 'group' ? (view.groups.get(target.groupId)?.assignment ?? view.assignment) : view.assignment;
  return pickAgent(members, strategy)?.id;
}
