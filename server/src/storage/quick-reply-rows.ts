// One row codec for quick replies, shared by the SQLite and PostgreSQL adapters: the owner in columns
// (the platform team and a team reply stored as '' so `=` matches exactly, record-codec.ts), the fields
// in one JSON text column.
import type { QuickReply, QuickReplyFields, QuickReplyOwner } from '../core/quick-replies/quick-reply';
import { merchantKey, merchantOf, parseJson } from './record-codec';

export interface QuickReplyRow {
  id: string;
  channel_id: string;
  merchant_key: string;
  agent_key: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export const ownerKeys = (o: QuickReplyOwner): [string, string, string] => [o.channelId, merchantKey(o.merchantId), o.agentId ?? ''];

export function quickReplyToRow(r: QuickReply): QuickReplyRow {
  const fields: QuickReplyFields = {
    title: r.title,
    text: r.text,
    ...(r.picture !== undefined && { picture: r.picture }),
    ...(r.card !== undefined && { card: r.card }),
  };
  const [channel_id, merchant_key, agent_key] = ownerKeys(r);
  return { id: r.id, channel_id, merchant_key, agent_key, body: JSON.stringify(fields), created_at: r.createdAt, updated_at: r.updatedAt };
}

export function quickReplyFromRow(row: QuickReplyRow): QuickReply {
  return {
    id: row.id,
    channelId: row.channel_id,
    ...merchantOf(row.merchant_key),
    ...(row.agent_key !== '' && { agentId: row.agent_key }),
    ...parseJson<QuickReplyFields>(row.body),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
