// The agent's conversation: a system conversation, one per WeChat agent, whose customer is the agent's
// own WeChat user. It records what the agent writes and everything sent to them, so messages to an agent go
// through the same outbox, window accounting and delivery reports as messages to customers (a failed
// forward is a failed message, never a silent loss). It is created ended: no queue, timer or routing ever
// picks it up, and the workbench shows it as history.
import { newCustomer } from '../../core/conversation/customer-records';
import { endConversation, openConversation } from '../../core/conversation/transitions';
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { MessageContent } from '../../core/model/message';
import type { SendRefusal } from '../../core/send-window/send-window';
import type { WeChatAgentMemory } from '../../core/wechat-agent/memory';
import type { Work } from '../support/engine-deps';
import { loadSettings } from '../support/routing-context';
import { sendToCustomer } from '../support/send-to-customer';

/** A conversation that only records an exchange (the agent's conversation, an `openid` answer). */
export async function systemConversation(w: Work, customer: Customer, merchantId: string | undefined): Promise<Conversation> {
  const opened = openConversation({
    id: w.ids.next('conversation'),
    channelId: customer.channelId,
    ...(merchantId !== undefined && { merchantId }),
    customerId: customer.id,
    state: 'bot',
    now: w.now,
  });
  const record = endConversation(opened, 'admin_ended', w.now);
  await w.tx.conversations.save(record);
  return record;
}

/** The agent's conversation, created with the agent's customer record when missing. */
export async function ensureAgentConversation(
  w: Work,
  agent: Agent & { wechatOpenid: string },
  memory: WeChatAgentMemory,
): Promise<{ agentConversation: Conversation; memory: WeChatAgentMemory }> {
  const known = memory.agentConversationId === undefined ? undefined : await w.tx.conversations.get(memory.agentConversationId);
  if (known) return { agentConversation: known, memory };
  let customer = await w.tx.customers.findByOpenid(agent.channelId, agent.wechatOpenid);
  if (!customer) {
    customer = { ...newCustomer(w.ids.next('customer'), agent.channelId, agent.wechatOpenid, w.now), nickname: agent.name };
    await w.tx.customers.save(customer);
  }
  const agentConversation = await systemConversation(w, customer, agent.merchantId);
  return { agentConversation, memory: { ...memory, agentConversationId: agentConversation.id } };
}

export type ToAgent = { sent: true } | { sent: false; refusal: SendRefusal };

/** One message to the agent, within their WeChat window (the agent's own customer record counts it). */
export async function sendToAgent(w: Work, agentConversation: Conversation, content: MessageContent): Promise<ToAgent> {
  const settings = await loadSettings(w, agentConversation.channelId, agentConversation.merchantId);
  const result = await sendToCustomer(w, agentConversation, content, { kind: 'system' }, 'relay', settings);
  return 'refusal' in result ? { sent: false, refusal: result.refusal } : { sent: true };
}
