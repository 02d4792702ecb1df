// The server-issued UnionID token: the UnionID bound to the customer's openid, so a token copied from
// one customer's session-from is worthless in another's. Sobot's plain AES/ECB token (cipher.ts) binds
// nothing and authenticates nothing: ECB blocks can even be cut and pasted between two tokens. Here the
// plaintext is `<openid>\n<unionid>`, encrypted as Sobot's (so the channel's key still reads it), then
// authenticated with AES-CMAC (RFC 4493) over the ciphertext, under a MAC key derived from the channel's
// UnionID key. Format: `b1.` + Base64(ciphertext ‖ 16-byte tag); the `.` never occurs in Base64, so a
// token of either format is recognised by its first characters.
// What it proves: that whoever holds the channel's UnionID key issued it for this openid. It does not
// prove the server issued it when the key also ships in a mini program (plain-union-id); the server's
// own record of its wx.login exchange is what makes a UnionID verified (see the kit's README).
import { base64Decode, base64Encode } from '../text/base64';
import { utf8Decode, utf8Encode } from '../text/utf8';
import { ecb } from './aes';
import { UnionIdCipherError, decryptUnionId, keyBytes } from './cipher';

export const BOUND_UNIONID_PREFIX = 'b1.';

/** Derives the MAC key: AES_k of a fixed block that no payload starts with (a payload never holds a NUL). */
const MAC_LABEL = utf8Encode('\0kefu-unionid-mac');

/**
 * What a session-from's `unionid` says once read with the channel's key and the pushing customer's openid:
 * `bound` (a `b1.` token issued for this openid), `unbound` (a Sobot token: anyone with the key may have
 * made it), `other_openid` (a `b1.` token issued for someone else: a replay), `unreadable`.
 */
export type UnionIdTokenReading =
  | { kind: 'bound'; unionId: string }
  | { kind: 'unbound'; unionId: string }
  | { kind: 'other_openid' }
  | { kind: 'unreadable' };

function block(key: Uint8Array): (b: Uint8Array) => Uint8Array {
  return (b) => ecb(key, { disablePadding: true }).encrypt(b);
}

function double(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i] as number) << 1) | (i < 15 ? (b[i + 1] as number) >> 7 : 0);
  if ((b[0] as number) & 0x80) out[15] = (out[15] as number) ^ 0x87;
  return out;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (a[i] as number) ^ (b[i] as number);
  return out;
}

/** AES-CMAC of a message whose length is a non-zero multiple of 16 (a ciphertext), under `k`. */
function cmac(k: Uint8Array, message: Uint8Array): Uint8Array {
  const aes = block(k);
  const k1 = double(aes(new Uint8Array(16)));
  let x: Uint8Array = new Uint8Array(16);
  for (let i = 0; i < message.length; i += 16) {
    const m = message.subarray(i, i + 16);
    x = aes(xor(x, i + 16 === message.length ? xor(m, k1) : m));
  }
  return x;
}

function macKey(key: Uint8Array): Uint8Array {
  return block(key)(MAC_LABEL.subarray(0, 16));
}

/** Constant-time: the compare must not tell how many leading bytes of a forged tag were right. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function plainPart(value: string, name: string): string {
  if (typeof value !== 'string' || value === '' || /[\n\0]/.test(value)) {
    throw new UnionIdCipherError('invalid_plaintext', `the ${name} must be a non-empty string without line breaks`);
  }
  return value;
}

/** The token the server hands the kit after its wx.login exchange: readable only with the key, valid only for `openid`. */
export function encryptBoundUnionId(unionId: string, openid: string, key: string): string {
  const k = keyBytes(key);
  const payload = utf8Encode(`${plainPart(openid, 'openid')}\n${plainPart(unionId, 'UnionID')}`);
  const cipher = ecb(k).encrypt(payload);
  const tagged = new Uint8Array(cipher.length + 16);
  tagged.set(cipher);
  tagged.set(cmac(macKey(k), cipher), cipher.length);
  return BOUND_UNIONID_PREFIX + base64Encode(tagged);
}

function readBound(token: string, k: Uint8Array, openid: string): UnionIdTokenReading {
  const data = base64Decode(token.slice(BOUND_UNIONID_PREFIX.length));
  if (!data || data.length < 32 || data.length % 16 !== 0) return { kind: 'unreadable' };
  const cipher = data.subarray(0, data.length - 16);
  if (!equalBytes(cmac(macKey(k), cipher), data.subarray(data.length - 16))) return { kind: 'unreadable' };
  let text: string | null;
  try {
    text = utf8Decode(ecb(k).decrypt(cipher));
  } catch {
    return { kind: 'unreadable' };
  }
  const cut = text?.indexOf('\n') ?? -1;
  if (text == null || cut <= 0 || cut === text.length - 1) return { kind: 'unreadable' };
  if (text.slice(0, cut) !== openid) return { kind: 'other_openid' };
  return { kind: 'bound', unionId: text.slice(cut + 1) };
}

/** Reads a session-from's `unionid` for the customer `openid`; never throws for a bad token (only for a bad key). */
export function readUnionIdToken(token: string, key: string, openid: string): UnionIdTokenReading {
  const k = keyBytes(key);
  if (token.startsWith(BOUND_UNIONID_PREFIX)) return readBound(token, k, openid);
  try {
    return { kind: 'unbound', unionId: decryptUnionId(token, key) };
  } catch {
    return { kind: 'unreadable' };
  }
}
