// PostgreSQL adapter of the quick reply store: the rows of sqlite-quick-replies.ts, each call
// autocommitted on the pool (a save of several replies is one transaction).
import type pg from 'pg';
import type { QuickReplyStore } from '../../core/ports/quick-reply-store';
import type { QuickReply, QuickReplyOwner } from '../../core/quick-replies/quick-reply';
import { ownerKeys, type QuickReplyRow, quickReplyFromRow, quickReplyToRow } from '../quick-reply-rows';
import { inTransaction } from './pool';

export class PgQuickReplyStore implements QuickReplyStore {
  constructor(private readonly pool: pg.Pool) {}

  async all(): Promise<QuickReply[]> {
    const { rows } = await this.pool.query<QuickReplyRow>('SELECT * FROM quick_replies ORDER BY id');
    return rows.map(quickReplyFromRow);
  }

  async list(owner: QuickReplyOwner): Promise<QuickReply[]> {
    const { rows } = await this.pool.query<QuickReplyRow>(
      'SELECT * FROM quick_replies WHERE channel_id = $1 AND merchant_key = $2 AND agent_key = $3',
      ownerKeys(owner),
    );
    return rows.map(quickReplyFromRow);
  }

  async get(id: string): Promise<QuickReply | undefined> {
    const { rows } = await this.pool.query<QuickReplyRow>('SELECT * FROM quick_replies WHERE id = $1', [id]);
    return rows[0] && quickReplyFromRow(rows[0]);
  }

  save(replies: readonly QuickReply[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      for (const r of replies) {
        const row = quickReplyToRow(r);
        await client.query(
          `INSERT INTO quick_replies (id, channel_id, merchant_key, agent_key, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_key = excluded.merchant_key,
             agent_key = excluded.agent_key, body = excluded.body, created_at = excluded.created_at, updated_at = excluded.updated_at`,
          [row.id, row.channel_id, row.merchant_key, row.agent_key, row.body, row.created_at, row.updated_at],
        );
      }
    });
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM quick_replies WHERE id = $1', [id]);
    return (r.rowCount ?? 0) > 0;
  }
}
