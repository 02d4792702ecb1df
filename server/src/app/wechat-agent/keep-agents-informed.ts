// Story: something changed elsewhere (the workbench, a timer, the queue, the sender) that a WeChat agent
// must hear about. Called with the engine's notices after their commit: a conversation assigned to a
// WeChat agent or a customer message in one is forwarded, a conversation that left them is announced, and
// a message to an agent that WeChat refused (45015 / 45047) cuts the agent off so their customers move
// on. Each step is its own unit and idempotent, so a notice seen twice changes nothing.
import type { EngineNotice } from '../../core/ports/notifier';
import { inUnit, type EngineDeps, type Work } from '../support/engine-deps';
import { cutOff } from './cut-off';
import { ownerOfAgentConversation, memoryOf, saveMemory } from './memory-store';
import { syncConversation } from './forward-to-agent';
import { withNote } from '../../core/wechat-agent/memory';

export async function keepAgentsInformed(deps: EngineDeps, notices: readonly EngineNotice[]): Promise<void> {
  const conversations = new Map<string, string | undefined>();
  const failures: string[] = [];
  for (const n of notices) {
    if (n.type === 'conversation_changed' && (n.agentId !== undefined || n.previousAgentId !== undefined)) {
      conversations.set(n.conversationId, n.previousAgentId ?? conversations.get(n.conversationId));
    } else if (n.type === 'message_added' && n.agentId !== undefined && !conversations.has(n.conversationId)) {
      conversations.set(n.conversationId, undefined);
    } else if (n.type === 'delivery_failed' && n.agentId === undefined) {
      failures.push(n.messageId); // messages on an agent's own conversation have no agent of their own
    }
  }
  for (const [conversationId, formerAgentId] of conversations)
    await inUnit(deps, (w) => syncConversation(w, conversationId, formerAgentId));
  for (const messageId of failures) await inUnit(deps, (w) => messageToAgentFailed(w, messageId));
}

/** A message to an agent failed at WeChat: a closed window cuts them off; anything else is noted for them. */
export async function messageToAgentFailed(w: Work, messageId: string): Promise<void> {
  const message = await w.tx.messages.get(messageId);
  if (message?.delivery?.status !== 'failed') return;
  const agent = await ownerOfAgentConversation(w, message.conversationId);
  if (!agent) return;
  const code = message.delivery.wechatCode;
  const memory = memoryOf(agent);
  // The agent wrote since (their window is open again): a late report of an old refusal cuts nobody off.
  const wroteSince = ((await w.tx.customers.get(message.customerId))?.lastSeenAt ?? 0) > message.createdAt;
  if (wroteSince) return;
  if (code === 45015 || code === 45047) await saveMemory(w, agent.id, await cutOff(w, agent, memory, code));
  else await saveMemory(w, agent.id, withNote(memory, `有一条消息未能发给您：${message.delivery.reason}`));
}
