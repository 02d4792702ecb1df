// Story: a supervisor reads the reports of a date range. The days are the local days from one date to the
// other (both included) in the zone asked for, else the scope's (its work calendar's, else the server's);
// the conversations created in them come from the Reports port, aggregated where the data is; the agents'
// names make the per-agent table readable.
import type { ReportFilter, ReportScope, Reports } from '../core/ports/reports';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import type { AgentFigures } from '../core/reports/range-figures';
import { daysBetween, MAX_REPORT_DAYS, type RangeReport, rangeReport, reportDays } from '../core/reports/range-report';
import { badRequest } from './errors';
import { scopeTimeZone } from './support/scope-time-zone';

export interface RangeReportDeps {
  uow: UnitOfWork;
  reports: Reports;
  /** The zone when no calendar is named (the server's). */
  defaultTimeZone: string;
}

export interface RangeReportQuery extends ReportFilter {
  /** 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  timeZone?: string;
}

export interface NamedRangeReport extends RangeReport {
  agents: (AgentFigures & { name?: string })[];
}

export async function readRangeReport(deps: RangeReportDeps, scope: ReportScope, query: RangeReportQuery): Promise<NamedRangeReport> {
  const span = daysBetween(query.from, query.to);
  if (span < 1) throw badRequest('query.to: the last day must not be before the first (from)');
  if (span > MAX_REPORT_DAYS) throw badRequest(`query.to: a report covers at most ${MAX_REPORT_DAYS} days`);
  const { timeZone, names } = await deps.uow.run(async (tx) => ({
    timeZone: query.timeZone ?? (await scopeTimeZone(tx, scope, deps.defaultTimeZone)),
    names: new Map((await tx.agents.listByChannel(scope.channelId)).map((a) => [a.id, a.name])),
  }));
  const days = reportDays(query.from, query.to, timeZone);
  const range = { from: days[0]?.start ?? 0, to: days[days.length - 1]?.end ?? 0 };
  const filter = {
    ...(query.groupId !== undefined && { groupId: query.groupId }),
    ...(query.agentId !== undefined && { agentId: query.agentId }),
  };
  const report = rangeReport(await deps.reports.conversationFacts(scope, filter, range), days, timeZone);
  return { ...report, agents: report.agents.map((a) => ({ ...a, ...(names.has(a.agentId) && { name: names.get(a.agentId) }) })) };
}
