// SQLite adapter of ChannelStore. channel-row.ts seals the secrets (AppSecret, Token, EncodingAESKey,
// UnionID key, and the previous Token and EncodingAESKey of a change's grace period) with the master key;
// the previous ones are never read back into anything but the push path. Every call goes through the
// connection's serial queue (serial-lock.ts).
import type { Database, Statement } from 'better-sqlite3';
import type { ChannelActivity } from '../core/channel';
import type { ChannelRecord, ChannelStore } from '../core/ports/channel-store';
import { verifyMasterKey } from './master-key-check';
import { channelFromRow, channelToRow, type ChannelReadRow, type ChannelRow } from './channel-row';
import type { SecretBox } from './secret-box';
import { serialFor, type SerialQueue } from './serial-lock';

export class SqliteChannelStore implements ChannelStore {
  private readonly queue: SerialQueue;
  private readonly all: Statement<[], ChannelReadRow>;
  private readonly byId: Statement<[string], ChannelReadRow>;
  private readonly upsert: Statement<[ChannelRow]>;
  private readonly remove: Statement<[string]>;
  private readonly verified: Statement<[number, string]>;
  private readonly pushed: Statement<[number, string]>;
  private readonly revisionOf: Statement<[string], number>;

  /** Refuses (MasterKeyError) a master key other than the one the database was first used with. */
  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    verifyMasterKey(db, box);
    this.queue = serialFor(db);
    this.all = db.prepare('SELECT * FROM channels ORDER BY id');
    this.byId = db.prepare('SELECT * FROM channels WHERE id = ?');
    const columns =
      'id, name, kind, app_id, original_id, mode, format, token_source, created_at, updated_at, app_secret, token, encoding_aes_key, union_id_key, agents_see_union_id, ' +
      'replay_window_seconds, grace_seconds, previous_token, previous_encoding_aes_key, previous_mode, previous_until, archived_at';
    const values = columns
      .split(', ')
      .map((c) => `@${c}`)
      .join(', ');
    const updates = columns
      .split(', ')
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.upsert = db.prepare(
      `INSERT INTO channels (${columns}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET ${updates}, revision = revision + 1`,
    );
    this.revisionOf = db.prepare<[string], number>('SELECT revision FROM channels WHERE id = ?').pluck();
    this.remove = db.prepare('DELETE FROM channels WHERE id = ?');
    this.verified = db.prepare('UPDATE channels SET last_verified_at = ? WHERE id = ?');
    this.pushed = db.prepare('UPDATE channels SET last_push_at = ? WHERE id = ?');
  }

  list(): Promise<ChannelRecord[]> {
    return this.queue.run(() => this.all.all().map((r) => channelFromRow(this.box, r)));
  }

  get(id: string): Promise<ChannelRecord | undefined> {
    return this.queue.run(() => {
      const row = this.byId.get(id);
      return row && channelFromRow(this.box, row);
    });
  }

  save(r: ChannelRecord): Promise<void> {
    return this.queue.run(() => void this.upsert.run(channelToRow(this.box, r)));
  }

  delete(id: string): Promise<boolean> {
    return this.queue.run(() => this.remove.run(id).changes > 0);
  }

  recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void> {
    return this.queue.run(() => void (activity === 'verified' ? this.verified : this.pushed).run(atMs, id));
  }

  revision(id: string): Promise<number | undefined> {
    return this.queue.run(() => this.revisionOf.get(id));
  }
}
