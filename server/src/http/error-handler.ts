// The one place where failures become HTTP responses (registered last). Each failure is logged once,
// with its code and status only: no Token, EncodingAESKey, AppSecret, query string or body.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { BodyTooLargeError } from '../wechat/inbound/errors';

interface Answer {
  status: number;
  code: string;
  text: string;
  wxCode?: number;
  /** Our own fixed wording of what failed (never request data). */
  detail?: string;
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
}

export function isPublicFailure(err: unknown): err is Error & PublicFailure {
  if (!(err instanceof Error)) return false;
  const e = err as Partial<PublicFailure>;
  return Number.isInteger(e.status) && typeof e.code === 'string' && typeof e.publicMessage === 'string';
}

/** Typed errors answer for themselves; client errors from other routers (e.g. body parsers) keep their 4xx. */
function answerFor(err: unknown): Answer {
  if (isPublicFailure(err)) {
    return { status: err.status, code: err.code, text: err.publicMessage, detail: err.message, ...(err.wxCode === undefined ? {} : { wxCode: err.wxCode }) };
  }
  const status = typeof err === 'object' && err !== null ? Number((err as { status?: unknown }).status) : NaN;
  if (Number.isInteger(status) && status >= 400 && status < 500) return { status, code: 'client_error', text: 'bad request' };
  return { status: 500, code: 'internal_error', text: 'internal error' };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const answer = answerFor(err);
    const fields = {
      code: answer.code,
      status: answer.status,
      wxCode: answer.wxCode,
      detail: answer.detail,
      method: req.method,
      route: req.baseUrl + (req.route ? String((req.route as { path?: unknown }).path) : ''),
      channelId: typeof req.params?.channelId === 'string' ? req.params.channelId : undefined,
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
    // An unread oversized body is not drained: the connection is closed after the answer.
    if (err instanceof BodyTooLargeError) res.set('Connection', 'close');
    // WeChat reads the push endpoint's answers as text; everything else is an API and answers JSON.
    if (req.originalUrl.startsWith('/wechat/')) res.status(answer.status).type('text/plain').send(answer.text);
    else res.status(answer.status).json({ error: { code: answer.code, message: answer.text } });
  };
}
