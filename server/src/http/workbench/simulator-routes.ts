// The customer simulator, for demos and local development only: an admin types as
// a WeChat customer and sees what WeChat delivered back, all through the WeChat emulator (the server's
// WECHAT_API_BASE_URL), so the message takes the real path: signed push, inbox, routing, outbox, send.
// Pictures WeChat delivered are media_ids the emulator keeps: GET /media/:mediaId passes their bytes on.
// Mounted only with KEFU_SIMULATOR=1, which config.ts refuses in production.
import express, { Router } from 'express';
import { z } from 'zod';
import { mustHaveRole, mustReachChannel } from '../../app/auth/policy';
import { ADMINS } from '../api/route-table';
import { ApiError, badRequest, notFound } from '../../app/errors';
import { callerOf } from './caller';
import type { WorkbenchDeps } from './workbench-deps';

type Simulator = NonNullable<WorkbenchDeps['simulator']>;

const id = z.string().min(1).max(64);
const openid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only');
const sendBody = z.strictObject({ channelId: id, openid, text: z.string().min(1).max(2000), sessionFrom: z.string().max(1000).optional() });
const readQuery = z.object({ channelId: id, openid });
const mediaQuery = z.object({ channelId: id });
const mediaId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a media_id');
/** Types a browser may render in place; anything else is only downloaded. */
const INLINE = /^image\/(jpeg|png|gif|webp|bmp)$/;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(z.prettifyError(parsed.error));
  return parsed.data;
}

async function emulator(sim: Simulator, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(
    `${sim.wechatApiBaseUrl}/emulator${path}`,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  if (!res.ok)
    throw new ApiError(502, 'emulator_failed', `the WeChat emulator answered HTTP ${res.status} (is WECHAT_API_BASE_URL the emulator?)`);
  return res.json();
}

/** What one customer received: the emulator's record of successful custom/send calls to that openid. */
interface SentRecord {
  seq: number;
  at: number;
  request?: { touser?: string; msgtype?: string } & Record<string, unknown>;
}

export function simulatorRouter(deps: WorkbenchDeps, sim: Simulator): Router {
  const router = Router();
  const appIdOf = async (channelId: string) => (await sim.channelAppId(channelId)) ?? Promise.reject(notFound(`channel ${channelId}`));
  const admin = async (req: express.Request, res: express.Response, channelId: string) => {
    const p = await callerOf(deps, req, res);
    mustHaveRole(p, ADMINS);
    mustReachChannel(p, channelId);
  };

  router.post('/messages', express.json({ limit: '16kb' }), async (req, res) => {
    const body = parse(sendBody, req.body);
    await admin(req, res, body.channelId);
    const path = `/apps/${encodeURIComponent(await appIdOf(body.channelId))}/customers/${body.openid}/messages`;
    // A customer who taps the contact button enters the chat (carrying the session-from), then types.
    if (body.sessionFrom !== undefined) await emulator(sim, path, { type: 'user_enter_tempsession', sessionFrom: body.sessionFrom });
    const answer = (await emulator(sim, path, { type: 'text', text: body.text })) as { message?: { msgId?: string }; push?: unknown };
    res.status(202).json({ msgId: answer.message?.msgId, push: answer.push });
  });

  router.get('/messages', async (req, res) => {
    const query = parse(readQuery, req.query);
    await admin(req, res, query.channelId);
    const appId = await appIdOf(query.channelId);
    const sent = (await emulator(sim, `/sent?appId=${encodeURIComponent(appId)}`)) as SentRecord[];
    const items = sent.filter((e) => e.request?.touser === query.openid).map((e) => ({ seq: e.seq, at: e.at, message: e.request }));
    res.set('cache-control', 'no-store').json({ items });
  });

  router.get('/media/:mediaId', async (req, res) => {
    const query = parse(mediaQuery, req.query);
    const media = parse(mediaId, req.params.mediaId);
    await admin(req, res, query.channelId);
    const appId = await appIdOf(query.channelId);
    const answer = await fetch(`${sim.wechatApiBaseUrl}/emulator/apps/${encodeURIComponent(appId)}/media/${encodeURIComponent(media)}`);
    if (answer.status === 404) throw notFound(`media ${media}`);
    if (!answer.ok)
      throw new ApiError(
        502,
        'emulator_failed',
        `the WeChat emulator answered HTTP ${answer.status} (is WECHAT_API_BASE_URL the emulator?)`,
      );
    const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const inline = INLINE.test(type);
    res.set({
      'content-type': inline ? type : 'application/octet-stream',
      'content-disposition': inline ? 'inline' : 'attachment',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600', // a media_id's bytes never change
    });
    res.send(Buffer.from(await answer.arrayBuffer()));
  });
  return router;
}
