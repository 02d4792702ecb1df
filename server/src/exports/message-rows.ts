// Messages as rows: the bulk export of a channel's messages for a date range, and one conversation's
// transcript as CSV. Names are looked up by the caller (merchants and agents of the channel).
import type { Message } from '../core/model/message';
import type { MessageExportRow } from '../core/ports/reports';
import { isoCell, type Cell } from './csv';
import type { Names } from './conversation-rows';
import { messageText, senderLabel } from './message-text';

export const MESSAGE_EXPORT_COLUMNS = [
  'id',
  'conversationId',
  'merchantId',
  'merchantName',
  'customerOpenid',
  'customerNickname',
  'createdAt',
  'direction',
  'senderKind',
  'sender',
  'type',
  'text',
  'delivery',
];

/** The transcript's columns: the same message columns, for one conversation. */
export const TRANSCRIPT_COLUMNS = ['createdAt', 'direction', 'senderKind', 'sender', 'type', 'text', 'delivery'];

function messageCells(m: Message, names: Names): Cell[] {
  return [
    isoCell(m.createdAt),
    m.direction,
    m.sender.kind,
    senderLabel(m, names.agents),
    m.content.type,
    messageText(m.content),
    m.delivery?.status,
  ];
}

export function messageExportRow(r: MessageExportRow, names: Names): Cell[] {
  const m = r.message;
  return [
    m.id,
    m.conversationId,
    r.merchantId,
    r.merchantId === undefined ? '' : names.merchants.get(r.merchantId),
    r.customer?.openid,
    r.customer?.nickname,
    ...messageCells(m, names),
  ];
}

export const transcriptRow = (m: Message, names: Names): Cell[] => messageCells(m, names);
