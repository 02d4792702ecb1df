// Reading and saving an agent's WeChat desk, and finding the agent whose line a conversation is.
import type { Agent } from '../../core/model/agent';
import { emptyDesk, type WeChatDesk } from '../../core/wechat-agent/desk';
import type { Work } from '../support/engine-deps';

export function deskOf(agent: Agent): WeChatDesk {
  return agent.wechatDesk ?? emptyDesk();
}

/**
 * Saves only the desk, on the freshest agent record: the use cases composed in the same unit may have
 * changed the agent (status, lastAssignedAt) since it was read.
 */
export async function saveDesk(w: Work, agentId: string, desk: WeChatDesk): Promise<void> {
  const fresh = await w.tx.agents.get(agentId);
  if (fresh) await w.tx.agents.save({ ...fresh, wechatDesk: desk });
}

/** The agent whose line (system conversation) this is, found through the line's customer. */
export async function agentOfLine(w: Work, lineId: string): Promise<Agent | undefined> {
  const line = await w.tx.conversations.get(lineId);
  const customer = line && (await w.tx.customers.get(line.customerId));
  if (!line || !customer) return undefined;
  const agent = await w.tx.agents.findByWechatOpenid(line.channelId, customer.openid);
  return agent?.wechatDesk?.lineId === lineId ? agent : undefined;
}
