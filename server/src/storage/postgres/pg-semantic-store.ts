// PostgreSQL adapter of the semantic stage's store: per-channel endpoint settings (the API key sealed with
// the master key, bound to its channel, exactly as sqlite-semantic-store.ts seals it) and the entries'
// vectors as float32 bytes.
import type pg from 'pg';
import type { EntryVector, SemanticConfig, SemanticSettingsChange, SemanticStore } from '../../core/ports/semantic-store';
import {
  type SemanticConfigRow,
  semanticConfigFromRow,
  semanticKeyPlace,
  type VectorRow,
  vectorBytes,
  vectorFromRow,
} from '../knowledge-rows';
import type { SecretBox } from '../secret-box';
import { inTransaction } from './pool';

export class PgSemanticStore implements SemanticStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  async configs(): Promise<SemanticConfig[]> {
    const { rows } = await this.pool.query<SemanticConfigRow>('SELECT * FROM knowledge_semantic ORDER BY channel_id');
    return rows.map((r) => semanticConfigFromRow(r, this.box));
  }

  /** An absent key keeps the stored one (in the same statement, so a concurrent save cannot lose it); '' removes it. */
  async saveConfig(channelId: string, change: SemanticSettingsChange): Promise<void> {
    const keep = change.apiKey === undefined;
    const sealed = keep || change.apiKey === '' ? null : this.box.seal(change.apiKey as string, semanticKeyPlace(channelId));
    await this.pool.query(
      `INSERT INTO knowledge_semantic (channel_id, enabled, url, model, timeout_ms, api_key_sealed) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_id) DO UPDATE SET enabled = excluded.enabled, url = excluded.url, model = excluded.model,
         timeout_ms = excluded.timeout_ms,
         api_key_sealed = CASE WHEN $7 THEN knowledge_semantic.api_key_sealed ELSE excluded.api_key_sealed END`,
      [channelId, change.enabled, change.url, change.model, change.timeoutMs, sealed, keep],
    );
  }

  async vectors(channelId: string): Promise<EntryVector[]> {
    const { rows } = await this.pool.query<VectorRow>('SELECT * FROM knowledge_vectors WHERE channel_id = $1', [channelId]);
    return rows.map(vectorFromRow);
  }

  putVectors(channelId: string, vectors: readonly EntryVector[], keepOnly = false): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      if (keepOnly) await client.query('DELETE FROM knowledge_vectors WHERE channel_id = $1', [channelId]);
      for (const v of vectors)
        await client.query(
          `INSERT INTO knowledge_vectors (channel_id, merchant_key, number, digest, vector) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (channel_id, merchant_key, number) DO UPDATE SET digest = excluded.digest, vector = excluded.vector`,
          [channelId, v.merchantId ?? '', v.number, v.digest, vectorBytes(v)],
        );
    });
  }
}
