// Push signatures: signature (URL verification and plaintext pushes) and msg_signature (encrypted pushes).
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
import { createHash, timingSafeEqual } from 'node:crypto';

/** lowercase hex SHA-1 of the lexicographically sorted, concatenated parts. */
export function sha1Signature(parts: readonly string[]): string {
  // Plain code-unit ordering, as WeChat's Java/PHP samples sort; inputs are ASCII in practice.
  const sorted = [...parts].sort();
  return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}

/** `signature` = SHA1(sort(token, timestamp, nonce)). */
export function urlSignature(token: string, timestamp: string, nonce: string): string {
  return sha1Signature([token, timestamp, nonce]);
}

/** `msg_signature` = SHA1(sort(token, timestamp, nonce, Encrypt)). */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1Signature([token, timestamp, nonce, encrypt]);
}

/** Constant-time comparison; a length mismatch is answered without comparing (length is not secret). */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
