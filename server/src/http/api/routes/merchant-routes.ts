// Merchants (issue 8's organisation units inside a channel): platform admins create and change them;
// merchant admins and agents read their own.
import { z } from 'zod';
import type { ApiContext } from '../api-context';
import { merchantFilter } from '../auth/policy';
import { conflict } from '../../../app/errors';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';
import { channelParams, id, list } from '../../../contract/common';
import { merchant, merchantCreate, merchantUpdate } from '../../../contract/team';
import { channelInReach, recordInReach } from './lookups';

const TAG = 'merchants';
const merchantParams = z.strictObject({ merchantId: id });

async function mustBeFreeCode(ctx: ApiContext, channelId: string, code: string, self?: string): Promise<void> {
  const holder = await ctx.tx((tx) => tx.merchants.findByCode(channelId, code));
  if (holder && holder.id !== self) throw conflict('code_taken', `merchant code ${code} is taken in channel ${channelId}`);
}

export function merchantRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/merchants', tag: TAG, summary: 'List a channel’s merchants (yours only unless platform admin)', roles: ALL_ROLES,
      params: channelParams, response: list(merchant),
      handle: async ({ principal, params }) => {
        await channelInReach(ctx, principal, params.channelId);
        const filter = merchantFilter(principal, params.channelId, undefined);
        const all = await ctx.tx((tx) => tx.merchants.listByChannel(params.channelId));
        return { items: filter ? all.filter((m) => m.id === filter.merchantId) : all };
      },
    }),
    route({
      method: 'post', path: '/channels/:channelId/merchants', tag: TAG, summary: 'Create a merchant', roles: PLATFORM, status: 201,
      params: channelParams, body: merchantCreate, response: merchant,
      handle: async ({ principal, params, body }) => {
        await channelInReach(ctx, principal, params.channelId);
        await mustBeFreeCode(ctx, params.channelId, body.code);
        // Generated ids start with "mer_", so none can be mistaken for the "platform" filter value.
        const record = { id: ctx.newId('mer'), channelId: params.channelId, code: body.code, name: body.name };
        await ctx.tx((tx) => tx.merchants.save(record));
        return record;
      },
    }),
    route({
      method: 'get', path: '/merchants/:merchantId', tag: TAG, summary: 'Read a merchant', roles: ALL_ROLES, params: merchantParams, response: merchant,
      handle: async ({ principal, params }) => recordInReach(ctx, principal, 'merchants', params.merchantId),
    }),
    route({
      method: 'patch', path: '/merchants/:merchantId', tag: TAG, summary: 'Change a merchant’s code or name', roles: PLATFORM,
      params: merchantParams, body: merchantUpdate, response: merchant,
      handle: async ({ principal, params, body }) => {
        const current = await recordInReach(ctx, principal, 'merchants', params.merchantId);
        if (body.code !== undefined) await mustBeFreeCode(ctx, current.channelId, body.code, current.id);
        const next = { ...current, ...(body.code !== undefined && { code: body.code }), ...(body.name !== undefined && { name: body.name }) };
        await ctx.tx((tx) => tx.merchants.save(next));
        return next;
      },
    }),
  ];
}
