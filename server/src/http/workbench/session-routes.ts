// Browser login and logout: POST /workbench/session sets the HttpOnly session cookie and the readable
// CSRF cookie; DELETE /workbench/session ends the session and clears both. The JSON body (a cross-site
// form cannot send application/json without a preflight) keeps the login itself from being forged.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { describePrincipal } from '../../app/auth/principal';
import { ApiError, badRequest } from '../../app/errors';
import { loginBody } from '../../contract/auth';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor, parseCookies, serializeCookie } from './cookies';
import type { WorkbenchDeps } from './workbench-deps';

const jsonBody = express.json({ limit: '16kb', strict: true });

function setCookies(req: Request, res: Response, token: string, maxAgeSeconds: number): void {
  const secure = req.secure; // behind a TLS proxy this needs TRUST_PROXY, as Express decides from X-Forwarded-Proto
  res.append('set-cookie', serializeCookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAgeSeconds }));
  res.append('set-cookie', serializeCookie(CSRF_COOKIE, token && csrfTokenFor(token), { httpOnly: false, secure, maxAgeSeconds }));
}

/** POST /session: mounted before cookieAuth, so a stale cookie never stands in the way of a new login. */
export function loginRouter(deps: WorkbenchDeps): Router {
  const router = Router();
  router.post('/session', jsonBody, async (req, res) => {
    res.set('cache-control', 'no-store');
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw badRequest(z.prettifyError(parsed.error));
    let login;
    try {
      login = await deps.auth.login(parsed.data.username, parsed.data.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (err) {
      const wait = (err as { retryAfterMs?: unknown }).retryAfterMs;
      if (err instanceof ApiError && typeof wait === 'number') res.set('retry-after', String(Math.ceil(wait / 1000)));
      throw err;
    }
    const principal = await deps.auth.authenticate(login.token);
    setCookies(req, res, login.token, (login.expiresAt - deps.clock.now()) / 1000);
    // The token stays in the cookie only; the page gets the CSRF token to echo and who logged in.
    res.json({ expiresAt: login.expiresAt, csrfToken: csrfTokenFor(login.token), principal: describePrincipal(principal) });
  });
  return router;
}

/** DELETE /session: mounted after cookieAuth, so a cookie session reaches here only with its CSRF token. */
export function logoutRouter(deps: WorkbenchDeps): Router {
  const router = Router();
  router.delete('/session', async (req, res) => {
    res.set('cache-control', 'no-store');
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) await deps.auth.logoutToken(token);
    setCookies(req, res, '', 0);
    res.status(204).end();
  });
  return router;
}
