// Browser sessions: the session token lives in an HttpOnly cookie (scripts cannot read it, so an XSS
// cannot steal it) and a CSRF token in a readable one that the web app echoes in X-CSRF-Token. No
// cookie-parser package: the two cookies we read need only the few lines below.
import { createHash, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kefu_session';
export const CSRF_COOKIE = 'kefu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** name → value of a Cookie header; malformed pairs are skipped, the first of repeated names wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return cookies;
}

export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
}

/** SameSite=Strict always: a cross-site page never makes the browser send our cookies. */
export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(o.maxAgeSeconds))}`,
    'SameSite=Strict',
  ];
  if (o.httpOnly) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The CSRF token is derived from the session token (domain-separated, so it is not the stored session
 * hash): a cookie planted by a sibling subdomain cannot pair a CSRF token with someone else's session.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`kefu-csrf\0${sessionToken}`, 'utf8').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
