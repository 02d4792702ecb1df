// The REST API under /api/v1: mount with createApp's extraRouters as ['/api/v1', apiRouter(deps)].
// Every route is declared in a route family (routes/*.ts); this file turns the declarations into Express
// routes: authenticate, check the role, validate params, query and body, run, answer JSON. Failures are
// thrown and answered by the app's one error handler.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Metrics } from '../ops/metrics';
import { apiContext, type ApiContext, type ApiDeps } from './api-context';
import { bearerOf } from './bearer';
import { mustHaveRole } from '../../app/auth/policy';
import { actingPrincipal } from '../../app/auth/seats';
import { ApiError, badRequest, fromEngine } from '../../app/errors';
import { openApiDocument } from './openapi';
import { DEFAULT_MAX_BODY_BYTES, RawAnswer, type ApiRoute } from './route-table';
import { allRoutes } from './routes/index';
import { parsePart } from '../../contract/validation';
import { isExportRoute, recordExport } from './export-audit';

export type { ApiDeps } from './api-context';

/** The channel the workbench is showing: a login with agents in several channels acts as that channel's agent. */
export const CHANNEL_HEADER = 'x-kefu-channel';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;

/** A JSON body parser whose errors name the problem (the parser's own say little); the limit is the route's. */
function parseJson(limit: number) {
  const jsonBody = express.json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction): void => {
    jsonBody(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: unknown }).type;
      next(
        type === 'entity.too.large'
          ? new ApiError(413, 'body_too_large', `request body larger than ${sizeText(limit)}`)
          : badRequest('request body is not valid JSON', 'invalid_json'),
      );
    });
  };
}

function countRequests(metrics: Metrics | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!metrics) return next();
    const stop = metrics.apiLatency.startTimer();
    res.on('finish', () => {
      // The pattern, never the URL: ids in paths would make the label set unbounded.
      const route = req.route ? `/api/v1${String((req.route as { path?: unknown }).path)}` : 'unmatched';
      stop({ route, method: req.method });
      metrics.apiRequests.inc({ route, method: req.method, status: String(res.statusCode) });
    });
    next();
  };
}

async function authenticated(ctx: ApiContext, req: Request, res: Response) {
  try {
    return await ctx.auth.authenticate(bearerOf(req.get('authorization')));
  } catch (err) {
    res.set('www-authenticate', 'Bearer'); // RFC 6750: a 401 names the scheme
    throw err;
  }
}

function handlerOf(ctx: ApiContext, r: ApiRoute) {
  return async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    const caller = r.roles === 'public' ? undefined : await authenticated(ctx, req, res);
    if (caller && r.roles !== 'public') mustHaveRole(caller, r.roles);
    const params = r.params ? parsePart('params', r.params, req.params) : {};
    const principal = caller && (await actingPrincipal(ctx.admin.uow, caller, { ...params, preferredChannelId: req.get(CHANNEL_HEADER) }));
    const input = {
      params,
      query: r.query ? parsePart('query', r.query, req.query) : {},
      body: r.body ? parsePart('body', r.body, req.body) : {},
      req,
      res,
    };
    let result: unknown;
    try {
      result = await r.run(input, principal);
    } catch (err) {
      throw fromEngine(err);
    }
    if (principal && isExportRoute(r)) await recordExport(ctx.admin, principal, r, input);
    if (result === undefined) res.status(204).end();
    else if (result instanceof RawAnswer)
      res
        .status(r.status ?? 200)
        .set(result.headers)
        .type(result.contentType)
        .send(Buffer.from(result.body));
    else res.status(r.status ?? 200).json(result);
  };
}

export function apiRouter(deps: ApiDeps): Router {
  const ctx = apiContext(deps);
  const routes = allRoutes(ctx);
  const document = openApiDocument(routes, { version: deps.version ?? '1' });
  const router = Router();
  router.use(countRequests(deps.metrics));
  router.get('/openapi.json', (_req, res) => void res.json(document));
  for (const r of routes) router[r.method](r.path, parseJson(r.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), handlerOf(ctx, r));
  return router;
}
