// The open platform's tokens and calls (shared/docs/wechat-protocol.md §9), on the one token broker
// (wechat/outbound/token-broker.ts): single flight, refreshed ahead of expiry, stored sealed, one fetch per
// cluster under the token store's refresh lock.
//  - the component_access_token (kind `component`, keyed by the component AppID) from the AppSecret and
//    the latest component_verify_ticket;
//  - each authorizer's token (kind `authorizer`, keyed by its AppID) from its refresh token through
//    api_authorizer_token, never cgi-bin/token; the new refresh token is kept before the access token is.
import type { PlatformSettings } from '../core/open-platform';
import type { AuthorizerAccount, GrantedAuthorization, OpenPlatformApi } from '../core/ports/open-platform-api';
import type { PlatformStore } from '../core/ports/platform-store';
import type { TokenStore } from '../core/ports/token-store';
import { ApiError, conflict } from '../app/errors';
import { AccessTokenBroker, WeChatApiError, type WeChatClient } from '../wechat/outbound/index';
import {
  componentJscode2session,
  createPreAuthCode,
  fetchAuthorizerInfo,
  fetchComponentToken,
  queryAuth,
  refreshAuthorizerToken,
} from '../wechat/outbound/component-endpoints';
import type { CodeSession } from '../wechat/outbound/jscode2session';

interface Cached {
  fingerprint: string;
  broker: AccessTokenBroker;
}

/** WeChat's refusal as an answer the console can show (errcode and errmsg; never a token). */
function shown(error: unknown): unknown {
  if (error instanceof WeChatApiError) return new ApiError(502, 'wechat_refused', `WeChat refused: ${error.errcode} ${error.errmsg}`);
  return error;
}

export class OpenPlatformApis implements OpenPlatformApi {
  private component: Cached | undefined;
  private readonly authorizers = new Map<string, AccessTokenBroker>();

  constructor(
    private readonly client: WeChatClient,
    private readonly platform: PlatformStore,
    private readonly tokens: TokenStore,
    private readonly now: () => number,
  ) {}

  private async settings(): Promise<PlatformSettings> {
    const settings = await this.platform.settings();
    if (!settings) throw conflict('platform_not_configured', 'configure the open platform first');
    return settings;
  }

  /** The component token's broker for the current settings (a new AppID or AppSecret gets a new one). */
  private async componentBroker(): Promise<{ broker: AccessTokenBroker; componentAppId: string }> {
    const settings = await this.settings();
    const fingerprint = `${settings.componentAppId}\n${settings.appSecret}`;
    if (this.component?.fingerprint !== fingerprint) {
      const broker = new AccessTokenBroker({
        appId: settings.componentAppId,
        source: 'component',
        client: this.client,
        store: this.tokens,
        now: this.now,
        fetchToken: async () => {
          const ticket = await this.platform.ticket();
          if (!ticket) throw conflict('no_verify_ticket', 'no component_verify_ticket yet: WeChat pushes one every 10 minutes');
          return fetchComponentToken(this.client, { ...settings, ticket: ticket.ticket });
        },
      });
      this.component = { fingerprint, broker };
    }
    return { broker: this.component.broker, componentAppId: settings.componentAppId };
  }

  /** Runs a component call with the component token (a token error refreshes it once); WeChat's errors as they are. */
  private async withComponentToken<T>(call: (token: string, componentAppId: string) => Promise<T>): Promise<T> {
    const { broker, componentAppId } = await this.componentBroker();
    return broker.withToken((token) => call(token, componentAppId));
  }

  /** The same, for the stories: WeChat's refusal becomes an answer the console shows. */
  private async forStory<T>(call: (token: string, componentAppId: string) => Promise<T>): Promise<T> {
    try {
      return await this.withComponentToken(call);
    } catch (error) {
      throw shown(error);
    }
  }

  createPreAuthCode(): Promise<{ code: string; expiresInSeconds: number }> {
    return this.forStory((token, componentAppId) => createPreAuthCode(this.client, token, componentAppId));
  }

  queryAuth(authCode: string): Promise<GrantedAuthorization> {
    return this.forStory((token, componentAppId) => queryAuth(this.client, token, componentAppId, authCode));
  }

  async authorizerAccount(appId: string): Promise<AuthorizerAccount> {
    const info = await this.forStory((token, componentAppId) => fetchAuthorizerInfo(this.client, token, componentAppId, appId));
    return { name: info.name, originalId: info.originalId, kind: info.kind };
  }

  /** The kit's login for an authorized mini program (sns/component/jscode2session). */
  codeToSession(appId: string, code: string): Promise<CodeSession> {
    return this.withComponentToken((componentToken, componentAppId) =>
      componentJscode2session(this.client, { appId, componentAppId, componentToken }, code),
    );
  }

  /** The broker of an authorized account's tokens: refreshed through api_authorizer_token only. */
  authorizerBroker(appId: string): AccessTokenBroker {
    let broker = this.authorizers.get(appId);
    if (!broker) {
      broker = new AccessTokenBroker({
        appId,
        source: 'authorizer',
        client: this.client,
        store: this.tokens,
        now: this.now,
        fetchToken: () => this.refreshAuthorizer(appId),
      });
      this.authorizers.set(appId, broker);
    }
    return broker;
  }

  /** Runs under the token store's refresh lock (the broker's): the refresh token is read and replaced by one node. */
  private async refreshAuthorizer(appId: string): Promise<{ token: string; expiresInSeconds: number }> {
    const authorization = await this.platform.authorization(appId);
    if (!authorization || authorization.state !== 'authorized')
      throw conflict('not_authorized', `${appId} has not authorized the platform`);
    const fresh = await this.withComponentToken((token, componentAppId) =>
      refreshAuthorizerToken(this.client, token, componentAppId, appId, authorization.refreshToken),
    );
    // Kept first: the old refresh token may stop working once WeChat issued this one.
    await this.platform.saveAuthorization({ ...authorization, refreshToken: fresh.refreshToken, updatedAt: this.now() });
    return { token: fresh.accessToken, expiresInSeconds: fresh.expiresInSeconds };
  }
}
