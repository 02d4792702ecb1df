// What an account's admin does to an open platform, shared by the authorization page and the admin API:
// authorize (first time → `authorized`, again → `updateauthorized`) and cancel (→ `unauthorized`).
// Event fields as WeChat pushes them (doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html):
// authorized/updateauthorized carry AuthorizerAppid, AuthorizationCode, AuthorizationCodeExpiredTime (Unix
// seconds) and PreAuthCode; unauthorized carries AuthorizerAppid only.
import type { EmulatedApp } from './apps';
import { EmulatorAdminError } from './errors';
import { FUNC_SETS } from './open-platform-config';
import { pushSystemEvent, type SystemPushResult } from './open-platform-push';
import type { EmulatorState } from './state';

export type AuthType = 1 | 2 | 3;

export interface AuthorizeRequest {
  preAuthCode: string;
  authorizerAppId: string;
  /** Permission sets kept ticked; absent = every set offered for the account's kind. */
  funcIds?: number[];
  /** 1 official accounts, 2 mini programs, 3 both (WeChat's default). */
  authType?: AuthType;
  /** biz_appid: the page offers this account only. */
  bizAppId?: string;
  redirectUri?: string;
}

export interface AuthorizeResult {
  authCode: string;
  expiresIn: number;
  infoType: 'authorized' | 'updateauthorized';
  funcIds: number[];
  /** redirect_uri?auth_code=…&expires_in=…, when a redirect_uri was given. */
  redirect?: string;
  push: SystemPushResult;
}

/** Whether the page may offer `app` for this auth_type and biz_appid. */
export function offered(app: EmulatedApp, authType: AuthType, bizAppId: string | undefined): boolean {
  if (bizAppId !== undefined && bizAppId !== '' && app.appId !== bizAppId) return false;
  return authType === 3 || (authType === 1 ? app.kind === 'official_account' : app.kind === 'miniprogram');
}

/** The redirect_uri the page will use, or why WeChat refuses it (授权发起页域名 mismatch, not a URL). */
export function redirectProblem(state: EmulatorState, redirectUri: string | undefined): string | undefined {
  if (redirectUri === undefined || redirectUri === '') return 'redirect_uri is missing 缺少回调地址';
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return 'redirect_uri is not a URL 回调地址无效';
  }
  const domain = state.openPlatform.config?.redirectDomain;
  if (domain !== undefined && url.hostname !== domain && url.host !== domain) {
    return `redirect_uri is not on the platform's 授权发起页域名 ${domain}`;
  }
  return undefined;
}

export async function authorizeAccount(state: EmulatorState, req: AuthorizeRequest): Promise<AuthorizeResult> {
  const platform = state.openPlatform;
  if (!platform.config) throw new EmulatorAdminError(409, 'no open platform is registered');
  const app = state.apps.find(req.authorizerAppId);
  if (!app || !offered(app, req.authType ?? 3, req.bizAppId)) {
    throw new EmulatorAdminError(400, `account ${req.authorizerAppId} is not offered by this authorization page`);
  }
  const redirect = req.redirectUri === undefined ? undefined : redirectProblem(state, req.redirectUri);
  if (redirect !== undefined) throw new EmulatorAdminError(400, redirect);
  const offeredIds: number[] = FUNC_SETS[app.kind].map((f) => f.id);
  const funcIds = req.funcIds === undefined ? offeredIds : offeredIds.filter((id) => req.funcIds?.includes(id));
  if (funcIds.length === 0) throw new EmulatorAdminError(400, 'tick at least one permission set 请至少选择一个权限集');
  const now = state.clock.now();
  const problem = platform.preAuthCodeProblem(req.preAuthCode, now);
  if (problem) throw new EmulatorAdminError(409, problem);
  const done = platform.authorize(req.preAuthCode, app, funcIds, now);
  const push = await pushSystemEvent(state, done.infoType, {
    AuthorizerAppid: app.appId,
    AuthorizationCode: done.authCode,
    AuthorizationCodeExpiredTime: Math.floor(done.expiresAt / 1000),
    PreAuthCode: req.preAuthCode,
  });
  const expiresIn = Math.round((done.expiresAt - now) / 1000);
  const result: AuthorizeResult = { authCode: done.authCode, expiresIn, infoType: done.infoType, funcIds, push };
  if (req.redirectUri !== undefined) {
    const url = new URL(req.redirectUri);
    url.searchParams.set('auth_code', done.authCode);
    url.searchParams.set('expires_in', String(expiresIn));
    result.redirect = url.toString();
  }
  return result;
}

/** The account's admin cancels the authorization: its tokens die, WeChat pushes `unauthorized`. */
export async function revokeAccount(state: EmulatorState, appId: string): Promise<SystemPushResult> {
  const removed = state.openPlatform.revoke(appId);
  if (!removed) throw new EmulatorAdminError(404, `${appId} is not authorized to the open platform`);
  state.tokens.revokeAll(appId, 'authorizer', state.clock.now());
  return pushSystemEvent(state, 'unauthorized', { AuthorizerAppid: appId });
}
