// Routing and timer settings at the channel level (platform admins) and the merchant level (the
// merchant's admins too). Each level stores a patch; the answer also shows what applies there.
import { z } from 'zod';
import { resolveSettings } from '../../../core/model/default-settings';
import type { RoutingSettingsPatch } from '../../../core/model/routing-settings';
import type { ApiContext } from '../api-context';
import type { Scoped } from '../auth/principal';
import { ADMINS, PLATFORM, route, type ApiRoute } from '../route-table';
import { channelParams, id } from '../../../contract/common';
import { settingsAnswer, settingsPatch } from '../../../contract/settings';
import { channelInReach, mustShareScope, recordInReach } from './lookups';

const TAG = 'settings';

async function answer(ctx: ApiContext, at: Scoped) {
  return ctx.tx(async (tx) => {
    const channelLevel = await tx.settings.get(at.channelId, undefined);
    const stored = at.merchantId === undefined ? channelLevel : await tx.settings.get(at.channelId, at.merchantId);
    const effective = at.merchantId === undefined ? resolveSettings(channelLevel) : resolveSettings(channelLevel, stored);
    return { stored: stored ?? {}, effective };
  });
}

async function save(ctx: ApiContext, at: Scoped, patch: RoutingSettingsPatch) {
  // Referenced groups and calendars must be of this level's merchant (or the platform's for the channel level).
  await mustShareScope(ctx, at, { groupIds: patch.defaultGroupId ? [patch.defaultGroupId] : [], calendarIds: [patch.calendarId] });
  await ctx.tx((tx) => tx.settings.save(at.channelId, at.merchantId, patch));
  return answer(ctx, at);
}

export function settingsRoutes(ctx: ApiContext): ApiRoute[] {
  const merchantParams = z.strictObject({ merchantId: id });
  return [
    route({
      method: 'get', path: '/channels/:channelId/settings', tag: TAG, summary: 'The channel’s routing settings', roles: PLATFORM, params: channelParams, response: settingsAnswer,
      handle: async ({ principal, params }) => {
        await channelInReach(ctx, principal, params.channelId);
        return answer(ctx, { channelId: params.channelId });
      },
    }),
    route({
      method: 'put', path: '/channels/:channelId/settings', tag: TAG, summary: 'Replace the channel’s routing settings', roles: PLATFORM,
      params: channelParams, body: settingsPatch, response: settingsAnswer,
      handle: async ({ principal, params, body }) => {
        await channelInReach(ctx, principal, params.channelId);
        return save(ctx, { channelId: params.channelId }, body);
      },
    }),
    route({
      method: 'get', path: '/merchants/:merchantId/settings', tag: TAG, summary: 'A merchant’s routing settings (overrides of the channel’s)', roles: ADMINS,
      params: merchantParams, response: settingsAnswer,
      handle: async ({ principal, params }) => {
        const m = await recordInReach(ctx, principal, 'merchants', params.merchantId);
        return answer(ctx, { channelId: m.channelId, merchantId: m.id });
      },
    }),
    route({
      method: 'put', path: '/merchants/:merchantId/settings', tag: TAG, summary: 'Replace a merchant’s routing settings', roles: ADMINS,
      params: merchantParams, body: settingsPatch, response: settingsAnswer,
      handle: async ({ principal, params, body }) => {
        const m = await recordInReach(ctx, principal, 'merchants', params.merchantId);
        return save(ctx, { channelId: m.channelId, merchantId: m.id }, body);
      },
    }),
  ];
}
