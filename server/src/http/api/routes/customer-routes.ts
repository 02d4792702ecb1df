// Customers (read only), shown through customerView (no routing state; the UnionID only when allowed).
// Who may see whom is the stories' (app/admin/customers.ts).
import { z } from 'zod';
import { listCustomerEvents } from '../../../app/admin/customer-events';
import { findCustomerByOpenid, readCustomer, type SeenCustomer } from '../../../app/admin/customers';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id } from '../../../contract/common';
import { customer, customerEventList, customerEventQuery } from '../../../contract/conversation';
import { customerEventView } from '../views/customer-event-view';
import { customerView } from '../views/customer-view';
import { notFound } from '../../../app/errors';

const TAG = 'customers';

const shown = (s: SeenCustomer) => customerView(s.customer, { unionId: s.unionId, entryPage: s.entryPage });

export function customerRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/customers/:customerId',
      tag: TAG,
      summary: 'Read a customer',
      roles: ALL_ROLES,
      params: z.strictObject({ customerId: id }),
      response: customer,
      handle: async ({ principal, params }) => shown(await readCustomer(ctx.admin, principal, params.customerId)),
    }),
    route({
      method: 'get',
      path: '/customers/:customerId/events',
      tag: TAG,
      summary: 'A customer’s events and unknown pushes as WeChat sent them, newest first (`before` pages back)',
      roles: ALL_ROLES,
      params: z.strictObject({ customerId: id }),
      query: customerEventQuery,
      response: customerEventList,
      handle: async ({ principal, params, query }) => {
        if (!ctx.pushLog) throw notFound('the push log');
        const page = await listCustomerEvents(ctx.admin, ctx.pushLog, principal, params.customerId, query);
        const items = page.items.map((e) => customerEventView(e, { unionId: page.unionId }));
        return { items, ...(page.nextBefore !== undefined && { nextBefore: String(page.nextBefore) }) };
      },
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/customers',
      tag: TAG,
      summary: 'Find a customer of the channel by openid',
      roles: ALL_ROLES,
      params: channelParams,
      query: z.strictObject({ openid: z.string().min(1).max(128) }),
      response: customer,
      handle: async ({ principal, params, query }) =>
        shown(await findCustomerByOpenid(ctx.admin, principal, params.channelId, query.openid)),
    }),
  ];
}
