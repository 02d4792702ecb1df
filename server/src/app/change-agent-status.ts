// Story: an agent changes status. Coming online (or invisible: named and last-agent customers may wait
// for them) lets the queue move; going offline hands their conversations on, per settings: along the
// rest of each transfer chain, else the group, else the pool; to the queue when everyone is busy; a
// leave-message offer when nobody is left.
import type { AgentStatus } from '../core/model/agent';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { mustGetAgent } from './support/guards';
import { moveEachOn, type MovedConversation } from './support/move-on';
import { loadSettings } from './support/routing-context';
import { scopeOf } from './support/send-to-customer';

export interface AgentStatusResult {
  status: AgentStatus;
  /** Conversations that moved away from the agent, with where they went. */
  moved: MovedConversation[];
  /** Conversations the agent received from the queue. */
  received: string[];
  /** Coming online: how many left messages (留言) of the agent's merchant wait for someone (up to 1000). */
  leftMessagesWaiting?: number;
}

export function changeAgentStatus(deps: EngineDeps, input: { agentId: string; status: AgentStatus }): Promise<AgentStatusResult> {
  return inUnit(deps, (w) => changeAgentStatusIn(w, input));
}

/** The same story inside a unit of work already open (an agent's WeChat command, within the push). */
export async function changeAgentStatusIn(w: Work, input: { agentId: string; status: AgentStatus }): Promise<AgentStatusResult> {
  const agent = await mustGetAgent(w, input.agentId);
  await w.tx.agents.save({ ...agent, status: input.status, statusChangedAt: w.now });
  w.notices.push({ type: 'agent_changed', ...scopeOf(agent), agentId: agent.id, status: input.status });
  const settings = await loadSettings(w, agent.channelId, agent.merchantId);
  const moved = input.status === 'offline' && settings.onAgentOffline === 'reassign' ? await handOn(w, agent.id) : [];
  const assigned = await drainQueue(w, agent.channelId, agent.merchantId);
  const received = assigned.filter((c) => c.agentId === agent.id).map((c) => c.id);
  if (input.status !== 'online') return { status: input.status, moved, received };
  const left = await w.tx.conversations.list({
    channelId: agent.channelId,
    merchant: { merchantId: agent.merchantId },
    states: ['left_message'],
    limit: 1000,
  });
  return { status: input.status, moved, received, leftMessagesWaiting: left.length };
}

async function handOn(w: Work, agentId: string): Promise<MovedConversation[]> {
  return moveEachOn(w, await w.tx.conversations.listByAgent(agentId, 'assigned'), agentId);
}
