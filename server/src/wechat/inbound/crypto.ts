// WXBizMsgCrypt: AES-256-CBC message encryption for pushes and passive replies.
// https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.html
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// Frame: random(16) ‖ msg_len (4 bytes BE) ‖ msg (UTF-8) ‖ receiveId, PKCS#7-padded to 32-byte blocks,
// key = Base64(EncodingAESKey + "="), IV = key[0..16).
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { BadCiphertextError, BadKeyError, BadPaddingError, DecryptError, WrongAppIdError } from './errors';

/** WeChat pads to 32 bytes, not AES's 16: the official example has 19 bytes of padding. */
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const HEADER_BYTES = RANDOM_BYTES + 4;
const KEY_PATTERN = /^[A-Za-z0-9+/]{43}$/;
/** Canonical base64 with the length check below (a multiple of 4): one linear scan, no backtracking groups. */
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export type AesKey = Buffer & { readonly __aesKey: true };

/** Decodes an EncodingAESKey; anything but 43 base64 characters yielding 32 bytes is a configuration error. */
export function parseAesKey(encodingAesKey: string | undefined): AesKey {
  if (encodingAesKey === undefined || !KEY_PATTERN.test(encodingAesKey)) throw new BadKeyError('EncodingAESKey invalid');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new BadKeyError('EncodingAESKey invalid');
  return key as AesKey;
}

/** Encrypts `plaintext` for `receiveId` (the AppID) with the given 16 random bytes; returns the Base64 `Encrypt`. */
export function encryptMessage(key: AesKey, plaintext: string, receiveId: string, random: Uint8Array): string {
  if (random.length !== RANDOM_BYTES) throw new RangeError('random prefix must be 16 bytes');
  const msg = Buffer.from(plaintext, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length, 0);
  const frame = Buffer.concat([random, length, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = PAD_BLOCK - (frame.length % PAD_BLOCK);
  const padded = Buffer.concat([frame, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/**
 * Decrypts an `Encrypt` value and checks that it was meant for `expectedAppId`.
 * Throws a DecryptError subclass for every failure; callers must verify msg_signature first,
 * which is what keeps the distinct subclasses from becoming a padding oracle.
 */
export function decryptMessage(key: AesKey, encrypt: string, expectedAppId: string): string {
  const plain = unpad(decryptBlocks(key, encrypt));
  if (plain.length < HEADER_BYTES) throw new BadPaddingError('frame shorter than its header');
  const msgLength = plain.readUInt32BE(RANDOM_BYTES);
  if (msgLength > plain.length - HEADER_BYTES) throw new BadPaddingError('message length beyond frame');
  const msgEnd = HEADER_BYTES + msgLength;
  const receiveId = plain.subarray(msgEnd).toString('latin1');
  if (receiveId !== expectedAppId) throw new WrongAppIdError('receiveId is not the channel AppID');
  try {
    return strictUtf8.decode(plain.subarray(HEADER_BYTES, msgEnd));
  } catch {
    throw new DecryptError('message is not UTF-8');
  }
}

function decryptBlocks(key: AesKey, encrypt: string): Buffer {
  if (encrypt.length === 0 || encrypt.length % 4 !== 0 || !BASE64_PATTERN.test(encrypt)) throw new BadCiphertextError('not base64');
  const data = Buffer.from(encrypt, 'base64');
  if (data.length === 0 || data.length % PAD_BLOCK !== 0) throw new BadCiphertextError('length not a multiple of 32');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** Strict PKCS#7 with K = 32: the pad byte is 1…32 and every pad byte carries it. */
function unpad(padded: Buffer): Buffer {
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > PAD_BLOCK || pad > padded.length) throw new BadPaddingError('pad byte out of range');
  let mismatch = 0;
  for (let i = padded.length - pad; i < padded.length; i++) mismatch |= (padded[i] ?? 0) ^ pad;
  if (mismatch !== 0) throw new BadPaddingError('pad bytes differ');
  return padded.subarray(0, padded.length - pad);
}
