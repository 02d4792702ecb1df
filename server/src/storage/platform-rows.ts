// The open platform as its rows hold it, both ways, for the SQLite and PostgreSQL platform stores. The
// AppSecret, Token, EncodingAESKey, the component_verify_ticket and each authorizer's refresh token are
// sealed with the master key (secret-box.ts), each bound to its place; the rest are plain columns.
import type { Authorization, PlatformSettings, VerifyTicket } from '../core/open-platform';
import { optional } from './record-codec';
import type { SecretBox } from './secret-box';

export interface PlatformRow {
  component_app_id: string;
  app_secret: string;
  token: string;
  encoding_aes_key: string;
  updated_at: number;
}

export interface PlatformReadRow extends PlatformRow {
  ticket: string | null;
  ticket_received_at: number | null;
  ticket_pushed_at: number | null;
}

export interface AuthorizationRow {
  app_id: string;
  channel_id: string;
  component_app_id: string;
  kind: Authorization['kind'];
  state: Authorization['state'];
  permissions: string;
  refresh_token: string;
  authorized_at: number;
  updated_at: number;
  revoked_at: number | null;
  last_auth_code: string | null;
}

type PlatformSecret = 'appSecret' | 'token' | 'encodingAesKey' | 'ticket';

/** Bound to the component AppID too: a sealed value of another platform's row does not open. */
const platformPlace = (componentAppId: string, field: PlatformSecret) => `open platform ${componentAppId} ${field}`;
const refreshPlace = (appId: string) => `authorizer ${appId} refreshToken`;

export function platformToRow(box: SecretBox, s: PlatformSettings): PlatformRow {
  const seal = (field: PlatformSecret, value: string) => box.seal(value, platformPlace(s.componentAppId, field));
  return {
    component_app_id: s.componentAppId,
    app_secret: seal('appSecret', s.appSecret),
    token: seal('token', s.token),
    encoding_aes_key: seal('encodingAesKey', s.encodingAesKey),
    updated_at: s.updatedAt,
  };
}

export function platformFromRow(box: SecretBox, row: PlatformRow): PlatformSettings {
  const open = (field: PlatformSecret, sealed: string) => box.open(sealed, platformPlace(row.component_app_id, field));
  return {
    componentAppId: row.component_app_id,
    appSecret: open('appSecret', row.app_secret),
    token: open('token', row.token),
    encodingAesKey: open('encodingAesKey', row.encoding_aes_key),
    updatedAt: row.updated_at,
  };
}

export function sealTicket(box: SecretBox, componentAppId: string, ticket: string): string {
  return box.seal(ticket, platformPlace(componentAppId, 'ticket'));
}

export function ticketFromRow(box: SecretBox, row: PlatformReadRow): VerifyTicket | undefined {
  if (row.ticket === null || row.ticket_received_at === null || row.ticket_pushed_at === null) return undefined;
  return {
    ticket: box.open(row.ticket, platformPlace(row.component_app_id, 'ticket')),
    receivedAt: row.ticket_received_at,
    pushedAt: row.ticket_pushed_at,
  };
}

export function authorizationToRow(box: SecretBox, a: Authorization): AuthorizationRow {
  return {
    app_id: a.appId,
    channel_id: a.channelId,
    component_app_id: a.componentAppId,
    kind: a.kind,
    state: a.state,
    permissions: JSON.stringify(a.permissions),
    refresh_token: box.seal(a.refreshToken, refreshPlace(a.appId)),
    authorized_at: a.authorizedAt,
    updated_at: a.updatedAt,
    revoked_at: a.revokedAt ?? null,
    last_auth_code: a.lastAuthCode ?? null,
  };
}

export function authorizationFromRow(box: SecretBox, row: AuthorizationRow): Authorization {
  return {
    appId: row.app_id,
    channelId: row.channel_id,
    componentAppId: row.component_app_id,
    kind: row.kind,
    state: row.state,
    permissions: JSON.parse(row.permissions) as number[],
    refreshToken: box.open(row.refresh_token, refreshPlace(row.app_id)),
    authorizedAt: row.authorized_at,
    updatedAt: row.updated_at,
    ...optional('revokedAt', row.revoked_at),
    ...optional('lastAuthCode', row.last_auth_code),
  };
}

export const AUTHORIZATION_COLUMNS: readonly (keyof AuthorizationRow)[] = [
  'app_id',
  'channel_id',
  'component_app_id',
  'kind',
  'state',
  'permissions',
  'refresh_token',
  'authorized_at',
  'updated_at',
  'revoked_at',
  'last_auth_code',
];
