// Routing and timer settings at the channel level (platform admins) and the merchant level (the
// merchant's admins too). The rules are the stories' (app/admin/settings.ts).
import { z } from 'zod';
import { channelSettings, merchantSettings, replaceChannelSettings, replaceMerchantSettings } from '../../../app/admin/settings';
import type { ApiContext } from '../api-context';
import { ADMINS, PLATFORM, route, type ApiRoute } from '../route-table';
import { channelParams, id } from '../../../contract/common';
import { settingsAnswer, settingsPatch } from '../../../contract/settings';

const TAG = 'settings';

export function settingsRoutes(ctx: ApiContext): ApiRoute[] {
  const merchantParams = z.strictObject({ merchantId: id });
  return [
    route({
      method: 'get', path: '/channels/:channelId/settings', tag: TAG, summary: 'The channel’s routing settings', roles: PLATFORM, params: channelParams, response: settingsAnswer,
      handle: async ({ principal, params }) => channelSettings(ctx.admin, principal, params.channelId),
    }),
    route({
      method: 'put', path: '/channels/:channelId/settings', tag: TAG, summary: 'Replace the channel’s routing settings', roles: PLATFORM,
      params: channelParams, body: settingsPatch, response: settingsAnswer,
      handle: async ({ principal, params, body }) => replaceChannelSettings(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'get', path: '/merchants/:merchantId/settings', tag: TAG, summary: 'A merchant’s routing settings (overrides of the channel’s)', roles: ADMINS,
      params: merchantParams, response: settingsAnswer,
      handle: async ({ principal, params }) => merchantSettings(ctx.admin, principal, params.merchantId),
    }),
    route({
      method: 'put', path: '/merchants/:merchantId/settings', tag: TAG, summary: 'Replace a merchant’s routing settings', roles: ADMINS,
      params: merchantParams, body: settingsPatch, response: settingsAnswer,
      handle: async ({ principal, params, body }) => replaceMerchantSettings(ctx.admin, principal, params.merchantId, body),
    }),
  ];
}
