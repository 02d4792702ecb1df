// A message as one line of readable text, for transcripts and the message export: text as written,
// media as what they are ([语音] with WeChat's transcription, [文件] with its name, [位置] with its label
// and coordinates…). Words in Simplified Chinese: the product's customers and agents read Chinese.
import type { EndReason } from '../core/model/conversation';
import type { Message, MessageContent } from '../core/model/message';

export function messageText(content: MessageContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'image':
      return '[图片]';
    case 'voice':
      return content.recognition ? `[语音] ${content.recognition}` : '[语音]';
    case 'video':
      return content.title ? `[视频] ${content.title}` : '[视频]';
    case 'file':
      return `[文件] ${content.title}`;
    case 'location':
      return `[位置] ${content.label} (${content.latitude}, ${content.longitude})`;
    case 'link':
      return `[链接] ${content.title} ${content.url}`;
    case 'miniprogrampage':
      return `[小程序卡片] ${content.title} ${content.pagePath}`;
    case 'other':
      return `[${content.msgType}]`;
  }
}

/** Who sent it, by role: 客户, 机器人, 系统, or the agent's name (their id when the name is unknown). */
export function senderLabel(m: Pick<Message, 'sender'>, agents: ReadonlyMap<string, string>): string {
  const s = m.sender;
  if (s.kind === 'customer') return '客户';
  if (s.kind === 'robot') return '机器人';
  if (s.kind === 'system') return '系统';
  return agents.get(s.agentId) ?? s.agentId;
}

const END_REASONS: Record<EndReason, string> = {
  agent_ended: '客服结束',
  admin_ended: '管理员结束',
  customer_left: '客户离开',
  customer_silent: '客户长时间未回复',
  robot_idle: '机器人会话超时',
};

/** Why a conversation ended, in words (the workbench's); a reason this build does not know as 其他. */
export function endReasonText(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  return (END_REASONS as Record<string, string | undefined>)[reason] ?? '其他';
}
