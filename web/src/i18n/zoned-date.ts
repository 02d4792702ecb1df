// Calendar dates in the channel's time zone: a date an admin picks ("from 2026-12-01") means midnight
// where the channel works, not where the browser is. Plain (no React) so that Node can test it.

const MINUTE = 60_000;

/** Minutes the zone's wall clock is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - (instant - (((instant % MINUTE) + MINUTE) % MINUTE))) / MINUTE);
}

/** The instant the zone's clocks show 00:00 on `date` ('YYYY-MM-DD'); the browser's midnight without a zone. */
export function zonedMidnight(date: string, timeZone: string | undefined): number {
  if (!timeZone) return new Date(`${date}T00:00:00`).getTime();
  const wall = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess, not at UTC midnight: they differ on a day the clocks change.
  const guess = wall - offsetMinutes(wall, timeZone) * MINUTE;
  return wall - offsetMinutes(guess, timeZone) * MINUTE;
}

/** The midnight that ends `date` (the next day's), for inclusive "to" dates. */
export function zonedDayEnd(date: string, timeZone: string | undefined): number {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return zonedMidnight(next, timeZone);
}
