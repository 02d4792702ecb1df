// SQLite adapters of the note and tag repositories (migration step 15). Tag uses on conversations and
// customers are plain (owner, tag) rows; replacing a record's tags deletes and inserts inside the unit.
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationNote, Tag } from '../core/model/desk';
import type { NoteRepository, TagRepository } from '../core/ports/desk-repositories';
import { groupTagIds, noteFromRow, noteRow, type NoteRow, tagFromRow, tagRow, type TagRow } from './desk-rows';
import { merchantKey } from './record-codec';

export class SqliteNotes implements NoteRepository {
  private readonly insert: Statement<[NoteRow]>;
  private readonly byConversation: Statement<[string], NoteRow>;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO conversation_notes (id, conversation_id, created_at, data) VALUES (@id, @conversation_id, @created_at, @data)',
    );
    this.byConversation = db.prepare('SELECT * FROM conversation_notes WHERE conversation_id = ? ORDER BY created_at, id');
  }

  async add(note: ConversationNote): Promise<void> {
    this.insert.run(noteRow(note));
  }

  async listByConversation(conversationId: string): Promise<ConversationNote[]> {
    return this.byConversation.all(conversationId).map(noteFromRow);
  }
}

export class SqliteTags implements TagRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.s = statements(db);
  }

  async get(id: string): Promise<Tag | undefined> {
    const row = this.s.get.get(id);
    return row && tagFromRow(row);
  }

  async save(tag: Tag): Promise<void> {
    this.s.upsert.run(tagRow(tag));
  }

  async remove(id: string): Promise<void> {
    for (const s of [this.s.remove, this.s.removeFromConversations, this.s.removeFromCustomers]) s.run(id);
  }

  async listByMerchant(channelId: string, merchantId: string | undefined): Promise<Tag[]> {
    return this.s.byMerchant.all(channelId, merchantKey(merchantId)).map(tagFromRow);
  }

  async setOnConversation(conversationId: string, tagIds: readonly string[]): Promise<void> {
    this.s.clearConversation.run(conversationId);
    for (const tagId of new Set(tagIds)) this.s.tagConversation.run(conversationId, tagId);
  }

  async ofConversations(conversationIds: readonly string[]): Promise<Map<string, string[]>> {
    if (conversationIds.length === 0) return new Map();
    return groupTagIds(this.s.ofConversations.all(JSON.stringify(conversationIds)));
  }

  async setOnCustomer(customerId: string, merchantId: string | undefined, tagIds: readonly string[]): Promise<void> {
    this.s.clearCustomer.run(customerId, merchantKey(merchantId));
    for (const tagId of new Set(tagIds)) this.s.tagCustomer.run(customerId, merchantKey(merchantId), tagId);
  }

  async ofCustomer(customerId: string, merchantId: string | undefined): Promise<string[]> {
    return this.s.ofCustomer.all(customerId, merchantKey(merchantId));
  }
}

function statements(db: Database) {
  return {
    get: db.prepare<[string], TagRow>('SELECT * FROM tags WHERE id = ?'),
    upsert: db.prepare<[TagRow]>(
      `INSERT INTO tags (id, channel_id, merchant_id, name, data) VALUES (@id, @channel_id, @merchant_id, @name, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, name = excluded.name, data = excluded.data`,
    ),
    remove: db.prepare<[string]>('DELETE FROM tags WHERE id = ?'),
    removeFromConversations: db.prepare<[string]>('DELETE FROM conversation_tags WHERE tag_id = ?'),
    removeFromCustomers: db.prepare<[string]>('DELETE FROM customer_tags WHERE tag_id = ?'),
    byMerchant: db.prepare<[string, string], TagRow>('SELECT * FROM tags WHERE channel_id = ? AND merchant_id = ? ORDER BY name, id'),
    clearConversation: db.prepare<[string]>('DELETE FROM conversation_tags WHERE conversation_id = ?'),
    tagConversation: db.prepare<[string, string]>('INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)'),
    ofConversations: db.prepare<[string], { owner: string; tag_id: string }>(
      'SELECT conversation_id AS owner, tag_id FROM conversation_tags WHERE conversation_id IN (SELECT value FROM json_each(?))',
    ),
    clearCustomer: db.prepare<[string, string]>('DELETE FROM customer_tags WHERE customer_id = ? AND merchant_id = ?'),
    tagCustomer: db.prepare<[string, string, string]>('INSERT INTO customer_tags (customer_id, merchant_id, tag_id) VALUES (?, ?, ?)'),
    ofCustomer: db
      .prepare<[string, string], string>('SELECT tag_id FROM customer_tags WHERE customer_id = ? AND merchant_id = ? ORDER BY tag_id')
      .pluck(),
  };
}
