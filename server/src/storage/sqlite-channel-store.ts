// SQLite adapter of ChannelStore. The AppSecret, Token, EncodingAESKey and UnionID key are sealed with
// the master key (secret-box.ts), each bound to its channel id and field name; everything else is a
// plain column. The previous Token and EncodingAESKey of a change's grace period are sealed the same way;
// never read back into anything but the push path. Every call goes through the connection's serial queue (serial-lock.ts).
import type { Database, Statement } from 'better-sqlite3';
import type { ChannelActivity } from '../core/channel';
import type { ChannelRecord, ChannelStore } from '../core/ports/channel-store';
import { verifyMasterKey } from './master-key-check';
import { optional } from './record-codec';
import type { SecretBox } from './secret-box';
import { serialFor, type SerialQueue } from './serial-lock';

interface Row {
  id: string;
  name: string;
  kind: ChannelRecord['kind'];
  app_id: string;
  original_id: string;
  mode: ChannelRecord['mode'];
  format: ChannelRecord['format'];
  token_source: ChannelRecord['tokenSource'];
  created_at: number;
  updated_at: number;
  app_secret: string;
  token: string;
  encoding_aes_key: string | null;
  union_id_key: string | null;
  agents_see_union_id: number;
  replay_window_seconds: number | null;
  grace_seconds: number | null;
  previous_token: string | null;
  previous_encoding_aes_key: string | null;
  previous_mode: ChannelRecord['mode'] | null;
  previous_until: number | null;
}

/** What save writes; the activity columns are written by recordActivity only. */
interface ReadRow extends Row {
  last_verified_at: number | null;
  last_push_at: number | null;
}

type SecretField = 'appSecret' | 'token' | 'encodingAesKey' | 'unionIdKey' | 'previousToken' | 'previousEncodingAesKey';

export class SqliteChannelStore implements ChannelStore {
  private readonly queue: SerialQueue;
  private readonly all: Statement<[], ReadRow>;
  private readonly byId: Statement<[string], ReadRow>;
  private readonly upsert: Statement<[Row]>;
  private readonly remove: Statement<[string]>;
  private readonly verified: Statement<[number, string]>;
  private readonly pushed: Statement<[number, string]>;

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
      'replay_window_seconds, grace_seconds, previous_token, previous_encoding_aes_key, previous_mode, previous_until';
    const values = columns
      .split(', ')
      .map((c) => `@${c}`)
      .join(', ');
    const updates = columns
      .split(', ')
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.upsert = db.prepare(`INSERT INTO channels (${columns}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET ${updates}`);
    this.remove = db.prepare('DELETE FROM channels WHERE id = ?');
    this.verified = db.prepare('UPDATE channels SET last_verified_at = ? WHERE id = ?');
    this.pushed = db.prepare('UPDATE channels SET last_push_at = ? WHERE id = ?');
  }

  list(): Promise<ChannelRecord[]> {
    return this.queue.run(() => this.all.all().map((r) => this.fromRow(r)));
  }

  get(id: string): Promise<ChannelRecord | undefined> {
    return this.queue.run(() => {
      const row = this.byId.get(id);
      return row && this.fromRow(row);
    });
  }

  save(r: ChannelRecord): Promise<void> {
    return this.queue.run(() => void this.upsert.run(this.toRow(r)));
  }

  delete(id: string): Promise<boolean> {
    return this.queue.run(() => this.remove.run(id).changes > 0);
  }

  recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void> {
    return this.queue.run(() => void (activity === 'verified' ? this.verified : this.pushed).run(atMs, id));
  }

  private toRow(r: ChannelRecord): Row {
    const seal = (field: SecretField, value: string | undefined) => (value === undefined ? null : this.box.seal(value, place(r.id, field)));
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      app_id: r.appId,
      original_id: r.originalId,
      mode: r.mode,
      format: r.format,
      token_source: r.tokenSource,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      app_secret: this.box.seal(r.appSecret, place(r.id, 'appSecret')),
      token: this.box.seal(r.token, place(r.id, 'token')),
      encoding_aes_key: seal('encodingAesKey', r.encodingAesKey),
      union_id_key: seal('unionIdKey', r.unionIdKey),
      agents_see_union_id: r.agentsSeeUnionId ? 1 : 0,
      replay_window_seconds: r.replayWindowSeconds ?? null,
      grace_seconds: r.graceSeconds ?? null,
      previous_token: seal('previousToken', r.previous?.token),
      previous_encoding_aes_key: seal('previousEncodingAesKey', r.previous?.encodingAesKey),
      previous_mode: r.previous?.mode ?? null,
      previous_until: r.previous?.until ?? null,
    };
  }

  private fromRow(row: ReadRow): ChannelRecord {
    const open = (field: SecretField, sealed: string | null) => (sealed === null ? null : this.box.open(sealed, place(row.id, field)));
    const previousToken = open('previousToken', row.previous_token);
    const previous =
      previousToken !== null && row.previous_mode !== null && row.previous_until !== null
        ? {
            token: previousToken,
            ...optional('encodingAesKey', open('previousEncodingAesKey', row.previous_encoding_aes_key)),
            mode: row.previous_mode,
            until: row.previous_until,
          }
        : null;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      appId: row.app_id,
      originalId: row.original_id,
      token: this.box.open(row.token, place(row.id, 'token')),
      ...optional('encodingAesKey', open('encodingAesKey', row.encoding_aes_key)),
      mode: row.mode,
      format: row.format,
      appSecret: this.box.open(row.app_secret, place(row.id, 'appSecret')),
      ...optional('unionIdKey', open('unionIdKey', row.union_id_key)),
      tokenSource: row.token_source,
      ...(row.agents_see_union_id === 1 && { agentsSeeUnionId: true }),
      ...optional('replayWindowSeconds', row.replay_window_seconds),
      ...optional('graceSeconds', row.grace_seconds),
      ...optional('previous', previous),
      ...optional('lastVerifiedAt', row.last_verified_at),
      ...optional('lastPushAt', row.last_push_at),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

/** The associated data of a sealed channel secret; also how an error names it (never its value). */
function place(channelId: string, field: SecretField): string {
  return `channel ${channelId} ${field}`;
}
