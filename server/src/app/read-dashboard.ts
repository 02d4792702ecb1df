// Story: an admin opens the dashboard. "Today" is the local day of the work calendar the scope's routing
// settings name (a merchant's own, else the channel's), or of the server's time zone when none is named;
// its conversations' figures come from the Reports port, the agents' statuses from the repositories
// (archived agents left out). First response is the range reports' (the first customer message → the
// first human reply, transfers included).
import type { Clock } from '../core/ports/clock';
import type { ReportScope, Reports } from '../core/ports/reports';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { dayFigures, type DayFigures, type Summary, summarize } from '../core/reports/day-figures';
import { firstResponseOf } from '../core/reports/range-figures';
import { localDay } from '../core/work-time/local-day';
import { scopeTimeZone } from './support/scope-time-zone';

export interface DashboardDeps {
  uow: UnitOfWork;
  clock: Clock;
  reports: Reports;
  /** The zone when no calendar is named (the server's). */
  defaultTimeZone: string;
}

export interface Dashboard extends DayFigures {
  day: { start: number; end: number; date: string; timeZone: string };
  /** Conversations queued now. */
  waiting: number;
  /** Left messages (留言) waiting for an agent now, up to 1000 (the workbench's 留言 list). */
  leftWaiting: number;
  firstResponseMs: Summary;
}

export async function readDashboard(deps: DashboardDeps, scope: ReportScope): Promise<Dashboard> {
  const now = deps.clock.now();
  const merchantId = scope.merchant?.merchantId;
  const { timeZone, agents, leftWaiting } = await deps.uow.run(async (tx) => {
    const people = scope.merchant
      ? await tx.agents.listByMerchant(scope.channelId, merchantId)
      : await tx.agents.listByChannel(scope.channelId);
    const left = await tx.conversations.list({
      channelId: scope.channelId,
      ...(scope.merchant && { merchant: scope.merchant }),
      states: ['left_message'],
      limit: 1000,
    });
    // Archived agents are gone from the live view (reports and history still name them).
    const live = people.filter((a) => a.archivedAt === undefined);
    return { timeZone: await scopeTimeZone(tx, scope, deps.defaultTimeZone), agents: live, leftWaiting: left.length };
  });
  const day = localDay(now, timeZone);
  const range = { from: day.start, to: day.end };
  const [conversations, facts, waiting] = await Promise.all([
    deps.reports.conversationTimes(scope, range),
    deps.reports.conversationFacts(scope, {}, range),
    deps.reports.countQueued(scope),
  ]);
  const firstResponseMs = summarize(facts.map(firstResponseOf).filter((v): v is number => v !== undefined));
  return { day: { ...day, timeZone }, waiting, leftWaiting, ...dayFigures(conversations, agents), firstResponseMs };
}
