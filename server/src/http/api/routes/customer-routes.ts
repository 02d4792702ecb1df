// Customers (read only). A customer belongs to a channel, not a merchant: merchant admins and agents see
// a customer only when the customer has talked to their merchant.
import { z } from 'zod';
import type { Customer } from '../../../core/model/customer';
import type { ApiContext } from '../api-context';
import { mustReachChannel } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id } from '../schemas/common';
import { customer } from '../schemas/conversation';

const TAG = 'customers';

async function mustSeeCustomer(ctx: ApiContext, p: Principal, c: Customer): Promise<Customer> {
  mustReachChannel(p, c.channelId);
  if (p.role === 'platform_admin') return c;
  const talked = await ctx.tx((tx) => tx.conversations.list({ channelId: c.channelId, merchant: { merchantId: p.merchantId }, customerId: c.id, limit: 1 }));
  if (talked.length === 0) throw forbidden(`customer ${c.id} has not talked to your merchant`);
  return c;
}

export function customerRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/customers/:customerId', tag: TAG, summary: 'Read a customer', roles: ALL_ROLES,
      params: z.strictObject({ customerId: id }), response: customer,
      handle: async ({ principal, params }) => {
        const c = await ctx.tx((tx) => tx.customers.get(params.customerId));
        if (!c) throw notFound(`customer ${params.customerId}`);
        return mustSeeCustomer(ctx, principal, c);
      },
    }),
    route({
      method: 'get', path: '/channels/:channelId/customers', tag: TAG, summary: 'Find a customer of the channel by openid', roles: ALL_ROLES,
      params: channelParams, query: z.strictObject({ openid: z.string().min(1).max(128) }), response: customer,
      handle: async ({ principal, params, query }) => {
        mustReachChannel(principal, params.channelId);
        const c = await ctx.tx((tx) => tx.customers.findByOpenid(params.channelId, query.openid));
        if (!c) throw notFound('customer');
        return mustSeeCustomer(ctx, principal, c);
      },
    }),
  ];
}
