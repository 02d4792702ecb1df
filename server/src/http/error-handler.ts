// The one place where failures become HTTP responses (registered last). Each failure is logged once,
// with its code and status only: no Token, EncodingAESKey, AppSecret, query string or body.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isBusyError } from '../core/ports/database-busy';
import { BodyTooLargeError } from '../wechat/inbound/errors';
import type { FailureDetails } from '../app/errors';

interface Answer {
  status: number;
  code: string;
  text: string;
  wxCode?: number;
  /** Our own fixed wording of what failed (never request data). */
  detail?: string;
  /** The field, reason and rule figures a client words the failure with (app/errors.ts FailureDetails). */
  details?: FailureDetails;
  /** A delete refused: what still refers to the record, kind → count (app/admin/archive.ts). */
  dependents?: Record<string, number>;
}

/**
 * The shape every typed error of ours has (InboundError, KitSessionError, the API's errors): a status,
 * a stable code and a public message. Matched by shape so that wechat/ and app/ need not import http/.
 */
export interface PublicFailure {
  status: number;
  code: string;
  publicMessage: string;
  wxCode?: number | undefined;
  details?: FailureDetails | undefined;
}

export function isPublicFailure(err: unknown): err is Error & PublicFailure {
  if (!(err instanceof Error)) return false;
  const e = err as Partial<PublicFailure>;
  return Number.isInteger(e.status) && typeof e.code === 'string' && typeof e.publicMessage === 'string';
}

function dependentsOf(err: object): { dependents?: Record<string, number> } {
  const d = (err as { dependents?: unknown }).dependents;
  return typeof d === 'object' && d !== null ? { dependents: d as Record<string, number> } : {};
}

/** Typed errors answer for themselves; client errors from other routers (e.g. body parsers) keep their 4xx. */
function answerFor(err: unknown): Answer {
  if (isPublicFailure(err)) {
    return {
      status: err.status,
      code: err.code,
      text: err.publicMessage,
      detail: err.message,
      ...(err.wxCode === undefined ? {} : { wxCode: err.wxCode }),
      ...(err.details && { details: err.details }),
      ...dependentsOf(err),
    };
  }
  // A statement that met another writer's lock outside the storage's retrying queue: nothing was written.
  if (isBusyError(err)) return { status: 503, code: 'database_busy', text: 'the database is busy; try again shortly' };
  const status = typeof err === 'object' && err !== null ? Number((err as { status?: unknown }).status) : NaN;
  if (Number.isInteger(status) && status >= 400 && status < 500) return { status, code: 'client_error', text: 'bad request' };
  return { status: 500, code: 'internal_error', text: 'internal error' };
}

/** Whole seconds from the error's own hint (e.g. DatabaseBusy's), at least 1. */
function retryAfterSeconds(err: unknown): number {
  const ms = Number((err as { retryAfterMs?: unknown } | null)?.retryAfterMs);
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 1;
}

/** What the one failure path needs of a request; Express requests and raw Node requests both have it. */
export interface FailedRequest {
  method?: string | undefined;
  /** The path and query as received; only the path part is logged. */
  url: string;
  /** The route pattern when known, for logs. */
  route: string;
  channelId?: string | undefined;
  socket: { destroy(): void };
}

/**
 * The one place where a failure becomes an HTTP response and a log line (once, without secrets: code,
 * status, route and channel only). Used by the Express error handler and by the raw push handler.
 */
export function respondToFailure(logger: Logger, err: unknown, req: FailedRequest, res: ServerResponse): void {
  const answer = answerFor(err);
  const fields = {
    code: answer.code,
    status: answer.status,
    wxCode: answer.wxCode,
    detail: answer.detail,
    method: req.method,
    route: req.route,
    channelId: req.channelId,
  };
  if (answer.status >= 500) {
    const detail = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: typeof err };
    logger.error({ ...fields, err: detail }, 'request failed');
  } else {
    logger.warn(fields, 'request rejected');
  }
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  // WeChat reads the push endpoint's answers as text; everything else is an API and answers JSON.
  const wechat = req.url.startsWith('/wechat/');
  const body = wechat
    ? answer.text
    : JSON.stringify({
        error: { code: answer.code, message: answer.text, ...answer.details, ...(answer.dependents && { dependents: answer.dependents }) },
      });
  res.statusCode = answer.status;
  res.setHeader('content-type', wechat ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  if (answer.status === 503) res.setHeader('retry-after', String(retryAfterSeconds(err)));
  // An unread oversized body is not drained: the connection is closed after the answer.
  if (err instanceof BodyTooLargeError) res.setHeader('connection', 'close');
  res.end(body);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    respondToFailure(
      logger,
      err,
      {
        method: req.method,
        url: req.originalUrl,
        route: req.baseUrl + (req.route ? String((req.route as { path?: unknown }).path) : ''),
        channelId: typeof req.params?.channelId === 'string' ? req.params.channelId : undefined,
        socket: req.socket,
      },
      res,
    );
  };
}
