// Routing and timer settings at the channel level (platform admins) and the merchant level (the
// merchant's admins too). Each level is read and replaced the same way; the rules are the stories'
// (app/admin/settings.ts).
import type { z } from 'zod';
import type { AdminDeps } from '../../../app/admin/index';
import { channelSettings, merchantSettings, replaceChannelSettings, replaceMerchantSettings } from '../../../app/admin/settings';
import type { Principal } from '../../../app/auth/principal';
import type { Role } from '../../../core/ports/auth';
import type { ApiContext } from '../api-context';
import { itemParams } from '../resource-routes';
import { ADMINS, PLATFORM, route, type ApiRoute } from '../route-table';
import { settingsAnswer, settingsPatch } from '../../../contract/settings';

interface Level {
  /** The settings live at /<owner>/:<idParam>/settings. */
  owner: string;
  idParam: string;
  roles: readonly Role[];
  read(deps: AdminDeps, p: Principal, id: string): Promise<unknown>;
  replace(deps: AdminDeps, p: Principal, id: string, patch: z.output<typeof settingsPatch>): Promise<unknown>;
  summaries: { read: string; replace: string };
}

function levelRoutes(ctx: ApiContext, level: Level): ApiRoute[] {
  const path = `/${level.owner}/:${level.idParam}/settings`;
  const params = itemParams(level.idParam);
  const common = { path, tag: 'settings', roles: level.roles, params, response: settingsAnswer };
  return [
    route({
      ...common,
      method: 'get',
      summary: level.summaries.read,
      handle: async ({ principal, params: p }) => level.read(ctx.admin, principal, p[level.idParam]!),
    }),
    route({
      ...common,
      method: 'put',
      summary: level.summaries.replace,
      body: settingsPatch,
      handle: async ({ principal, params: p, body }) => level.replace(ctx.admin, principal, p[level.idParam]!, body),
    }),
  ];
}

export function settingsRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...levelRoutes(ctx, {
      owner: 'channels',
      idParam: 'channelId',
      roles: PLATFORM,
      read: channelSettings,
      replace: replaceChannelSettings,
      summaries: { read: 'The channel’s routing settings', replace: 'Replace the channel’s routing settings' },
    }),
    ...levelRoutes(ctx, {
      owner: 'merchants',
      idParam: 'merchantId',
      roles: ADMINS,
      read: merchantSettings,
      replace: replaceMerchantSettings,
      summaries: { read: 'A merchant’s routing settings (overrides of the channel’s)', replace: 'Replace a merchant’s routing settings' },
    }),
  ];
}
