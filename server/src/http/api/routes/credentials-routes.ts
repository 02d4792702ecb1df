// Checking a channel's AppID and AppSecret against WeChat before relying on them (platform admins, who
// connect channels): new credentials, or a saved channel's (optionally with a new AppSecret to try
// before saving it). Answers 200 either way: a refusal is a result to show, not a failed request.
import type { ApiContext } from '../api-context';
import { notFound } from '../../../app/errors';
import { PLATFORM, route, type ApiRoute } from '../route-table';
import { credentialsAnswer, credentialsCheck, storedCredentialsCheck } from '../../../contract/channel';
import { channelParams } from '../../../contract/common';
import { channelInReach } from '../../../app/admin/reach';

const TAG = 'channels';
const DESCRIPTION =
  'Calls WeChat’s cgi-bin/stable_token (force_refresh false, so no token anyone uses is invalidated) and keeps nothing. Answers {ok: true}, or {ok: false, errcode, errmsg, explanation}; errcode null when WeChat could not be reached.';

export function credentialsRoutes(ctx: ApiContext): ApiRoute[] {
  const check = () => {
    if (!ctx.checkCredentials) throw notFound('credential check');
    return ctx.checkCredentials;
  };
  return [
    route({
      method: 'post',
      path: '/channels/credentials-check',
      tag: TAG,
      summary: 'Check an AppID and AppSecret against WeChat',
      roles: PLATFORM,
      description: DESCRIPTION,
      body: credentialsCheck,
      response: credentialsAnswer,
      handle: async ({ body }) => check()(body.kind, { appId: body.appId, secret: body.appSecret }),
    }),
    route({
      method: 'post',
      path: '/channels/:channelId/credentials-check',
      tag: TAG,
      summary: 'Check a channel’s AppID with its stored AppSecret, or with a new one before saving it',
      roles: PLATFORM,
      description: DESCRIPTION,
      params: channelParams,
      body: storedCredentialsCheck,
      response: credentialsAnswer,
      handle: async ({ principal, params, body }) => {
        const channel = await channelInReach(ctx.admin, principal, params.channelId);
        return check()(channel.kind, { appId: channel.appId, secret: body.appSecret ?? channel.appSecret });
      },
    }),
  ];
}
