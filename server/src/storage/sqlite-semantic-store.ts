// SQLite adapter of the semantic stage's store: per-channel endpoint settings (the API key sealed with
// the master key, bound to its channel) and the entries' vectors as float32 blobs.
import type { Database, Statement } from 'better-sqlite3';
import type { EntryVector, SemanticConfig, SemanticSettingsChange, SemanticStore } from '../core/ports/semantic-store';
import {
  type SemanticConfigRow,
  semanticConfigFromRow,
  semanticKeyPlace,
  type VectorRow,
  vectorBytes,
  vectorFromRow,
} from './knowledge-rows';
import type { SecretBox } from './secret-box';
import { serialFor, type SerialQueue } from './serial-lock';

export class SqliteSemanticStore implements SemanticStore {
  private readonly queue: SerialQueue;
  private readonly s: Record<string, Statement<any[], any>>;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {
    this.queue = serialFor(db);
    this.s = {
      configs: db.prepare('SELECT * FROM knowledge_semantic ORDER BY channel_id'),
      sealedKey: db.prepare('SELECT api_key_sealed FROM knowledge_semantic WHERE channel_id = ?').pluck(),
      saveConfig: db.prepare(`INSERT INTO knowledge_semantic (channel_id, enabled, url, model, timeout_ms, api_key_sealed)
        VALUES (@channel_id, @enabled, @url, @model, @timeout_ms, @api_key_sealed)
        ON CONFLICT (channel_id) DO UPDATE SET enabled = excluded.enabled, url = excluded.url, model = excluded.model,
        timeout_ms = excluded.timeout_ms, api_key_sealed = excluded.api_key_sealed`),
      vectors: db.prepare('SELECT * FROM knowledge_vectors WHERE channel_id = ?'),
      upsertVector: db.prepare(`INSERT INTO knowledge_vectors (channel_id, merchant_key, number, digest, vector)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, merchant_key, number) DO UPDATE SET digest = excluded.digest, vector = excluded.vector`),
      clearVectors: db.prepare('DELETE FROM knowledge_vectors WHERE channel_id = ?'),
    };
  }

  configs(): Promise<SemanticConfig[]> {
    return this.queue.run(() => (this.s.configs!.all() as SemanticConfigRow[]).map((r) => semanticConfigFromRow(r, this.box)));
  }

  saveConfig(channelId: string, change: SemanticSettingsChange): Promise<void> {
    return this.queue.run(() => {
      const kept = (this.s.sealedKey!.get(channelId) as string | null | undefined) ?? null;
      const sealed =
        change.apiKey === undefined ? kept : change.apiKey === '' ? null : this.box.seal(change.apiKey, semanticKeyPlace(channelId));
      this.s.saveConfig!.run({
        channel_id: channelId,
        enabled: change.enabled ? 1 : 0,
        url: change.url,
        model: change.model,
        timeout_ms: change.timeoutMs,
        api_key_sealed: sealed,
      });
    });
  }

  vectors(channelId: string): Promise<EntryVector[]> {
    return this.queue.run(() => (this.s.vectors!.all(channelId) as VectorRow[]).map(vectorFromRow));
  }

  putVectors(channelId: string, vectors: readonly EntryVector[], keepOnly = false): Promise<void> {
    return this.queue.run(() =>
      this.db.transaction(() => {
        if (keepOnly) this.s.clearVectors!.run(channelId);
        for (const v of vectors) {
          this.s.upsertVector!.run(channelId, v.merchantId ?? '', v.number, v.digest, vectorBytes(v));
        }
      })(),
    );
  }
}
