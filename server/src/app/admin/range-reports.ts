// The range reports for an admin: the caller's part of the channel (reportScope), then the story.
import type { Reports } from '../../core/ports/reports';
import type { Principal } from '../auth/principal';
import { notFound } from '../errors';
import { type NamedRangeReport, type RangeReportQuery, readRangeReport } from '../read-range-report';
import type { AdminDeps } from './admin-deps';
import { reportScope } from './reports';

/** Without the Reports port (a server composed without it) the reports are 404, once the caller is known to reach the channel. */
export async function openRangeReport(
  deps: AdminDeps & { reports: Reports | undefined; defaultTimeZone: string },
  p: Principal,
  channelId: string,
  query: RangeReportQuery & { merchantId?: string },
): Promise<NamedRangeReport> {
  const { merchantId, ...rest } = query;
  const scope = await reportScope(deps, p, channelId, merchantId);
  if (!deps.reports) throw notFound('reports');
  return readRangeReport({ uow: deps.uow, reports: deps.reports, defaultTimeZone: deps.defaultTimeZone }, scope, rest);
}
