// The verification pipeline of one POST push: query → signature → (decrypt → AppID) → parse → InboundMessage.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
// Nothing of the body is interpreted before the signature that covers it has been checked.
import { acceptedSecrets, acceptsPlaintext, type ChannelConfig, type PushSecrets } from '../../core/channel';
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
  /** The secrets that opened the push (current or previous): the reply is sealed with them. */
  secrets: PushSecrets;
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

/**
 * Verifies `signature` = SHA1(sort(token, timestamp, nonce)); used by URL verification and plaintext pushes.
 * The current Token is tried first, then the previous one while its grace period lasts (`nowMs` given):
 * WeChat signs with whichever its console holds. Answers the secrets that matched.
 */
export function checkUrlSignature(
  channel: ChannelConfig,
  query: PushQuery,
  replay?: ReplayPolicy,
  nowMs?: number,
): { timestamp: string; nonce: string; secrets: PushSecrets } {
  const signature = requiredParam(query, 'signature');
  const timestamp = requiredParam(query, 'timestamp');
  const nonce = requiredParam(query, 'nonce');
  const secrets = candidates(channel, nowMs).find((s) => signaturesEqual(urlSignature(s.token, timestamp, nonce), signature));
  if (secrets === undefined) throw new BadSignatureError('signature mismatch');
  checkTimestamp(timestamp, replay);
  return { timestamp, nonce, secrets };
}

function candidates(channel: ChannelConfig, nowMs: number | undefined): PushSecrets[] {
  return nowMs === undefined ? [channel] : acceptedSecrets(channel, nowMs);
}

function checkTimestamp(timestamp: string, replay: ReplayPolicy | undefined): void {
  if (replay === undefined) return;
  const seconds = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(Math.abs(replay.nowSeconds - seconds) <= replay.maxSkewSeconds)) throw new StaleTimestampError('timestamp outside window');
}

/**
 * encrypt_type=aes means encrypted; absent or `raw` means plaintext (WeChat's FAQ). Decided per request,
 * as WeChat advises, so that a push sent while the two consoles disagree about the mode is not lost.
 */
function isEncrypted(channel: ChannelConfig, query: PushQuery, nowMs: number | undefined): boolean {
  const encryptType = query.encrypt_type;
  const encrypted = encryptType === 'aes';
  if (!encrypted && encryptType !== undefined && encryptType !== 'raw') throw new ModeMismatchError('unknown encrypt_type');
  // WeChat encrypts every push in compatible and secure mode (compatible adds the plaintext fields beside
  // Encrypt). A plaintext push there would be a downgrade: `signature` does not cover the body, so it
  // would let anyone holding one old signature inject bodies. It is accepted only while a switch from or
  // to plaintext is in progress (the grace period of a mode change).
  if (!encrypted && !(nowMs === undefined ? channel.mode === 'plaintext' : acceptsPlaintext(channel, nowMs))) {
    throw new ModeMismatchError(`${channel.mode} channel got a plaintext push`);
  }
  return encrypted;
}

/** Compatible and secure mode: only what is inside `Encrypt` is authenticated, so only that is used. */
function openEncrypted(
  channel: ChannelConfig,
  query: PushQuery,
  body: string,
  replay: ReplayPolicy | undefined,
  nowMs: number | undefined,
): { record: RawRecord; nonce: string; secrets: PushSecrets } {
  const keyed = candidates(channel, nowMs).filter((s) => s.encodingAesKey !== undefined);
  // An encrypted push to a channel without any key (current or previous) is a misconfiguration.
  if (keyed.length === 0) throw new ModeMismatchError('plaintext channel got an encrypted push');
  const signature = requiredParam(query, 'msg_signature');
  const timestamp = requiredParam(query, 'timestamp');
  const nonce = requiredParam(query, 'nonce');
  const encrypt = encryptFieldOf(body, channel.format);
  if (encrypt === undefined || encrypt === '') throw new MalformedBodyError('no Encrypt field');
  const signed = keyed.filter((s) => signaturesEqual(msgSignature(s.token, timestamp, nonce, encrypt), signature));
  if (signed.length === 0) throw new BadSignatureError('msg_signature mismatch');
  checkTimestamp(timestamp, replay);
  return { ...openWithFirstKey(signed, encrypt, channel), nonce };
}

/** A Token can be kept while the key changes: every key whose Token signed the push is tried, the current first. */
function openWithFirstKey(signed: PushSecrets[], encrypt: string, channel: ChannelConfig): { record: RawRecord; secrets: PushSecrets } {
  let failure: unknown;
  for (const secrets of signed) {
    try {
      const plaintext = decryptMessage(parseAesKey(secrets.encodingAesKey), encrypt, channel.appId);
      return { record: readEnvelope(plaintext, channel.format), secrets };
    } catch (err) {
      failure ??= err;
    }
  }
  throw failure;
}

/**
 * Verifies and parses one push. `nowMs` (the server's clock) lets the previous settings of a recent change
 * be accepted during their grace period; without it only the current ones are.
 */
export function receivePush(channel: ChannelConfig, query: PushQuery, body: string, replay?: ReplayPolicy, nowMs?: number): VerifiedPush {
  if (isEncrypted(channel, query, nowMs)) {
    const { record, nonce, secrets } = openEncrypted(channel, query, body, replay, nowMs);
    return { message: toInboundMessage(record), encrypted: true, nonce, secrets };
  }
  const { nonce, secrets } = checkUrlSignature(channel, query, replay, nowMs);
  return { message: toInboundMessage(readEnvelope(body, channel.format)), encrypted: false, nonce, secrets };
}
