// The push endpoint of every channel: GET = URL verification (echo `echostr`), POST = a push.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
// It is the hottest path of the server, so it is written against Node's own request and response,
// in front of Express's router: it reads the raw body itself (the signature covers its exact bytes)
// and answers with one write. Failures still go through the one failure path (respondToFailure).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ChannelConfig, ChannelDirectory } from '../core/channel';
import type { InboundMessage, PassiveReply, PushOutcome } from '../core/inbound-message';
import { parseAesKey } from '../wechat/inbound/crypto';
import { textField } from '../wechat/inbound/envelope';
import { BadSignatureError, DecryptError, MethodNotAllowedError, ModeMismatchError, UnknownChannelError } from '../wechat/inbound/errors';
import {
  type PushQuery,
  type ReplayPolicy,
  type VerifiedPush,
  checkUrlSignature,
  receivePush,
  requiredParam,
} from '../wechat/inbound/receive-push';
import { sealReply } from '../wechat/inbound/reply-envelope';
import { renderReply } from '../wechat/inbound/replies';
import { respondToFailure } from './error-handler';
import { decodeUtf8, readRawBody } from './raw-body';

export const PUSH_PREFIX = '/wechat/';

export interface PushHandlerDeps {
  channels: ChannelDirectory;
  onPush(channel: ChannelConfig, message: InboundMessage): Promise<PushOutcome>;
  nowMs(): number;
  randomBytes(size: number): Uint8Array;
  maxBodyBytes: number;
  /**
   * Optional local replay window in seconds for channels that set none; WeChat documents no window. A
   * channel's own `replayWindowSeconds` wins.
   */
  replayWindowSeconds?: number;
  logger: Logger;
}

interface Target {
  channelId: string;
  query: PushQuery;
}

/** `/wechat/<id>?…`: the id and the query, repeated keys kept as arrays (and so refused) as Express does. */
function targetOf(url: string): Target | undefined {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  let channelId: string;
  try {
    channelId = decodeURIComponent(path.slice(PUSH_PREFIX.length));
  } catch {
    return undefined; // a malformed %-escape names no channel
  }
  if (channelId === '' || channelId.includes('/')) return undefined;
  const query: PushQuery = {};
  for (const [key, value] of new URLSearchParams(q === -1 ? '' : url.slice(q + 1))) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { channelId, query };
}

function replayPolicy(deps: PushHandlerDeps, channel: ChannelConfig, nowMs: number): ReplayPolicy | undefined {
  const window = channel.replayWindowSeconds ?? deps.replayWindowSeconds;
  if (window === undefined) return undefined;
  return { nowSeconds: Math.floor(nowMs / 1000), maxSkewSeconds: window };
}

function replyOpenId(message: InboundMessage): string | undefined {
  return message.type === 'unknown' ? textField(message.raw, 'FromUserName') : message.fromUserName;
}

/** The passive reply, in the channel's format, encrypted (with the secrets that opened the push) when the push was. */
function replyBody(deps: PushHandlerDeps, channel: ChannelConfig, push: VerifiedPush, reply: PassiveReply): string | undefined {
  const openId = replyOpenId(push.message);
  if (openId === undefined) return undefined;
  const nowSeconds = Math.floor(deps.nowMs() / 1000);
  const plaintext = renderReply(channel, openId, reply, nowSeconds);
  if (!push.encrypted) return plaintext;
  const key = parseAesKey(push.secrets.encodingAesKey);
  const seal = { key, token: push.secrets.token, appId: channel.appId, format: channel.format, nonce: push.nonce };
  return sealReply(plaintext, { ...seal, timestamp: nowSeconds, random: deps.randomBytes(16) });
}

function sendText(res: ServerResponse, body: string, format?: 'xml' | 'json'): void {
  const type = format === undefined ? 'text/plain' : format === 'xml' ? 'application/xml' : 'application/json';
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function handle(deps: PushHandlerDeps, req: IncomingMessage, res: ServerResponse, target: Target): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') throw new MethodNotAllowedError('only GET and POST');
  const { channels } = deps;
  const channel = await channels.find(target.channelId);
  if (channel === undefined) throw new UnknownChannelError('no such channel');
  const changedSince = channels.changedSince?.bind(channels);
  await answerPush(deps, req, res, channel, target.query, changedSince && (() => changedSince(channel)));
}

/** Refusals a change of the channel's push settings (Token, mode, EncodingAESKey) would explain. */
function settingsRefusal(err: unknown): boolean {
  return err instanceof BadSignatureError || err instanceof ModeMismatchError || err instanceof DecryptError;
}

/**
 * `check` with the channel's settings, and once more with the channel as stored now when they were refused
 * and `changed` finds them changed since (a change made by another process or node, not seen yet here).
 */
async function withCurrentSettings<T>(
  channel: ChannelConfig,
  changed: (() => Promise<ChannelConfig | undefined>) | undefined,
  check: (channel: ChannelConfig) => T,
): Promise<[ChannelConfig, T]> {
  try {
    return [channel, check(channel)];
  } catch (err) {
    const current = changed && settingsRefusal(err) ? await changed() : undefined;
    if (current === undefined) throw err;
    return [current, check(current)];
  }
}

/**
 * A URL check (GET) or a push (POST) for `channel`, verified with its push settings, stored through
 * onPush and answered. The one path of every push: the open platform's message URL hands over an
 * authorized account's channel with the platform's settings (http/component-push-handler.ts).
 * `changed`: the channel as stored now, when a refusal may come from settings changed elsewhere.
 */
export async function answerPush(
  deps: PushHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  kept: ChannelConfig,
  query: PushQuery,
  changed?: () => Promise<ChannelConfig | undefined>,
): Promise<void> {
  const nowMs = deps.nowMs();
  if (req.method === 'GET') {
    await withCurrentSettings(kept, changed, (c) => checkUrlSignature(c, query, replayPolicy(deps, c, nowMs), nowMs));
    const echostr = requiredParam(query, 'echostr');
    deps.channels.noteActivity?.(kept.id, 'verified', nowMs);
    sendText(res, echostr);
    return;
  }
  const body = decodeUtf8(await readRawBody(req, deps.maxBodyBytes));
  const [channel, push] = await withCurrentSettings(kept, changed, (c) => receivePush(c, query, body, replayPolicy(deps, c, nowMs), nowMs));
  deps.channels.noteActivity?.(channel.id, 'push', nowMs);
  const outcome = await deps.onPush(channel, push.message);
  const reply = outcome?.reply === undefined ? undefined : replyBody(deps, channel, push, outcome.reply);
  if (reply === undefined) sendText(res, 'success');
  else sendText(res, reply, channel.format);
}

/** Handles `/wechat/<channel id>` and returns true, or returns false for any other URL. */
export function pushHandler(deps: PushHandlerDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(PUSH_PREFIX)) return false;
    const target = targetOf(url);
    const fail = (err: unknown) =>
      respondToFailure(
        deps.logger,
        err,
        { method: req.method, url, route: '/wechat/:channelId', channelId: target?.channelId, socket: req.socket },
        res,
      );
    if (target === undefined) fail(new UnknownChannelError('no channel id'));
    else handle(deps, req, res, target).catch(fail);
    return true;
  };
}
