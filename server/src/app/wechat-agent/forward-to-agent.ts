// Forwards customers' messages to an agent on WeChat. Idempotent: the agent's memory keeps the newest
// customer message forwarded per conversation, so calling this again (inline after a customer's push, and
// from the notice hub after any use case that moved a conversation) forwards only what is new. A conversation newly
// assigned gets a header (number, name) with what the customer wrote so far; later messages come one by
// one with a short header. A forward WeChat's window would refuse cuts the agent off (cut-off.ts).
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Message, MessageContent } from '../../core/model/message';
import { forget, numberFor, withNote, type WeChatAgentMemory } from '../../core/wechat-agent/memory';
import { clip, customerLabel, describeContent } from '../../core/wechat-agent/texts';
import type { Work } from '../support/engine-deps';
import { ensureAgentConversation, sendToAgent } from './agent-conversation';
import { cutOff } from './cut-off';
import { memoryOf, saveMemory } from './memory-store';

/** Inbound messages shown to an agent who takes over a conversation (the newest ones). */
const BACKLOG = 5;

type BoundAgent = Agent & { wechatOpenid: string };

const isBound = (a: Agent | undefined): a is BoundAgent => a?.wechatOpenid !== undefined;

/** Brings the memories of the agents concerned up to date with one conversation: its WeChat agent, and the one it left. */
export async function syncConversation(w: Work, conversationId: string, formerAgentId?: string): Promise<void> {
  const c = await w.tx.conversations.get(conversationId);
  if (!c) return;
  const holder = c.state === 'assigned' && c.agentId !== undefined ? await w.tx.agents.get(c.agentId) : undefined;
  if (isBound(holder)) await forwardTo(w, holder, c);
  const former = formerAgentId !== undefined && formerAgentId !== holder?.id ? await w.tx.agents.get(formerAgentId) : undefined;
  if (isBound(former) && former.wechatMemory?.forwarded[c.id] !== undefined) await tellGone(w, former, c);
}

async function forwardTo(w: Work, agent: BoundAgent, c: Conversation): Promise<void> {
  const start = memoryOf(agent);
  if (start.unreachable) {
    // Still cut off (set online by an admin meanwhile): nothing can reach them, so the customer moves on.
    await saveMemory(w, agent.id, await cutOff(w, agent, start, start.unreachable.code));
    return;
  }
  const customer = await w.tx.customers.get(c.customerId);
  const { memory: numbered, n } = numberFor(start, c.customerId);
  const label = customerLabel(n, customer?.nickname);
  const isNew = numbered.forwarded[c.id] === undefined;
  const since = numbered.forwarded[c.id] ?? '';
  const recent = (await w.tx.messages.listByConversation(c.id, { limit: 20 })).filter(
    (m) => m.direction === 'in' && m.sender.kind === 'customer',
  );
  const fresh = recent.filter((m) => m.id > since).slice(isNew ? -BACKLOG : 0);
  let memory: WeChatAgentMemory = { ...numbered, forwarded: { ...numbered.forwarded, [c.id]: recent.at(-1)?.id ?? '' } };
  const current =
    memory.currentConversationId === undefined ||
    !(memory.currentConversationId in memory.forwarded) ||
    memory.currentConversationId === c.id;
  if (current) memory = { ...memory, currentConversationId: c.id };
  const outgoing = isNew
    ? [newCustomerText(label, n, fresh, current), ...forwardable(fresh.map((m) => m.content))]
    : fresh.flatMap((m) => forOne(label, m.content));
  const { agentConversation, memory: withConversation } = await ensureAgentConversation(w, agent, memory);
  memory = withConversation;
  for (const content of outgoing) {
    const sent = await sendToAgent(w, agentConversation, content);
    if (!sent.sent) {
      memory = await cutOff(w, agent, memory, sent.refusal.wechatCode);
      break;
    }
  }
  await saveMemory(w, agent.id, memory);
}

function newCustomerText(label: string, n: number, messages: Message[], current: boolean): MessageContent {
  const lines = [`新客户 ${label} 接入${current ? '（当前客户，直接回复即可）' : `（回复请用 @${n}:内容）`}`];
  for (const m of messages) lines.push(clip(describeContent(m.content), 200));
  return { type: 'text', text: clip(lines.join('\n'), 1200) };
}

/** Images and cards go as they are after their header (a mini program may send text, image, link, card). */
function forwardable(contents: MessageContent[]): MessageContent[] {
  return contents.filter((c) => (c.type === 'image' && c.mediaId) || (c.type === 'miniprogrampage' && c.thumbMediaId));
}

function forOne(label: string, content: MessageContent): MessageContent[] {
  const head: MessageContent = { type: 'text', text: `【${label}】${clip(describeContent(content))}` };
  return [head, ...forwardable([content])];
}

/** A conversation left the agent without them asking (the customer said 再见, a timer, a transfer). */
async function tellGone(w: Work, agent: BoundAgent, c: Conversation): Promise<void> {
  const start = memoryOf(agent);
  const customer = await w.tx.customers.get(c.customerId);
  const { memory, n } = numberFor(start, c.customerId);
  const label = customerLabel(n, customer?.nickname);
  const why =
    c.state === 'ended'
      ? c.endReason === 'customer_left'
        ? '客户已离开'
        : '会话已结束'
      : c.state === 'assigned'
        ? '已转给其他客服'
        : '已转出';
  const text = `${label} ${why}。`;
  let next = forget(memory, c.id);
  const { agentConversation, memory: withConversation } = await ensureAgentConversation(w, agent, next);
  next = withConversation;
  // A note is not worth cutting the agent off: kept for their next message when it cannot go now.
  if (!next.unreachable && !(await sendToAgent(w, agentConversation, { type: 'text', text })).sent) next = withNote(next, text);
  await saveMemory(w, agent.id, next);
}
