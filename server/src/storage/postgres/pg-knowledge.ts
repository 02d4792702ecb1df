// PostgreSQL adapter of the knowledge store: the rows of sqlite-knowledge.ts, each call autocommitted on
// the pool (a put or a batch of misses is one transaction). Never called from inside a unit of work: the
// robot answers from memory, and each node reloads when the revision moves.
import type pg from 'pg';
import type {
  KnowledgeEntry,
  KnowledgeStore,
  MissCount,
  RobotSettings,
  Scope,
  ScopeSynonyms,
  StoredMedia,
} from '../../core/ports/knowledge-store';
import { type EntryRow, entryFromRow, entryToRow, type MediaRow, mediaFromRow, scopeOf } from '../knowledge-rows';
import { merchantKey } from '../record-codec';
import { inTransaction } from './pool';

export class PgKnowledgeStore implements KnowledgeStore {
  constructor(private readonly pool: pg.Pool) {}

  async all(): Promise<KnowledgeEntry[]> {
    const { rows } = await this.pool.query<EntryRow>('SELECT * FROM knowledge_entries ORDER BY channel_id, merchant_key, number');
    return rows.map(entryFromRow);
  }

  async revision(): Promise<number> {
    const { rows } = await this.pool.query<{ value: number }>('SELECT value FROM knowledge_revision WHERE id = 1');
    return rows[0]?.value ?? 0;
  }

  put(entries: readonly KnowledgeEntry[], replaceScope?: Scope): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      if (replaceScope)
        await client.query('DELETE FROM knowledge_entries WHERE channel_id = $1 AND merchant_key = $2', [
          replaceScope.channelId,
          merchantKey(replaceScope.merchantId),
        ]);
      for (const e of entries) {
        const row = entryToRow(e);
        await client.query(
          `INSERT INTO knowledge_entries (channel_id, merchant_key, number, body, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (channel_id, merchant_key, number) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
          [row.channel_id, row.merchant_key, row.number, row.body, row.updated_at],
        );
      }
    });
  }

  async remove(scope: Scope, number: number): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM knowledge_entries WHERE channel_id = $1 AND merchant_key = $2 AND number = $3', [
      scope.channelId,
      merchantKey(scope.merchantId),
      number,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async settings(): Promise<(Scope & RobotSettings)[]> {
    const { rows } = await this.pool.query<{ channel_id: string; merchant_key: string; handoff_after_misses: number; threshold: number }>(
      'SELECT * FROM knowledge_settings ORDER BY channel_id, merchant_key',
    );
    return rows.map((r) => ({
      ...scopeOf(r.channel_id, r.merchant_key),
      handoffAfterMisses: r.handoff_after_misses,
      threshold: r.threshold,
    }));
  }

  async saveSettings(scope: Scope, settings: RobotSettings): Promise<void> {
    await this.pool.query(
      `INSERT INTO knowledge_settings (channel_id, merchant_key, handoff_after_misses, threshold) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel_id, merchant_key) DO UPDATE SET handoff_after_misses = excluded.handoff_after_misses, threshold = excluded.threshold`,
      [scope.channelId, merchantKey(scope.merchantId), settings.handoffAfterMisses, settings.threshold],
    );
  }

  async synonyms(): Promise<ScopeSynonyms[]> {
    const { rows } = await this.pool.query<{ channel_id: string; merchant_key: string; groups_json: string }>(
      'SELECT * FROM knowledge_synonyms ORDER BY channel_id, merchant_key',
    );
    return rows.map((r) => ({ ...scopeOf(r.channel_id, r.merchant_key), groups: JSON.parse(r.groups_json) as string[][] }));
  }

  async saveSynonyms(scope: Scope, groups: readonly (readonly string[])[]): Promise<void> {
    const key = [scope.channelId, merchantKey(scope.merchantId)];
    if (groups.length === 0) await this.pool.query('DELETE FROM knowledge_synonyms WHERE channel_id = $1 AND merchant_key = $2', key);
    else
      await this.pool.query(
        `INSERT INTO knowledge_synonyms (channel_id, merchant_key, groups_json) VALUES ($1, $2, $3)
         ON CONFLICT (channel_id, merchant_key) DO UPDATE SET groups_json = excluded.groups_json`,
        [...key, JSON.stringify(groups)],
      );
  }

  addMisses(misses: readonly (MissCount & { key: string })[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      for (const m of misses)
        await client.query(
          `INSERT INTO knowledge_misses (channel_id, merchant_key, key, question, count, last_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (channel_id, merchant_key, key) DO UPDATE SET
             count = knowledge_misses.count + excluded.count, last_at = greatest(knowledge_misses.last_at, excluded.last_at)`,
          [m.channelId, merchantKey(m.merchantId), m.key, m.question, m.count, m.lastAt],
        );
    });
  }

  async misses(scope: Scope, limit: number): Promise<MissCount[]> {
    const { rows } = await this.pool.query<{ channel_id: string; merchant_key: string; question: string; count: number; last_at: number }>(
      'SELECT * FROM knowledge_misses WHERE channel_id = $1 AND merchant_key = $2 ORDER BY count DESC, last_at DESC LIMIT $3',
      [scope.channelId, merchantKey(scope.merchantId), limit],
    );
    return rows.map((r) => ({ ...scopeOf(r.channel_id, r.merchant_key), question: r.question, count: r.count, lastAt: r.last_at }));
  }

  async saveMedia(m: StoredMedia): Promise<void> {
    const owner = m.owner ? [m.owner.channelId, merchantKey(m.owner.merchantId)] : [null, null];
    await this.pool.query(
      `INSERT INTO knowledge_media (id, filename, content_type, data, channel_id, merchant_key, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET filename = excluded.filename, content_type = excluded.content_type, data = excluded.data,
         channel_id = excluded.channel_id, merchant_key = excluded.merchant_key, kind = excluded.kind, created_at = excluded.created_at`,
      [m.id, m.filename, m.contentType, Buffer.from(m.data), ...owner, m.kind ?? 'knowledge', m.createdAt ?? null],
    );
  }

  async media(id: string): Promise<StoredMedia | undefined> {
    const { rows } = await this.pool.query<MediaRow>('SELECT * FROM knowledge_media WHERE id = $1', [id]);
    return rows[0] && mediaFromRow(rows[0]);
  }
}
