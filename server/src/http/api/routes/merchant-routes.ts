// Merchants (organisation units inside a channel): platform admins create and change them; merchant
// admins and agents read their own. The rules are the stories' (app/admin/merchants.ts).
import { z } from 'zod';
import { changeMerchant, createMerchant, listMerchants, readMerchant } from '../../../app/admin/merchants';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, PLATFORM, route, type ApiRoute } from '../route-table';
import { channelParams, id, list } from '../../../contract/common';
import { merchant, merchantCreate, merchantUpdate } from '../../../contract/team';

const TAG = 'merchants';
const merchantParams = z.strictObject({ merchantId: id });

export function merchantRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/merchants', tag: TAG, summary: 'List a channel’s merchants (yours only unless platform admin)', roles: ALL_ROLES,
      params: channelParams, response: list(merchant),
      handle: async ({ principal, params }) => ({ items: await listMerchants(ctx.admin, principal, params.channelId) }),
    }),
    route({
      method: 'post', path: '/channels/:channelId/merchants', tag: TAG, summary: 'Create a merchant', roles: PLATFORM, status: 201,
      params: channelParams, body: merchantCreate, response: merchant,
      handle: async ({ principal, params, body }) => createMerchant(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'get', path: '/merchants/:merchantId', tag: TAG, summary: 'Read a merchant', roles: ALL_ROLES, params: merchantParams, response: merchant,
      handle: async ({ principal, params }) => readMerchant(ctx.admin, principal, params.merchantId),
    }),
    route({
      method: 'patch', path: '/merchants/:merchantId', tag: TAG, summary: 'Change a merchant’s code or name', roles: PLATFORM,
      params: merchantParams, body: merchantUpdate, response: merchant,
      handle: async ({ principal, params, body }) => changeMerchant(ctx.admin, principal, params.merchantId, body),
    }),
  ];
}
