// Customers (read only). A customer belongs to a channel, not a merchant: merchant admins and agents see
// a customer only when the customer has talked to their merchant, and only through customerView (no
// routing state; the UnionID only when allowed).
import { z } from 'zod';
import type { Customer } from '../../../core/model/customer';
import type { ApiContext } from '../api-context';
import { mustReachChannel } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../../../app/errors';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id } from '../../../contract/common';
import { customer } from '../../../contract/conversation';
import { customerView, type CustomerView, type EntryPage } from '../views/customer-view';

const TAG = 'customers';

/** How many of the latest messages are searched for the customer's card. */
const CARD_LOOKBACK = 100;

/** The card the customer sent in their latest conversation the caller may see. */
async function entryPageOf(ctx: ApiContext, conversationId: string | undefined): Promise<EntryPage | undefined> {
  if (conversationId === undefined) return undefined;
  const messages = await ctx.tx((tx) => tx.messages.listByConversation(conversationId, { limit: CARD_LOOKBACK }));
  const card = messages.filter((m) => m.direction === 'in' && m.content.type === 'miniprogrampage').at(-1);
  if (!card || card.content.type !== 'miniprogrampage') return undefined;
  return { pagePath: card.content.pagePath, title: card.content.title, at: card.createdAt, conversationId };
}

async function mustSeeCustomer(ctx: ApiContext, p: Principal, c: Customer): Promise<CustomerView> {
  mustReachChannel(p, c.channelId);
  const mine = p.role === 'platform_admin' ? {} : { merchant: { merchantId: p.merchantId } };
  const [latest] = await ctx.tx((tx) => tx.conversations.list({ channelId: c.channelId, ...mine, customerId: c.id, limit: 1 }));
  if (p.role !== 'platform_admin' && !latest) throw forbidden(`customer ${c.id} has not talked to your merchant`);
  const unionId = p.role !== 'agent' || (await ctx.channels.get(c.channelId))?.agentsSeeUnionId === true;
  return customerView(c, { unionId, entryPage: await entryPageOf(ctx, latest?.id) });
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
