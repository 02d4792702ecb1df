// Lookups that fail loudly: a missing record or an agent acting outside their merchant is an EngineError.
import { EngineError } from '../../core/errors';
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Work } from './engine-deps';

export async function mustGetConversation(w: Work, id: string): Promise<Conversation> {
  const c = await w.tx.conversations.get(id);
  if (!c) throw new EngineError('not_found', `conversation ${id} not found`);
  return c;
}

export async function mustGetAgent(w: Work, id: string): Promise<Agent> {
  const a = await w.tx.agents.get(id);
  if (!a) throw new EngineError('not_found', `agent ${id} not found`);
  return a;
}

/** Routing and acting never cross merchants: an agent only touches their own merchant's conversations. */
export function mustShareMerchant(agent: Agent, c: Conversation): void {
  if (agent.channelId !== c.channelId || (agent.merchantId ?? '') !== (c.merchantId ?? '')) {
    throw new EngineError('forbidden', `agent ${agent.id} does not serve conversation ${c.id}`);
  }
}

export function mustBeOpen(c: Conversation): void {
  if (c.state === 'ended') throw new EngineError('invalid_state', `conversation ${c.id} has ended`);
}
