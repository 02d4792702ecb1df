// The agent's commands about the team's work: 排队 (who waits), 清零 (with confirmation; the customers
// are offered to leave a message, never dropped without a word), 看留言, and status changes.
import type { AgentStatus } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import { clip, STATUS_TEXT } from '../../core/wechat-agent/texts';
import { changeAgentStatusIn } from '../change-agent-status';
import { offerLeaveMessage } from '../support/place-conversation';
import { loadRouting } from '../support/routing-context';
import { scopeOf } from '../support/send-to-customer';
import type { WeChatAgentSession } from './session';

const CONFIRM_MS = 2 * 60_000;
const LISTED = 10;

function waited(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60 ? `${minutes} 分钟` : `${Math.floor(minutes / 60)} 小时`;
}

const queued = (s: WeChatAgentSession): Promise<Conversation[]> => s.w.tx.conversations.listQueued(s.agent.channelId, s.agent.merchantId);

export async function showQueue(s: WeChatAgentSession): Promise<void> {
  const list = await queued(s);
  if (list.length === 0) {
    await s.tell('当前没有排队的客户。');
    return;
  }
  const lines = [`排队 ${list.length} 人：`];
  for (const c of list.slice(0, LISTED)) lines.push(`${await s.label(c.customerId)}，已等 ${waited(s.w.now - (c.queuedAt ?? s.w.now))}`);
  if (list.length > LISTED) lines.push('……');
  lines.push('发送 @编号:内容 可直接接入并回复。');
  await s.tell(lines.join('\n'));
}

export async function askToClear(s: WeChatAgentSession): Promise<void> {
  const count = (await queued(s)).length;
  if (count === 0) {
    await s.tell('当前没有排队的客户。');
    return;
  }
  s.memory = { ...s.memory, confirmClearUntil: s.w.now + CONFIRM_MS };
  await s.tell(`确认清空排队的 ${count} 位客户吗？2 分钟内回复「确认」执行，回复其他内容取消。`);
}

export async function clearQueue(s: WeChatAgentSession): Promise<void> {
  const { confirmClearUntil: _done, ...memory } = s.memory;
  s.memory = memory;
  const list = await queued(s);
  const ctx = await loadRouting(s.w, s.agent.channelId, s.agent.merchantId);
  // Each one is told the queue closed and may leave a message (their 看留言 entry), one send each.
  for (const c of list) await offerLeaveMessage(s.w, c, undefined, ctx);
  s.w.notices.push({ type: 'queue_changed', ...scopeOf(s.agent), length: 0 });
  await s.tell(`已清空排队 ${list.length} 位，已请他们留言。`);
}

export async function showLeftMessages(s: WeChatAgentSession): Promise<void> {
  const list = await s.w.tx.conversations.list({
    channelId: s.agent.channelId,
    merchant: { merchantId: s.agent.merchantId },
    states: ['left_message'],
    limit: LISTED,
  });
  if (list.length === 0) {
    await s.tell('暂无留言。');
    return;
  }
  const lines = [`留言 ${list.length} 位：`];
  for (const c of list) {
    const left = (await s.w.tx.messages.listByConversation(c.id, { limit: 10 })).filter((m) => m.leftMessage === true);
    lines.push(`${await s.label(c.customerId)}（${waited(s.w.now - (c.leftMessageAt ?? s.w.now))}前）：`);
    for (const m of left.slice(-3)) lines.push(`  ${m.content.type === 'text' ? clip(m.content.text, 100) : `[${m.content.type}]`}`);
  }
  lines.push('发送 @编号:内容 可接入并回复。');
  await s.tell(clip(lines.join('\n'), 1500));
}

export async function setStatus(s: WeChatAgentSession, status: AgentStatus): Promise<void> {
  const result = await changeAgentStatusIn(s.w, { agentId: s.agent.id, status });
  const moved = result.moved.length > 0 ? `，${result.moved.length} 位客户已转出` : '';
  const left = result.leftMessagesWaiting ? `\n有 ${result.leftMessagesWaiting} 条留言待处理，发送「看留言」查看。` : '';
  await s.tell(`已切换为「${STATUS_TEXT[status]}」${moved}。${left}`);
}
