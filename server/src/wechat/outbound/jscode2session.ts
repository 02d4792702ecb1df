// GET sns/jscode2session (miniprogram/dev/OpenApiDoc/user-login/code2Session.html): exchanges the code
// from wx.login for the user's openid, the UnionID (only when the mini program is bound to an open
// platform account) and the session_key. Needs the AppSecret, no access_token.
// The session_key is a secret between WeChat and us: it must never reach the mini program or a log.
import type { WeChatClient } from './client';
import { WeChatTransportError } from './errors';
import type { AppCredentials } from './token-endpoints';

export interface CodeSession {
  openId: string;
  unionId?: string;
  sessionKey: string;
}

export const JSCODE2SESSION_PATH = 'sns/jscode2session';

interface SessionResponse {
  openid?: unknown;
  unionid?: unknown;
  session_key?: unknown;
}

export async function jscode2session(client: WeChatClient, app: AppCredentials, code: string): Promise<CodeSession> {
  const query = { appid: app.appId, secret: app.secret, js_code: code, grant_type: 'authorization_code' };
  const res = await client.getJson<SessionResponse>(JSCODE2SESSION_PATH, query);
  if (typeof res.openid !== 'string' || typeof res.session_key !== 'string') {
    throw new WeChatTransportError(JSCODE2SESSION_PATH, 'response lacks openid or session_key');
  }
  const unionId = typeof res.unionid === 'string' && res.unionid !== '' ? res.unionid : undefined;
  return { openId: res.openid, sessionKey: res.session_key, ...(unionId !== undefined && { unionId }) };
}
