// A channel as its table row holds it, both ways, for the SQLite and PostgreSQL channel stores. The
// AppSecret, Token, EncodingAESKey and UnionID key (and the previous Token and EncodingAESKey of a
// change's grace period) are sealed with the master key (secret-box.ts), each bound to its channel id
// and field name; everything else is a plain column. Booleans are 0/1 as SQLite keeps them.
import type { ChannelRecord } from '../core/ports/channel-store';
import { optional } from './record-codec';
import type { SecretBox } from './secret-box';

export interface ChannelRow {
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
  archived_at: number | null;
}

/** What save writes; the activity columns are written by recordActivity only. */
export interface ChannelReadRow extends ChannelRow {
  last_verified_at: number | null;
  last_push_at: number | null;
}

type SecretField = 'appSecret' | 'token' | 'encodingAesKey' | 'unionIdKey' | 'previousToken' | 'previousEncodingAesKey';

/** The columns save writes (the activity columns are written by recordActivity only). */
export function channelToRow(box: SecretBox, r: ChannelRecord): ChannelRow {
  const seal = (field: SecretField, value: string | undefined) => (value === undefined ? null : box.seal(value, place(r.id, field)));
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
    app_secret: box.seal(r.appSecret, place(r.id, 'appSecret')),
    token: box.seal(r.token, place(r.id, 'token')),
    encoding_aes_key: seal('encodingAesKey', r.encodingAesKey),
    union_id_key: seal('unionIdKey', r.unionIdKey),
    agents_see_union_id: r.agentsSeeUnionId ? 1 : 0,
    replay_window_seconds: r.replayWindowSeconds ?? null,
    grace_seconds: r.graceSeconds ?? null,
    previous_token: seal('previousToken', r.previous?.token),
    previous_encoding_aes_key: seal('previousEncodingAesKey', r.previous?.encodingAesKey),
    previous_mode: r.previous?.mode ?? null,
    previous_until: r.previous?.until ?? null,
    archived_at: r.archivedAt ?? null,
  };
}

export function channelFromRow(box: SecretBox, row: ChannelReadRow): ChannelRecord {
  const open = (field: SecretField, sealed: string | null) => (sealed === null ? null : box.open(sealed, place(row.id, field)));
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
    token: box.open(row.token, place(row.id, 'token')),
    ...optional('encodingAesKey', open('encodingAesKey', row.encoding_aes_key)),
    mode: row.mode,
    format: row.format,
    appSecret: box.open(row.app_secret, place(row.id, 'appSecret')),
    ...optional('unionIdKey', open('unionIdKey', row.union_id_key)),
    tokenSource: row.token_source,
    ...(row.agents_see_union_id === 1 && { agentsSeeUnionId: true }),
    ...optional('replayWindowSeconds', row.replay_window_seconds),
    ...optional('graceSeconds', row.grace_seconds),
    ...optional('previous', previous),
    ...optional('lastVerifiedAt', row.last_verified_at),
    ...optional('lastPushAt', row.last_push_at),
    ...optional('archivedAt', row.archived_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The associated data of a sealed channel secret; also how an error names it (never its value). */
function place(channelId: string, field: SecretField): string {
  return `channel ${channelId} ${field}`;
}
