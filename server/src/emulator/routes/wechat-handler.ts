// Wraps each emulated WeChat API: injected faults first (an outage refuses, a dropped connection is
// destroyed without an answer, a delay waits), then the handler; an EmulatorApiError becomes WeChat's HTTP 200 {errcode, errmsg};
// every call that reached WeChat is recorded (without tokens or secrets).
import type { Request, RequestHandler, Response } from 'express';
import { EmulatorApiError } from '../errors';
import type { StoredMedia } from '../media-store';
import type { EmulatorState } from '../state';

/** Filled in by the handler as it learns things, so a failed call is still recorded with its app. */
export interface CallContext {
  appId?: string;
  request?: unknown;
}

export type ApiAnswer = { json: Record<string, unknown> } | { file: StoredMedia };
export type ApiHandler = (req: Request, ctx: CallContext) => ApiAnswer | Promise<ApiAnswer>;

export function wechatApi(state: EmulatorState, api: string, handle: ApiHandler): RequestHandler {
  return async (req, res) => {
    const ctx: CallContext = {};
    // A request on a connection opened before the outage: the front end refuses it, unprocessed.
    if (state.faults.unreachable(state.clock.now())) return void res.status(503).set('connection', 'close').send('unreachable');
    const network = state.faults.network(api);
    if (network.drop === 'before') return cut(res);
    if (network.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, network.delayMs));
    try {
      state.faults.strike(api);
      const answer = await handle(req, ctx);
      record(state, api, ctx, 0, 'ok');
      // Processed (a message reached the customer), but the caller never hears of it.
      if (network.drop === 'after') return cut(res);
      send(res, answer);
    } catch (err) {
      if (!(err instanceof EmulatorApiError)) throw err;
      record(state, api, ctx, err.errcode, err.errmsg);
      res.json({ errcode: err.errcode, errmsg: err.errmsg });
    }
  };
}

/** The connection ends without an answer after the request was read: the caller cannot know what happened. */
function cut(res: Response): void {
  res.socket?.destroy();
}

function record(state: EmulatorState, api: string, ctx: CallContext, errcode: number, errmsg: string): void {
  state.recorder.add({ type: 'api', at: state.clock.now(), api, errcode, errmsg, ...ctx });
  state.tokenCalls.add({ at: state.clock.now(), api, errcode, ...(ctx.appId !== undefined && { appId: ctx.appId }) });
}

function send(res: Response, answer: ApiAnswer): void {
  if ('json' in answer) {
    res.json(answer.json);
    return;
  }
  const f = answer.file;
  res.set('content-type', f.contentType);
  res.set('content-disposition', `attachment; filename="${f.filename.replace(/["\r\n]/g, '')}"`);
  res.send(f.data);
}

/** The JSON body of a WeChat API call: empty is 44002, unparsable 47001 (read from the raw bytes). */
export function jsonBody(req: Request): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  if (raw.trim() === '') throw new EmulatorApiError(44002);
  try {
    return JSON.parse(raw);
  } catch {
    throw new EmulatorApiError(47001);
  }
}

export function queryString(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}
