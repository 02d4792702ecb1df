// The encrypted passive-reply envelope (安全模式回包): Encrypt, MsgSignature, TimeStamp, Nonce.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
import { type AesKey, encryptMessage } from './crypto';
import { msgSignature } from './signature';
import { WireNumber, toFormat } from './wire-format';

export interface SealParams {
  key: AesKey;
  token: string;
  appId: string;
  format: 'xml' | 'json';
  /** Our own timestamp (Unix seconds). */
  timestamp: number;
  /** WeChat says to echo the request's nonce. */
  nonce: string;
  /** 16 fresh random bytes for the frame prefix. */
  random: Uint8Array;
}

/** Encrypts a reply plaintext and wraps it; TimeStamp is a number, Nonce a string, as in the official example. */
export function sealReply(plaintext: string, p: SealParams): string {
  const encrypt = encryptMessage(p.key, plaintext, p.appId, p.random);
  const timestamp = String(p.timestamp);
  return toFormat(
    {
      Encrypt: encrypt,
      MsgSignature: msgSignature(p.token, timestamp, p.nonce, encrypt),
      TimeStamp: new WireNumber(timestamp),
      Nonce: p.nonce,
    },
    p.format,
  );
}
