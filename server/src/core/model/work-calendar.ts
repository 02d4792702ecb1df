// A work calendar: when agents work. Times are local to `timeZone`; dates are local calendar dates.

/** Minutes after local midnight, 0..1440. `end <= start` means the segment runs past midnight. */
export interface TimeSegment {
  start: number;
  end: number;
}

export interface WorkCalendar {
  id: string;
  channelId: string;
  merchantId?: string;
  name: string;
  /** An IANA zone ('Asia/Shanghai') or a fixed offset ('+08:00', 'UTC'). */
  timeZone: string;
  /** Weekdays that are workdays: 0 Sunday … 6 Saturday. */
  workdays: number[];
  /** Up to four segments each. */
  workdaySegments: TimeSegment[];
  nonWorkdaySegments: TimeSegment[];
  /** 'YYYY-MM-DD' local dates that are non-workdays although their weekday is a workday. */
  holidays: string[];
  /** 'YYYY-MM-DD' local dates that are workdays although their weekday is not (调休). */
  makeUpWorkdays: string[];
  /** When an admin archived the calendar: it no longer applies (see app/admin/archive.ts), it stays readable. */
  archivedAt?: number;
}

export const MAX_SEGMENTS_PER_DAY = 4;
