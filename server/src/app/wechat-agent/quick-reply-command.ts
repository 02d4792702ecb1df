// `/q` from an agent's own WeChat: lists their quick replies (their own, then their team's, numbered as
// the workbench lists them), and `/q 2` or `/q 问候` sends one to the current customer, filled for them
// as the workbench sends it, through the same reply story (the window decides).
import type { Recipient } from '../../core/placeholders';
import { pickQuickReply, renderQuickReply } from '../../core/quick-replies/quick-reply';
import { agentOrder } from '../quick-replies/conversation-quick-replies';
import { teamOf } from '../quick-replies/quick-reply-access';
import { sendTo } from './reply-commands';
import type { WeChatAgentSession } from './session';

const MAX_LISTED = 30;

export async function quickReplyCommand(s: WeChatAgentSession, key: string | undefined): Promise<void> {
  const lookup = s.options.quickReplies;
  if (!lookup) return s.tell('快捷回复尚未启用。');
  const a = s.agent;
  const list = agentOrder(lookup.peek(teamOf(a.channelId, a.merchantId, a.id)), lookup.peek(teamOf(a.channelId, a.merchantId)));
  if (key === undefined) {
    if (list.length === 0) return s.tell('还没有快捷回复：请在工作台「快捷回复」中添加。');
    const lines = list.slice(0, MAX_LISTED).map((r, i) => `${i + 1}. ${r.title}`);
    const more = list.length > MAX_LISTED ? [`……共 ${list.length} 条，发送 /q 标题 使用其余的`] : [];
    return s.tell(['快捷回复（发送 /q 编号 使用）：', ...lines, ...more].join('\n'));
  }
  const reply = pickQuickReply(list, key);
  if (!reply) return s.tell(`没有快捷回复「${key}」。发送 /q 查看列表。`);
  const c = (await s.current()) ?? (await s.held())[0];
  if (!c) return s.tell('当前没有接待中的客户。发送「排队」查看排队，「帮助」查看命令。');
  const customer = await s.w.tx.customers.get(c.customerId);
  const who: Recipient = { id: c.customerId, ...(customer?.nickname !== undefined && { nickname: customer.nickname }) };
  s.memory = { ...s.memory, currentConversationId: c.id };
  await sendTo(s, c, await lookup.contents(renderQuickReply(reply, who), a.channelId));
}
