// When work time ends, as an instant: the first moment at or after `from` that a calendar says is off
// hours. Work time can only end at a segment's end or at local midnight (the next day may be a holiday),
// so the search jumps from one such boundary to the next instead of walking minute by minute.
import type { WorkCalendar } from '../model/work-calendar';
import { isWorkTime } from '../work-time/work-time';
import { localTime } from '../work-time/zoned-time';

const MINUTE = 60_000;
const DAY = 1440;
/** A calendar that is work time all week long never ends; looking further is pointless. */
const HORIZON_MS = 8 * DAY * MINUTE;

/** Undefined calendar (always work time) or no end within a week: undefined. Off hours at `from`: `from`. */
export function workTimeEndsAt(calendar: WorkCalendar | undefined, from: number): number | undefined {
  if (!calendar) return undefined;
  if (!isWorkTime(calendar, from)) return from;
  const marks = boundaries(calendar);
  // Boundaries are whole local minutes; time zones are whole minutes away from UTC.
  let t = Math.floor(from / MINUTE) * MINUTE;
  while (t - from < HORIZON_MS) {
    const minute = localTime(t, calendar.timeZone).minute;
    const next = marks.find((m) => m > minute) ?? (marks[0] ?? 0) + DAY;
    t += (next - minute) * MINUTE;
    if (!isWorkTime(calendar, t)) return t;
  }
  return undefined;
}

function boundaries(calendar: WorkCalendar): number[] {
  const ends = [...calendar.workdaySegments, ...calendar.nonWorkdaySegments].map((s) => s.end % DAY);
  return [...new Set([0, ...ends])].sort((a, b) => a - b);
}
