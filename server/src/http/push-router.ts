// The push endpoint of every channel: GET = URL verification (echo `echostr`), POST = a push.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
// Handlers only throw typed errors; error-handler.ts answers them.
import { Router, type Request, type Response } from 'express';
import type { ChannelConfig, ChannelDirectory } from '../core/channel';
import type { InboundMessage, PassiveReply, PushOutcome } from '../core/inbound-message';
import { parseAesKey } from '../wechat/inbound/crypto';
import { textField } from '../wechat/inbound/envelope';
import { MethodNotAllowedError, UnknownChannelError } from '../wechat/inbound/errors';
import { type ReplayPolicy, type VerifiedPush, checkUrlSignature, receivePush, requiredParam } from '../wechat/inbound/receive-push';
import { sealReply } from '../wechat/inbound/reply-envelope';
import { renderReply } from '../wechat/inbound/replies';
import { decodeUtf8, readRawBody } from './raw-body';

export interface PushRouterDeps {
  channels: ChannelDirectory;
  onPush(channel: ChannelConfig, message: InboundMessage): Promise<PushOutcome>;
  nowMs(): number;
  randomBytes(size: number): Uint8Array;
  maxBodyBytes: number;
  /** Optional local replay window in seconds; WeChat documents none, so it is off unless configured. */
  replayWindowSeconds?: number;
}

async function channelOf(deps: PushRouterDeps, req: Request): Promise<ChannelConfig> {
  const id = req.params.channelId;
  const channel = typeof id === 'string' ? await deps.channels.find(id) : undefined;
  if (channel === undefined) throw new UnknownChannelError('no such channel');
  return channel;
}

function replayPolicy(deps: PushRouterDeps): ReplayPolicy | undefined {
  if (deps.replayWindowSeconds === undefined) return undefined;
  return { nowSeconds: Math.floor(deps.nowMs() / 1000), maxSkewSeconds: deps.replayWindowSeconds };
}

function replyOpenId(message: InboundMessage): string | undefined {
  return message.type === 'unknown' ? textField(message.raw, 'FromUserName') : message.fromUserName;
}

/** The passive reply, in the channel's format, encrypted when the push was. */
function replyBody(deps: PushRouterDeps, channel: ChannelConfig, push: VerifiedPush, reply: PassiveReply): string | undefined {
  const openId = replyOpenId(push.message);
  if (openId === undefined) return undefined;
  const nowSeconds = Math.floor(deps.nowMs() / 1000);
  const plaintext = renderReply(channel, openId, reply, nowSeconds);
  if (!push.encrypted) return plaintext;
  const key = parseAesKey(channel.encodingAesKey);
  const seal = { key, token: channel.token, appId: channel.appId, format: channel.format, nonce: push.nonce };
  return sealReply(plaintext, { ...seal, timestamp: nowSeconds, random: deps.randomBytes(16) });
}

function sendText(res: Response, body: string, format?: 'xml' | 'json'): void {
  const type = format === undefined ? 'text/plain' : format === 'xml' ? 'application/xml' : 'application/json';
  res.status(200).type(type).send(body);
}

export function pushRouter(deps: PushRouterDeps): Router {
  const router = Router();
  router.get('/:channelId', async (req, res) => {
    const channel = await channelOf(deps, req);
    checkUrlSignature(channel, req.query, replayPolicy(deps));
    sendText(res, requiredParam(req.query, 'echostr'));
  });
  router.post('/:channelId', async (req, res) => {
    const channel = await channelOf(deps, req);
    const body = decodeUtf8(await readRawBody(req, deps.maxBodyBytes));
    const push = receivePush(channel, req.query, body, replayPolicy(deps));
    const outcome = await deps.onPush(channel, push.message);
    const reply = outcome?.reply === undefined ? undefined : replyBody(deps, channel, push, outcome.reply);
    if (reply === undefined) sendText(res, 'success');
    else sendText(res, reply, channel.format);
  });
  router.all('/:channelId', () => {
    throw new MethodNotAllowedError('only GET and POST');
  });
  return router;
}
