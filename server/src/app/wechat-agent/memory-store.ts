// Reading and saving what the server remembers of a WeChat agent, and finding the agent a conversation of
// their own belongs to.
import type { Agent } from '../../core/model/agent';
import { emptyMemory, type WeChatAgentMemory } from '../../core/wechat-agent/memory';
import type { Work } from '../support/engine-deps';

export function memoryOf(agent: Agent): WeChatAgentMemory {
  return agent.wechatMemory ?? emptyMemory();
}

/**
 * Saves only the memory, on the freshest agent record: the use cases composed in the same unit may have
 * changed the agent (status, lastAssignedAt) since it was read.
 */
export async function saveMemory(w: Work, agentId: string, memory: WeChatAgentMemory): Promise<void> {
  const fresh = await w.tx.agents.get(agentId);
  if (fresh) await w.tx.agents.save({ ...fresh, wechatMemory: memory });
}

/** The agent whose own (system) conversation this is, found through its customer: the agent's WeChat user. */
export async function ownerOfAgentConversation(w: Work, conversationId: string): Promise<Agent | undefined> {
  const agentConversation = await w.tx.conversations.get(conversationId);
  const customer = agentConversation && (await w.tx.customers.get(agentConversation.customerId));
  if (!agentConversation || !customer) return undefined;
  const agent = await w.tx.agents.findByWechatOpenid(agentConversation.channelId, customer.openid);
  return agent?.wechatMemory?.agentConversationId === conversationId ? agent : undefined;
}
