// What routing decisions look at: one merchant's agents with their loads, its groups and whether they are
// on duty, and its queues. Built by the app layer from the ports; plain data so the rules stay pure.
import type { AgentLoad } from '../model/agent';
import type { QueueTarget } from '../model/conversation';
import type { AssignmentStrategy } from '../model/routing-settings';

export interface GroupView {
  id: string;
  onDuty: boolean;
  assignment: AssignmentStrategy;
  maxQueueLength: number;
}

export interface RoutingView {
  /** The merchant's agents only: routing never crosses merchants. */
  agents: readonly AgentLoad[];
  /** The merchant's groups by id. */
  groups: ReadonlyMap<string, GroupView>;
  /** Whether the merchant (or channel) calendar says work time; the pool target and groups without a calendar follow it. */
  poolOnDuty: boolean;
  assignment: AssignmentStrategy;
  maxQueueLength: number;
  /** Conversations already waiting for each queue key (see queueKey). */
  queueLengths: ReadonlyMap<string, number>;
}

/** One queue per target: a named agent, a group, or the merchant's pool. */
export function queueKey(target: QueueTarget): string {
  if (target.kind === 'agent') return `agent:${target.agentId}`;
  if (target.kind === 'group') return `group:${target.groupId}`;
  return 'pool';
}

export function sameTarget(a: QueueTarget, b: QueueTarget): boolean {
  return queueKey(a) === queueKey(b);
}
