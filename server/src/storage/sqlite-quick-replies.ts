// SQLite adapter of the quick reply store. Every call goes through the connection's serial queue
// (serial-lock.ts); none is made from inside a unit of work.
import type { Database, Statement } from 'better-sqlite3';
import type { QuickReplyStore } from '../core/ports/quick-reply-store';
import type { QuickReply, QuickReplyOwner } from '../core/quick-replies/quick-reply';
import { ownerKeys, type QuickReplyRow, quickReplyFromRow, quickReplyToRow } from './quick-reply-rows';
import { serialFor, type SerialQueue } from './serial-lock';

export class SqliteQuickReplyStore implements QuickReplyStore {
  private readonly queue: SerialQueue;
  private readonly s: Record<'all' | 'list' | 'get' | 'upsert' | 'remove', Statement<any[], any>>;

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
    this.s = {
      all: db.prepare('SELECT * FROM quick_replies ORDER BY id'),
      list: db.prepare('SELECT * FROM quick_replies WHERE channel_id = ? AND merchant_key = ? AND agent_key = ?'),
      get: db.prepare('SELECT * FROM quick_replies WHERE id = ?'),
      upsert: db.prepare(`INSERT INTO quick_replies (id, channel_id, merchant_key, agent_key, body, created_at, updated_at)
        VALUES (@id, @channel_id, @merchant_key, @agent_key, @body, @created_at, @updated_at)
        ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_key = excluded.merchant_key,
          agent_key = excluded.agent_key, body = excluded.body, created_at = excluded.created_at, updated_at = excluded.updated_at`),
      remove: db.prepare('DELETE FROM quick_replies WHERE id = ?'),
    };
  }

  all(): Promise<QuickReply[]> {
    return this.queue.run(() => (this.s.all.all() as QuickReplyRow[]).map(quickReplyFromRow));
  }

  list(owner: QuickReplyOwner): Promise<QuickReply[]> {
    return this.queue.run(() => (this.s.list.all(...ownerKeys(owner)) as QuickReplyRow[]).map(quickReplyFromRow));
  }

  get(id: string): Promise<QuickReply | undefined> {
    return this.queue.run(() => {
      const row = this.s.get.get(id) as QuickReplyRow | undefined;
      return row && quickReplyFromRow(row);
    });
  }

  save(replies: readonly QuickReply[]): Promise<void> {
    return this.queue.run(() =>
      this.db.transaction(() => {
        for (const r of replies) this.s.upsert.run(quickReplyToRow(r));
      })(),
    );
  }

  remove(id: string): Promise<boolean> {
    return this.queue.run(() => this.s.remove.run(id).changes > 0);
  }
}
