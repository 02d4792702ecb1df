// The two ways to obtain an access_token:
//  - stable: POST cgi-bin/stable_token (doc/service/api/base/api_getstableaccesstoken), the same token
//    for every caller while it is valid, so independent deployments do not invalidate each other;
//  - basic:  GET cgi-bin/token (doc/offiaccount/Basic_Information/Get_access_token.html), a new token
//    per call that supersedes the previous one after 5 minutes.
import type { TokenSource } from '../../core/ports/token-store';
import type { WeChatClient } from './client';
import { WeChatTransportError } from './errors';

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

export interface AppCredentials {
  appId: string;
  /** The AppSecret; never logged, never put in an error message. */
  secret: string;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

function toFetched(path: string, res: TokenResponse): FetchedToken {
  if (typeof res.access_token !== 'string' || res.access_token === '' || typeof res.expires_in !== 'number') {
    throw new WeChatTransportError(path, 'token response lacks access_token or expires_in');
  }
  return { token: res.access_token, expiresInSeconds: res.expires_in };
}

export async function fetchAccessToken(client: WeChatClient, source: TokenSource, app: AppCredentials): Promise<FetchedToken> {
  if (source === 'stable') {
    const path = 'cgi-bin/stable_token';
    // force_refresh stays false: forcing invalidates the token every other holder uses (only for leaks).
    const body = { grant_type: 'client_credential', appid: app.appId, secret: app.secret, force_refresh: false };
    return toFetched(path, await client.postJson<TokenResponse>(path, {}, body));
  }
  const path = 'cgi-bin/token';
  const query = { grant_type: 'client_credential', appid: app.appId, secret: app.secret };
  return toFetched(path, await client.getJson<TokenResponse>(path, query));
}
