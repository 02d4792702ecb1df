// The UnionID cipher of Sobot's "UnionID Encryption" (../shared/seeds/004): AES/ECB/PKCS5Padding,
// Base64 output, key = the UTF-8 bytes of the channel's UnionID key. Byte-for-byte what Java's
// Cipher.getInstance("AES/ECB/PKCS5Padding") gives. ECB is Sobot's choice, kept for compatibility;
// it hides the UnionID but leaks equality, which is what a stable customer identifier needs anyway.
import { base64Decode, base64Encode } from '../text/base64';
import { utf8Decode, utf8Encode } from '../text/utf8';
import { ecb } from './aes';

export type UnionIdCipherErrorCode = 'invalid_key' | 'invalid_plaintext' | 'invalid_ciphertext';

export class UnionIdCipherError extends Error {
  override readonly name = 'UnionIdCipherError';
  constructor(
    readonly code: UnionIdCipherErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The key's UTF-8 bytes, checked: AES-128, -192 or -256. */
export function keyBytes(key: string): Uint8Array {
  if (typeof key !== 'string') throw new UnionIdCipherError('invalid_key', 'the UnionID key must be a string');
  const bytes = utf8Encode(key);
  if (bytes.length !== 16 && bytes.length !== 24 && bytes.length !== 32) {
    // The key's length is safe to say; the key itself never appears in a message.
    throw new UnionIdCipherError('invalid_key', `the UnionID key must be 16, 24 or 32 UTF-8 bytes, got ${bytes.length}`);
  }
  return bytes;
}

export function encryptUnionId(unionId: string, key: string): string {
  const k = keyBytes(key);
  if (typeof unionId !== 'string' || unionId === '') {
    throw new UnionIdCipherError('invalid_plaintext', 'the UnionID to encrypt must be a non-empty string');
  }
  return base64Encode(ecb(k).encrypt(utf8Encode(unionId)));
}

/** One opaque error for every way a ciphertext can be wrong, so it cannot serve as a padding oracle. */
export function decryptUnionId(cipherText: string, key: string): string {
  const k = keyBytes(key);
  const bad = () => new UnionIdCipherError('invalid_ciphertext', 'the encrypted UnionID cannot be decrypted with this key');
  const data = typeof cipherText === 'string' ? base64Decode(cipherText) : null;
  if (!data || data.length === 0 || data.length % 16 !== 0) throw bad();
  let plain: Uint8Array;
  try {
    plain = ecb(k).decrypt(data);
  } catch {
    throw bad();
  }
  const text = utf8Decode(plain);
  if (text === null || text === '') throw bad();
  return text;
}
