// A date picked in the console is a day where the channel works, whatever the browser's zone.
import { zonedDayEnd, zonedMidnight } from './zoned-date';

describe('a date in the channel’s time zone', () => {
  it('starts at the zone’s midnight', () => {
    expect(zonedMidnight('2026-12-01', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 30, 16));
    expect(zonedMidnight('2026-12-01', 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 5));
    expect(zonedMidnight('2026-12-01', 'Pacific/Kiritimati')).toBe(Date.UTC(2026, 10, 30, 10));
    expect(zonedMidnight('2026-12-01', 'UTC')).toBe(Date.UTC(2026, 11, 1));
  });

  it('ends at the next midnight, 23 or 25 hours later on the days the clocks change', () => {
    expect(zonedDayEnd('2026-12-01', 'Asia/Shanghai') - zonedMidnight('2026-12-01', 'Asia/Shanghai')).toBe(24 * 3_600_000);
    expect(zonedDayEnd('2026-03-08', 'America/New_York') - zonedMidnight('2026-03-08', 'America/New_York')).toBe(23 * 3_600_000);
    expect(zonedDayEnd('2026-11-01', 'America/New_York') - zonedMidnight('2026-11-01', 'America/New_York')).toBe(25 * 3_600_000);
  });
});
