// SQLite adapter of the knowledge store. Every call goes through the connection's serial queue
// (serial-lock.ts); none is ever made from inside a unit of work (the robot answers from memory).
import type { Database, Statement } from 'better-sqlite3';
import type {
  KnowledgeEntry,
  KnowledgeStore,
  MissCount,
  RobotSettings,
  Scope,
  ScopeSynonyms,
  StoredMedia,
} from '../core/ports/knowledge-store';
import { type EntryRow, entryFromRow, entryToRow, type MediaRow, mediaFromRow, scopeOf } from './knowledge-rows';
import { merchantKey } from './record-codec';
import { serialFor, type SerialQueue } from './serial-lock';

export class SqliteKnowledgeStore implements KnowledgeStore {
  private readonly queue: SerialQueue;
  private readonly s: Record<string, Statement<any[], any>>;

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
    this.s = {
      all: db.prepare('SELECT * FROM knowledge_entries ORDER BY channel_id, merchant_key, number'),
      revision: db.prepare('SELECT value FROM knowledge_revision WHERE id = 1').pluck(),
      upsert:
        db.prepare(`INSERT INTO knowledge_entries (channel_id, merchant_key, number, body, updated_at) VALUES (@channel_id, @merchant_key, @number, @body, @updated_at)
        ON CONFLICT (channel_id, merchant_key, number) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`),
      clearScope: db.prepare('DELETE FROM knowledge_entries WHERE channel_id = ? AND merchant_key = ?'),
      remove: db.prepare('DELETE FROM knowledge_entries WHERE channel_id = ? AND merchant_key = ? AND number = ?'),
      settings: db.prepare('SELECT * FROM knowledge_settings'),
      saveSettings:
        db.prepare(`INSERT INTO knowledge_settings (channel_id, merchant_key, handoff_after_misses, threshold) VALUES (?, ?, ?, ?)
        ON CONFLICT (channel_id, merchant_key) DO UPDATE SET handoff_after_misses = excluded.handoff_after_misses, threshold = excluded.threshold`),
      synonyms: db.prepare('SELECT * FROM knowledge_synonyms ORDER BY channel_id, merchant_key'),
      saveSynonyms: db.prepare(`INSERT INTO knowledge_synonyms (channel_id, merchant_key, groups_json) VALUES (?, ?, ?)
        ON CONFLICT (channel_id, merchant_key) DO UPDATE SET groups_json = excluded.groups_json`),
      clearSynonyms: db.prepare('DELETE FROM knowledge_synonyms WHERE channel_id = ? AND merchant_key = ?'),
      addMiss: db.prepare(`INSERT INTO knowledge_misses (channel_id, merchant_key, key, question, count, last_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel_id, merchant_key, key) DO UPDATE SET count = count + excluded.count, last_at = max(last_at, excluded.last_at)`),
      misses: db.prepare(
        'SELECT * FROM knowledge_misses WHERE channel_id = ? AND merchant_key = ? ORDER BY count DESC, last_at DESC LIMIT ?',
      ),
      saveMedia: db.prepare(
        'INSERT OR REPLACE INTO knowledge_media (id, filename, content_type, data, channel_id, merchant_key, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      media: db.prepare('SELECT * FROM knowledge_media WHERE id = ?'),
    };
  }

  all(): Promise<KnowledgeEntry[]> {
    return this.queue.run(() => (this.s.all!.all() as EntryRow[]).map(entryFromRow));
  }

  revision(): Promise<number> {
    return this.queue.run(() => this.s.revision!.get() as number);
  }

  put(entries: readonly KnowledgeEntry[], replaceScope?: Scope): Promise<void> {
    return this.queue.run(() =>
      this.db.transaction(() => {
        if (replaceScope) this.s.clearScope!.run(replaceScope.channelId, merchantKey(replaceScope.merchantId));
        for (const e of entries) this.s.upsert!.run(entryToRow(e));
      })(),
    );
  }

  remove(scope: Scope, number: number): Promise<boolean> {
    return this.queue.run(() => this.s.remove!.run(scope.channelId, merchantKey(scope.merchantId), number).changes > 0);
  }

  settings(): Promise<(Scope & RobotSettings)[]> {
    return this.queue.run(() =>
      (this.s.settings!.all() as { channel_id: string; merchant_key: string; handoff_after_misses: number; threshold: number }[]).map(
        (r) => ({
          ...scopeOf(r.channel_id, r.merchant_key),
          handoffAfterMisses: r.handoff_after_misses,
          threshold: r.threshold,
        }),
      ),
    );
  }

  saveSettings(scope: Scope, settings: RobotSettings): Promise<void> {
    return this.queue.run(
      () => void this.s.saveSettings!.run(scope.channelId, merchantKey(scope.merchantId), settings.handoffAfterMisses, settings.threshold),
    );
  }

  synonyms(): Promise<ScopeSynonyms[]> {
    return this.queue.run(() =>
      (this.s.synonyms!.all() as { channel_id: string; merchant_key: string; groups_json: string }[]).map((r) => ({
        ...scopeOf(r.channel_id, r.merchant_key),
        groups: JSON.parse(r.groups_json) as string[][],
      })),
    );
  }

  saveSynonyms(scope: Scope, groups: readonly (readonly string[])[]): Promise<void> {
    const key = [scope.channelId, merchantKey(scope.merchantId)] as const;
    return this.queue.run(() => {
      if (groups.length === 0) this.s.clearSynonyms!.run(...key);
      else this.s.saveSynonyms!.run(...key, JSON.stringify(groups));
    });
  }

  addMisses(misses: readonly (MissCount & { key: string })[]): Promise<void> {
    return this.queue.run(() =>
      this.db.transaction(() => {
        for (const m of misses) this.s.addMiss!.run(m.channelId, merchantKey(m.merchantId), m.key, m.question, m.count, m.lastAt);
      })(),
    );
  }

  misses(scope: Scope, limit: number): Promise<MissCount[]> {
    return this.queue.run(() =>
      (
        this.s.misses!.all(scope.channelId, merchantKey(scope.merchantId), limit) as {
          channel_id: string;
          merchant_key: string;
          question: string;
          count: number;
          last_at: number;
        }[]
      ).map((r) => ({
        ...scopeOf(r.channel_id, r.merchant_key),
        question: r.question,
        count: r.count,
        lastAt: r.last_at,
      })),
    );
  }

  saveMedia(m: StoredMedia): Promise<void> {
    const owner = m.owner ? [m.owner.channelId, merchantKey(m.owner.merchantId)] : [null, null];
    return this.queue.run(
      () =>
        void this.s.saveMedia!.run(
          m.id,
          m.filename,
          m.contentType,
          Buffer.from(m.data),
          ...owner,
          m.kind ?? 'knowledge',
          m.createdAt ?? null,
        ),
    );
  }

  media(id: string): Promise<StoredMedia | undefined> {
    return this.queue.run(() => {
      const r = this.s.media!.get(id) as MediaRow | undefined;
      return r && mediaFromRow(r);
    });
  }
}
