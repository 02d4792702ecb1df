import { localDay } from './local-day';

const at = (iso: string) => Date.parse(iso);

describe('localDay', () => {
  it('spans the local calendar day of an instant', () => {
    expect(localDay(at('2025-06-01T15:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2025-06-01',
      start: at('2025-05-31T16:00:00Z'),
      end: at('2025-06-01T16:00:00Z'),
    });
    // 00:30 in Shanghai is still the previous UTC date.
    expect(localDay(at('2025-06-01T16:30:00Z'), 'Asia/Shanghai').date).toBe('2025-06-02');
    expect(localDay(at('2025-06-01T23:59:59.999Z'), 'UTC')).toEqual({
      date: '2025-06-01',
      start: at('2025-06-01T00:00:00Z'),
      end: at('2025-06-02T00:00:00Z'),
    });
    expect(localDay(at('2025-06-01T02:00:00Z'), '-05:00')).toEqual({
      date: '2025-05-31',
      start: at('2025-05-31T05:00:00Z'),
      end: at('2025-06-01T05:00:00Z'),
    });
  });

  it('follows the clocks on the days they change', () => {
    const spring = localDay(at('2025-03-09T18:00:00Z'), 'America/New_York'); // 23 hours long
    expect(spring).toEqual({ date: '2025-03-09', start: at('2025-03-09T05:00:00Z'), end: at('2025-03-10T04:00:00Z') });
    const autumn = localDay(at('2025-11-02T18:00:00Z'), 'America/New_York'); // 25 hours long
    expect(autumn).toEqual({ date: '2025-11-02', start: at('2025-11-02T04:00:00Z'), end: at('2025-11-03T05:00:00Z') });
  });
});
