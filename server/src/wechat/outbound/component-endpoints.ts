// The open platform's API (第三方平台, shared/docs/wechat-protocol.md §9), on the same configurable base URL
// as every other call: api_component_token, api_create_preauthcode, api_query_auth, api_authorizer_token,
// api_get_authorizer_info and sns/component/jscode2session. Every call but the first takes the
// component_access_token as `component_access_token` (not `access_token`); tokens and secrets are never
// put in an error message.
import type { WeChatClient } from './client';
import { WeChatTransportError } from './errors';
import type { CodeSession } from './jscode2session';
import type { FetchedToken } from './token-endpoints';

export const COMPONENT_PATHS = {
  token: 'cgi-bin/component/api_component_token',
  preAuthCode: 'cgi-bin/component/api_create_preauthcode',
  queryAuth: 'cgi-bin/component/api_query_auth',
  authorizerToken: 'cgi-bin/component/api_authorizer_token',
  authorizerInfo: 'cgi-bin/component/api_get_authorizer_info',
  jscode2session: 'sns/component/jscode2session',
} as const;

export interface ComponentCredentials {
  componentAppId: string;
  /** The component AppSecret. */
  appSecret: string;
  /** The latest component_verify_ticket. */
  ticket: string;
}

/** What api_query_auth and api_authorizer_token answer about one authorizer. */
export interface AuthorizerTokens {
  appId: string;
  accessToken: string;
  expiresInSeconds: number;
  refreshToken: string;
}

export interface GrantedAuthorization extends AuthorizerTokens {
  /** The func_info ids granted. */
  permissions: number[];
}

export interface AuthorizerInfo {
  name: string;
  originalId: string;
  kind: 'miniprogram' | 'official_account';
}

const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
const lacking = (path: string, what: string) => new WeChatTransportError(path, `response lacks ${what}`);

export async function fetchComponentToken(client: WeChatClient, c: ComponentCredentials): Promise<FetchedToken> {
  const path = COMPONENT_PATHS.token;
  const body = { component_appid: c.componentAppId, component_appsecret: c.appSecret, component_verify_ticket: c.ticket };
  const res = await client.postJson<{ component_access_token?: unknown; expires_in?: unknown }>(path, {}, body);
  if (!text(res.component_access_token) || typeof res.expires_in !== 'number') throw lacking(path, 'component_access_token');
  return { token: res.component_access_token, expiresInSeconds: res.expires_in };
}

export async function createPreAuthCode(
  client: WeChatClient,
  token: string,
  componentAppId: string,
): Promise<{ code: string; expiresInSeconds: number }> {
  const path = COMPONENT_PATHS.preAuthCode;
  const res = await client.postJson<{ pre_auth_code?: unknown; expires_in?: unknown }>(
    path,
    { component_access_token: token },
    { component_appid: componentAppId },
  );
  if (!text(res.pre_auth_code)) throw lacking(path, 'pre_auth_code');
  return { code: res.pre_auth_code, expiresInSeconds: typeof res.expires_in === 'number' ? res.expires_in : 600 };
}

interface RawAuthorization {
  authorizer_appid?: unknown;
  authorizer_access_token?: unknown;
  expires_in?: unknown;
  authorizer_refresh_token?: unknown;
  func_info?: unknown;
}

function permissionsOf(funcInfo: unknown): number[] {
  if (!Array.isArray(funcInfo)) return [];
  const ids = funcInfo.map((f: { funcscope_category?: { id?: unknown } }) => f?.funcscope_category?.id);
  return [...new Set(ids.filter((id): id is number => typeof id === 'number'))].sort((a, b) => a - b);
}

function tokensOf(path: string, raw: RawAuthorization, appId?: string): AuthorizerTokens {
  const id = appId ?? raw.authorizer_appid;
  if (!text(id)) throw lacking(path, 'authorizer_appid');
  if (!text(raw.authorizer_access_token) || typeof raw.expires_in !== 'number') throw lacking(path, 'authorizer_access_token');
  if (!text(raw.authorizer_refresh_token)) throw lacking(path, 'authorizer_refresh_token');
  return {
    appId: id,
    accessToken: raw.authorizer_access_token,
    expiresInSeconds: raw.expires_in,
    refreshToken: raw.authorizer_refresh_token,
  };
}

export async function queryAuth(
  client: WeChatClient,
  token: string,
  componentAppId: string,
  authCode: string,
): Promise<GrantedAuthorization> {
  const path = COMPONENT_PATHS.queryAuth;
  const res = await client.postJson<{ authorization_info?: RawAuthorization }>(
    path,
    { component_access_token: token },
    { component_appid: componentAppId, authorization_code: authCode },
  );
  const info = res.authorization_info;
  if (!info) throw lacking(path, 'authorization_info');
  return { ...tokensOf(path, info), permissions: permissionsOf(info.func_info) };
}

export async function refreshAuthorizerToken(
  client: WeChatClient,
  token: string,
  componentAppId: string,
  appId: string,
  refreshToken: string,
): Promise<AuthorizerTokens> {
  const path = COMPONENT_PATHS.authorizerToken;
  const body = { component_appid: componentAppId, authorizer_appid: appId, authorizer_refresh_token: refreshToken };
  return tokensOf(path, await client.postJson<RawAuthorization>(path, { component_access_token: token }, body), appId);
}

interface RawAuthorizerInfo {
  authorizer_info?: { nick_name?: unknown; user_name?: unknown; MiniProgramInfo?: unknown };
  authorization_info?: { func_info?: unknown };
}

/** The account's name, original id and kind (a mini program answers MiniProgramInfo), and the permissions granted now. */
export async function fetchAuthorizerInfo(
  client: WeChatClient,
  token: string,
  componentAppId: string,
  appId: string,
): Promise<AuthorizerInfo & { permissions: number[] }> {
  const path = COMPONENT_PATHS.authorizerInfo;
  const res = await client.postJson<RawAuthorizerInfo>(
    path,
    { component_access_token: token },
    { component_appid: componentAppId, authorizer_appid: appId },
  );
  const info = res.authorizer_info;
  if (!info || !text(info.user_name)) throw lacking(path, 'authorizer_info.user_name');
  return {
    name: text(info.nick_name) ? info.nick_name : appId,
    originalId: info.user_name,
    kind: info.MiniProgramInfo !== undefined ? 'miniprogram' : 'official_account',
    permissions: permissionsOf(res.authorization_info?.func_info),
  };
}

/** The kit's login for an authorized mini program: no AppSecret, the component's token instead. */
export async function componentJscode2session(
  client: WeChatClient,
  app: { appId: string; componentAppId: string; componentToken: string },
  code: string,
): Promise<CodeSession> {
  const path = COMPONENT_PATHS.jscode2session;
  const query = {
    appid: app.appId,
    js_code: code,
    grant_type: 'authorization_code',
    component_appid: app.componentAppId,
    component_access_token: app.componentToken,
  };
  const res = await client.getJson<{ openid?: unknown; unionid?: unknown; session_key?: unknown }>(path, query);
  if (!text(res.openid) || !text(res.session_key)) throw lacking(path, 'openid or session_key');
  return { openId: res.openid, sessionKey: res.session_key, ...(text(res.unionid) && { unionId: res.unionid }) };
}
