// Port: the open platform's calls to WeChat the stories need (wechat/outbound/component-endpoints.ts over
// the component token, runtime/open-platform-apis.ts). Each uses the platform's current settings and the
// component_access_token, fetched once per cluster; failures are ApiErrors the caller can show.
import type { ChannelKind } from '../channel';

export interface GrantedAuthorization {
  appId: string;
  accessToken: string;
  expiresInSeconds: number;
  refreshToken: string;
  /** The func_info ids granted, ascending. */
  permissions: number[];
}

export interface AuthorizerAccount {
  name: string;
  /** The original id (gh_…). */
  originalId: string;
  kind: ChannelKind;
}

export interface OpenPlatformApi {
  /** A new single-use pre_auth_code for the authorization page. */
  createPreAuthCode(): Promise<{ code: string; expiresInSeconds: number }>;
  /** api_query_auth: what the account granted, and its first tokens. */
  queryAuth(authCode: string): Promise<GrantedAuthorization>;
  /** api_get_authorizer_info: the account's name, original id and kind. */
  authorizerAccount(appId: string): Promise<AuthorizerAccount>;
}
