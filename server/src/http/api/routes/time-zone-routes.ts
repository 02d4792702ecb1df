// The channel's time zone, which the console shows every date and time in (app/admin/channel-time-zone.ts).
import { z } from 'zod';
import { channelTimeZone } from '../../../app/admin/channel-time-zone';
import { channelParams } from '../../../contract/common';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';

const timeZoneAnswer = z.object({
  timeZone: z.string().describe('an IANA zone (Asia/Shanghai) or a fixed offset (+08:00)'),
  source: z.enum(['calendar', 'server']).describe('calendar: the work calendar the routing settings name; server: none is named'),
});

export function timeZoneRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/time-zone',
      tag: 'channels',
      summary: 'The time zone the console shows the channel’s dates in',
      description:
        'The zone of the work calendar the caller’s routing settings name (a merchant’s own, else the channel’s), else the server’s.',
      roles: ALL_ROLES,
      params: channelParams,
      response: timeZoneAnswer,
      handle: ({ principal, params }) => channelTimeZone({ ...ctx.admin, defaultTimeZone: ctx.timeZone }, principal, params.channelId),
    }),
  ];
}
