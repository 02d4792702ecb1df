import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const t0 = 1_000_000;

  it('checks the free attempts, then doubles the wait', () => {
    const th = new LoginThrottle({ freeAttempts: 3, baseDelayMs: 1000 });
    for (let i = 0; i < 3; i++) expect(th.reserve('alice', '1.1.1.1', t0)).toBe(0);
    expect(th.reserve('alice', '1.1.1.1', t0)).toBe(1000);
    expect(th.reserve('alice', '1.1.1.1', t0 + 1000)).toBe(0);
    expect(th.retryAfter('alice', '2.2.2.2', t0 + 1000)).toBe(2000);
  });

  it('counts an attempt when it is reserved, before any check: a burst gets only the free attempts', () => {
    const th = new LoginThrottle({ freeAttempts: 5 });
    const allowed = Array.from({ length: 100 }, () => th.reserve('alice', 'ip', t0)).filter((wait) => wait === 0);
    expect(allowed).toHaveLength(5);
  });

  it('caps the wait', () => {
    const th = new LoginThrottle({ freeAttempts: 0, baseDelayMs: 1000, maxDelayMs: 5000 });
    for (let i = 0; i < 40; i++) th.recordFailure('bob', 'ip', t0);
    expect(th.retryAfter('bob', 'ip', t0)).toBe(5000);
  });

  it('limits an address guessing many usernames', () => {
    const th = new LoginThrottle({ freeAttemptsPerIp: 5, baseDelayMs: 1000 });
    for (let i = 0; i < 5; i++) expect(th.reserve(`user${i}`, '6.6.6.6', t0)).toBe(0);
    expect(th.retryAfter('fresh', '6.6.6.6', t0)).toBe(1000);
    expect(th.retryAfter('fresh', '7.7.7.7', t0)).toBe(0);
  });

  it('forgets after a quiet period, and a success gives the attempt back', () => {
    const th = new LoginThrottle({ freeAttempts: 2, freeAttemptsPerIp: 2, baseDelayMs: 1000, forgetAfterMs: 60_000 });
    th.reserve('carol', 'ip', t0);
    th.reserve('carol', 'ip', t0);
    expect(th.retryAfter('carol', 'ip', t0)).toBe(1000);
    expect(th.retryAfter('carol', 'other', t0 + 61_000)).toBe(0);
    th.reserve('dave', 'x', t0);
    th.reserve('dave', 'x', t0);
    th.recordSuccess('dave', 'x');
    expect(th.retryAfter('dave', 'x', t0)).toBe(0);
  });

  it('remembers a bounded number of keys', () => {
    const th = new LoginThrottle({ maxKeys: 10, freeAttempts: 0, freeAttemptsPerIp: 1000 });
    for (let i = 0; i < 100; i++) th.recordFailure(`u${i}`, 'ip', t0);
    expect((th as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(10);
  });
});
