// Note and tag rows as both SQL adapters store them (SQLite and PostgreSQL): the columns the queries
// use, the rest as JSON in `data` (record-codec.ts), '' for the platform's own team.
import type { ConversationNote, Tag } from '../core/model/desk';
import { merchantKey, merchantOf, parseJson, restAsJson } from './record-codec';

export interface NoteRow {
  id: string;
  conversation_id: string;
  created_at: number;
  data: string;
}

const NOTE_COLUMNS = ['id', 'conversationId', 'createdAt'] as const;

export const noteRow = (n: ConversationNote): NoteRow => ({
  id: n.id,
  conversation_id: n.conversationId,
  created_at: n.createdAt,
  data: restAsJson(n, NOTE_COLUMNS),
});

export const noteFromRow = (r: NoteRow): ConversationNote => ({
  id: r.id,
  conversationId: r.conversation_id,
  createdAt: r.created_at,
  ...parseJson<Omit<ConversationNote, (typeof NOTE_COLUMNS)[number]>>(r.data),
});

export interface TagRow {
  id: string;
  channel_id: string;
  merchant_id: string;
  name: string;
  data: string;
}

const TAG_COLUMNS = ['id', 'channelId', 'merchantId', 'name'] as const;

export const tagRow = (t: Tag): TagRow => ({
  id: t.id,
  channel_id: t.channelId,
  merchant_id: merchantKey(t.merchantId),
  name: t.name,
  data: restAsJson(t, TAG_COLUMNS),
});

export const tagFromRow = (r: TagRow): Tag => ({
  id: r.id,
  channelId: r.channel_id,
  ...merchantOf(r.merchant_id),
  name: r.name,
  ...parseJson<Omit<Tag, (typeof TAG_COLUMNS)[number]>>(r.data),
});

/** Tag ids per owner from (owner, tag_id) rows. */
export function groupTagIds(rows: readonly { owner: string; tag_id: string }[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const r of rows) found.set(r.owner, [...(found.get(r.owner) ?? []), r.tag_id]);
  for (const ids of found.values()) ids.sort();
  return found;
}
