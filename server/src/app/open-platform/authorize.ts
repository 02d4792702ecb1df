// Authorize by scanning (扫码授权): the admin opens WeChat's authorization page for a new pre_auth_code;
// once they confirm, WeChat's redirect (auth_code) and its `authorized` event each complete the
// authorization, whichever comes first: api_query_auth, api_get_authorizer_info, then the channel is created
// by itself (or an existing channel of that AppID is taken over, keeping its history), its tokens kept
// sealed. No AppSecret, Token or key is typed; cgi-bin/token is never called for such a channel.
import type { ChannelRecord, PublicChannel } from '../../core/ports/channel-store';
import type { GrantedAuthorization } from '../../core/ports/open-platform-api';
import { AUTH_TYPE, type Authorization, type AuthorizationTarget } from '../../core/open-platform';
import { createChannel } from '../admin/channels';
import { ApiError, conflict } from '../errors';
import type { PlatformDeps } from './platform-deps';
import { publicAuthorization, type PublicAuthorization } from './authorization-view';

export interface AuthorizationLinkRequest {
  target: AuthorizationTarget;
  /** Where WeChat sends the admin back: the server's /wechat/component/authorized on its public origin. */
  redirectUri: string;
  /** Where the authorization page lives: https://mp.weixin.qq.com, or the emulator. */
  pageBaseUrl: string;
}

export interface AuthorizationLink {
  /** The PC page (scan with WeChat). */
  url: string;
  /** The page inside WeChat on a phone. */
  mobileUrl: string;
  expiresAt: number;
}

export function mustHaveApi(deps: PlatformDeps): NonNullable<PlatformDeps['api']> {
  if (!deps.api) throw new ApiError(503, 'open_platform_unavailable', 'the open platform’s API is not available here');
  return deps.api;
}

async function componentAppIdOf(deps: PlatformDeps): Promise<string> {
  const settings = await deps.platform.settings();
  if (!settings) throw conflict('platform_not_configured', 'configure the open platform first (component AppID, AppSecret, Token, key)');
  return settings.componentAppId;
}

export async function createAuthorizationLink(deps: PlatformDeps, request: AuthorizationLinkRequest): Promise<AuthorizationLink> {
  const componentAppId = await componentAppIdOf(deps);
  const { code, expiresInSeconds } = await mustHaveApi(deps).createPreAuthCode();
  const query = new URLSearchParams({
    component_appid: componentAppId,
    pre_auth_code: code,
    redirect_uri: request.redirectUri,
    auth_type: String(AUTH_TYPE[request.target]),
  });
  const base = request.pageBaseUrl.replace(/\/+$/, '');
  return {
    url: `${base}/cgi-bin/componentloginpage?${query}`,
    mobileUrl: `${base}/safe/bindcomponent?action=bindcomponent&no_scan=1&${query}#wechat_redirect`,
    expiresAt: deps.clock.now() + expiresInSeconds * 1000,
  };
}

/** The channel of a new authorization: an existing channel of that AppID, else a new one named after the account. */
async function channelFor(deps: PlatformDeps, granted: GrantedAuthorization): Promise<ChannelRecord | PublicChannel> {
  const existing = (await deps.channels.list()).find((c) => c.appId === granted.appId);
  if (existing) return existing;
  const account = await mustHaveApi(deps).authorizerAccount(granted.appId);
  const secrets = deps.newPushSecrets();
  return createChannel(deps, {
    id: granted.appId,
    name: account.name,
    kind: account.kind,
    appId: granted.appId,
    originalId: account.originalId,
    // The platform's message URL brings its pushes (secure, XML); these values only close /wechat/<id>.
    ...secrets,
    mode: 'secure',
    format: 'xml',
    appSecret: '',
    tokenSource: 'stable',
  });
}

async function keepFirstToken(deps: PlatformDeps, granted: GrantedAuthorization): Promise<void> {
  const now = deps.clock.now();
  const expiresAt = now + granted.expiresInSeconds * 1000;
  await deps.tokens.save({ appId: granted.appId, source: 'authorizer', token: granted.accessToken, obtainedAt: now, expiresAt });
}

/**
 * Completes an authorization from its auth_code (the redirect's, or the `authorized` event's). Idempotent:
 * the second path finds the code spent and the authorization already made, and answers it.
 */
export async function completeAuthorization(deps: PlatformDeps, authCode: string): Promise<PublicAuthorization> {
  const componentAppId = await componentAppIdOf(deps);
  const doneWith = async () => (await deps.platform.authorizations()).find((a) => a.lastAuthCode === authCode);
  // The redirect and the `authorized` event carry the same single-use code: the second need not ask WeChat
  // (it would only answer 61010 and count one more api_query_auth).
  const already = await doneWith();
  if (already) return publicAuthorization(already);
  let granted: GrantedAuthorization;
  try {
    granted = await mustHaveApi(deps).queryAuth(authCode);
  } catch (error) {
    const done = await doneWith(); // both arrived at once: the other one made it
    if (done) return publicAuthorization(done);
    throw error;
  }
  const channel = await channelFor(deps, granted);
  const now = deps.clock.now();
  const previous = await deps.platform.authorization(granted.appId);
  const authorization: Authorization = {
    appId: granted.appId,
    channelId: channel.id,
    componentAppId,
    kind: channel.kind,
    state: 'authorized',
    permissions: granted.permissions,
    refreshToken: granted.refreshToken,
    authorizedAt: previous?.state === 'authorized' ? previous.authorizedAt : now,
    updatedAt: now,
    lastAuthCode: authCode,
  };
  await deps.platform.saveAuthorization(authorization);
  await keepFirstToken(deps, granted);
  return publicAuthorization(authorization);
}
