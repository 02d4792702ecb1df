// Builds the server's request handler without listening (main.ts listens). The WeChat push endpoint
// (/wechat/:channelId) is served before Express sees the request: it is the hot path, and Express's
// per-request work costs more than verifying, decrypting and parsing a push (server/bench/). Everything
// else goes to Express: the routers other parts mount, then one 404 and the one error handler.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import express, { type Router } from 'express';
import pino, { type Logger } from 'pino';
import type { ChannelConfig, ChannelDirectory } from '../core/channel';
import type { InboundMessage, PushOutcome } from '../core/inbound-message';
import { type ComponentPushDeps, componentPushHandler } from './component-push-handler';
import { errorHandler } from './error-handler';
import { pushHandler, type PushHandlerDeps } from './push-handler';

/** WeChat pushes are a few KB (SessionFrom ≤ 1000 bytes, compatible mode ≈ 3×); 64 KiB leaves ample room. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  channels: ChannelDirectory;
  /** Called with every verified push; resolve after the message is durably stored (WeChat retries otherwise). */
  onPush(channel: ChannelConfig, message: InboundMessage): Promise<PushOutcome>;
  logger?: Logger;
  /** Milliseconds since the epoch; default Date.now. */
  nowMs?: () => number;
  /** Default node:crypto randomBytes. */
  randomBytes?: (size: number) => Uint8Array;
  maxBodyBytes?: number;
  /** Reject pushes whose timestamp is further than this from now (seconds). Off by default: WeChat documents no window. */
  replayWindowSeconds?: number;
  /** Express's `trust proxy` (e.g. "1" behind one reverse proxy), so req.ip is the client's. */
  trustProxy?: string;
  /** Routers mounted after the push endpoint, e.g. ['/api', workbenchRouter]. */
  extraRouters?: Array<[string, Router]>;
  /** The open platform's URLs (/wechat/component/…); absent: not served. */
  openPlatform?: Omit<ComponentPushDeps, 'push' | 'logger'>;
}

/** "true"/"false", a hop count, or Express's list of addresses and names. */
function trustProxyValue(text: string): boolean | number | string {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** A Node request listener, with Express's `listen` for convenience. */
export interface KefuApp {
  (req: IncomingMessage, res: ServerResponse): void;
  listen(port: number, host?: string, onListening?: () => void): Server;
}

export function createApp(deps: AppDeps): KefuApp {
  const logger = deps.logger ?? pino({ name: 'wechat-kefu' });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (deps.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(deps.trustProxy));
  const pushDeps: PushHandlerDeps = {
    channels: deps.channels,
    onPush: deps.onPush,
    nowMs: deps.nowMs ?? Date.now,
    randomBytes: deps.randomBytes ?? randomBytes,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    ...(deps.replayWindowSeconds === undefined ? {} : { replayWindowSeconds: deps.replayWindowSeconds }),
    logger,
  };
  const push = pushHandler(pushDeps);
  const component = deps.openPlatform && componentPushHandler({ ...deps.openPlatform, push: pushDeps, logger });
  for (const [path, router] of deps.extraRouters ?? []) app.use(path, router);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found');
  });
  app.use(errorHandler(logger));
  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    // Set before any route answers: browsers never guess a type other than the declared one (API JSON,
    // the workbench's files, the push endpoint's raw writeHead answers, which merge headers set here).
    res.setHeader('x-content-type-options', 'nosniff');
    if (component?.(req, res)) return;
    if (!push(req, res)) app(req, res);
  }) as KefuApp;
  handler.listen = (port, host, onListening) => createServer(handler).listen(port, host, onListening);
  return handler;
}
