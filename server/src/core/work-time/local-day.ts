// The local calendar day around an instant, as instants: from its first millisecond to the next day's.
// Pure: the zone's offset is read through localTime (zoned-time.ts), twice, so a day on which the clocks
// change still starts at its own midnight.
import { localTime } from './zoned-time';

export interface LocalDay {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  /** The first instant of the day. */
  start: number;
  /** The first instant of the next day (23, 24 or 25 hours later). */
  end: number;
}

const MINUTE = 60_000;

function utcMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** How far the zone's wall clock is ahead of UTC at `instant` (whole minutes). */
function offsetAt(instant: number, zone: string): number {
  const local = localTime(instant, zone);
  const floored = instant - (((instant % MINUTE) + MINUTE) % MINUTE);
  return utcMidnight(local.date) + local.minute * MINUTE - floored;
}

/** The instant the zone's clocks show midnight starting `date`, looked for near `near`. */
function midnight(date: string, zone: string, near: number): number {
  const wall = utcMidnight(date);
  const guess = wall - offsetAt(near, zone);
  return wall - offsetAt(guess, zone);
}

export function localDay(instant: number, zone: string): LocalDay {
  const { date } = localTime(instant, zone);
  const next = new Date(utcMidnight(date) + 86_400_000).toISOString().slice(0, 10);
  return { date, start: midnight(date, zone, instant), end: midnight(next, zone, instant + 86_400_000) };
}
