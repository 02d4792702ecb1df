import { ManualClock } from '../core/testing/test-doubles';
import { TimeSortableIds } from './time-sortable-ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('TimeSortableIds', () => {
  it('makes ULIDs whose first ten characters are the time (the spec’s example)', () => {
    const id = new TimeSortableIds(new ManualClock(1469918176385)).next();
    expect(id).toMatch(CROCKFORD);
    expect(id.slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('sorts as strings in the order made: within a millisecond, across them, and when the clock steps back', () => {
    const clock = new ManualClock(1_700_000_000_000);
    const gen = new TimeSortableIds(clock);
    const made: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      if (i % 100 === 0) clock.set(clock.now() + 1);
      if (i === 250) clock.set(clock.now() - 5000);
      made.push(gen.next());
    }
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('increments rather than redraws within one millisecond, even with a worst-case draw', () => {
    const gen = new TimeSortableIds(new ManualClock(5), (n) => Buffer.alloc(n, 0xff));
    const a = gen.next();
    const b = gen.next();
    expect(a < b).toBe(true);
    expect(a.slice(0, 10)).toBe(b.slice(0, 10));
  });

  it('is unique across generators by its random part', () => {
    const clock = new ManualClock(42);
    const ids = new Set(Array.from({ length: 50 }, () => new TimeSortableIds(clock).next()));
    expect(ids.size).toBe(50);
  });
});

describe('TimeSortableIds for records people manage', () => {
  it('puts the readable prefix before the ULID, and keeps engine ids bare', () => {
    const gen = new TimeSortableIds(new ManualClock(1469918176385));
    expect(gen.next('agt')).toMatch(/^agt_01ARYZ6S41[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(gen.next('conversation')).toMatch(CROCKFORD);
  });
});
