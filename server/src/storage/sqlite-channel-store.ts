// SQLite adapter of ChannelStore. The AppSecret, Token, EncodingAESKey and UnionID key are sealed with
// the master key (secret-box.ts), each bound to its channel id and field name; everything else is a
// plain column. Every call goes through the connection's serial queue (serial-lock.ts).
import type { Database, Statement } from 'better-sqlite3';
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
}

type SecretField = 'appSecret' | 'token' | 'encodingAesKey' | 'unionIdKey';

export class SqliteChannelStore implements ChannelStore {
  private readonly queue: SerialQueue;
  private readonly all: Statement<[], Row>;
  private readonly byId: Statement<[string], Row>;
  private readonly upsert: Statement<[Row]>;
  private readonly remove: Statement<[string]>;

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
      'id, name, kind, app_id, original_id, mode, format, token_source, created_at, updated_at, app_secret, token, encoding_aes_key, union_id_key, agents_see_union_id';
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
    };
  }

  private fromRow(row: Row): ChannelRecord {
    const open = (field: SecretField, sealed: string | null) => (sealed === null ? null : this.box.open(sealed, place(row.id, field)));
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
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

/** The associated data of a sealed channel secret; also how an error names it (never its value). */
function place(channelId: string, field: SecretField): string {
  return `channel ${channelId} ${field}`;
}
