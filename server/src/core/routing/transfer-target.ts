// Can the target of a manual transfer take the conversation, and if not, why. A named agent must be able
// to take it now (no queue for a transfer to a person); a group's policy picks among its free online
// members, and when all of them are occupied the conversation waits in the group's queue.
import type { AgentLoad } from '../model/agent';
import type { QueueTarget } from '../model/conversation';
import { pickAgent } from './pick-agent';
import { queueHasRoom } from './route';
import type { RoutingView } from './routing-view';

/**
 * not_assignee: the sender does not hold the conversation; target_unavailable: an agent offline or busy,
 * a group off duty or with nobody signed in; target_full: an agent with no room, a group's full queue;
 * unknown_target: no such agent or group in this conversation's merchant.
 */
export type TransferRefusal = 'not_assignee' | 'target_unavailable' | 'target_full' | 'unknown_target';

export type TransferTarget = { kind: 'agent'; agentId: string } | { kind: 'group'; groupId: string };

export type TransferTargetState =
  | { kind: 'assign'; agentId: string }
  | { kind: 'queue'; target: QueueTarget }
  | { kind: 'refused'; reason: Exclude<TransferRefusal, 'not_assignee'> };

const hasRoom = (a: AgentLoad) => a.load < a.agent.maxConcurrent;
const signedIn = (a: AgentLoad) => a.agent.status === 'online' || a.agent.status === 'busy';

/** `excluded`: the sender and the agents this conversation already excludes (a named agent ignores it). */
export function transferTargetState(view: RoutingView, to: TransferTarget, excluded: ReadonlySet<string>): TransferTargetState {
  if (to.kind === 'agent') return namedAgentState(view, to.agentId);
  const group = view.groups.get(to.groupId);
  if (!group) return { kind: 'refused', reason: 'unknown_target' };
  if (!group.onDuty) return { kind: 'refused', reason: 'target_unavailable' };
  const members = view.agents.filter((a) => a.agent.groupIds.includes(to.groupId));
  // Signed in, the sender included: a group whose only present member is the sender still has a queue someone will serve.
  if (!members.some(signedIn)) return { kind: 'refused', reason: 'target_unavailable' };
  const free = members.filter((a) => a.agent.status === 'online' && hasRoom(a) && !excluded.has(a.agent.id));
  const chosen = pickAgent(free, group.assignment);
  if (chosen) return { kind: 'assign', agentId: chosen.id };
  const target: QueueTarget = { kind: 'group', groupId: to.groupId };
  return queueHasRoom(target, view) ? { kind: 'queue', target } : { kind: 'refused', reason: 'target_full' };
}

/** Named on purpose: an invisible agent may receive it, and earlier exclusions do not apply. */
function namedAgentState(view: RoutingView, agentId: string): TransferTargetState {
  const entry = view.agents.find((a) => a.agent.id === agentId);
  if (!entry) return { kind: 'refused', reason: 'unknown_target' };
  if (entry.agent.status === 'offline' || entry.agent.status === 'busy') return { kind: 'refused', reason: 'target_unavailable' };
  if (!hasRoom(entry)) return { kind: 'refused', reason: 'target_full' };
  return { kind: 'assign', agentId };
}
