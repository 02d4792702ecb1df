// Lets the existing API (and the workbench routes) accept the browser's session cookie as an alternative
// to `Authorization: Bearer`: the cookie is turned into that header before the API authenticates, so
// every route keeps one authentication path. Cookie-authenticated unsafe requests must carry the CSRF
// token (double submit, bound to the session); bearer requests need none, a cross-site page cannot set them.
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../../app/errors';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, csrfTokenFor, parseCookies, sameSecret } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the CSRF header matches both the readable cookie and the session it belongs to. */
function csrfHolds(req: Request, cookies: Map<string, string>, session: string): boolean {
  const header = req.get(CSRF_HEADER);
  const cookie = cookies.get(CSRF_COOKIE);
  if (!header || !cookie) return false;
  return sameSecret(header, cookie) && sameSecret(header, csrfTokenFor(session));
}

export function cookieAuth() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.headers.authorization !== undefined) return next(); // an explicit bearer wins
    const cookies = parseCookies(req.headers.cookie);
    const session = cookies.get(SESSION_COOKIE);
    if (!session) return next();
    if (!SAFE_METHODS.has(req.method) && !csrfHolds(req, cookies, session)) {
      return next(new ApiError(403, 'csrf_failed', 'missing or wrong X-CSRF-Token for a cookie session'));
    }
    req.headers.authorization = `Bearer ${session}`;
    next();
  };
}
