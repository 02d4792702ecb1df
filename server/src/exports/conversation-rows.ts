// Conversations as rows of the API's export: one row per conversation with its customer, people, times,
// message counts and satisfaction rating. Names are looked up by the caller (merchants and agents of the channel).
import type { ConversationExportRow } from '../core/ports/reports';
import { isoCell, type Cell } from './csv';

export const CONVERSATION_REPORT_COLUMNS = [
  'id',
  'merchantId',
  'merchantName',
  'customerId',
  'customerOpenid',
  'customerNickname',
  'state',
  'groupId',
  'agentId',
  'agentName',
  'createdAt',
  'queuedAt',
  'assignedAt',
  'firstAgentResponseAt',
  'endedAt',
  'endReason',
  'messagesIn',
  'messagesOut',
  'csatRequestedAt',
  'csatRating',
  'csatComment',
  'tags',
];

export interface Names {
  merchants: ReadonlyMap<string, string>;
  agents: ReadonlyMap<string, string>;
  /** Each conversation's tag names, joined with '; '; absent: none. */
  tags?: ReadonlyMap<string, string>;
}

export function conversationReportRow(r: ConversationExportRow, names: Names): Cell[] {
  const c = r.conversation;
  return [
    c.id,
    c.merchantId,
    c.merchantId === undefined ? '' : names.merchants.get(c.merchantId),
    c.customerId,
    r.customer?.openid,
    r.customer?.nickname,
    c.state,
    c.groupId,
    c.agentId,
    c.agentId === undefined ? '' : names.agents.get(c.agentId),
    isoCell(c.createdAt),
    isoCell(c.queuedAt),
    isoCell(c.assignedAt),
    isoCell(c.firstAgentResponseAt),
    isoCell(c.endedAt),
    c.endReason,
    r.messagesIn,
    r.messagesOut,
    isoCell(c.csat?.requestedAt),
    c.csat?.rating,
    c.csat?.comment,
    names.tags?.get(c.id) ?? '',
  ];
}
