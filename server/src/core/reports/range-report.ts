// A range report: the local days from one date to another (both included) in a time zone, the figures of
// the whole range, one row per day (the daily trend) and one per agent. Pure: the facts come in.
import type { ConversationFacts } from '../ports/reports';
import { type LocalDay, localDay } from '../work-time/local-day';
import { type AgentFigures, agentFigures, type RangeFigures, rangeFigures } from './range-figures';

export const MAX_REPORT_DAYS = 366;

const DAY = 86_400_000;
const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Days between two 'YYYY-MM-DD' dates, `to` included: 1 for the same date. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY) + 1;
}

/** The local day `date` names in `zone`. */
export function localDayOf(date: string, zone: string): LocalDay {
  // Noon UTC of the date lies within a day of the local date in every zone (offsets are -12..+14 hours).
  let day = localDay(utcMidnight(date) + DAY / 2, zone);
  if (day.date > date) day = localDay(day.start - 1, zone);
  else if (day.date < date) day = localDay(day.end, zone);
  return day;
}

/** Every local day from `from` to `to`, both included, oldest first. */
export function reportDays(from: string, to: string, zone: string): LocalDay[] {
  const days = [localDayOf(from, zone)];
  for (let last = days[0] as LocalDay; last.date < to; ) {
    last = localDay(last.end, zone);
    days.push(last);
  }
  return days;
}

/** The index of the day holding `at` (days oldest first, back to back), by halving; -1 outside them. */
function dayIndex(days: readonly LocalDay[], at: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const day = days[mid] as LocalDay;
    if (at < day.start) high = mid - 1;
    else if (at >= day.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

export interface RangeReport {
  range: { from: string; to: string; timeZone: string; start: number; end: number };
  totals: RangeFigures;
  days: (RangeFigures & { date: string })[];
  agents: AgentFigures[];
}

/** The report of the facts of conversations created within `days` (from the first's start to the last's end). */
export function rangeReport(facts: readonly ConversationFacts[], days: readonly LocalDay[], timeZone: string): RangeReport {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw new Error('a report needs at least one day');
  const byDay = days.map(() => [] as ConversationFacts[]);
  for (const c of facts) {
    const i = dayIndex(days, c.createdAt);
    if (i >= 0) byDay[i]?.push(c);
  }
  return {
    range: { from: first.date, to: last.date, timeZone, start: first.start, end: last.end },
    totals: rangeFigures(facts),
    days: days.map((d, i) => ({ date: d.date, ...rangeFigures(byDay[i] ?? []) })),
    agents: agentFigures(facts),
  };
}
