// The verification pipeline of one POST push: query → signature → (decrypt → AppID) → parse → InboundMessage.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
// Nothing of the body is interpreted before the signature that covers it has been checked.
import type { ChannelConfig } from '../../core/channel';
import type { InboundMessage, RawRecord } from '../../core/inbound-message';
import { decryptMessage, parseAesKey } from './crypto';
import { encryptFieldOf, readEnvelope } from './envelope';
import { BadSignatureError, MalformedBodyError, MissingParameterError, ModeMismatchError, StaleTimestampError } from './errors';
import { msgSignature, signaturesEqual, urlSignature } from './signature';
import { toInboundMessage } from './to-domain';

/** The query as Express hands it over: repeated keys arrive as arrays and are refused. */
export type PushQuery = Record<string, unknown>;

export interface VerifiedPush {
  message: InboundMessage;
  /** The push was encrypted (encrypt_type=aes): the reply must be encrypted too. */
  encrypted: boolean;
  /** The request nonce, echoed in an encrypted reply. */
  nonce: string;
}

export interface ReplayPolicy {
  nowSeconds: number;
  /** Reject timestamps further than this from now. WeChat documents no window; this is a local option. */
  maxSkewSeconds: number;
}

export function queryParam(query: PushQuery, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredParam(query: PushQuery, name: string): string {
  const value = queryParam(query, name);
  if (value === undefined || value === '') throw new MissingParameterError(name);
  return value;
}

/** Verifies `signature` = SHA1(sort(token, timestamp, nonce)); used by URL verification and plaintext pushes. */
export function checkUrlSignature(channel: ChannelConfig, query: PushQuery, replay?: ReplayPolicy): { timestamp: string; nonce: string } {
  const signature = requiredParam(query, 'signature');
  const timestamp = requiredParam(query, 'timestamp');
  const nonce = requiredParam(query, 'nonce');
  if (!signaturesEqual(urlSignature(channel.token, timestamp, nonce), signature)) throw new BadSignatureError('signature mismatch');
  checkTimestamp(timestamp, replay);
  return { timestamp, nonce };
}

function checkTimestamp(timestamp: string, replay: ReplayPolicy | undefined): void {
  if (replay === undefined) return;
  const seconds = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(Math.abs(replay.nowSeconds - seconds) <= replay.maxSkewSeconds)) throw new StaleTimestampError('timestamp outside window');
}

/** encrypt_type=aes means encrypted; absent or `raw` means plaintext (WeChat's FAQ). */
function isEncrypted(channel: ChannelConfig, query: PushQuery): boolean {
  const encryptType = query.encrypt_type;
  const encrypted = encryptType === 'aes';
  if (!encrypted && encryptType !== undefined && encryptType !== 'raw') throw new ModeMismatchError('unknown encrypt_type');
  // WeChat encrypts every push in compatible and secure mode (compatible adds the plaintext fields beside
  // Encrypt). A plaintext push there would be a downgrade: `signature` does not cover the body, so it
  // would let anyone holding one old signature inject bodies. An encrypted push to a plaintext channel
  // is a misconfiguration.
  if (channel.mode !== 'plaintext' && !encrypted) throw new ModeMismatchError(`${channel.mode} channel got a plaintext push`);
  if (channel.mode === 'plaintext' && encrypted) throw new ModeMismatchError('plaintext channel got an encrypted push');
  return encrypted;
}

/** Compatible and secure mode: only what is inside `Encrypt` is authenticated, so only that is used. */
function openEncrypted(
  channel: ChannelConfig,
  query: PushQuery,
  body: string,
  replay?: ReplayPolicy,
): { record: RawRecord; nonce: string } {
  const signature = requiredParam(query, 'msg_signature');
  const timestamp = requiredParam(query, 'timestamp');
  const nonce = requiredParam(query, 'nonce');
  const encrypt = encryptFieldOf(body, channel.format);
  if (encrypt === undefined || encrypt === '') throw new MalformedBodyError('no Encrypt field');
  if (!signaturesEqual(msgSignature(channel.token, timestamp, nonce, encrypt), signature)) {
    throw new BadSignatureError('msg_signature mismatch');
  }
  checkTimestamp(timestamp, replay);
  const plaintext = decryptMessage(parseAesKey(channel.encodingAesKey), encrypt, channel.appId);
  return { record: readEnvelope(plaintext, channel.format), nonce };
}

export function receivePush(channel: ChannelConfig, query: PushQuery, body: string, replay?: ReplayPolicy): VerifiedPush {
  if (isEncrypted(channel, query)) {
    const { record, nonce } = openEncrypted(channel, query, body, replay);
    return { message: toInboundMessage(record), encrypted: true, nonce };
  }
  const { nonce } = checkUrlSignature(channel, query, replay);
  return { message: toInboundMessage(readEnvelope(body, channel.format)), encrypted: false, nonce };
}
