// Can a target take a conversation now, and if not, why (the reasons are Sobot's overflow conditions).
import { isPresent, type AgentLoad } from '../model/agent';
import type { QueueTarget } from '../model/conversation';
import { pickAgent } from './pick-agent';
import type { RoutingView } from './routing-view';

/** offline/busy are an agent's conditions (spillId 1, 2); the other three a group's (4, 5, 6). */
export type Unavailability = 'offline' | 'busy' | 'nobody_online' | 'all_busy' | 'off_duty';

export type TargetState = { kind: 'available'; agentId: string } | { kind: 'unavailable'; why: Unavailability } | { kind: 'unknown' };

const hasRoom = (a: AgentLoad) => a.load < a.agent.maxConcurrent;

/**
 * A named agent is reachable while online or invisible (reachable by name) with room; `busy` status or a
 * full load is busy; offline, or excluded from this conversation, is offline.
 */
export function agentTargetState(view: RoutingView, agentId: string, excluded: ReadonlySet<string>): TargetState {
  const entry = view.agents.find((a) => a.agent.id === agentId);
  if (!entry) return { kind: 'unknown' };
  const { status } = entry.agent;
  if (status === 'offline' || excluded.has(agentId)) return { kind: 'unavailable', why: 'offline' };
  if (status === 'busy' || !hasRoom(entry)) return { kind: 'unavailable', why: 'busy' };
  return { kind: 'available', agentId };
}

/**
 * A group (or the pool: every agent of the merchant) takes conversations through its `online` members
 * only; invisible members are not assigned automatically. Logged-in members (online or busy) with no
 * room make it "all busy"; none logged in, "nobody online". Off duty comes first.
 */
export function poolTargetState(view: RoutingView, groupId: string | undefined, excluded: ReadonlySet<string>): TargetState {
  const group = groupId === undefined ? undefined : view.groups.get(groupId);
  if (groupId !== undefined && !group) return { kind: 'unknown' };
  if (!(group ? group.onDuty : view.poolOnDuty)) return { kind: 'unavailable', why: 'off_duty' };
  const members = view.agents.filter((a) => groupId === undefined || a.agent.groupIds.includes(groupId));
  const loggedIn = members.filter((a) => a.agent.status === 'online' || a.agent.status === 'busy');
  if (loggedIn.length === 0) return { kind: 'unavailable', why: 'nobody_online' };
  const free = members.filter((a) => a.agent.status === 'online' && hasRoom(a) && !excluded.has(a.agent.id));
  const chosen = pickAgent(free, group?.assignment ?? view.assignment);
  return chosen ? { kind: 'available', agentId: chosen.id } : { kind: 'unavailable', why: 'all_busy' };
}

export function targetState(view: RoutingView, target: QueueTarget, excluded: ReadonlySet<string>): TargetState {
  if (target.kind === 'agent') return agentTargetState(view, target.agentId, excluded);
  return poolTargetState(view, target.kind === 'group' ? target.groupId : undefined, excluded);
}

/** The last agent is preferred only while online or invisible, with room, and not excluded. */
export function lastAgentAvailable(view: RoutingView, agentId: string, excluded: ReadonlySet<string>): boolean {
  const entry = view.agents.find((a) => a.agent.id === agentId);
  return !!entry && isPresent(entry.agent.status) && hasRoom(entry) && !excluded.has(agentId);
}

/**
 * Called by name (喊名字), an agent takes the customer only when they can right now: present (online, or
 * invisible: reachable by name as a to_service level is), with room, not excluded from this conversation,
 * and on duty (one of their groups is, or, for an agent in no group, the merchant's calendar).
 */
export function canTakeByName(view: RoutingView, agentId: string, excluded: ReadonlySet<string>): boolean {
  const entry = view.agents.find((a) => a.agent.id === agentId);
  if (!entry || !lastAgentAvailable(view, agentId, excluded)) return false;
  const groups = entry.agent.groupIds.map((id) => view.groups.get(id)).filter((g) => g !== undefined);
  return groups.length === 0 ? view.poolOnDuty : groups.some((g) => g.onDuty);
}
