// "Do this AppID and AppSecret work?", asked when an admin connects a channel: one call of
// cgi-bin/stable_token (doc/service/api/base/api_getstableaccesstoken) with force_refresh false, which
// hands out the token every other holder already uses, so checking invalidates nothing. The token is
// dropped: a check stores nothing. The common refusals get an explanation an admin can act on; the
// secret is never part of an answer or an error (token-endpoints.ts sends it in the body, not the URL).
import type { ChannelKind } from '../../core/channel';
import type { WeChatClient } from './client';
import { WeChatApiError } from './errors';
import { fetchAccessToken, type AppCredentials } from './token-endpoints';

export type CredentialCheck = { ok: true } | { ok: false; errcode: number | null; errmsg: string; explanation: string };

const CONSOLE: Record<ChannelKind, { secret: string; whitelist: string }> = {
  miniprogram: {
    secret: 'the mini program console, Development Management → Development Settings',
    whitelist: 'the mini program console, Development Management → Development Settings → IP whitelist',
  },
  official_account: {
    secret: 'the official account console, Settings and Development → Basic Configuration',
    whitelist: 'the official account console, Settings and Development → Basic Configuration → IP whitelist',
  },
};

export function explainCredentialError(errcode: number, kind: ChannelKind): string {
  const where = CONSOLE[kind];
  switch (errcode) {
    case 40013:
      return 'WeChat knows no app with this AppID: check it for typos and that it is the AppID of this app.';
    case 40125:
      return `The AppSecret does not belong to this AppID: copy it again from ${where.secret} (or reset it there).`;
    case 40164:
      return `WeChat refuses calls from this server's IP address: add the server's outgoing IP address to ${where.whitelist}.`;
    case -1:
      return 'WeChat is busy: try again in a moment.';
    case 41002:
    case 41004:
      return 'The AppID or the AppSecret is missing.';
    case 45009:
    case 45011:
      return 'WeChat’s quota for fetching tokens is used up for now: try again later.';
    case 89503:
    case 89506:
    case 89507:
      return `WeChat wants an administrator to confirm calls from this IP address: confirm it in WeChat, or add the address to ${where.whitelist}.`;
    default:
      return `WeChat refused the credentials (errcode ${errcode}); see WeChat's global error code table.`;
  }
}

export async function checkCredentials(client: WeChatClient, kind: ChannelKind, app: AppCredentials): Promise<CredentialCheck> {
  try {
    await fetchAccessToken(client, 'stable', app);
    return { ok: true };
  } catch (err) {
    if (err instanceof WeChatApiError)
      return { ok: false, errcode: err.errcode, errmsg: err.errmsg, explanation: explainCredentialError(err.errcode, kind) };
    return {
      ok: false,
      errcode: null,
      errmsg: 'could not reach WeChat',
      explanation: 'Could not reach WeChat: check that this server can open HTTPS connections to the WeChat API, then try again.',
    };
  }
}
