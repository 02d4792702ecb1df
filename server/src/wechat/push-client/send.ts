// Sending over real HTTP: a POST push, and the GET URL verification (echostr handshake).
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
import { randomInt } from 'node:crypto';
import type { InboundMessage } from '../../core/inbound-message';
import { urlSignature } from '../inbound/signature';
import { type BuiltPush, type PushOptions, type PushTarget, buildPush, withQuery } from './build-push';

export interface PushResponse {
  status: number;
  body: string;
  /** What was sent, for logs and assertions. */
  request: BuiltPush;
}

/** Sends an already built (possibly deliberately altered) push. */
export async function sendBuiltPush(push: BuiltPush): Promise<PushResponse> {
  const response = await fetch(push.url, { method: push.method, headers: { 'content-type': push.contentType }, body: push.body });
  return { status: response.status, body: await response.text(), request: push };
}

export async function sendPush(target: PushTarget, message: InboundMessage, opts?: PushOptions): Promise<PushResponse> {
  return sendBuiltPush(buildPush(target, message, opts));
}

export interface VerifyOptions {
  timestamp?: number;
  nonce?: string;
  echostr?: string;
}

export interface VerifyResult {
  status: number;
  body: string;
  /** The server answered 200 with exactly the echostr. */
  ok: boolean;
  echostr: string;
}

/** The GET WeChat sends when the URL is saved in the console; the server must answer exactly `echostr`. */
export async function verifyUrl(target: Pick<PushTarget, 'url' | 'token'>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(randomInt(100_000_000, 2_000_000_000));
  const echostr = opts.echostr ?? String(randomInt(1, 2 ** 47)) + String(randomInt(10_000, 99_999));
  const signature = urlSignature(target.token, timestamp, nonce);
  const response = await fetch(withQuery(target.url, { signature, echostr, timestamp, nonce }));
  const body = await response.text();
  return { status: response.status, body, ok: response.status === 200 && body === echostr, echostr };
}
