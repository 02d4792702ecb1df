import type { WorkCalendar } from '../model/work-calendar';
import { calendarProblems, isWorkTime, parseClock } from './work-time';
import { localTime, parseFixedOffset, previousDate } from './zoned-time';

const seg = (a: string, b: string) => ({ start: parseClock(a), end: parseClock(b) });

function cal(patch: Partial<WorkCalendar> = {}): WorkCalendar {
  return {
    id: 'c',
    channelId: 'ch',
    name: 'c',
    timeZone: '+08:00',
    workdays: [1, 2, 3, 4, 5],
    workdaySegments: [seg('09:00', '12:00'), seg('13:30', '18:00')],
    nonWorkdaySegments: [],
    holidays: [],
    makeUpWorkdays: [],
    ...patch,
  };
}

/** A Beijing local time as an instant. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

describe('isWorkTime', () => {
  it('uses the workday segments, start inclusive, end exclusive', () => {
    const c = cal();
    expect(isWorkTime(c, bj('2025-01-06T08:59:59'))).toBe(false); // Monday
    expect(isWorkTime(c, bj('2025-01-06T09:00:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-06T12:00:00'))).toBe(false); // lunch
    expect(isWorkTime(c, bj('2025-01-06T13:30:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-06T17:59:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-06T18:00:00'))).toBe(false);
  });

  it('uses the non-workday segments on weekends', () => {
    const c = cal({ nonWorkdaySegments: [seg('10:00', '16:00')] });
    expect(isWorkTime(c, bj('2025-01-04T09:30:00'))).toBe(false); // Saturday
    expect(isWorkTime(c, bj('2025-01-04T10:30:00'))).toBe(true);
  });

  it('always works without a calendar; never with no segments', () => {
    expect(isWorkTime(undefined, 0)).toBe(true);
    expect(isWorkTime(cal({ workdaySegments: [] }), bj('2025-01-06T10:00:00'))).toBe(false);
  });

  it('a segment across midnight covers the early hours of the next day', () => {
    const c = cal({ workdaySegments: [seg('22:00', '02:00')], nonWorkdaySegments: [] });
    expect(isWorkTime(c, bj('2025-01-06T21:59:00'))).toBe(false);
    expect(isWorkTime(c, bj('2025-01-06T23:30:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-07T01:59:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-07T02:00:00'))).toBe(false);
    // Friday night runs into Saturday although Saturday is not a workday…
    expect(isWorkTime(c, bj('2025-01-11T01:00:00'))).toBe(true);
    // …but Saturday night does not start one, and Monday 01:00 follows a Sunday without segments.
    expect(isWorkTime(c, bj('2025-01-11T23:00:00'))).toBe(false);
    expect(isWorkTime(c, bj('2025-01-13T01:00:00'))).toBe(false);
  });

  it('a segment ending at 24:00 covers up to midnight', () => {
    const c = cal({ workdaySegments: [seg('20:00', '24:00')] });
    expect(isWorkTime(c, bj('2025-01-06T23:59:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-01-07T00:00:00'))).toBe(false);
  });

  it('a holiday on a workday uses the non-workday segments', () => {
    const c = cal({ holidays: ['2025-10-01'], nonWorkdaySegments: [seg('10:00', '12:00')] });
    expect(isWorkTime(c, bj('2025-10-01T09:30:00'))).toBe(false); // a Wednesday
    expect(isWorkTime(c, bj('2025-10-01T11:00:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-10-02T09:30:00'))).toBe(true);
  });

  it('a make-up workday on a weekend uses the workday segments', () => {
    const c = cal({ makeUpWorkdays: ['2025-09-28'] }); // a Sunday (调休)
    expect(isWorkTime(c, bj('2025-09-28T10:00:00'))).toBe(true);
    expect(isWorkTime(c, bj('2025-09-27T10:00:00'))).toBe(false);
  });

  it('a holiday evening does not extend a night segment into the next morning', () => {
    const c = cal({ workdaySegments: [seg('22:00', '02:00')], holidays: ['2025-01-06'] });
    expect(isWorkTime(c, bj('2025-01-07T01:00:00'))).toBe(false);
    expect(isWorkTime(c, bj('2025-01-06T23:00:00'))).toBe(false);
  });

  it('the date in the zone decides, not the UTC date', () => {
    const c = cal({ timeZone: 'Asia/Shanghai', workdaySegments: [seg('00:00', '08:00')] });
    // 2025-01-05T20:00Z is Monday 04:00 in Shanghai, still Sunday in UTC.
    expect(isWorkTime(c, Date.parse('2025-01-05T20:00:00Z'))).toBe(true);
    expect(isWorkTime({ ...c, timeZone: 'UTC' }, Date.parse('2025-01-05T20:00:00Z'))).toBe(false);
  });

  it('follows daylight saving in IANA zones', () => {
    const c = cal({ timeZone: 'Europe/Berlin', workdaySegments: [seg('09:00', '17:00')] });
    expect(isWorkTime(c, Date.parse('2025-01-06T08:30:00Z'))).toBe(true); // 09:30 CET
    expect(isWorkTime(c, Date.parse('2025-07-07T07:30:00Z'))).toBe(true); // 09:30 CEST
    expect(isWorkTime(c, Date.parse('2025-07-07T15:30:00Z'))).toBe(false); // 17:30 CEST
  });
});

describe('zoned time', () => {
  it('parses fixed offsets', () => {
    expect(parseFixedOffset('+08:00')).toBe(480);
    expect(parseFixedOffset('-0530')).toBe(-330);
    expect(parseFixedOffset('UTC+8')).toBe(480);
    expect(parseFixedOffset('UTC')).toBe(0);
    expect(parseFixedOffset('Asia/Shanghai')).toBeUndefined();
  });

  it('gives the same local time for an offset and its zone', () => {
    const t = Date.parse('2025-03-01T17:45:00Z');
    expect(localTime(t, '+08:00')).toEqual(localTime(t, 'Asia/Shanghai'));
    expect(localTime(t, '+08:00')).toEqual({ date: '2025-03-02', weekday: 0, minute: 105 });
  });

  it('steps back over month and year ends', () => {
    expect(previousDate('2025-03-01')).toBe('2025-02-28');
    expect(previousDate('2024-03-01')).toBe('2024-02-29');
    expect(previousDate('2025-01-01')).toBe('2024-12-31');
  });
});

describe('calendarProblems', () => {
  it('accepts a good calendar', () => {
    expect(calendarProblems(cal())).toEqual([]);
  });

  it('names every problem', () => {
    const bad = cal({
      timeZone: 'Mars/Olympus',
      workdays: [7],
      workdaySegments: [seg('01:00', '02:00'), seg('03:00', '04:00'), seg('05:00', '06:00'), seg('07:00', '08:00'), seg('09:00', '10:00')],
      nonWorkdaySegments: [{ start: 1440, end: 1500 }],
      holidays: ['1 Oct'],
    });
    expect(calendarProblems(bad)).toHaveLength(5);
  });

  it('parses clock times', () => {
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('24:01')).toThrow(RangeError);
    expect(() => parseClock('9h')).toThrow(RangeError);
  });
});
