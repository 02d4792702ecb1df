import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const b = { baseMs: 1000, maxMs: 300_000 };
    expect([0, 1, 2, 3, 8, 9, 20, 5000].map((s) => backoffDelay(s, b))).toEqual([
      1000, 2000, 4000, 8000, 256_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('counts negative steps as halvings (the outbox sender starts at step -1 for no attempt yet)', () => {
    expect(backoffDelay(-1, { baseMs: 2000, maxMs: 300_000 })).toBe(1000);
  });

  it('spreads a jittered delay between half and all of it, rounded', () => {
    const b = { baseMs: 200, maxMs: 1000 };
    expect(backoffDelay(1, b, 0)).toBe(200);
    expect(backoffDelay(1, b, 0.5)).toBe(300);
    expect(backoffDelay(1, b, 0.999)).toBe(400);
    expect(backoffDelay(4, b, 0)).toBe(500);
  });

  it('never overflows, even from a zero base', () => {
    expect(backoffDelay(10_000, { baseMs: 0, maxMs: 5000 })).toBe(0);
    expect(backoffDelay(10_000, { baseMs: 1, maxMs: 5000 })).toBe(5000);
  });
});
