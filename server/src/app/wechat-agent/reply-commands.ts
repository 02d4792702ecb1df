// The agent's commands that write to customers: a plain message (to the current customer), @3:text,
// @3:2# (knowledge entry), @所有人, and 下一个. They go through the workbench's own use cases (agentReply,
// transferConversation, endConversation), so the window, the records and the queue behave the same.
import type { Conversation } from '../../core/model/conversation';
import type { MessageContent } from '../../core/model/message';
import { customerOfNumber, forget } from '../../core/wechat-agent/memory';
import { agentReplyIn } from '../agent-reply';
import { endConversationIn } from '../end-conversation';
import { transferConversationIn } from '../transfer-conversation';
import type { WeChatAgentSession } from './session';

const REFUSED = {
  window_closed: '客户超过 48 小时未发言，微信不允许再发',
  quota_used_up: '已达微信上限（客户未回复前最多 5 条）',
} as const;

/** Sends to one conversation of the agent; says so to the agent only when it did not go. */
export async function sendTo(s: WeChatAgentSession, c: Conversation, contents: MessageContent[]): Promise<boolean> {
  for (const content of contents) {
    const result = await agentReplyIn(s.w, { conversationId: c.id, agentId: s.agent.id, content });
    if (!result.ok) {
      await s.tell(`未发出给 ${await s.label(c.customerId)}：${REFUSED[result.refusal.reason]}。`);
      return false;
    }
  }
  return true;
}

export async function replyToCurrent(s: WeChatAgentSession, content: MessageContent): Promise<void> {
  const c = (await s.current()) ?? (await s.held())[0];
  if (!c) {
    await s.tell('当前没有接待中的客户。发送「排队」查看排队，「帮助」查看命令。');
    return;
  }
  s.memory = { ...s.memory, currentConversationId: c.id };
  await sendTo(s, c, [content]);
}

/** @3:… — a customer of theirs, or one waiting (queue, message left) whom they take on the spot. */
async function conversationOfNumber(s: WeChatAgentSession, n: number): Promise<Conversation | undefined> {
  const customerId = customerOfNumber(s.memory, n);
  const open = customerId === undefined ? undefined : await s.w.tx.conversations.findOpen(customerId, s.agent.merchantId);
  if (!open || open.state === 'bot') {
    await s.tell(`#${n} 没有进行中的会话。`);
    return undefined;
  }
  if (open.state === 'assigned' && open.agentId === s.agent.id) return open;
  if (open.state === 'assigned') {
    const other = await s.w.tx.agents.get(open.agentId ?? '');
    await s.tell(`#${n} 正由 ${other?.name ?? '其他客服'} 接待。`);
    return undefined;
  }
  const taken = await transferConversationIn(s.w, {
    conversationId: open.id,
    to: { kind: 'agent', agentId: s.agent.id },
    byAgentId: s.agent.id,
  });
  if (!taken.ok) {
    await s.tell(`无法接入 #${n}：您当前忙碌或接待已满（发送「上班」切换状态）。`);
    return undefined;
  }
  return s.w.tx.conversations.get(open.id);
}

export async function writeToNumber(s: WeChatAgentSession, n: number, contents: MessageContent[] | undefined): Promise<void> {
  if (!contents) return;
  const c = await conversationOfNumber(s, n);
  if (!c) return;
  s.memory = { ...s.memory, currentConversationId: c.id };
  await sendTo(s, c, contents);
}

/** @所有人: everyone the agent serves now; WeChat's window decides per customer, the agent hears who missed it. */
export async function broadcast(s: WeChatAgentSession, contents: MessageContent[] | undefined): Promise<void> {
  if (!contents) return;
  const held = await s.held();
  if (held.length === 0) {
    await s.tell('当前没有接待中的客户。');
    return;
  }
  let reached = 0;
  for (const c of held) if (await sendTo(s, c, contents)) reached += 1;
  await s.tell(`已发给 ${reached}/${held.length} 位客户。`);
}

/** The entry's messages, or undefined after telling the agent it does not exist. */
export async function knowledgeEntry(s: WeChatAgentSession, key: string, number?: number): Promise<MessageContent[] | undefined> {
  const lookup = s.options.knowledge;
  const customerId = number === undefined ? undefined : customerOfNumber(s.memory, number);
  const customer = customerId === undefined ? undefined : await s.w.tx.customers.get(customerId);
  const recipient = customer && { id: customer.id, ...(customer.nickname !== undefined && { nickname: customer.nickname }) };
  const found =
    lookup &&
    (await lookup(
      { channelId: s.agent.channelId, ...(s.agent.merchantId !== undefined && { merchantId: s.agent.merchantId }) },
      key,
      recipient,
    ));
  if (!found || found.length === 0) await s.tell(lookup ? `知识库中没有「${key}」。` : '知识库尚未启用。');
  return found && found.length > 0 ? found : undefined;
}

/** 下一个: ends the current customer (who gets the closing text); the freed seat takes the next in the queue. */
export async function next(s: WeChatAgentSession): Promise<void> {
  const c = await s.current();
  if (c) {
    const label = await s.label(c.customerId);
    await endConversationIn(s.w, { conversationId: c.id, by: { kind: 'agent', agentId: s.agent.id } });
    s.memory = forget(s.memory, c.id);
    await s.tell(`已结束 ${label}。`);
  }
  // Whoever the queue gave them arrives as 新客户 (forwarded); otherwise the one waiting longest becomes current.
  const others = (await s.held()).filter((h) => h.id in s.memory.forwarded);
  const following = others[0];
  if (following) {
    s.memory = { ...s.memory, currentConversationId: following.id };
    await s.tell(`当前客户：${await s.label(following.customerId)}。`);
  } else if (!c) {
    await s.tell('当前没有接待中的客户。');
  }
}
