// The mini program kit's login endpoint: the kit sends the code from wx.login; we exchange it through
// sns/jscode2session (miniprogram/dev/OpenApiDoc/user-login/code2Session.html) and answer the openid
// and the UnionID encrypted with the channel's UnionID key and bound to that openid (shared/'s `b1.`
// token: another customer cannot replay it), so no key has to live inside the mini program. The server
// learned that UnionID from WeChat itself, so it is recorded as the customer's verified UnionID (app/
// union-id-verified.ts); the token the kit passes on in its session-from is only ever a claim.
// Never answered: the plain UnionID, the session_key.
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { encryptBoundUnionId } from '../../../../shared/src/index';
import { WeChatApiError, type CodeSession } from '../../wechat/outbound/index';

/** What the kit endpoint needs to know about a channel; secrets stay server-side. */
export interface KitChannel {
  appId: string;
  /** The AppSecret. */
  secret: string;
  /** 16, 24 or 32 UTF-8 bytes; the same key the channel's agents use to decrypt. */
  unionIdKey: string;
}

export interface KitSessionDeps {
  /** The mini program channel `channelId`, or undefined when unknown or not a mini program. */
  findKitChannel(channelId: string): Promise<KitChannel | undefined>;
  /** Usually `(app, code) => jscode2session(client, app, code)`. */
  codeToSession(app: { appId: string; secret: string }, code: string): Promise<CodeSession>;
  /** Usually app/union-id-verified.ts: WeChat named this openid's UnionID, so it is verified. */
  unionIdVerified(channelId: string, openid: string, unionId: string): Promise<void>;
}

export type KitSessionErrorCode = 'invalid_request' | 'unknown_channel' | 'invalid_code' | 'wechat_busy' | 'wechat_failed';

/** Carries an HTTP status and a public message like the inbound errors, for the one error handler. */
export class KitSessionError extends Error {
  override readonly name = 'KitSessionError';
  constructor(
    readonly status: number,
    readonly code: KitSessionErrorCode,
    readonly publicMessage: string,
    /** WeChat's errcode behind it, for logs. */
    readonly wxCode?: number,
  ) {
    super(publicMessage);
  }
}

const bodySchema = z.object({
  code: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/),
});
const paramsSchema = z.object({ channelId: z.string().min(1).max(64) });

/** The answer's unionId is null when WeChat has none (the mini program is not bound to an open platform). */
export interface KitSessionAnswer {
  openid: string;
  unionId: string | null;
}

function toKitError(err: unknown): unknown {
  if (!(err instanceof WeChatApiError)) return err;
  // 40029 invalid, 40163 used, 40226 high-risk user: the kit should call wx.login again.
  if ([40029, 40163, 40226].includes(err.errcode))
    return new KitSessionError(400, 'invalid_code', 'invalid or used login code', err.errcode);
  if (err.kind === 'busy' || err.kind === 'rate_limited')
    return new KitSessionError(503, 'wechat_busy', 'WeChat is busy, retry later', err.errcode);
  return new KitSessionError(502, 'wechat_failed', 'WeChat refused the login', err.errcode);
}

async function answer(deps: KitSessionDeps, req: Request): Promise<KitSessionAnswer> {
  const params = paramsSchema.safeParse(req.params);
  const body = bodySchema.safeParse(req.body);
  if (!params.success || !body.success) throw new KitSessionError(400, 'invalid_request', 'expected {"code": "<wx.login code>"}');
  const channel = await deps.findKitChannel(params.data.channelId);
  if (!channel) throw new KitSessionError(404, 'unknown_channel', 'unknown channel');
  let session: CodeSession;
  try {
    session = await deps.codeToSession({ appId: channel.appId, secret: channel.secret }, body.data.code);
  } catch (err) {
    throw toKitError(err);
  }
  if (session.unionId === undefined) return { openid: session.openId, unionId: null };
  await deps.unionIdVerified(params.data.channelId, session.openId, session.unionId);
  return { openid: session.openId, unionId: encryptBoundUnionId(session.unionId, session.openId, channel.unionIdKey) };
}

/** Mount with createApp's extraRouters, e.g. ['/kit', kitSessionRouter(deps)] → POST /kit/channels/:channelId/session. */
export function kitSessionRouter(deps: KitSessionDeps): Router {
  const router = Router();
  // Own parser with a tiny limit: the app's push endpoint reads raw bodies, and a code is < 128 bytes.
  router.use(express.json({ limit: '4kb' }));
  router.post('/channels/:channelId/session', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await answer(deps, req));
  });
  return router;
}
