// The words of the customer's history (profile panel, read-only view, the chat's earlier conversations),
// in Simplified Chinese and English.
import { defineMessages } from '../i18n/i18n';

export const historyMessages = defineMessages(
  {
    history: '历史会话',
    history_empty: '没有其他会话',
    history_linked: '其他渠道 · {channel}',
    history_linked_hint: '同一微信用户（已验证的 UnionID）在其他渠道的会话',
    history_open: '查看会话',
    history_read_only: '只读：历史会话',
    history_no_messages: '这次会话没有消息',
    history_more: '更多历史会话',
    earlier_conversation: '显示上一次会话',
    earlier_divider: '上一次会话 · {date}',
    earlier_none: '没有更早的会话了',
  },
  {
    history: 'Earlier conversations',
    history_empty: 'No other conversations',
    history_linked: 'Other channel · {channel}',
    history_linked_hint: 'The same WeChat user (verified UnionID) on another channel',
    history_open: 'Open conversation',
    history_read_only: 'Read-only: an earlier conversation',
    history_no_messages: 'No messages in this conversation',
    history_more: 'More conversations',
    earlier_conversation: 'Show the previous conversation',
    earlier_divider: 'Previous conversation · {date}',
    earlier_none: 'No earlier conversations',
  },
);
