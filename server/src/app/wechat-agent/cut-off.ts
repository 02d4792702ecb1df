// WeChat's window applies to agents too (wechat-protocol.md §4.6): an agent who has not written for 48
// hours, or who was sent 5 messages without writing back, cannot be reached. Their customers must not
// wait on a forward that never arrives: each one moves on (another agent, else the queue, else a
// leave-message offer), the agent stops receiving new ones (busy), and the memory keeps what happened to
// tell them when they write again (which reopens their window).
import type { Agent } from '../../core/model/agent';
import { customerLabel } from '../../core/wechat-agent/texts';
import { forget, numberFor, type WeChatAgentMemory } from '../../core/wechat-agent/memory';
import type { Work } from '../support/engine-deps';
import { placeConversation } from '../support/place-conversation';
import { decideReroute } from '../support/route-to-person';
import { loadRouting } from '../support/routing-context';
import { scopeOf } from '../support/send-to-customer';

const WHERE = { assigned: '已转给', queued: '回到排队', left_message: '转为留言', bot: '转给机器人', ended: '已结束' } as const;

/**
 * Returns the memory to save; the agent's status is saved here. Again while cut off (an admin set them
 * online meanwhile and a customer was assigned): that customer moves on too, and is added to the list.
 */
export async function cutOff(w: Work, agent: Agent, memory: WeChatAgentMemory, code: 45015 | 45047): Promise<WeChatAgentMemory> {
  let next = memory;
  const moved = [...(memory.unreachable?.moved ?? [])];
  const fresh = (await w.tx.agents.get(agent.id)) ?? agent;
  if (fresh.status !== 'busy') {
    await w.tx.agents.save({ ...fresh, status: 'busy', statusChangedAt: w.now });
    w.notices.push({ type: 'agent_changed', ...scopeOf(agent), agentId: agent.id, status: 'busy' });
  }
  for (const c of await w.tx.conversations.listByAgent(agent.id, 'assigned')) {
    const ctx = await loadRouting(w, c.channelId, c.merchantId); // fresh: each move changes loads and queues
    const { decision } = decideReroute(c, agent.id, ctx);
    // Not excluded for good (unlike an agent who failed to answer): back at work, they may get it again.
    const placed = await placeConversation(w, c, decision, ctx);
    const customer = await w.tx.customers.get(c.customerId);
    const numbered = numberFor(next, c.customerId);
    const to =
      placed.state === 'assigned' ? `${WHERE.assigned} ${(await w.tx.agents.get(placed.agentId ?? ''))?.name ?? ''}` : WHERE[placed.state];
    moved.push(`${customerLabel(numbered.n, customer?.nickname)}：${to}`);
    next = forget(numbered.memory, c.id);
  }
  const before = memory.unreachable?.statusBefore ?? fresh.status;
  return {
    ...next,
    unreachable: {
      since: memory.unreachable?.since ?? w.now,
      code: memory.unreachable?.code ?? code,
      statusBefore: before,
      moved: moved.slice(-20),
    },
  };
}
