// The range reports: a channel's figures for a date range (per day and per agent) as JSON, and as CSV
// (UTF-8 with a BOM, the header in English or Chinese). Who may read them is OVERSEERS; a merchant
// admin reads their own merchant's part only (reportScope).
import { openRangeReport } from '../../../app/admin/range-reports';
import { channelParams } from '../../../contract/common';
import { rangeReport, rangeReportCsvQuery, rangeReportQuery } from '../../../contract/range-reports';
import { csvText } from '../../../exports/csv';
import { agentTable, dayTable } from '../../../exports/range-report-rows';
import type { ApiContext } from '../api-context';
import { RawAnswer, OVERSEERS, route, type ApiRoute } from '../route-table';

const TAG = 'reports';

export function rangeReportRoutes(ctx: ApiContext): ApiRoute[] {
  const deps = () => ({ ...ctx.admin, reports: ctx.reports, defaultTimeZone: ctx.timeZone });
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/reports',
      tag: TAG,
      summary:
        'A date range’s figures: conversations, robot/person, first response, wait, handling, ended reasons, left messages, transfers, CSAT, window refusals; per day and per agent',
      roles: OVERSEERS,
      params: channelParams,
      query: rangeReportQuery,
      response: rangeReport,
      handle: ({ principal, params, query }) => openRangeReport(deps(), principal, params.channelId, query),
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/reports/export.csv',
      audit: 'export',
      tag: TAG,
      summary: 'The same report as CSV: one row per day and a total row (table=days), or one per agent (table=agents)',
      roles: OVERSEERS,
      params: channelParams,
      query: rangeReportCsvQuery,
      produces: { contentType: 'text/csv', description: 'CSV (UTF-8 with a BOM); header content-disposition: attachment' },
      handle: async ({ principal, params, query }) => {
        const { table, lang, ...rest } = query;
        const report = await openRangeReport(deps(), principal, params.channelId, rest);
        const csv = table === 'agents' ? agentTable(report.agents, lang) : dayTable(report.days, report.totals, lang);
        // One file whatever its length: at most 367 day rows, one row per agent.
        const name = `report-${table}-${params.channelId}-${report.range.from}-${report.range.to}.csv`;
        return new RawAnswer('text/csv; charset=utf-8', csvText(csv.header, csv.rows), {
          'content-disposition': `attachment; filename="${name}"`,
          'x-content-type-options': 'nosniff',
        });
      },
    }),
  ];
}
