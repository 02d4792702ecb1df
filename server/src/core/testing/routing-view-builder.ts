// Builds a RoutingView for tests of the pure routing rules.
import type { Agent, AgentStatus } from '../model/agent';
import type { AssignmentStrategy } from '../model/routing-settings';
import type { GroupView, RoutingView } from '../routing/routing-view';

export interface AgentSpec {
  status?: AgentStatus;
  load?: number;
  max?: number;
  groups?: string[];
  lastAssignedAt?: number;
}

export function agentOf(id: string, spec: AgentSpec = {}): Agent {
  return {
    id,
    channelId: 'ch',
    name: id,
    status: spec.status ?? 'online',
    maxConcurrent: spec.max ?? 3,
    groupIds: spec.groups ?? [],
    ...(spec.lastAssignedAt !== undefined && { lastAssignedAt: spec.lastAssignedAt }),
  };
}

export function viewOf(options: {
  agents?: Record<string, AgentSpec>;
  groups?: Record<string, Partial<GroupView>>;
  poolOnDuty?: boolean;
  assignment?: AssignmentStrategy;
  maxQueueLength?: number;
  queueLengths?: Record<string, number>;
}): RoutingView {
  const assignment = options.assignment ?? 'least_loaded';
  const maxQueueLength = options.maxQueueLength ?? 10;
  return {
    agents: Object.entries(options.agents ?? {}).map(([id, spec]) => ({ agent: agentOf(id, spec), load: spec.load ?? 0 })),
    groups: new Map(Object.entries(options.groups ?? {}).map(([id, g]) => [id, { id, onDuty: true, assignment, maxQueueLength, ...g }])),
    poolOnDuty: options.poolOnDuty ?? true,
    assignment,
    maxQueueLength,
    queueLengths: new Map(Object.entries(options.queueLengths ?? {})),
  };
}
