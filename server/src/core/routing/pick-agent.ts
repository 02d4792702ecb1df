// Which of several free agents gets the next conversation.
import type { Agent, AgentLoad } from '../model/agent';
import type { AssignmentStrategy } from '../model/routing-settings';

/**
 * least_loaded: fewest conversations, then the one who waited longest since their last assignment.
 * round_robin: the one who waited longest, whatever their load (agents take turns). Ties: by id, so the
 * choice is deterministic. Candidates must already be eligible (online, with room).
 */
export function pickAgent(candidates: readonly AgentLoad[], strategy: AssignmentStrategy): Agent | undefined {
  const since = (a: AgentLoad) => a.agent.lastAssignedAt ?? -Infinity;
  const sorted = [...candidates].sort(
    (a, b) =>
      (strategy === 'least_loaded' ? a.load - b.load : 0) ||
      since(a) - since(b) ||
      (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0),
  );
  return sorted[0]?.agent;
}
