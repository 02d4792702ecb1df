// The browser workbench: the files Vite built (base '/app/') served under /app/ with express.static.
// Hashed files under /app/assets/ never change, so browsers keep them a year; index.html is revalidated
// every time, so a new build is picked up at the next load. Paths without a file extension are the
// app's own routes (/app/conversations/42) and get index.html. The directory is read at request time: a
// server started before `npm run build:web` serves the app once it is built, and says so until then.
import { join, resolve, sep } from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';

export const APP_PATH = '/app';

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob: https: http:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT = 'the web app is not built: run npm run build:web';

/** `webDir` undefined: no web app configured, /app/ says how to build one. A relative path is from the working directory. */
export function webAppRouter(webDir: string | undefined): Router {
  const dir = webDir === undefined ? undefined : resolve(webDir);
  const router = Router();
  router.get('/', (_req, res) => res.redirect(302, `${APP_PATH}/`));
  const app = Router();
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.set(SECURITY_HEADERS);
    // '/app' itself: the app's relative URLs need the trailing slash.
    if (req.originalUrl === APP_PATH) return res.redirect(301, `${APP_PATH}/`);
    next();
  });
  if (dir !== undefined) {
    app.use(
      express.static(dir, {
        index: false,
        redirect: false,
        cacheControl: false,
        setHeaders: (res, path) => res.setHeader('cache-control', path.startsWith(join(dir, 'assets') + sep) ? IMMUTABLE : 'no-cache'),
      }),
    );
  }
  app.get(/^\/(?:.*\/)?[^/.]*$/, (_req, res) => {
    if (dir === undefined) return void res.status(503).type('text/plain').send(NOT_BUILT);
    res.sendFile(join(dir, 'index.html'), { cacheControl: false, headers: { 'cache-control': 'no-cache' } }, (err) => {
      if (!err || res.headersSent) return;
      res.status(503).type('text/plain').send(NOT_BUILT);
    });
  });
  router.use(APP_PATH, app);
  return router;
}
