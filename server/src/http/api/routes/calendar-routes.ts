// Work calendars: segments per workday and non-workday, holidays and make-up workdays, in a time zone.
// The rules are the stories' (app/admin/calendars.ts).
import { z } from 'zod';
import { createCalendar, listCalendars, readCalendar, replaceCalendar } from '../../../app/admin/calendars';
import type { ApiContext } from '../api-context';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { channelParams, id, list, merchantFilterQuery } from '../../../contract/common';
import { calendar, calendarCreate, calendarFields } from '../../../contract/team';

const TAG = 'calendars';
const calendarParams = z.strictObject({ calendarId: id });

export function calendarRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/calendars', tag: TAG, summary: 'List work calendars', roles: ADMINS,
      params: channelParams, query: merchantFilterQuery, response: list(calendar),
      handle: async ({ principal, params, query }) => ({ items: await listCalendars(ctx.admin, principal, params.channelId, query.merchantId) }),
    }),
    route({
      method: 'post', path: '/channels/:channelId/calendars', tag: TAG, summary: 'Create a work calendar', roles: ADMINS, status: 201,
      params: channelParams, body: calendarCreate, response: calendar,
      handle: async ({ principal, params, body }) => createCalendar(ctx.admin, principal, params.channelId, body),
    }),
    route({
      method: 'get', path: '/calendars/:calendarId', tag: TAG, summary: 'Read a work calendar', roles: ADMINS, params: calendarParams, response: calendar,
      handle: async ({ principal, params }) => readCalendar(ctx.admin, principal, params.calendarId),
    }),
    route({
      method: 'put', path: '/calendars/:calendarId', tag: TAG, summary: 'Replace a work calendar’s times and dates', roles: ADMINS,
      params: calendarParams, body: calendarFields, response: calendar,
      handle: async ({ principal, params, body }) => replaceCalendar(ctx.admin, principal, params.calendarId, body),
    }),
  ];
}
