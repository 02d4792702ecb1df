// Is it work time? A day is a workday by weekday unless it is a holiday, or a make-up workday (调休)
// although its weekday is not. Each day type has up to four segments; a segment whose end is not after
// its start runs past midnight and belongs to the day it starts on (22:00–02:00 on a Friday covers
// Saturday 01:00 even when Saturday is a holiday).
import { MAX_SEGMENTS_PER_DAY, type TimeSegment, type WorkCalendar } from '../model/work-calendar';
import { isValidTimeZone, localTime, previousDate } from './zoned-time';

const DAY = 1440;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isWorkday(calendar: WorkCalendar, date: string, weekday: number): boolean {
  if (calendar.makeUpWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return calendar.workdays.includes(weekday);
}

function segmentsOf(calendar: WorkCalendar, date: string, weekday: number): TimeSegment[] {
  return isWorkday(calendar, date, weekday) ? calendar.workdaySegments : calendar.nonWorkdaySegments;
}

const crossesMidnight = (s: TimeSegment) => s.end <= s.start;

/** Whether `instant` falls in a work segment of the calendar. Undefined calendar: always work time. */
export function isWorkTime(calendar: WorkCalendar | undefined, instant: number): boolean {
  if (!calendar) return true;
  const now = localTime(instant, calendar.timeZone);
  const today = segmentsOf(calendar, now.date, now.weekday).some((s) =>
    crossesMidnight(s) ? now.minute >= s.start : now.minute >= s.start && now.minute < s.end,
  );
  if (today) return true;
  const yesterday = segmentsOf(calendar, previousDate(now.date), (now.weekday + 6) % 7);
  return yesterday.some((s) => crossesMidnight(s) && now.minute < s.end);
}

/** What is wrong with a calendar an admin submitted; empty when it is usable. */
export function calendarProblems(calendar: WorkCalendar): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(calendar.timeZone)) problems.push(`unknown time zone "${calendar.timeZone}"`);
  if (calendar.workdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) problems.push('workdays must be 0 (Sunday) to 6');
  for (const [name, list] of [
    ['workdaySegments', calendar.workdaySegments],
    ['nonWorkdaySegments', calendar.nonWorkdaySegments],
  ] as const) {
    if (list.length > MAX_SEGMENTS_PER_DAY) problems.push(`${name}: at most ${MAX_SEGMENTS_PER_DAY} segments`);
    for (const s of list) {
      const ok = [s.start, s.end].every((v) => Number.isInteger(v) && v >= 0 && v <= DAY) && s.start < DAY;
      if (!ok) problems.push(`${name}: segment ${s.start}-${s.end} must lie within 00:00-24:00`);
    }
  }
  for (const date of [...calendar.holidays, ...calendar.makeUpWorkdays]) {
    if (!DATE.test(date)) problems.push(`date "${date}" must be YYYY-MM-DD`);
  }
  return problems;
}

/** '09:30' → 570; '24:00' → 1440. For admin input and tests. */
export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a time of day: "${text}"`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > DAY || Number(m[2]) > 59) throw new RangeError(`not a time of day: "${text}"`);
  return minutes;
}
