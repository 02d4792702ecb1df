// The Token and EncodingAESKey WeChat’s console asks for, generated here in the browser or pasted from that
// console and checked by its rules; the UnionID key generated likewise. The server
// takes them write-only and never returns them, so this page is the one place they are ever shown.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` letters and digits from crypto.getRandomValues, without modulo bias. */
export function randomAlnum(length: number): string {
  let out = '';
  const limit = 256 - (256 % ALPHABET.length); // 248: bytes at or above it would favour the first letters
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

export interface PushSecrets {
  token: string;
  encodingAesKey: string;
}

/** WeChat's rules: Token 3–32 letters/digits (we use 32), EncodingAESKey exactly 43. */
export const newPushSecrets = (): PushSecrets => ({ token: randomAlnum(32), encodingAesKey: randomAlnum(43) });

/** A UnionID key: 32 letters and digits are 32 bytes, AES-256 (the server takes 16, 24 or 32 bytes). */
export const newUnionIdKey = (): string => randomAlnum(32);

/** WeChat's console's own checks of what is typed or pasted: the message key, or undefined when it passes. */
export function tokenProblem(token: string): 'e_token' | undefined {
  return /^[A-Za-z0-9]{3,32}$/.test(token) ? undefined : 'e_token';
}

export function aesKeyProblem(key: string): 'e_aes' | 'e_aes_chars' | undefined {
  if (!/^[A-Za-z0-9]*$/.test(key)) return 'e_aes_chars';
  return key.length === 43 ? undefined : 'e_aes';
}
