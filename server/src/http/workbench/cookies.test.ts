import { csrfTokenFor, parseCookies, sameSecret, serializeCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header, skipping malformed pairs and keeping the first of repeated names', () => {
    const c = parseCookies('a=1; b=%E4%BD%A0; junk; a=2; bad=%E0%A4%A');
    expect([...c.entries()]).toEqual([
      ['a', '1'],
      ['b', '你'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('serializes SameSite=Strict cookies, Secure and HttpOnly when asked', () => {
    expect(serializeCookie('s', 'v', { httpOnly: true, secure: true, maxAgeSeconds: 60.7 })).toBe(
      's=v; Path=/; Max-Age=60; SameSite=Strict; HttpOnly; Secure',
    );
    expect(serializeCookie('c', '', { httpOnly: false, secure: false, maxAgeSeconds: -5 })).toBe('c=; Path=/; Max-Age=0; SameSite=Strict');
  });

  it('derives a CSRF token per session that is not the stored session hash', () => {
    expect(csrfTokenFor('kfs_a')).not.toBe(csrfTokenFor('kfs_b'));
    expect(csrfTokenFor('kfs_a')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});
