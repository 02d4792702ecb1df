// Building a push exactly as WeChat sends it: query (signature, timestamp, nonce[, openid, encrypt_type,
// msg_signature]) and body (plaintext, compatible = plaintext + Encrypt, secure = ToUserName + Encrypt).
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
import { randomBytes, randomInt } from 'node:crypto';
import type { PushFormat, PushMode } from '../../core/channel';
import type { InboundMessage } from '../../core/inbound-message';
import { encryptMessage, parseAesKey } from '../inbound/crypto';
import { textField } from '../inbound/envelope';
import { msgSignature, urlSignature } from '../inbound/signature';
import { toFormat } from '../inbound/wire-format';
import { toWireRecord } from './to-wire';

/** Where and how to push: the channel's settings as WeChat knows them. */
export interface PushTarget {
  /** The push URL, e.g. http://127.0.0.1:3000/wechat/demo */
  url: string;
  token: string;
  appId: string;
  originalId: string;
  encodingAesKey?: string;
  mode: PushMode;
  format: PushFormat;
}

/** Everything WeChat would choose itself; inject for reproducible pushes. */
export interface PushOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Default a random decimal string, like WeChat's. */
  nonce?: string;
  /** The 16-byte frame prefix; default random. */
  random?: Uint8Array;
  /** The `openid` query parameter of encrypted pushes; default the message's sender. */
  openid?: string;
}

export interface BuiltPush {
  method: 'POST';
  /** target.url with the query appended. */
  url: string;
  query: Record<string, string>;
  body: string;
  contentType: string;
}

export function contentTypeOf(format: PushFormat): string {
  return format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
}

export function withQuery(url: string, query: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}

function senderOf(message: InboundMessage): string {
  return message.type === 'unknown' ? (textField(message.raw, 'FromUserName') ?? '') : message.fromUserName;
}

export function buildPush(target: PushTarget, message: InboundMessage, opts: PushOptions = {}): BuiltPush {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(randomInt(100_000_000, 2_000_000_000));
  const record = toWireRecord(message);
  const query: Record<string, string> = { signature: urlSignature(target.token, timestamp, nonce), timestamp, nonce };
  let body = toFormat(record, target.format);
  if (target.mode !== 'plaintext') {
    const encrypt = encryptMessage(parseAesKey(target.encodingAesKey), body, target.appId, opts.random ?? randomBytes(16));
    const envelope = target.mode === 'secure' ? { ToUserName: target.originalId, Encrypt: encrypt } : { ...record, Encrypt: encrypt };
    body = toFormat(envelope, target.format);
    Object.assign(query, {
      openid: opts.openid ?? senderOf(message),
      encrypt_type: 'aes',
      msg_signature: msgSignature(target.token, timestamp, nonce, encrypt),
    });
  }
  return { method: 'POST', url: withQuery(target.url, query), query, body, contentType: contentTypeOf(target.format) };
}
