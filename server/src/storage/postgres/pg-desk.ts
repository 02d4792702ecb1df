// PostgreSQL adapters of the note and tag repositories (step 10), the queries of sqlite-desk.ts.
import type { ConversationNote, Tag } from '../../core/model/desk';
import type { NoteRepository, TagRepository } from '../../core/ports/desk-repositories';
import { groupTagIds, noteFromRow, noteRow, type NoteRow, tagFromRow, tagRow, type TagRow } from '../desk-rows';
import { merchantKey } from '../record-codec';
import type { Queryable } from './pool';

export class PgNotes implements NoteRepository {
  constructor(private readonly db: Queryable) {}

  async add(note: ConversationNote): Promise<void> {
    const r = noteRow(note);
    await this.db.query('INSERT INTO conversation_notes (id, conversation_id, created_at, data) VALUES ($1, $2, $3, $4)', [
      r.id,
      r.conversation_id,
      r.created_at,
      r.data,
    ]);
  }

  async listByConversation(conversationId: string): Promise<ConversationNote[]> {
    const { rows } = await this.db.query<NoteRow>('SELECT * FROM conversation_notes WHERE conversation_id = $1 ORDER BY created_at, id', [
      conversationId,
    ]);
    return rows.map(noteFromRow);
  }
}

export class PgTags implements TagRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<Tag | undefined> {
    const { rows } = await this.db.query<TagRow>('SELECT * FROM tags WHERE id = $1', [id]);
    return rows[0] && tagFromRow(rows[0]);
  }

  async save(tag: Tag): Promise<void> {
    const r = tagRow(tag);
    await this.db.query(
      `INSERT INTO tags (id, channel_id, merchant_id, name, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, name = excluded.name, data = excluded.data`,
      [r.id, r.channel_id, r.merchant_id, r.name, r.data],
    );
  }

  async remove(id: string): Promise<void> {
    for (const table of ['tags WHERE id', 'conversation_tags WHERE tag_id', 'customer_tags WHERE tag_id'])
      await this.db.query(`DELETE FROM ${table} = $1`, [id]);
  }

  async listByMerchant(channelId: string, merchantId: string | undefined): Promise<Tag[]> {
    const { rows } = await this.db.query<TagRow>('SELECT * FROM tags WHERE channel_id = $1 AND merchant_id = $2 ORDER BY name, id', [
      channelId,
      merchantKey(merchantId),
    ]);
    return rows.map(tagFromRow);
  }

  async setOnConversation(conversationId: string, tagIds: readonly string[]): Promise<void> {
    await this.db.query('DELETE FROM conversation_tags WHERE conversation_id = $1', [conversationId]);
    await this.db.query(
      'INSERT INTO conversation_tags (conversation_id, tag_id) SELECT $1, t FROM unnest($2::text[]) AS t ON CONFLICT DO NOTHING',
      [conversationId, [...tagIds]],
    );
  }

  async ofConversations(conversationIds: readonly string[]): Promise<Map<string, string[]>> {
    if (conversationIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ owner: string; tag_id: string }>(
      'SELECT conversation_id AS owner, tag_id FROM conversation_tags WHERE conversation_id = ANY($1::text[])',
      [[...conversationIds]],
    );
    return groupTagIds(rows);
  }

  async setOnCustomer(customerId: string, merchantId: string | undefined, tagIds: readonly string[]): Promise<void> {
    const m = merchantKey(merchantId);
    await this.db.query('DELETE FROM customer_tags WHERE customer_id = $1 AND merchant_id = $2', [customerId, m]);
    await this.db.query(
      'INSERT INTO customer_tags (customer_id, merchant_id, tag_id) SELECT $1, $2, t FROM unnest($3::text[]) AS t ON CONFLICT DO NOTHING',
      [customerId, m, [...tagIds]],
    );
  }

  async ofCustomer(customerId: string, merchantId: string | undefined): Promise<string[]> {
    const { rows } = await this.db.query<{ tag_id: string }>(
      'SELECT tag_id FROM customer_tags WHERE customer_id = $1 AND merchant_id = $2 ORDER BY tag_id',
      [customerId, merchantKey(merchantId)],
    );
    return rows.map((r) => r.tag_id);
  }
}
