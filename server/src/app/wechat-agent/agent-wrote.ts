// Story: an agent wrote from their own WeChat. Their message opens their WeChat window again (as any
// user's), is recorded on their own conversation, and first of all they hear what they missed: that WeChat had cut
// them off and where their customers went (their status comes back), notes kept for them. Then the
// command runs, or the message goes to their current customer.
import { contentOf, type CustomerMessagePush } from '../../core/conversation/inbound-content';
import type { ChannelKind } from '../../core/channel';
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import { parseAgentCommand, type AgentCommand } from '../../core/wechat-agent/commands';
import { HELP, STATUS_TEXT, unreachableText } from '../../core/wechat-agent/texts';
import { changeAgentStatusIn } from '../change-agent-status';
import { customerActing } from '../support/customers';
import type { Work } from '../support/engine-deps';
import { ensureAgentConversation } from './agent-conversation';
import { WeChatAgentSession, type WeChatAgentOptions } from './session';
import { memoryOf, saveMemory } from './memory-store';
import { quickReplyCommand } from './quick-reply-command';
import { broadcast, knowledgeEntry, next, replyToCurrent, writeToNumber } from './reply-commands';
import { askToClear, clearQueue, setStatus, showLeftMessages, showQueue } from './team-commands';

export interface AgentPush {
  channelId: string;
  channelKind: ChannelKind;
  push: CustomerMessagePush;
}

export async function agentWroteOnWeChat(
  w: Work,
  agent: Agent & { wechatOpenid: string },
  input: AgentPush,
  options: WeChatAgentOptions,
): Promise<{ conversationId: string; messageId: string }> {
  await customerActing(w, input.channelId, input.channelKind, agent.wechatOpenid, 'message');
  const { agentConversation, memory } = await ensureAgentConversation(w, agent, memoryOf(agent));
  const message = await recordOnAgentConversation(w, agentConversation, agent.id, input.push);
  const s = new WeChatAgentSession(w, agent, memory, agentConversation, options);
  await catchUp(s);
  const confirming = (s.memory.confirmClearUntil ?? 0) > w.now;
  const command: AgentCommand =
    input.push.type === 'text' ? parseAgentCommand(input.push.content, { confirming }) : { kind: 'reply', text: '' };
  if (confirming && command.kind !== 'confirm') {
    const { confirmClearUntil: _cancelled, ...rest } = s.memory;
    s.memory = rest;
  }
  await run(s, command, message);
  await saveMemory(w, agent.id, s.memory);
  return { conversationId: agentConversation.id, messageId: message.id };
}

/** With WeChat's MsgId, so a push WeChat delivers twice is recognised (the dispatcher looks it up first). */
async function recordOnAgentConversation(
  w: Work,
  agentConversation: Conversation,
  agentId: string,
  push: CustomerMessagePush,
): Promise<Message> {
  const message: Message = {
    id: w.ids.next('message'),
    channelId: agentConversation.channelId,
    conversationId: agentConversation.id,
    customerId: agentConversation.customerId,
    direction: 'in',
    sender: { kind: 'agent', agentId },
    content: contentOf(push),
    createdAt: w.now,
    wechatMsgId: push.msgId,
    wechatCreateTime: push.createTime,
  };
  await w.tx.messages.add(message);
  return message;
}

/** What happened while they could not be reached, and notes that could not be sent at the time. */
async function catchUp(s: WeChatAgentSession): Promise<void> {
  const { unreachable, notes } = s.memory;
  if (unreachable) {
    const { unreachable: _seen, ...rest } = s.memory;
    s.memory = rest;
    const fresh = await s.w.tx.agents.get(s.agent.id);
    // Only the status the cut-off set is undone; one they (or an admin) chose since stays.
    const restore = fresh?.status === 'busy' && unreachable.statusBefore !== 'busy' ? unreachable.statusBefore : undefined;
    if (restore) await changeAgentStatusIn(s.w, { agentId: s.agent.id, status: restore });
    await s.tell(unreachableText(unreachable.code, unreachable.moved, restore && STATUS_TEXT[restore]));
  }
  if (notes.length > 0) {
    s.memory = { ...s.memory, notes: [] };
    await s.tell(notes.join('\n'));
  }
}

async function run(s: WeChatAgentSession, command: AgentCommand, message: Message): Promise<void> {
  switch (command.kind) {
    case 'reply':
      return replyToCurrent(s, message.content);
    case 'next':
      return next(s);
    case 'queue':
      return showQueue(s);
    case 'clear_queue':
      return askToClear(s);
    case 'confirm':
      return clearQueue(s);
    case 'left_messages':
      return showLeftMessages(s);
    case 'to_customer':
      return writeToNumber(s, command.number, [{ type: 'text', text: command.text }]);
    case 'knowledge_to_customer':
      return writeToNumber(s, command.number, await knowledgeEntry(s, command.entry, command.number));
    case 'broadcast':
      return broadcast(s, [{ type: 'text', text: command.text }]);
    case 'knowledge_broadcast':
      return broadcast(s, await knowledgeEntry(s, command.entry));
    case 'status':
      return setStatus(s, command.status);
    case 'help':
      return s.tell(HELP);
    case 'quick_reply':
      return quickReplyCommand(s, command.key);
    case 'openid':
      return s.tell(`您的 openid：${s.agent.wechatOpenid}`);
  }
}
