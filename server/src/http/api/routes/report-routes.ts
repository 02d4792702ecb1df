// Reports for admins: the dashboard and CSV downloads (channels; a channel's conversations). Merchant
// admins get their merchant's only; platform admins everything or one merchant. CSV answers come in
// files of at most 2000 rows (?page=1, 2, … up to the x-total-pages header) and carry no secret:
// channels go through publicChannel's allow-list (exports/channel-rows.ts).
import { tagNamesOf } from '../../../app/desk/tags';
import { listChannels } from '../../../app/admin/channels';
import { namesOf, openDashboard, reportScope } from '../../../app/admin/reports';
import { channelRow, CHANNEL_COLUMNS } from '../../../exports/channel-rows';
import { conversationReportRow, CONVERSATION_REPORT_COLUMNS } from '../../../exports/conversation-rows';
import { csvText, MAX_ROWS_PER_FILE, type Cell } from '../../../exports/csv';
import type { ApiContext } from '../api-context';
import { badRequest, notFound } from '../../../app/errors';
import { OVERSEERS, RawAnswer, route, type ApiRoute } from '../route-table';
import { channelParams } from '../../../contract/common';
import { channelsExportQuery, conversationsExportQuery, dashboard, dashboardQuery } from '../../../contract/reports';

const TAG = 'reports';
const CSV = {
  contentType: 'text/csv',
  description: 'CSV (UTF-8 with a BOM), at most 2000 rows; headers x-total-pages and content-disposition: attachment',
};

export function csvPage(name: string, header: readonly string[], rows: readonly Cell[][], page: number, total: number): RawAnswer {
  const pages = Math.max(1, Math.ceil(total / MAX_ROWS_PER_FILE));
  if (page > pages) throw badRequest(`query.page: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}`);
  const file = pages === 1 ? `${name}.csv` : `${name}-${page}.csv`;
  return new RawAnswer('text/csv; charset=utf-8', csvText(header, rows), {
    'content-disposition': `attachment; filename="${file}"`,
    'x-total-pages': String(pages),
    'x-content-type-options': 'nosniff',
  });
}

export function reportRoutes(ctx: ApiContext): ApiRoute[] {
  const reports = () => {
    if (!ctx.reports) throw notFound('reports');
    return ctx.reports;
  };
  return [
    route({
      method: 'get',
      path: '/channels/export.csv',
      audit: 'export',
      tag: TAG,
      summary: 'Download channels as CSV (merchant admins: their own); no secrets',
      roles: OVERSEERS,
      query: channelsExportQuery,
      produces: CSV,
      handle: async ({ principal, query }) => {
        const mine = await listChannels(ctx.admin, principal);
        const start = (query.page - 1) * MAX_ROWS_PER_FILE;
        return csvPage('channels', CHANNEL_COLUMNS, mine.slice(start, start + MAX_ROWS_PER_FILE).map(channelRow), query.page, mine.length);
      },
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/conversations/export.csv',
      audit: 'export',
      tag: TAG,
      summary: 'Download a channel’s conversations as CSV, oldest first, one row each',
      roles: OVERSEERS,
      description: `Columns: ${CONVERSATION_REPORT_COLUMNS.join(', ')}. Times are ISO 8601 in UTC.`,
      params: channelParams,
      query: conversationsExportQuery,
      produces: CSV,
      handle: async ({ principal, params, query }) => {
        const scope = await reportScope(ctx.admin, principal, params.channelId, query.merchantId);
        const range = { from: query.from ?? 0, to: query.to ?? ctx.clock.now() + 1 };
        const { total, rows } = await reports().conversationPage(scope, range, (query.page - 1) * MAX_ROWS_PER_FILE, MAX_ROWS_PER_FILE);
        const tags = await tagNamesOf(
          ctx.admin,
          rows.map((r) => r.conversation.id),
        );
        const names = { ...(await namesOf(ctx.admin, params.channelId)), tags };
        return csvPage(
          `conversations-${params.channelId}`,
          CONVERSATION_REPORT_COLUMNS,
          rows.map((r) => conversationReportRow(r, names)),
          query.page,
          total,
        );
      },
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/dashboard',
      tag: TAG,
      summary: 'Today’s figures: conversations, the queue, agents, first response and wait times',
      roles: OVERSEERS,
      params: channelParams,
      query: dashboardQuery,
      response: dashboard,
      handle: async ({ principal, params, query }) => {
        return openDashboard(
          { ...ctx.admin, reports: ctx.reports, defaultTimeZone: ctx.timeZone },
          principal,
          params.channelId,
          query.merchantId,
        );
      },
    }),
  ];
}
