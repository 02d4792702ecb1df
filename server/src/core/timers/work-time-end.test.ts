import type { WorkCalendar } from '../model/work-calendar';
import { workTimeEndsAt } from './work-time-end';

const calendar = (patch: Partial<WorkCalendar> = {}): WorkCalendar => ({
  id: 'cal',
  channelId: 'ch',
  name: 'office',
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 9 * 60, end: 18 * 60 }],
  nonWorkdaySegments: [],
  holidays: [],
  makeUpWorkdays: [],
  ...patch,
});
// Monday 2025-01-06, Shanghai time (UTC+8).
const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2025, 0, day, hour - 8, minute);

describe('workTimeEndsAt', () => {
  it('the end of the segment in progress, to the minute', () => {
    expect(workTimeEndsAt(calendar(), shanghai(6, 10, 17) + 1234)).toBe(shanghai(6, 18));
  });

  it('off hours already: at once; no calendar (always work time): never', () => {
    expect(workTimeEndsAt(calendar(), shanghai(6, 19))).toBe(shanghai(6, 19));
    expect(workTimeEndsAt(undefined, shanghai(6, 10))).toBeUndefined();
  });

  it('the lunch break ends the morning segment', () => {
    const split = calendar({
      workdaySegments: [
        { start: 9 * 60, end: 12 * 60 },
        { start: 13 * 60, end: 18 * 60 },
      ],
    });
    expect(workTimeEndsAt(split, shanghai(6, 9))).toBe(shanghai(6, 12));
    expect(workTimeEndsAt(split, shanghai(6, 13, 30))).toBe(shanghai(6, 18));
  });

  it('a night shift runs past midnight; a holiday next day ends an all-day segment at midnight', () => {
    const night = calendar({ workdaySegments: [{ start: 22 * 60, end: 2 * 60 }] });
    expect(workTimeEndsAt(night, shanghai(6, 23))).toBe(shanghai(7, 2));
    const allDay = calendar({ workdaySegments: [{ start: 0, end: 1440 }], holidays: ['2025-01-07'] });
    expect(workTimeEndsAt(allDay, shanghai(6, 15))).toBe(shanghai(7, 0));
  });

  it('work time round the clock every day never ends', () => {
    const always = calendar({ workdays: [0, 1, 2, 3, 4, 5, 6], workdaySegments: [{ start: 0, end: 1440 }] });
    expect(workTimeEndsAt(always, shanghai(6, 15))).toBeUndefined();
  });

  it('fixed offsets work the same', () => {
    expect(workTimeEndsAt(calendar({ timeZone: '+08:00' }), shanghai(6, 17, 59))).toBe(shanghai(6, 18));
  });
});
