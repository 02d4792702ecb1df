// One conversation as a readable HTML page (the transcript download): who, where, when, how it ended and
// was rated, then every message with its sender and time. Everything is escaped; the page has no script
// and is served sandboxed.
import type { TranscriptData } from '../app/admin/transcript';
import type { Message } from '../core/model/message';
import { endReasonText, messageText, senderLabel } from './message-text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const STYLE = `body{font:14px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#222}
table{border-collapse:collapse;margin-bottom:16px}th,td{text-align:left;padding:2px 12px 2px 0;vertical-align:top}th{color:#666;font-weight:normal}
.msg{margin:10px 0;padding:8px 12px;border-radius:8px;background:#f3f4f6;white-space:pre-wrap;word-break:break-word}
.msg.out{background:#e8f5e9}.msg.system{background:none;color:#666;text-align:center}.meta{font-size:12px;color:#666}`;

function row(label: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function messageHtml(m: Message, t: TranscriptData, time: (ms: number) => string): string {
  const kind = m.sender.kind === 'system' ? 'system' : m.direction;
  const who = m.sender.kind === 'customer' ? (t.customer?.nickname ?? '客户') : senderLabel(m, t.names.agents);
  return `<div class="msg ${kind}" data-message-id="${escapeHtml(m.id)}"><div class="meta">${escapeHtml(who)} · ${escapeHtml(time(m.createdAt))}</div>${escapeHtml(messageText(m.content))}</div>`;
}

export function transcriptHtml(t: TranscriptData, timeZone: string): string {
  const format = new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
  const time = (ms: number) => format.format(ms);
  const c = t.conversation;
  const customer = t.customer ? `${t.customer.nickname ?? ''} ${t.customer.openid}`.trim() : c.customerId;
  const csat = c.csat?.rating === undefined ? undefined : `${c.csat.rating} / 5${c.csat.comment ? ` “${c.csat.comment}”` : ''}`;
  const head = [
    row('会话', c.id),
    row('渠道', t.channelName),
    row('商户', c.merchantId === undefined ? '平台' : (t.names.merchants.get(c.merchantId) ?? c.merchantId)),
    row('客户', customer),
    row('客服', c.agentId === undefined ? undefined : (t.names.agents.get(c.agentId) ?? c.agentId)),
    row('开始', time(c.createdAt)),
    row('结束', c.endedAt === undefined ? undefined : time(c.endedAt)),
    row('结束原因', endReasonText(c.endReason)),
    row('满意度', csat),
  ].join('');
  const body = t.messages.map((m) => messageHtml(m, t, time)).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`会话记录 ${customer}`)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(`会话记录 · ${customer}`)}</h1><table>${head}</table>
${body}
</body></html>
`;
}
