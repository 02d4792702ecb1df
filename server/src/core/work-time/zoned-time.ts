// Local date, weekday and minute of an instant in a time zone, without I/O: fixed offsets by arithmetic,
// IANA zones through Intl (the zone data ships inside Node).

export interface LocalTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
  /** Minutes after local midnight, 0..1439. */
  minute: number;
}

const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset in minutes for 'UTC', 'Z', '+08:00', '-0530', 'UTC+8'; undefined for anything else (an IANA name). */
export function parseFixedOffset(zone: string): number | undefined {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return 0;
  const m = OFFSET.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** True when `zone` is a fixed offset or an IANA zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (parseFixedOffset(zone) !== undefined) return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function localTime(instant: number, zone: string): LocalTime {
  const offset = parseFixedOffset(zone);
  if (offset !== undefined) return fromShiftedUtc(instant + offset * 60_000);
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    minute: hour * 60 + Number(parts.minute),
  };
}

/** The calendar date before `date` ('YYYY-MM-DD'). */
export function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return fromShiftedUtc(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).date;
}

function fromShiftedUtc(shifted: number): LocalTime {
  const t = new Date(shifted);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    weekday: t.getUTCDay(),
    minute: t.getUTCHours() * 60 + t.getUTCMinutes(),
  };
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}
