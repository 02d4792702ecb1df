// Work calendars: segments per workday and non-workday, holidays and make-up workdays, in a time zone.
// The rules are the stories' (app/admin/calendars.ts).
import { createCalendar, listCalendars, readCalendar, replaceCalendar } from '../../../app/admin/calendars';
import type { ApiContext } from '../api-context';
import { resourceRoutes } from '../resource-routes';
import { ADMINS, type ApiRoute } from '../route-table';
import { calendar, calendarCreate, calendarFields } from '../../../contract/team';

export function calendarRoutes(ctx: ApiContext): ApiRoute[] {
  return resourceRoutes(ctx, {
    tag: 'calendars',
    plural: 'calendars',
    idParam: 'calendarId',
    roles: { read: ADMINS, write: ADMINS },
    schemas: { item: calendar, create: calendarCreate, change: calendarFields },
    changeMethod: 'put', // a change replaces the calendar's times and dates
    stories: { list: listCalendars, create: createCalendar, read: readCalendar, change: replaceCalendar },
    summaries: {
      list: 'List work calendars',
      create: 'Create a work calendar',
      read: 'Read a work calendar',
      change: 'Replace a work calendar’s times and dates',
    },
  });
}
