// What agents on WeChat are told, in Simplified Chinese; command names keep the seed's shortcuts.
import type { MessageContent } from '../model/message';

export const HELP = [
  '客服命令 Commands:',
  '下一个 / p：结束当前客户，接待下一位',
  '排队 / m：排队人数和排队的客户',
  '清零 / 0：清空排队（需确认）',
  '看留言：查看客户留言',
  '@编号:内容：发给指定客户（如 @3:您好）',
  '@编号:n#：发送知识库第 n 条（如 @3:2#）',
  '@所有人 内容：发给正在接待的所有客户',
  '/q：我的快捷回复；/q 编号 或 /q 标题：发给当前客户',
  '上班 / 忙碌 / 隐身 / 下班：切换状态',
  'openid：查看自己的 openid',
  '帮助：显示本说明',
  '其他消息直接发给当前客户。',
].join('\n');

export const STATUS_TEXT = { online: '上班（空闲）', busy: '忙碌', invisible: '隐身', offline: '下班' } as const;

export function customerLabel(n: number, nickname: string | undefined): string {
  return nickname ? `#${n} ${nickname}` : `#${n}`;
}

/** A customer message as the agent sees it: text inline; other kinds named, with what can be shown. */
export function describeContent(c: MessageContent): string {
  switch (c.type) {
    case 'text':
      return c.text;
    case 'image':
      return '[图片]';
    case 'miniprogrampage':
      return `[小程序卡片] ${c.title}`;
    case 'link':
      return `[链接] ${c.title} ${c.url}`;
    case 'voice':
      return c.recognition ? `[语音] ${c.recognition}` : '[语音，请在工作台收听]';
    case 'video':
      return '[视频，请在工作台查看]';
    case 'location':
      return `[位置] ${c.label}`;
    case 'file':
      return `[文件] ${c.title}`;
    case 'other':
      return `[${c.msgType}]`;
  }
}

/** WeChat's text limit is 2048 bytes; stay well below it (a CJK character is 3 bytes in UTF-8). */
export function clip(text: string, max = 600): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function unreachableText(code: 45015 | 45047, moved: readonly string[], restored: string | undefined): string {
  const why = code === 45015 ? '您超过 48 小时未在此发言' : '连续转给您的消息已达微信上限（5 条）';
  const lines = [`${why}，微信暂停了发给您的消息（${code}）。`];
  if (moved.length > 0) lines.push('期间这些客户已转出：', ...moved);
  if (restored) lines.push(`已恢复为「${restored}」。`);
  return lines.join('\n');
}
