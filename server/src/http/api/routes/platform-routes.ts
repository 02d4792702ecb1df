// The open platform (第三方平台) for platform admins: its settings, authorization links (扫码授权), the
// authorizations; and a channel's authorization state for anyone who reaches the channel. The rules are
// the stories' (app/open-platform).
import {
  PLATFORM_PATHS,
  channelAuthorization,
  configurePlatform,
  createAuthorizationLink,
  listAuthorizations,
  readPlatform,
} from '../../../app/open-platform/index';
import { notFound } from '../../../app/errors';
import { channelParams, list } from '../../../contract/common';
import {
  authorization,
  authorizationLink,
  authorizationLinkCreate,
  channelAuthorization as channelAuthorizationAnswer,
  platform,
  platformChange,
} from '../../../contract/open-platform';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';

const TAG = 'open platform';

export function platformRoutes(ctx: ApiContext): ApiRoute[] {
  const deps = () => {
    if (!ctx.openPlatform) throw notFound('open platform');
    return ctx.openPlatform;
  };
  return [
    route({
      method: 'get',
      path: '/platform',
      tag: TAG,
      summary: 'The open platform’s settings (secrets only as "is set"), its ticket and its URLs',
      roles: PLATFORM,
      response: platform,
      handle: () => readPlatform(deps()),
    }),
    route({
      method: 'put',
      path: '/platform',
      tag: TAG,
      summary: 'Configure the open platform; absent secrets are kept',
      roles: PLATFORM,
      body: platformChange,
      response: platform,
      handle: ({ principal, body }) => configurePlatform({ ...ctx.admin, ...deps() }, body, principal),
    }),
    route({
      method: 'post',
      path: '/platform/authorization-links',
      tag: TAG,
      summary: 'A new link (and QR code target) to WeChat’s authorization page, for a new pre_auth_code',
      description:
        'The admin scans or opens it, picks the account and confirms; WeChat then sends the browser to /wechat/component/authorized, which creates the channel and goes on to returnTo.',
      roles: PLATFORM,
      status: 201,
      body: authorizationLinkCreate,
      response: authorizationLink,
      handle: ({ body, req }) => {
        const back = new URLSearchParams({ return: body.returnTo ?? '/app/' });
        const redirectUri = `${req.protocol}://${req.get('host') ?? 'localhost'}${PLATFORM_PATHS.authorized}?${back}`;
        return createAuthorizationLink(deps(), { target: body.target, redirectUri, pageBaseUrl: ctx.authPageBaseUrl });
      },
    }),
    route({
      method: 'get',
      path: '/platform/authorizations',
      tag: TAG,
      summary: 'Every account that authorized the platform: state, permissions, the needed ones missing and what they break',
      roles: PLATFORM,
      response: list(authorization),
      handle: async () => ({ items: await listAuthorizations(deps()) }),
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/authorization',
      tag: 'channels',
      summary: 'How the channel is connected: its open-platform authorization, or null (developer authorization)',
      roles: ALL_ROLES,
      params: channelParams,
      response: channelAuthorizationAnswer,
      handle: ({ principal, params }) => channelAuthorization(ctx.admin, deps(), principal, params.channelId),
    }),
  ];
}
