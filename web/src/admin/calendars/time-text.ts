// Minutes since midnight ↔ "HH:MM" for <input type="time">; 1440 (midnight at the end of the day) shows
// as 00:00 in an end field and is read back as 1440.
export function minutesToText(m: number): string {
  const v = m % 1440;
  return `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;
}

export function textToMinutes(text: string, isEnd: boolean): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const m = Number(match[1]) * 60 + Number(match[2]);
  if (m > 1440) return undefined;
  return isEnd && m === 0 ? 1440 : m;
}

export const segmentText = (s: { start: number; end: number }) =>
  `${minutesToText(s.start)}–${s.end === 1440 ? '24:00' : minutesToText(s.end)}`;
