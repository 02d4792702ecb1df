// Work calendars: segments per workday and non-workday, holidays and make-up workdays, in a time zone.
import { z } from 'zod';
import type { WorkCalendar } from '../../../core/model/work-calendar';
import type { ApiContext } from '../api-context';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { calendar, calendarCreate, calendarFields } from '../../../contract/team';
import { channelInReach, mustBeMerchantOf, recordInReach } from './lookups';

const TAG = 'calendars';
const calendarParams = z.strictObject({ calendarId: id });

export function calendarRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/calendars', tag: TAG, summary: 'List work calendars', roles: ADMINS,
      params: channelParams, query: merchantFilterQuery, response: list(calendar),
      handle: async ({ principal, params, query }) => {
        await channelInReach(ctx, principal, params.channelId);
        const filter = merchantFilter(principal, params.channelId, query.merchantId);
        const merchants = filter ? [filter.merchantId] : [undefined, ...(await ctx.tx((tx) => tx.merchants.listByChannel(params.channelId))).map((m) => m.id)];
        return { items: await ctx.tx(async (tx) => (await Promise.all(merchants.map((m) => tx.calendars.listByMerchant(params.channelId, m)))).flat()) };
      },
    }),
    route({
      method: 'post', path: '/channels/:channelId/calendars', tag: TAG, summary: 'Create a work calendar', roles: ADMINS, status: 201,
      params: channelParams, body: calendarCreate, response: calendar,
      handle: async ({ principal, params, body }) => {
        await channelInReach(ctx, principal, params.channelId);
        const merchantId = merchantForNew(principal, params.channelId, body.merchantId);
        await mustBeMerchantOf(ctx, params.channelId, merchantId);
        const { merchantId: _m, ...fields } = body;
        const record: WorkCalendar = { id: ctx.newId('cal'), channelId: params.channelId, ...(merchantId !== undefined && { merchantId }), ...fields };
        await ctx.tx((tx) => tx.calendars.save(record));
        return record;
      },
    }),
    route({
      method: 'get', path: '/calendars/:calendarId', tag: TAG, summary: 'Read a work calendar', roles: ADMINS, params: calendarParams, response: calendar,
      handle: async ({ principal, params }) => recordInReach(ctx, principal, 'calendars', params.calendarId),
    }),
    route({
      method: 'put', path: '/calendars/:calendarId', tag: TAG, summary: 'Replace a work calendar’s times and dates', roles: ADMINS,
      params: calendarParams, body: calendarFields, response: calendar,
      handle: async ({ principal, params, body }) => {
        const current = await recordInReach(ctx, principal, 'calendars', params.calendarId);
        mustAdminister(principal, current, `calendar ${current.id}`);
        const next: WorkCalendar = { id: current.id, channelId: current.channelId, ...(current.merchantId !== undefined && { merchantId: current.merchantId }), ...body };
        await ctx.tx((tx) => tx.calendars.save(next));
        return next;
      },
    }),
  ];
}
