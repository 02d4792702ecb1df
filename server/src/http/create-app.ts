// Builds the Express app without listening (main.ts listens). Routes: the WeChat push endpoint at
// /wechat/:channelId, then any routers other parts mount, then one 404 and the one error handler.
import { randomBytes } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import pino, { type Logger } from 'pino';
import type { ChannelConfig, ChannelDirectory } from '../core/channel';
import type { InboundMessage, PushOutcome } from '../core/inbound-message';
import { errorHandler } from './error-handler';
import { pushRouter } from './push-router';

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
  /** Routers mounted after the push endpoint, e.g. ['/api', workbenchRouter]. */
  extraRouters?: Array<[string, Router]>;
}

export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ name: 'wechat-kefu' });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    '/wechat',
    pushRouter({
      channels: deps.channels,
      onPush: deps.onPush,
      nowMs: deps.nowMs ?? Date.now,
      randomBytes: deps.randomBytes ?? randomBytes,
      maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      ...(deps.replayWindowSeconds === undefined ? {} : { replayWindowSeconds: deps.replayWindowSeconds }),
    }),
  );
  for (const [path, router] of deps.extraRouters ?? []) app.use(path, router);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found');
  });
  app.use(errorHandler(logger));
  return app;
}
